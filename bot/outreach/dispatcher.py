"""Sends what the outbox holds: claims due rows, paces them per platform, records sent / retry / failed."""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.outreach import events as event_store
from bot.outreach import outbox
from bot.outreach.models import Event
from bot.outreach.notice import ResourceInfo
from bot.outreach.notifier import EventInfo, Notice, Notifier, SendResult
from bot.outreach.outbox import Claimed, Outcome, wall_now
from bot.outreach.ratelimit import Limits, RateLimits
from bot.storage import Database

log = logging.getLogger(__name__)
Observer = Callable[[str, str, float], None]  # (platform, state, seconds): metrics hook


@dataclass
class Policy:
    """Retry and batching knobs; the defaults suit Telegram and Slack."""

    lease: float = 15.0  # a row claimed by a worker that died becomes claimable again after this; a live
    # worker renews its claims every lease / 3 seconds (heartbeat), so a batch may take longer than the lease
    batch: int = 100
    lanes: int = 2  # concurrent claim-send-record loops per worker, so sending never waits for the database
    max_attempts: int = 6  # transient failures before a delivery is marked failed
    backoff_base: float = 2.0
    backoff_cap: float = 600.0
    max_wait: float = 30.0  # how long a draining tick waits for a retry that is due soon


def backoff(attempt: int, policy: Policy) -> float:
    """Exponential backoff with jitter: base * 2^(attempt-1), capped, times a random 0.5..1.5."""
    return min(policy.backoff_cap, policy.backoff_base * 2 ** max(attempt - 1, 0)) * random.uniform(0.5, 1.5)


def outcome_of(item: Claimed, result: SendResult, rendered: int | None, policy: Policy) -> Outcome:
    """The pure state transition after one send attempt."""
    base = {"id": item.id, "token": item.token, "subscription_id": item.subscription_id}
    if result.status == "ok":
        return Outcome(**base, state="sent", attempts=item.attempts + 1, message_id=result.message_id,
                       rendered_revision=rendered)
    if result.status == "permanent":
        return Outcome(**base, state="failed", attempts=item.attempts + 1, error=result.error, pause_subscription=True)
    if result.status == "retry":  # rate limited: not the message's fault, so not counted as an attempt
        delay = (result.retry_after or 1.0) * random.uniform(1.0, 1.1)
        return Outcome(**base, state="pending", attempts=item.attempts, error=result.error,
                       next_attempt_at=wall_now() + timedelta(seconds=delay))
    attempts = item.attempts + 1
    if attempts >= policy.max_attempts:
        return Outcome(**base, state="failed", attempts=attempts, error=result.error)
    return Outcome(**base, state="pending", attempts=attempts, error=result.error,
                   next_attempt_at=wall_now() + timedelta(seconds=backoff(attempts, policy)))


def stale(item: Claimed, event: Event | None) -> str | None:
    """Why a claimed notice should not go out any more (superseded by a newer change), or None."""
    if item.kind in ("digest", "resource"):
        return None
    if event is None:
        return "event deleted"
    if item.kind == "cancel":
        return None if event.status == "cancelled" and item.revision == event.revision else "event no longer cancelled"
    if event.status == "cancelled":
        return "event cancelled"
    if item.kind == "change" and item.revision < event.revision:
        return f"superseded by revision {event.revision}"
    if item.kind.startswith("reminder") and item.revision < event.schedule_revision:
        return "event rescheduled"
    return None


@dataclass
class TickReport:
    planned: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    paused: int = 0
    skipped: int = 0

    def add(self, state: str) -> None:
        name = {"sent": "sent", "pending": "retried", "failed": "failed", "paused": "paused", "skipped": "skipped"}[state]
        setattr(self, name, getattr(self, name) + 1)


