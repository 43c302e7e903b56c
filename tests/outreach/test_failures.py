"""429 storms, server errors and blocked chats, with a notifier that fails on a schedule."""

from __future__ import annotations

import time

from bot.outreach import outbox, subscriptions
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.memory import MemoryNotifier
from bot.outreach.notifier import SendResult
from bot.outreach.ratelimit import Rate, RateLimits

from .conftest import BASE, add_event, utc

FAST = Policy(backoff_base=0.01, backoff_cap=0.05, max_wait=5)


async def subscribe_many(db, count):
    for n in range(count):
        await subscriptions.subscribe(db, platform="memory", chat_id=f"c{n}", topics=[])


async def test_429_storm_everything_sent_once_after_retry_after(db):
    await subscribe_many(db, 20)
    await add_event(db)
    storm = lambda chat, notice, call: SendResult.retry(0.3) if call <= 15 else None  # noqa: E731
    notifier = MemoryNotifier(script=storm)
    started = time.monotonic()
    report = await Dispatcher(db, {"memory": notifier}, base_url=BASE, policy=FAST).tick(utc(2026, 3, 1), drain=True)
    assert report.sent == 20 and report.failed == 0
    assert sorted(chat for chat, _ in notifier.sent) == sorted(f"c{n}" for n in range(20))
    assert time.monotonic() - started >= 0.3  # retry-after was honoured, not hammered


async def test_5xx_retried_with_backoff_then_failed_after_max_attempts(db):
    await subscribe_many(db, 2)
    await add_event(db)
    flaky = lambda chat, notice, call: SendResult.transient("HTTP 502") if chat == "c0" else None  # noqa: E731
    notifier = MemoryNotifier(script=flaky)
    report = await Dispatcher(db, {"memory": notifier}, base_url=BASE, policy=FAST).tick(utc(2026, 3, 1), drain=True)
    assert report.sent == 1 and report.failed == 1 and report.retried == FAST.max_attempts - 1
    sub = await subscriptions.get(db, platform="memory", chat_id="c0")
    assert sub.failed_count == 1 and not sub.paused  # a server problem is not the subscriber's fault


async def test_403_pauses_subscription_and_is_not_retried(db):
    await subscribe_many(db, 3)
    await add_event(db, uid="a")
    await add_event(db, uid="b")
    blocked = lambda chat, notice, call: SendResult.permanent("403 Forbidden: bot was blocked") if chat == "c1" else None  # noqa: E731
    notifier = MemoryNotifier(script=blocked)
    dispatcher = Dispatcher(db, {"memory": notifier}, base_url=BASE, policy=Policy(batch=1, lanes=1))
    await dispatcher.tick(utc(2026, 3, 1), drain=True)
    calls_to_c1 = notifier.calls - len(notifier.sent)
    assert calls_to_c1 == 1  # the second notice to c1 was paused, never attempted
    sub = await subscriptions.get(db, platform="memory", chat_id="c1")
    assert sub.paused and "blocked" in sub.paused_reason and sub.failed_count == 1
    assert len(notifier.sent) == 4
    rows = {r["event"]: r for r in await outbox.status(db)}
    assert rows["a"]["failed"] + rows["b"]["failed"] == 1 and rows["a"]["paused"] + rows["b"]["paused"] == 1
    await dispatcher.tick(utc(2026, 3, 2), drain=True)
    assert notifier.calls - len(notifier.sent) == 1  # still nothing more to the paused chat


async def test_rate_limit_paces_sends(db):
    await subscribe_many(db, 10)
    await add_event(db)
    limits = RateLimits({"memory": Rate(20.0, 1.0)})
    started = time.monotonic()
    await Dispatcher(db, {"memory": MemoryNotifier()}, base_url=BASE, limits=limits).tick(utc(2026, 3, 1))
    assert time.monotonic() - started >= 9 / 20 - 0.02
