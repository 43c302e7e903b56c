"""'Ask A6IP staff': a logged question flagged for staff and forwarded through the channel's own staff room,
with what the person is told in every case (forwarded, no staff room, forwarding failed, unknown question)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.texts import say

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Escalation:
    """A question flagged for staff, as the core logged it (the asker only as the channel knows them)."""

    log_id: int
    question: str
    answered: bool
    confidence: float
    channel: str
    language: str
    asked_at: datetime
    reply_to: str | None = None  # an email address the person gave for a reply (the web chat's form), never stored


Forward = Callable[[Escalation], Awaitable[bool]]  # posts it to the channel's staff room; False if it could not
Status = Literal["forwarded", "no_staff_room", "failed", "unknown"]


@dataclass(frozen=True)
class EscalationOutcome:
    status: Status
    message: str  # for the person who asked, in their language
    escalation: Escalation | None = None


async def forward_to_staff(escalation: Escalation | None, forward: Forward | None, *, language: str,
                           contact: str) -> EscalationOutcome:
    """Forward a flagged question (None: it is not on record) and say what happened."""
    if escalation is None:
        return EscalationOutcome("unknown", say("staff.gone", language))
    if forward is None:
        return EscalationOutcome("no_staff_room", say("staff.none", language, contact=contact), escalation)
    try:
        delivered = await forward(escalation)
    except Exception:  # a broken staff room must not lose the person's request: they are told where to write
        log.exception("forwarding question %s to staff failed", escalation.log_id)
        delivered = False
    if not delivered:
        return EscalationOutcome("failed", say("staff.failed", language, contact=contact), escalation)
    return EscalationOutcome("forwarded", say("staff.sent", language), escalation)
