"""The Notifier protocol a platform implements to send outreach notices, and the SendResult it answers with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from bot.outreach.notice import EventInfo, Notice, NoticeKind

SendStatus = Literal["ok", "retry", "transient", "permanent"]


@dataclass(frozen=True)
class SendResult:
    """The outcome of one send: ok, retry after N seconds (rate limited), transient failure, or permanent failure."""

    status: SendStatus
    retry_after: float | None = None  # seconds, from the platform's Retry-After when it gave one
    error: str | None = None
    message_id: str | None = None

    @classmethod
    def ok(cls, message_id: str | None = None) -> SendResult:
        return cls("ok", message_id=message_id)

    @classmethod
    def retry(cls, after: float, error: str = "rate limited") -> SendResult:
        return cls("retry", retry_after=after, error=error)

    @classmethod
    def transient(cls, error: str) -> SendResult:
        """A 5xx, a timeout, a network error: retried with backoff."""
        return cls("transient", error=error)

    @classmethod
    def permanent(cls, error: str) -> SendResult:
        """Blocked, kicked, chat not found (403/400): never retried; the subscription is paused."""
        return cls("permanent", error=error)


@runtime_checkable
class Notifier(Protocol):
    """Sends notices to one platform; adapters implement it (adapters.telegram.notifier, adapters.slack.notifier)."""

    platform: str

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        """Send one notice; return a SendResult rather than raising (an exception counts as transient)."""
        ...


__all__ = ["EventInfo", "Notice", "NoticeKind", "Notifier", "SendResult", "SendStatus"]
