"""Times as subscribers see them: Tokyo events in Nassau and Tunis, reminders across DST, all-day events."""

from __future__ import annotations

from bot.outreach import subscriptions
from bot.outreach.dispatcher import Dispatcher
from bot.outreach.memory import MemoryNotifier
from bot.outreach.models import Subscription
from bot.outreach.planner import reminder_due

from .conftest import BASE, add_event, utc


async def test_tokyo_event_announced_in_nassau_and_tunis(db):
    await subscriptions.subscribe(db, platform="memory", chat_id="nassau", topics=["tracking"], timezone="Nassau")
    await subscriptions.subscribe(db, platform="memory", chat_id="tunis", topics=["tracking"], timezone="Africa/Tunis")
    await add_event(db, start="2026-03-12 10:00", end="2026-03-12 12:00", zone="Asia/Tokyo", title="Tracking WG",
                    online=True, registration_url="https://example.org/register")
    notifier = MemoryNotifier()
    await Dispatcher(db, {"memory": notifier}, base_url=BASE).tick(utc(2026, 3, 1, 12))

    nassau, tunis = notifier.texts("nassau"), notifier.texts("tunis")
    assert len(nassau) == len(tunis) == 1
    # 10:00 JST = 01:00 UTC = 21:00 the day before in Nassau (EDT since 8 March) and 02:00 in Tunis (CET)
    assert "Wed 11 Mar 2026, 21:00 EDT – 23:00 EDT (your time)" in nassau[0]
    assert "Thu 12 Mar 2026, 02:00 CET – 04:00 CET (your time)" in tunis[0]
    for text in nassau + tunis:
        assert "Thu 12 Mar 2026, 10:00 JST – 12:00 JST (Asia/Tokyo, organiser)" in text
        assert "Register: https://example.org/register" in text
        assert f"Add to calendar (.ics): {BASE}/calendar/event/ev-1.ics" in text
        assert "Where: Online" in text


async def test_reminders_keep_wall_clock_across_dst(db):
    event = await add_event(db, start="2026-03-12 10:00", zone="America/Nassau")  # DST began on 8 March
    sub = Subscription(id=1, timezone="Africa/Tunis", topics=[], kinds=[])
    assert event.starts_at == utc(2026, 3, 12, 14)  # 10:00 EDT
    assert reminder_due(event, sub, 7) == utc(2026, 3, 5, 15)  # 10:00 EST, a week earlier, not 09:00
    assert reminder_due(event, sub, 1) == utc(2026, 3, 11, 14)

    await subscriptions.subscribe(db, platform="memory", chat_id="c", topics=["tracking"], timezone="Africa/Tunis")
    notifier = MemoryNotifier()
    dispatcher = Dispatcher(db, {"memory": notifier}, base_url=BASE)
    await dispatcher.tick(utc(2026, 3, 1))  # announce
    assert (await dispatcher.tick(utc(2026, 3, 5, 14, 59))).sent == 0
    assert (await dispatcher.tick(utc(2026, 3, 5, 15))).sent == 1
    assert (await dispatcher.tick(utc(2026, 3, 11, 14))).sent == 1
    assert [n.kind for _, n in notifier.sent] == ["announce", "reminder-7d", "reminder-1d"]


async def test_all_day_event_keeps_its_date_everywhere(db):
    await subscriptions.subscribe(db, platform="memory", chat_id="nassau", topics=[], timezone="America/Nassau")
    await add_event(db, start="2026-03-12", end="2026-03-14", zone="Asia/Tokyo", all_day=True, place="Tokyo")
    notifier = MemoryNotifier()
    dispatcher = Dispatcher(db, {"memory": notifier}, base_url=BASE)
    await dispatcher.tick(utc(2026, 3, 1))
    text = notifier.texts()[0]
    assert "When: Thu 12 Mar 2026 – Fri 13 Mar 2026 (all day)" in text
    assert "Where: Tokyo" in text
    # the 1-day reminder of an all-day event comes at 09:00 the day before, in the reader's zone
    assert (await dispatcher.tick(utc(2026, 3, 5, 14))).sent == 1  # 09:00 EST on 5 March: one week before
    assert (await dispatcher.tick(utc(2026, 3, 11, 12, 59))).sent == 0
    assert (await dispatcher.tick(utc(2026, 3, 11, 13))).sent == 1  # 09:00 EDT on 11 March (DST since the 8th)
    assert notifier.sent[-1][1].kind == "reminder-1d"
