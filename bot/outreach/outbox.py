"""The durable outbox: record planned deliveries (never twice), claim due ones with a lease, record outcomes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.outreach.models import Delivery, Event, Subscription
from bot.outreach.planner import Key, Planned, plan
from bot.storage import Database

INSERT_CHUNK = 1000


def wall_now() -> datetime:
    return datetime.now(timezone.utc)


async def insert_planned(session: AsyncSession, planned: Sequence[Planned]) -> int:
    """INSERT ... ON CONFLICT DO NOTHING: a delivery another worker recorded first is silently skipped."""
    dialect = session.bind.dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    created = wall_now()
    inserted = 0
    for start in range(0, len(planned), INSERT_CHUNK):
        rows = [{"event_id": p.event_id, "subscription_id": p.subscription_id, "kind": p.kind, "revision": p.revision,
                 "payload": p.payload, "due_at": p.due_at, "state": "pending", "attempts": 0, "created_at": created}
                for p in planned[start:start + INSERT_CHUNK]]
        result = await session.execute(insert(Delivery).values(rows).on_conflict_do_nothing())
        inserted += max(result.rowcount or 0, 0)  # type: ignore[attr-defined]
    return inserted


async def plan_due(db: Database, *, now: datetime) -> int:
    """Record every delivery due as of `now`; returns how many new rows were recorded."""
    async with db.session() as session:
        events = list((await session.scalars(select(Event).where(
            Event.starts_at > now, Event.published_at.is_not(None), Event.published_at <= now))).all())
        subs = list((await session.scalars(select(Subscription).where(Subscription.paused.is_(False)))).all())
        if not events or not subs:
            return 0
        ids = [e.id for e in events]
        existing: set[Key] = set()
        known: dict[tuple[int, int], int] = {}
        rows = await session.execute(select(Delivery.event_id, Delivery.subscription_id, Delivery.kind,
                                            Delivery.revision, Delivery.rendered_revision)
                                     .where(or_(Delivery.event_id.in_(ids),
                                                and_(Delivery.kind == "digest", Delivery.due_at >= now - timedelta(days=8)))))
        for event_id, sub_id, kind, revision, rendered in rows:
            existing.add((event_id, sub_id, kind, revision))
            if rendered and event_id is not None:
                known[(event_id, sub_id)] = max(known.get((event_id, sub_id), 0), rendered)
        planned = plan(events, subs, now, known=known, existing=existing)
        return await insert_planned(session, planned) if planned else 0


@dataclass(frozen=True)
class Claimed:
    """A delivery this worker holds the lease on, with what is needed to send it."""

    id: int
    event_id: int | None
    kind: str
    revision: int
    payload: dict[str, Any]
    attempts: int
    token: str
    subscription_id: int
    platform: str
    chat_id: str
    timezone: str
    language: str
    paused: bool


def claimable(due_by: datetime, wall: datetime) -> Any:
    return and_(Delivery.due_at <= due_by, or_(
        and_(Delivery.state == "pending", or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= wall)),
        and_(Delivery.state == "claimed", Delivery.lease_until < wall)))


async def claim(db: Database, *, worker: str, due_by: datetime, platforms: Sequence[str], limit: int,
                lease: float) -> list[Claimed]:
    """Lease up to `limit` due rows. PostgreSQL skips rows other workers hold (SKIP LOCKED); the conditional
    UPDATE with a fresh token makes a double claim impossible on any database."""
    wall = wall_now()
    token = f"{worker}/{uuid.uuid4().hex[:8]}"
    # An explicit state filter and a correlated EXISTS let the (state, due_at) index drive the query: an IN
    # subquery made SQLite walk every delivery ever recorded, so each claim slowed as the history grew.
    on_platforms = (select(Subscription.id).where(Subscription.id == Delivery.subscription_id,
                                                  Subscription.platform.in_(platforms)).exists())
    async with db.session() as session:
        ids = list((await session.scalars(
            select(Delivery.id).where(Delivery.state.in_(("pending", "claimed")), claimable(due_by, wall), on_platforms)
            .order_by(Delivery.due_at, Delivery.id).limit(limit).with_for_update(skip_locked=True, of=Delivery))).all())
        if not ids:
            return []
        await session.execute(update(Delivery).where(Delivery.id.in_(ids), claimable(due_by, wall)).values(
            state="claimed", claimed_by=token, claimed_at=wall, lease_until=wall + timedelta(seconds=lease)))
        rows = await session.execute(  # plain columns, not ORM objects: building entities stalls the loop
            select(Delivery.id, Delivery.event_id, Delivery.kind, Delivery.revision, Delivery.payload,
                   Delivery.attempts, Subscription.id, Subscription.platform, Subscription.chat_id,
                   Subscription.timezone, Subscription.language, Subscription.paused)
            .join(Subscription, Subscription.id == Delivery.subscription_id)
            .where(Delivery.id.in_(ids), Delivery.claimed_by == token, Delivery.state == "claimed")
            .order_by(Delivery.due_at, Delivery.id))
        return [Claimed(d_id, event_id, kind, revision, dict(payload or {}), attempts, token, s_id, platform, chat_id,
                        zone, language, paused)
                for d_id, event_id, kind, revision, payload, attempts, s_id, platform, chat_id, zone, language, paused
                in rows]


@dataclass(frozen=True)
class Outcome:
    """What became of one claimed delivery."""

    id: int
    token: str
    subscription_id: int
    state: str  # sent, pending (retry later), failed, paused, skipped
    attempts: int
    next_attempt_at: datetime | None = None
    error: str | None = None
    message_id: str | None = None
    rendered_revision: int | None = None
    pause_subscription: bool = False


async def finish(db: Database, *, outcomes: Sequence[Outcome]) -> None:
    """Record outcomes in one short transaction; a permanent failure pauses the subscription and its queue."""
    if not outcomes:
        return
    wall = wall_now()
    table, subs = Delivery.__table__, Subscription.__table__
    statement = (update(table).where(table.c.id == bindparam("b_id"), table.c.claimed_by == bindparam("b_token"))
                 .values(state=bindparam("b_state"), attempts=bindparam("b_attempts"),
                         next_attempt_at=bindparam("b_next"), last_error=bindparam("b_error"),
                         message_id=bindparam("b_message"), rendered_revision=bindparam("b_rendered"),
                         sent_at=bindparam("b_sent"), lease_until=None))
    params = [{"b_id": o.id, "b_token": o.token, "b_state": o.state, "b_attempts": o.attempts,
               "b_next": o.next_attempt_at, "b_error": (o.error or "")[:500] or None, "b_message": o.message_id,
               "b_rendered": o.rendered_revision, "b_sent": wall if o.state == "sent" else None} for o in outcomes]
    sent: dict[int, int] = {}
    failed: dict[int, int] = {}
    for o in outcomes:
        if o.state == "sent":
            sent[o.subscription_id] = sent.get(o.subscription_id, 0) + 1
        elif o.state == "failed":
            failed[o.subscription_id] = failed.get(o.subscription_id, 0) + 1
    pauses = {o.subscription_id: o.error for o in outcomes if o.pause_subscription}
    async with db.session() as session:
        await session.connection()
        await session.execute(statement, params)
        for column, counts in (("sent_count", sent), ("failed_count", failed)):
            if counts:  # one executemany per column, not one statement per subscriber
                await session.execute(update(subs).where(subs.c.id == bindparam("b_id"))
                                      .values({column: subs.c[column] + bindparam("b_count")}),
                                      [{"b_id": k, "b_count": n} for k, n in sorted(counts.items())])
        for sub_id, reason in pauses.items():
            await session.execute(update(Subscription).where(Subscription.id == sub_id)
                                  .values(paused=True, paused_reason=(reason or "permanent failure")[:500]))
            await session.execute(update(Delivery).where(Delivery.subscription_id == sub_id,
                                                         Delivery.state == "pending").values(state="paused"))


async def renew(db: Database, *, token: str, lease: float) -> int:
    """Extend the lease of the deliveries a batch still holds (the dispatcher's heartbeat)."""
    async with db.session() as session:
        result = await session.execute(update(Delivery).where(Delivery.claimed_by == token, Delivery.state == "claimed")
                                       .values(lease_until=wall_now() + timedelta(seconds=lease)))
        return max(result.rowcount or 0, 0)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Held:
    """Deliveries claimed by one worker and not finished: being sent if it lives, claimable by another
    worker once the lease runs out if it died."""

    worker: str
    count: int
    lease_until: datetime  # the latest of its leases: all are claimable again by then

    def seconds_left(self, now: datetime | None = None) -> float:
        return max(0.0, (self.lease_until - (now or wall_now())).total_seconds())

    def describe(self, now: datetime | None = None) -> str:
        left = self.seconds_left(now)
        when = f"claimable in {left:.0f} s if that worker is gone" if left else "lease expired: claimable now"
        return f"{self.count} held by {self.worker} ({when}, at {self.lease_until:%H:%M:%S} UTC)"

    def to_json(self) -> dict[str, Any]:
        return {"worker": self.worker, "count": self.count, "lease_until": self.lease_until.isoformat(),
                "seconds_left": round(self.seconds_left(), 1)}


async def held(db: Database, *, exclude: str | None = None) -> list[Held]:
    """Claimed deliveries per worker (the claim token is worker/batch), optionally not this worker's own."""
    async with db.session() as session:
        rows = (await session.execute(select(Delivery.claimed_by, func.count(), func.max(Delivery.lease_until))
                                      .where(Delivery.state == "claimed").group_by(Delivery.claimed_by))).all()
    per_worker: dict[str, Held] = {}
    for token, count, until in rows:
        worker = (token or "?").rsplit("/", 1)[0]
        if worker == exclude or until is None:
            continue
        before = per_worker.get(worker)
        until = _aware(until)
        per_worker[worker] = Held(worker, count + (before.count if before else 0),
                                  max(until, before.lease_until) if before else until)
    return sorted(per_worker.values(), key=lambda h: h.worker)


async def next_retry_at(db: Database, *, due_by: datetime) -> datetime | None:
    """When the earliest pending retry (or expired lease) becomes claimable; None when nothing is waiting."""
    async with db.session() as session:
        pending = await session.scalar(select(func.min(func.coalesce(Delivery.next_attempt_at, Delivery.due_at)))
                                       .where(Delivery.state == "pending", Delivery.due_at <= due_by))
        leased = await session.scalar(select(func.min(Delivery.lease_until))
                                      .where(Delivery.state == "claimed", Delivery.due_at <= due_by))
    times = [_aware(t) for t in (pending, leased) if t is not None]
    return min(times) if times else None


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


async def status(db: Database) -> list[dict[str, Any]]:
    """Per event (and digests): how many deliveries are pending, sent, failed, paused."""
    async with db.session() as session:
        rows = await session.execute(
            select(Delivery.event_id, Event.uid, Event.title, Delivery.state, func.count())
            .outerjoin(Event, Event.id == Delivery.event_id)
            .group_by(Delivery.event_id, Event.uid, Event.title, Delivery.state))
        out: dict[int | None, dict[str, Any]] = {}
        for event_id, uid, title, state, count in rows:
            entry = out.setdefault(event_id, {"event": uid or "(weekly digests)", "title": title or "",
                                              "pending": 0, "claimed": 0, "sent": 0, "failed": 0, "paused": 0,
                                              "skipped": 0})
            entry[state] = entry.get(state, 0) + count
    return sorted(out.values(), key=lambda e: e["event"])
