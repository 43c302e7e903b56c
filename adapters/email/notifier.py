"""EmailNotifier: one outreach notice as one email to one confirmed address, and the SMTP server's answer
as a SendResult (4xx: retry later; 5xx for the recipient or message: pause the address)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.outreach.notifier import Notice, SendResult

from adapters.email import store
from adapters.email.compose import base_message, notice_message, with_language
from adapters.email.links import Links
from adapters.email.smtp import Mailer, result_of
from adapters.email.store import Database

log = logging.getLogger("adapters.email")


@dataclass
class EmailNotifier:
    db: Database
    mailer: Mailer
    links: Links
    retry_after: float = 60.0  # after a 4xx: greylisting and full mailboxes clear within minutes
    platform: str = "email"

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        address = await store.by_chat(self.db, chat_id=chat_id)
        if address is None or address.confirmed_at is None:
            return SendResult.permanent("address no longer on record")
        message = notice_message(self.mailer, notice, address=address,
                                 unsubscribe_url=self.links.unsubscribe_url(chat_id))
        try:
            await self.mailer.send(message)
        except Exception as error:
            return result_of(error, retry_after=self.retry_after)
        return SendResult.ok(str(message["Message-ID"])[:100])

    async def send_text(self, address: str, text: str, *, subject: str, language: str) -> SendResult:
        """A short plain-text notice (a support request moved) to the address the requester gave."""
        message = base_message(self.mailer, to=address, subject=subject)
        message["Auto-Submitted"] = "auto-generated"
        message.set_content(text.replace("*", "") + "\n")
        with_language(message, language)
        try:
            await self.mailer.send(message)
        except Exception as error:
            return result_of(error, retry_after=self.retry_after)
        return SendResult.ok(str(message["Message-ID"])[:100])
