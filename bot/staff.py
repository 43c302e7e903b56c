"""What chat platforms may ask of staff: 'ask A6IP staff' (escalation), the staff commands, and who counts as
staff (A6BOT_ADMINS). One place, so every channel escalates and refuses the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.escalation import EscalationOutcome, Forward, forward_to_staff
from bot.staff_commands import COMMANDS
from bot.texts import say

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.services import Services


def is_admin(settings: Settings, platform: str, user_id: str | int) -> bool:
    """Listed in A6BOT_ADMINS as platform:user_id (e.g. telegram:12345, slack:U0123)."""
    return f"{platform.strip().lower()}:{str(user_id).strip()}" in {a.strip() for a in settings.admins}


class Staff:
    def __init__(self, services: Services) -> None:
        self.services = services
        # The staff's inbox as a Forward, set at start by a channel that sends email (the email platform);
        # a channel without a staff room of its own (the web chat) forwards there when it is set.
        self.mailbox: Forward | None = None

    @property
    def contact(self) -> str:
        """Where anyone can write to A6IP staff (A6BOT_STAFF_EMAIL)."""
        return self.services.settings.staff_email

    async def escalate(self, log_id: int, *, forward: Forward | None, language: str) -> EscalationOutcome:
        """Flag a logged question for staff and pass it on with `forward` (the channel's staff room; None
        when it has none); the outcome says what to tell the person, in their language."""
        escalation = await self.services.answerer.escalate(log_id)
        return await forward_to_staff(escalation, forward, language=language, contact=self.contact)

    async def command(self, *, platform: str, user_id: str | int, command: str, language: str) -> str:
        """The reply to /stats, /unanswered or /reindex; a polite refusal for anyone not on the staff list."""
        name = command.strip().lstrip("/").split("@")[0].lower()
        if not is_admin(self.services.settings, platform, user_id):
            return say("staff.refusal", language, command=f"/{name}", who=f"{platform}:{user_id}")
        if name not in COMMANDS:
            return f"Unknown staff command /{name}; use " + ", ".join(f"/{c}" for c in COMMANDS) + "."
        return await COMMANDS[name](self.services)
