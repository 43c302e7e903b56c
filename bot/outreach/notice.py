"""What the outreach engine hands to a platform: immutable snapshots of events and the notice built from them
(data only; bot.outreach.render lays them out, each platform's notifier sends them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

NoticeKind = Literal["announce", "reminder-7d", "reminder-1d", "change", "cancel", "digest", "resource"]


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
    updated_at: datetime | None = None  # when staff last changed it (the .ics file's DTSTAMP)


@dataclass(frozen=True)
class ResourceInfo:
    """A capacity-building resource as it was announced (fixed when the announcement was planned), with its
    description in each language, so every subscriber reads it in theirs."""

    title: str
    publisher: str
    type: str
    topics: tuple[str, ...]
    languages: tuple[str, ...]
    url: str
    descriptions: dict[str, str] = field(hash=False)  # language -> description (en, fr, es)

    def describe(self, language: str) -> str:
        return self.descriptions.get(language) or self.descriptions.get("en", "")


@dataclass(frozen=True)
class Notice:
    """One message for one subscriber: what happened (kind), to which event(s), in the reader's zone and language."""

    kind: NoticeKind
    events: tuple[EventInfo, ...]  # exactly one, except a digest (one or more) and a resource (none)
    timezone: str  # the subscriber's IANA zone
    language: str = "en"
    delivery_id: int | None = None  # stable across retries: lets a platform or a test sink spot a resend
    changes: tuple[str, ...] = field(default=())  # for kind "change": which fields changed (e.g. "starts_at")
    resource: ResourceInfo | None = None  # for kind "resource": the new capacity-building resource

    @property
    def event(self) -> EventInfo:
        return self.events[0]
