"""Subscribing by email with double opt-in: a request stores the address with its choices and sends a
signed, expiring confirmation link; only the link's confirmation makes it a subscription in the core. The
unsubscribe link (and RFC 8058's one-click POST) ends the subscription and deletes the address."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.outreach.topics import normalize_topic
from bot.outreach.zones import resolve_timezone
from bot.public import email_address
from bot.services import Backend
from bot.texts import LANGUAGES, UserError, say, topics_text

from adapters.email import store
from adapters.email.compose import confirmation_message
from adapters.email.links import Links
from adapters.email.smtp import Mailer, masked
from adapters.email.store import Address, utcnow

log = logging.getLogger("adapters.email")
PLATFORM = "email"
RESEND_AFTER = timedelta(minutes=10)  # one confirmation message per address per 10 minutes, whoever asks


@dataclass(frozen=True)
class Subscribers:
    """The email platform's subscription flow, shared by the web form, the links and `a6bot subscribers`."""

    backend: Backend
    mailer: Mailer
    links: Links

    async def request(self, *, address: str, topics: Sequence[str], language: str, timezone: str | None,
                      source: str, confirmed: bool = False) -> str:
        """Record the request and send the confirmation link (or, `confirmed`, subscribe at once); the
        message for the person, in their language. UserError for a bad address, topic or zone, or a
        confirmation sent to this address moments ago."""
        language = language if language in LANGUAGES else "en"
        wanted = sorted({normalize_topic(t) for t in topics})
        zone = resolve_timezone(timezone) if timezone and timezone.strip() else "UTC"
        address = email_address(address)
        earlier = await store.by_address(self.backend.db, address=address)
        if earlier is not None and not confirmed and utcnow() - earlier.requested_at < RESEND_AFTER:
            raise UserError("email.too_soon")
        row = await store.record_request(self.backend.db, address=address, topics=wanted, language=language,
                                         timezone=zone, source="staff-confirmed" if confirmed else source)
        if confirmed:
            await self.activate(row)
            return say("email.added", language, address=address, topics=topics_text(wanted, language))
        message = confirmation_message(self.mailer, row, url=self.links.confirm_url(row), days=self.links.confirm_days)
        try:
            await self.mailer.send(message)
        except Exception as error:  # the person is told to try later; the request stays for that retry
            log.warning("confirmation to %s not sent: %s: %s", masked(address), type(error).__name__, error)
            await self.forget_unconfirmed(row)
            raise UserError("email.send_failed") from error
        log.info("confirmation sent to %s", masked(address))
        return say("email.check_inbox", language, address=address)

    async def forget_unconfirmed(self, row: Address) -> None:
        """A request whose confirmation could not be sent leaves nothing behind, unless it was subscribed."""
        if row.confirmed_at is None and await self.backend.outreach.subscription(platform=PLATFORM,
                                                                                chat_id=row.chat_id) is None:
            await store.forget(self.backend.db, chat_id=row.chat_id)

    async def address(self, chat_id: str) -> Address | None:
        return await store.by_chat(self.backend.db, chat_id=chat_id)

    async def pending(self, token: str) -> Address | None:
        """The request a confirmation link stands for, if the link is genuine, in time and the latest."""
        found = self.links.confirmation(token)
        if found is None:
            return None
        row = await store.by_chat(self.backend.db, chat_id=found[0])
        return row if row is not None and row.nonce == found[1] else None

    async def confirm(self, token: str) -> Address | None:
        """The link was followed and confirmed: the address becomes (or stays) a subscription with the choices
        of its latest request. None for a forged, expired or replaced link."""
        found = self.links.confirmation(token)
        row = await store.mark_confirmed(self.backend.db, chat_id=found[0], nonce=found[1]) if found else None
        if row is not None:
            await self.activate(row)
        return row

    async def activate(self, row: Address) -> None:
        if row.confirmed_at is None:
            row = await store.mark_confirmed(self.backend.db, chat_id=row.chat_id, nonce=row.nonce) or row
        await self.backend.outreach.subscribe(platform=PLATFORM, chat_id=row.chat_id, topics=list(row.topics),
                                              language=row.language, timezone=row.timezone, replace=True)
        log.info("email subscription confirmed for %s", masked(row.address))

    async def unsubscribe(self, token: str) -> Address | None:
        """End the subscription of an unsubscribe link and delete its address; None for a forged link.
        Following the link again finds nothing and does nothing."""
        chat_id = self.links.unsubscriber(token)
        return await self.remove(chat_id) if chat_id else None

    async def remove(self, chat_id: str) -> Address | None:
        row = await store.by_chat(self.backend.db, chat_id=chat_id)
        await self.backend.outreach.unsubscribe(platform=PLATFORM, chat_id=chat_id)
        await store.forget(self.backend.db, chat_id=chat_id)
        if row is not None:
            log.info("email subscription ended for %s", masked(row.address))
        return row

    async def remove_address(self, address: str) -> bool:
        row = await store.by_address(self.backend.db, address=email_address(address))
        return row is not None and await self.remove(row.chat_id) is not None
