"""Events in the database: upsert by calendar UID (bumping the revision on material change), cancel, query."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.outreach.models import EVENT_STATUSES, Event
from bot.outreach.notifier import EventInfo
from bot.outreach.topics import normalize_kind, normalize_topic
from bot.outreach.zones import resolve_timezone
from bot.storage import Database
from knowledge.links import check_link, safe_link

MATERIAL = ("title", "starts_at", "ends_at", "timezone", "all_day", "place", "online", "hybrid",
            "registration_url", "status")
SCHEDULE = ("starts_at", "ends_at", "timezone", "all_day")
# The longest value each text field takes (the database columns' sizes; a description is free text but a
# notice must still fit a chat message and an email); longer is refused with the field's name, never cut.
FIELD_LIMITS = {"uid": 255, "title": 500, "place": 300, "organiser": 300, "registration_url": 1000,
                "description": 5000, "language": 8, "region": 100}


def check_lengths(values: dict[str, Any]) -> None:
    """ValueError naming the first text field over its limit, with its length and the limit."""
    for name, limit in FIELD_LIMITS.items():
        value = values.get(name)
        if isinstance(value, str) and len(value) > limit:
            raise ValueError(f"{name.replace('_', ' ')} is {len(value):,} characters long; "
                             f"at most {limit:,} are allowed.")


@dataclass
class EventSpec:
    """An event as typed by staff or read from a file, validated and normalised (times aware UTC)."""

    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    timezone: str = "UTC"
    kind: str = "other"
    topics: list[str] = field(default_factory=list)
    all_day: bool = False
    place: str | None = None
    online: bool = False
    hybrid: bool = False
    organiser: str | None = None
    registration_url: str | None = None
    description: str | None = None
    language: str = "en"
    region: str | None = None
    status: str = "scheduled"
    example: bool = False

    def __post_init__(self) -> None:
        self.uid, self.title = self.uid.strip(), " ".join(self.title.split())
        if not self.uid or not self.title:
            raise ValueError("an event needs a uid and a title")
        check_lengths({f.name: getattr(self, f.name) for f in fields(self)})
        if self.registration_url:
            self.registration_url = check_link(self.registration_url, "registration link")
        self.timezone = resolve_timezone(self.timezone)
        self.kind = normalize_kind(self.kind)
        self.topics = sorted({normalize_topic(t) for t in self.topics})
        if self.status not in EVENT_STATUSES:
            raise ValueError(f"unknown status {self.status!r}; use one of {', '.join(EVENT_STATUSES)}")
        if self.starts_at.tzinfo is None or (self.ends_at is not None and self.ends_at.tzinfo is None):
            raise ValueError(f"event {self.uid}: times must carry a time zone")
        self.starts_at = self.starts_at.astimezone(timezone.utc)
        self.ends_at = self.ends_at.astimezone(timezone.utc) if self.ends_at else None
        if self.ends_at is not None and self.ends_at < self.starts_at:
            raise ValueError(f"event {self.uid}: it ends before it starts")


def local_datetime(value: str, zone: str) -> datetime:
    """'2026-03-12 09:00' in a zone (or with an offset) -> aware UTC; a bare date is midnight there."""
    parsed = datetime.fromisoformat(value.strip())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(resolve_timezone(zone)))
    return parsed.astimezone(timezone.utc)


def changed_fields(row: Event, spec: EventSpec) -> list[str]:
    return [name for name in MATERIAL if getattr(row, name) != getattr(spec, name)]


async def upsert(session: AsyncSession, spec: EventSpec, *, source: str, now: datetime | None = None,
                 publish: bool = True) -> tuple[Event, str]:
    """Insert or update by UID; returns the row and 'added', 'changed' or 'unchanged'."""
    row = await session.scalar(select(Event).where(Event.uid == spec.uid))
    now = now or datetime.now(timezone.utc)
    values = {f.name: getattr(spec, f.name) for f in fields(spec)}
    if row is None:
        row = Event(**values, source=source, revision=1, schedule_revision=1, last_changes=[],
                    published_at=now if publish else None)
        session.add(row)
        await session.flush()
        return row, "added"
    if spec.status == "scheduled" and row.status == "changed":
        spec.status = row.status  # a re-import of the same data is not a change back to "scheduled"
    changes = changed_fields(row, spec)
    if changes and "status" not in changes and row.status == "scheduled":
        spec.status, changes = "changed", [*changes, "status"]
    for name, value in values.items():
        setattr(row, name, value)
    if changes:
        row.revision += 1
        row.last_changes = changes
        if any(name in SCHEDULE for name in changes):
            row.schedule_revision += 1
    if publish and row.published_at is None:
        row.published_at = now
    await session.flush()
    return row, "changed" if changes else "unchanged"


async def cancel(db: Database, *, uid: str, session: AsyncSession | None = None) -> Event | None:
    """Mark an event cancelled (a material change, so subscribers who heard of it get a notice)."""
    async with db.session(within=session) as session:
        row = await session.scalar(select(Event).where(Event.uid == uid))
        if row is None or row.status == "cancelled":
            return row
        row.status, row.revision, row.last_changes = "cancelled", row.revision + 1, ["status"]
        return row


async def get(db: Database, *, uid: str) -> Event | None:
    async with db.session() as session:
        return await session.scalar(select(Event).where(Event.uid == uid))


async def listing(db: Database, *, start: datetime | None = None, end: datetime | None = None,
                  topic: str | None = None, include_cancelled: bool = True) -> list[Event]:
    """Events overlapping [start, end), by start time; optionally on one topic."""
    query = select(Event).order_by(Event.starts_at, Event.id)
    if start is not None:
        query = query.where(or_(Event.starts_at >= start, Event.ends_at >= start))
    if end is not None:
        query = query.where(Event.starts_at < end)
    if not include_cancelled:
        query = query.where(Event.status != "cancelled")
    async with db.session() as session:
        rows = list((await session.scalars(query)).all())
    return [r for r in rows if topic is None or topic in r.topics]


async def upcoming(db: Database, *, topic: str | None = None, now: datetime | None = None, limit: int = 5,
                   offset: int = 0) -> list[Event]:
    """Published events not yet over and not cancelled, soonest first."""
    now = now or datetime.now(timezone.utc)
    rows = await listing(db, start=now, topic=normalize_topic(topic) if topic else None, include_cancelled=False)
    rows = [r for r in rows if r.published_at is not None and (r.ends_at or r.starts_at + timedelta(hours=1)) > now]
    return rows[offset:offset + limit]


def calendar_url(base: str, uid: str) -> str:
    """The event's .ics address, under /calendar/event/ so that no uid meets a topic feed's address
    (bot.outreach.calendar); any uid is quoted into one path segment ('/' too, so no part of a uid such as
    "./x" or "a/../b" is a "." or ".." segment that a browser would resolve to another event's address)."""
    return f"{base.rstrip('/')}/calendar/event/{quote(uid, safe='@:+')}.ics"


def info(row: Event, *, base_url: str) -> EventInfo:
    """The immutable snapshot a Notice carries."""
    return EventInfo(uid=row.uid, title=row.title, kind=row.kind, topics=tuple(row.topics), starts_at=row.starts_at,
                     ends_at=row.ends_at, timezone=row.timezone, all_day=row.all_day, place=row.place,
                     online=row.online, hybrid=row.hybrid, organiser=row.organiser,
                     registration_url=safe_link(row.registration_url), description=row.description, language=row.language,
                     status=row.status, revision=row.revision, calendar_url=calendar_url(base_url, row.uid),
                     updated_at=row.updated_at)


def spec_of(row: Event, **overrides: Any) -> EventSpec:
    """The editable fields of a row, with some replaced (for `a6bot events edit`)."""
    values = {f.name: getattr(row, f.name) for f in fields(EventSpec)}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return EventSpec(**values)