@dataclass
class Dispatcher:
    """One worker: `tick(now)` plans what is due and sends it; `stop()` lets in-flight sends finish."""

    db: Database
    notifiers: Mapping[str, Notifier]
    base_url: str
    limits: Limits = field(default_factory=RateLimits)
    policy: Policy = field(default_factory=Policy)
    worker: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    observe: Observer | None = None
    # Whether this worker plans (records due deliveries) on its ticks: under `a6bot run` only the elected
    # worker does (bot.cluster); every worker sends. Planning twice is harmless, only wasted work.
    plans: Callable[[], bool] = lambda: True
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    # Lanes claim in turn: on SQLite (no SKIP LOCKED) concurrent claims pick the same rows, and the lane that
    # loses the race sees an empty batch and stops, leaving one lane to send while it waits on the database.
    claiming: asyncio.Lock = field(default_factory=asyncio.Lock)

    def stop(self) -> None:
        """Claim nothing new; sends already started run to completion and are recorded."""
        self.stopping.set()

    async def tick(self, now: datetime | None = None, *, drain: bool = False) -> TickReport:
        """Plan and send everything due as of `now`; with drain, also wait for retries due within max_wait."""
        due_by = now or wall_now()
        report = TickReport(planned=await outbox.plan_due(self.db, now=due_by) if self.plans() else 0)
        while not self.stopping.is_set():
            await asyncio.gather(*(self.lane(due_by, report) for _ in range(max(1, self.policy.lanes))))
            if not drain or self.stopping.is_set():
                break
            retry_at = await outbox.next_retry_at(self.db, due_by=due_by)
            if retry_at is None:
                break
            wait = (retry_at - wall_now()).total_seconds()
            if wait > self.policy.max_wait:
                break
            await asyncio.sleep(max(wait, 0.0) + 0.01)
        return report

    async def lane(self, due_by: datetime, report: TickReport) -> None:
        while not self.stopping.is_set():
            async with self.claiming:
                items = await outbox.claim(self.db, worker=self.worker, due_by=due_by, platforms=list(self.notifiers),
                                           limit=self.policy.batch, lease=self.policy.lease)
            if not items:
                return
            sent = asyncio.Event()
            heartbeat = asyncio.create_task(self.heartbeat(items[0].token, sent))
            try:
                outcomes = await self.send_batch(items)
            finally:
                sent.set()  # the heartbeat ends between beats, never cancelled in the middle of a transaction
                await heartbeat
            for o in outcomes:
                report.add(o.state)

    async def heartbeat(self, token: str, sent: asyncio.Event) -> None:
        """Renew this batch's lease until `sent`: a live worker keeps its claims however slow the platform,
        and a dead one's expire `lease` seconds after its last beat."""
        while True:
            try:
                await asyncio.wait_for(sent.wait(), self.policy.lease / 3)
                return
            except TimeoutError:
                pass
            try:
                await outbox.renew(self.db, token=token, lease=self.policy.lease)
            except Exception as error:  # the database away for a moment: the next beat tries again
                log.warning("could not renew the outreach lease %s: %s", token, error)

    async def send_batch(self, items: list[Claimed]) -> list[Outcome]:
        """Send a claimed batch; each outcome is recorded as soon as its send returns, so a kill loses (and
        later re-sends) only the sends in flight, never a batch of finished ones."""
        event_ids = {i.event_id for i in items if i.event_id} | {e for i in items for e in i.payload.get("events", [])}
        async with self.db.session() as session:
            events = {e.id: e for e in (await session.scalars(select(Event).where(Event.id.in_(event_ids)))).all()}

        async def deliver_and_record(item: Claimed) -> Outcome:
            outcome = await self.deliver(item, events)
            await outbox.finish(self.db, outcomes=[outcome])
            return outcome

        return list(await asyncio.gather(*(deliver_and_record(item) for item in items)))

    def notice(self, item: Claimed, events: Mapping[int, Event]) -> Notice:
        if item.kind == "resource":
            saved = item.payload["resource"]
            resource = ResourceInfo(**{**saved, "topics": tuple(saved["topics"]),
                                       "languages": tuple(saved["languages"])})
            return Notice(kind="resource", events=(), timezone=item.timezone, language=item.language,
                          delivery_id=item.id, resource=resource)
        ids = item.payload.get("events", []) if item.kind == "digest" else [item.event_id]
        infos: tuple[EventInfo, ...] = tuple(event_store.info(events[i], base_url=self.base_url) for i in ids if i in events)
        changes = tuple(events[item.event_id].last_changes) if item.kind == "change" and item.event_id else ()
        return Notice(kind=item.kind, events=infos, timezone=item.timezone, language=item.language,  # type: ignore[arg-type]
                      delivery_id=item.id, changes=changes)

    async def deliver(self, item: Claimed, events: Mapping[int, Event]) -> Outcome:
        base = {"id": item.id, "token": item.token, "subscription_id": item.subscription_id, "attempts": item.attempts}
        if item.paused:
            return Outcome(**base, state="paused", error="subscription paused")
        reason = stale(item, events.get(item.event_id) if item.event_id else None)
        notice = self.notice(item, events)
        if reason or not (notice.events or notice.resource):
            return Outcome(**base, state="skipped", error=reason or "no events left in the digest")
        await self.limits.acquire(item.platform, item.chat_id)
        started = time.perf_counter()
        try:
            result = await self.notifiers[item.platform].send(item.chat_id, notice)
        except Exception as error:  # a notifier that raises is treated like a network error: retried
            log.warning("notifier %s raised: %r", item.platform, error)
            result = SendResult.transient(f"{type(error).__name__}: {error}")
        if result.status == "retry":
            await self.limits.block(item.platform, result.retry_after or 1.0)
        if self.observe:
            self.observe(item.platform, result.status, time.perf_counter() - started)
        rendered = max(e.revision for e in notice.events) if item.kind not in ("digest", "resource") else None
        outcome = outcome_of(item, result, rendered, self.policy)
        if outcome.state != "sent":
            log.info("delivery %s to %s:%s -> %s (%s)", item.id, item.platform, item.chat_id, outcome.state, result.error)
        return outcome
