"""Which notifications are due: a pure function of (events, subscriptions, what each subscriber knows, now)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from bot.outreach.models import Event, Subscription

REMINDERS = (("reminder-7d", 7, timedelta(hours=48)), ("reminder-1d", 1, timedelta(hours=24)))
DIGEST_AT = time(9, 0)  # Monday 09:00 in the subscriber's zone
DIGEST_WINDOW = timedelta(hours=12)  # a digest more than this late is dropped, not sent on Monday night
DIGEST_HORIZON = timedelta(days=7)

Key = tuple[int | None, int, str, int]


@dataclass(frozen=True)
class Planned:
    """A delivery to record; (event_id, subscription_id, kind, revision) is its identity."""

    event_id: int | None
    subscription_id: int
    kind: str
    revision: int
    due_at: datetime
    payload: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> Key:
        return (self.event_id, self.subscription_id, self.kind, self.revision)


def matches(event: Event, sub: Subscription) -> bool:
    """Empty topics or kinds on a subscription mean 'all'."""
    return (not sub.topics or bool(set(event.topics) & set(sub.topics))) and (not sub.kinds or event.kind in sub.kinds)


def reminder_due(event: Event, sub: Subscription, days: int) -> datetime:
    """`days` before the start at the same wall-clock time in the organiser's zone (so DST cannot shift it);
    for an all-day event, 09:00 in the subscriber's zone `days` before its date."""
    start = event.starts_at.astimezone(ZoneInfo(event.timezone))
    if event.all_day:
        day = start.date() - timedelta(days=days)
        return datetime.combine(day, time(9, 0), ZoneInfo(sub.timezone)).astimezone(timezone.utc)
    return (start - timedelta(days=days)).astimezone(timezone.utc)


def digest_slot(sub: Subscription, now: datetime) -> tuple[datetime, int]:
    """This week's Monday 09:00 in the subscriber's zone (as UTC) and the ISO week as year*100+week."""
    zone = ZoneInfo(sub.timezone)
    local = now.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    year, week, _ = monday.isocalendar()
    return datetime.combine(monday, DIGEST_AT, zone).astimezone(timezone.utc), year * 100 + week


def plan_event(event: Event, sub: Subscription, now: datetime, known: int) -> Iterable[Planned]:
    """Deliveries due now for one event and one subscriber who has seen revision `known` (0 = nothing)."""
    if event.published_at is None or event.published_at > now or event.starts_at <= now:
        return
    if event.status == "cancelled":
        if known:
            yield Planned(event.id, sub.id, "cancel", event.revision, now)
        return
    yield Planned(event.id, sub.id, "announce", 0, event.published_at)
    if known and event.revision > known and event.last_changes:
        yield Planned(event.id, sub.id, "change", event.revision, now)
    for kind, days, grace in REMINDERS:
        due = reminder_due(event, sub, days)
        if event.published_at <= due <= now < min(due + grace, event.starts_at):
            if kind == "reminder-7d" and now >= reminder_due(event, sub, 1):
                continue  # tomorrow's reminder supersedes a late one-week reminder
            yield Planned(event.id, sub.id, kind, event.schedule_revision, due)


def plan_digest(events: Sequence[Event], sub: Subscription, now: datetime) -> Planned | None:
    """The weekly digest, when it is Monday morning for this subscriber and something is coming up."""
    at, week = digest_slot(sub, now)
    if not sub.digest or not at <= now < at + DIGEST_WINDOW:
        return None
    coming = [e.id for e in events if e.status != "cancelled" and e.published_at is not None
              and e.published_at <= now and now < e.starts_at < now + DIGEST_HORIZON and matches(e, sub)]
    return Planned(None, sub.id, "digest", week, at, {"events": coming}) if coming else None


def plan(events: Sequence[Event], subscriptions: Sequence[Subscription], now: datetime, *,
         known: Mapping[tuple[int, int], int], existing: set[Key]) -> list[Planned]:
    """Every delivery due as of `now` that is not recorded yet; `known[(event, sub)]` is the newest revision
    that subscriber was sent (0 / absent: never told)."""
    out: list[Planned] = []
    for sub in subscriptions:
        if sub.paused:
            continue
        for event in events:
            if matches(event, sub):
                out += [p for p in plan_event(event, sub, now, known.get((event.id, sub.id), 0))
                        if p.key not in existing]
        digest = plan_digest(events, sub, now)
        if digest is not None and digest.key not in existing:
            out.append(digest)
    return out
