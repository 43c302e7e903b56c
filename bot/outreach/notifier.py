"""What the outreach engine hands to a platform: a platform-neutral Notice, and the Notifier protocol that sends it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol, runtime_checkable

NoticeKind = Literal["announce", "reminder-7d", "reminder-1d", "change", "cancel", "digest"]
SendStatus = Literal["ok", "retry", "transient", "permanent"]


@dataclass(frozen=True)
class EventInfo:
    """A snapshot of one event as it was when the notice was built (times are aware UTC)."""

    uid: str
    title: str
    kind: str
    topics: tuple[str, ...]
    starts_at: datetime
    ends_at: datetime | None
    timezone: str  # the organiser's IANA zone
    all_day: bool
    place: str | None
    online: bool
    hybrid: bool
    organiser: str | None
    registration_url: str | None
    description: str | None
    language: str
    status: str  # scheduled, changed, postponed, cancelled
    revision: int
    calendar_url: str


@dataclass(frozen=True)
class Notice:
    """One message for one subscriber: what happened (kind), to which event(s), in the reader's zone and language."""

    kind: NoticeKind
    events: tuple[EventInfo, ...]  # exactly one, except a digest (one or more)
    timezone: str  # the subscriber's IANA zone
    language: str = "en"
    delivery_id: int | None = None  # stable across retries: lets a platform or a test sink spot a resend
    changes: tuple[str, ...] = field(default=())  # for kind "change": which fields changed (e.g. "starts_at")

    @property
    def event(self) -> EventInfo:
        return self.events[0]

    def plain(self) -> str:
        """The plain-text rendering every platform can fall back to."""
        from bot.outreach.render import render_plain

        return render_plain(self)


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
