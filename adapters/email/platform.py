"""The email platform: subscriptions by email with double opt-in, outreach notices as multipart emails with
the event's .ics, one-click unsubscribe, and the staff's inbox for "ask A6IP staff". aiosmtplib does the
sending; nothing here holds a connection open, so starting is registering routes and building the mailer."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.outreach.ratelimit import Rate
from bot.platform import Runner

from adapters.email.settings import EmailSettings

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.escalation import Escalation, Forward
    from bot.server import HttpServer
    from bot.services import Backend, Services

    from adapters.email.notifier import EmailNotifier
    from adapters.email.subscribers import Subscribers

log = logging.getLogger("adapters.email")


class EmailPlatform:
    """Configured by A6BOT_SMTP_URL and A6BOT_MAIL_FROM; paced at A6BOT_MAIL_PER_MINUTE overall."""

    name = "email"
    section = EmailSettings
    migrations: Path | None = Path(__file__).resolve().parent / "migrations"

    @property
    def rate(self) -> Rate:
        return Rate(overall=EmailSettings().mail_per_minute / 60.0, per_chat=None)

    def configured(self, settings: Settings) -> bool:
        section = settings.section(EmailSettings)
        return bool(section.url and section.mail_from)

    async def start(self, services: Services, server: HttpServer) -> Runner:
        from bot.public import Visitors, signing_key

        from adapters.email.routes import routes

        subscribers = self.subscribers(services)
        services.staff.mailbox = self.staff_mailbox(services)
        visitors = Visitors(signing_key(services.settings, "visitor"))
        for path, endpoint, methods, name in routes(subscribers, visitors, public_url=services.settings.public_url):
            server.add_route(path, endpoint, methods=methods, name=name)  # type: ignore[arg-type]
        log.info("email platform ready: SMTP %s:%s", subscribers.mailer.server.host, subscribers.mailer.server.port)
        return Runner(self.name, "smtp", nothing_to_stop)

    def notifier(self, services: Backend) -> EmailNotifier:
        from adapters.email.notifier import EmailNotifier

        subscribers = self.subscribers(services)
        return EmailNotifier(services.db, subscribers.mailer, subscribers.links)

    def subscribers(self, services: Backend) -> Subscribers:
        """The subscription flow on this install's SMTP server, sender and link keys."""
        from bot.public import signing_key

        from adapters.email.links import Links
        from adapters.email.smtp import Mailer, SmtpServer
        from adapters.email.subscribers import Subscribers

        section = services.settings.section(EmailSettings)
        mailer = Mailer(SmtpServer.parse(section.url), section.mail_from or "")
        links = Links(signing_key(services.settings, "email-confirm"), signing_key(services.settings, "email-unsubscribe"),
                      services.outreach.base_url, section.mail_confirm_days)
        return Subscribers(services, mailer, links)

    def staff_mailbox(self, services: Backend) -> Forward:
        """'Ask A6IP staff' as an email to A6BOT_STAFF_EMAIL, replying to the asker when they gave an address."""
        from adapters.email.compose import staff_message

        mailer = self.subscribers(services).mailer

        async def forward(escalation: Escalation) -> bool:
            await mailer.send(staff_message(mailer, escalation, to=services.settings.staff_email))
            return True

        return forward

    async def add_subscriber(self, services: Backend, address: str, *, topics: Sequence[str], language: str,
                             timezone: str | None, confirmed: bool) -> str:
        """`a6bot subscribers add`: the confirmation mail goes out unless `confirmed`."""
        return await self.subscribers(services).request(address=address, topics=topics, language=language,
                                                        timezone=timezone, source="staff", confirmed=confirmed)

    async def remove_subscriber(self, services: Backend, address: str) -> bool:
        """`a6bot subscribers remove`: end the subscription and delete the address."""
        return await self.subscribers(services).remove_address(address)


async def nothing_to_stop() -> None:
    """Each message opens its own SMTP connection; the shared server stops taking requests."""


PLATFORM = EmailPlatform()
