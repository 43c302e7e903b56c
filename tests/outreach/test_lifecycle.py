"""Publish, change, cancel, reminders and digest through the real planner, outbox and in-memory notifier."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.outreach.render import render_plain
from bot.outreach import events as store
from bot.outreach import outbox, subscriptions
from bot.outreach.dispatcher import Dispatcher
from bot.outreach.memory import MemoryNotifier
from bot.outreach.models import Delivery
from bot.outreach.planner import plan

from .conftest import BASE, add_event, utc


async def setup(db, **sub):
    await subscriptions.subscribe(db, platform="memory", chat_id="chat", topics=["tracking"], timezone="UTC", **sub)
    notifier = MemoryNotifier()
    return notifier, Dispatcher(db, {"memory": notifier}, base_url=BASE)


async def test_publish_change_cancel_each_sent_once(db):
    notifier, dispatcher = await setup(db)
    await add_event(db, start="2026-03-12 10:00", zone="UTC")
    for _ in range(3):  # repeated ticks (cron, restarts) never repeat a notice
        await dispatcher.tick(utc(2026, 3, 1))
    assert [n.kind for _, n in notifier.sent] == ["announce"]

    async with db.session() as session:
        row = await store.get(db, uid="ev-1")
        _, what = await store.upsert(session, store.spec_of(row, place="Tokyo, Japan"), source="test")
    assert what == "changed"
    await dispatcher.tick(utc(2026, 3, 2))
    await dispatcher.tick(utc(2026, 3, 2, 1))
    kinds = [n.kind for _, n in notifier.sent]
    assert kinds == ["announce", "change"]
    assert "Event changed (place" in notifier.texts()[-1] and "Where: Tokyo, Japan" in notifier.texts()[-1]

    await store.cancel(db, uid="ev-1")
    await dispatcher.tick(utc(2026, 3, 3))
    await dispatcher.tick(utc(2026, 3, 11, 10))  # a cancelled event gets no reminder
    assert [n.kind for _, n in notifier.sent] == ["announce", "change", "cancel"]
    assert "Event cancelled" in notifier.texts()[-1] and "[CANCELLED]" in notifier.texts()[-1]


async def test_no_change_notice_for_what_the_reader_has_not_seen(db):
    notifier, dispatcher = await setup(db)
    await add_event(db, start="2026-03-12 10:00", zone="UTC", published=utc(2026, 2, 1))
    async with db.session() as session:
        row = await store.get(db, uid="ev-1")
        await store.upsert(session, store.spec_of(row, title="Renamed"), source="test")
    await dispatcher.tick(utc(2026, 3, 1))  # the announcement already shows the new title
    assert [n.kind for _, n in notifier.sent] == ["announce"] and "Renamed" in notifier.texts()[0]


async def test_reimport_unchanged_is_not_a_change(db):
    await add_event(db, uid="same")
    async with db.session() as session:
        row = await store.get(db, uid="same")
        _, what = await store.upsert(session, store.spec_of(row), source="test")
    assert what == "unchanged" and (await store.get(db, uid="same")).revision == 1


async def test_topics_and_kinds_filter(db):
    await subscriptions.subscribe(db, platform="memory", chat_id="trainings", topics=[], kinds=["training"])
    await subscriptions.subscribe(db, platform="memory", chat_id="reporting", topics=["reporting"])
    notifier = MemoryNotifier()
    await add_event(db, uid="t", topics=["tracking"], kind="training")
    await add_event(db, uid="r", topics=["reporting"], kind="wg")
    await Dispatcher(db, {"memory": notifier}, base_url=BASE).tick(utc(2026, 3, 1))
    got = sorted((chat, n.event.uid) for chat, n in notifier.sent)
    assert got == [("reporting", "r"), ("trainings", "t")]


async def test_weekly_digest_monday_morning_in_subscriber_zone(db):
    notifier, dispatcher = await setup(db, digest=True)
    await subscriptions.set_timezone(db, platform="memory", chat_id="chat", timezone="Tokyo")
    await add_event(db, uid="a", start="2026-03-12 10:00", zone="UTC")
    await add_event(db, uid="b", start="2026-03-13 10:00", zone="UTC")
    await dispatcher.tick(utc(2026, 3, 1))  # announcements
    # Monday 9 March 09:00 in Tokyo is Monday 00:00 UTC
    assert (await dispatcher.tick(utc(2026, 3, 8, 23, 59))).sent == 0
    await dispatcher.tick(utc(2026, 3, 9, 0, 0))
    await dispatcher.tick(utc(2026, 3, 9, 3, 0))
    digests = [n for _, n in notifier.sent if n.kind == "digest"]
    assert len(digests) == 1 and [e.uid for e in digests[0].events] == ["a", "b"]
    assert "This week's events" in render_plain(digests[0])


async def test_digest_is_opt_in(db):
    notifier, dispatcher = await setup(db)
    await add_event(db, uid="a", start="2026-03-12 10:00", zone="UTC")
    await dispatcher.tick(utc(2026, 3, 9, 9))
    assert all(n.kind != "digest" for _, n in notifier.sent)


async def test_planner_uniqueness_and_database_constraint(db):
    await setup(db)
    event = await add_event(db, start="2026-03-12 10:00", zone="UTC")
    assert await outbox.plan_due(db, now=utc(2026, 3, 1)) == 1
    assert await outbox.plan_due(db, now=utc(2026, 3, 1)) == 0
    # even a planner that ignores what exists cannot create a second copy
    async with db.session() as session:
        subs = list((await session.scalars(select(subscriptions.Subscription))).all())
        again = plan([event], subs, utc(2026, 3, 1), known={}, existing=set())
        assert len(again) == 1 and await outbox.insert_planned(session, again) == 0
    with pytest.raises(IntegrityError):
        async with db.session() as session:
            session.add(Delivery(event_id=event.id, subscription_id=subs[0].id, kind="announce", revision=0,
                                 due_at=utc(2026, 3, 1), payload={}))
    async with db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 1


async def test_subscription_api(db):
    sub = await subscriptions.subscribe(db, platform="telegram", chat_id="1", topics=["Private Sector", "A6.2"])
    assert sub.topics == ["6.2", "private-sector"] and sub.timezone == "UTC"
    with pytest.raises(ValueError, match="known topics"):
        await subscriptions.subscribe(db, platform="telegram", chat_id="1", topics=["astrology"])
    with pytest.raises(ValueError, match="Africa/Tunis"):
        await subscriptions.set_timezone(db, platform="telegram", chat_id="1", timezone="Atlantis")
    assert (await subscriptions.set_timezone(db, platform="telegram", chat_id="1", timezone="new york")).timezone == "America/New_York"
    assert await subscriptions.migrate_chat(db, platform="telegram", old_chat_id="1", new_chat_id="-100")
    assert (await subscriptions.unsubscribe(db, platform="telegram", chat_id="-100", topics=["6.2"])).topics == ["private-sector"]
    assert await subscriptions.pause(db, platform="telegram", chat_id="-100", reason="blocked")
    assert (await subscriptions.get(db, platform="telegram", chat_id="-100")).paused
    assert not (await subscriptions.subscribe(db, platform="telegram", chat_id="-100", topics=["tracking"])).paused
    assert await subscriptions.unsubscribe(db, platform="telegram", chat_id="-100") is None
    assert await subscriptions.get(db, platform="telegram", chat_id="-100") is None
