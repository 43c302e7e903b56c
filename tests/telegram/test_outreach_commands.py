"""/events, /subscribe, /unsubscribe, /subscriptions and /timezone in a private chat."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.platform import Runner
from bot.outreach import events as store
from bot.outreach import subscriptions
from bot.services import Services
from tests.telegram.botapi_server import BotApiServer
from tests.telegram.conftest import exchange


async def add_events(services: Services, count: int, *, topics: list[str] | None = None) -> None:
    start = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    async with services.db.session() as session:
        for n in range(count):
            spec = store.EventSpec(uid=f"ev-{n}", title=f"Training {n} <on> reporting & tracking",
                                   starts_at=start + timedelta(days=n), ends_at=start + timedelta(days=n, hours=2),
                                   timezone="Europe/Berlin", kind="training", topics=topics or ["reporting"],
                                   place="Bonn", registration_url=f"https://a6ip.test/r/{n}")
            await store.upsert(session, spec, source="test")


async def subscription(services: Services, chat_id: str = "1001") -> subscriptions.Subscription | None:
    return await subscriptions.get(services.db, platform="telegram", chat_id=chat_id)


async def test_events_are_paged_with_buttons(api: BotApiServer, bot: Runner, services: Services) -> None:
    await add_events(services, 7)
    [page] = await exchange(api, api.text_update("/events"))
    assert [f"Training {n} <on> reporting & tracking" in page.text for n in range(7)] == [True] * 5 + [False] * 2
    assert "Register" in page.text and "https://a6ip.test/r/0" in page.params["text"] and "/calendar/event/ev-0.ics" in page.params["text"]
    assert [b["text"] for b in page.buttons] == ["later ›"]
    [later] = await exchange(api, api.press(page, "later"), method="editMessageText")
    assert "6. " in later.text and "Training 6" in later.text and "Training 4" not in later.text
    assert [b["text"] for b in later.buttons] == ["‹ earlier"]
    assert len(api.sent("answerCallbackQuery")) == 1
    [earlier] = await exchange(api, api.press(later, "earlier"), method="editMessageText")
    assert "Training 0" in earlier.text


async def test_events_on_a_topic_and_when_there_are_none(api: BotApiServer, bot: Runner, services: Services) -> None:
    [none] = await exchange(api, api.text_update("/events"))
    assert none.text == "No upcoming events are scheduled yet."
    await add_events(services, 2, topics=["tracking"])
    assert "No upcoming events on Reporting" in (await exchange(api, api.text_update("/events reporting")))[0].text
    assert "Training 1" in (await exchange(api, api.text_update("/events tracking")))[0].text
    assert "unknown topic" in (await exchange(api, api.text_update("/events astrology")))[0].text


async def test_subscribe_from_the_topic_keyboard(api: BotApiServer, bot: Runner, services: Services) -> None:
    [keyboard] = await exchange(api, api.text_update("/subscribe"))
    assert len(keyboard.buttons) == 12 and not any("✅" in b["text"] for b in keyboard.buttons)
    [tapped] = await exchange(api, api.press(keyboard, "Reporting"), method="editMessageText")
    assert (await subscription(services)).topics == ["reporting"]  # type: ignore[union-attr]
    assert [b["text"] for b in tapped.buttons if "✅" in b["text"]] == ["✅ Reporting"]
    await exchange(api, api.press(keyboard, "Tracking"), method="editMessageText")
    await exchange(api, api.press(keyboard, "Reporting"), method="editMessageText")  # a second tap stops it
    assert (await subscription(services)).topics == ["tracking"]  # type: ignore[union-attr]
    await exchange(api, api.press(keyboard, "All topics"), method="editMessageText")
    assert (await subscription(services)).topics == []  # type: ignore[union-attr]
    [done] = await exchange(api, api.press(keyboard, "Done"), method="editMessageText")
    assert "every topic" in done.text and not done.buttons
    assert len(api.sent("answerCallbackQuery")) == 5


async def test_subscribe_unsubscribe_and_subscriptions_by_command(api: BotApiServer, bot: Runner, services: Services) -> None:
    [none] = await exchange(api, api.text_update("/subscriptions"))
    assert "No event notices are sent here" in none.text
    [done] = await exchange(api, api.text_update("/subscribe reporting tracking"))
    assert "Reporting, Tracking" in done.text
    [more] = await exchange(api, api.text_update("/subscribe 6.2, private sector"))  # as Slack has always taken it
    assert "Reporting, Tracking" in more.text and "Private sector" in more.text
    assert (await subscription(services)).topics == ["6.2", "private-sector", "reporting", "tracking"]  # type: ignore[union-attr]
    await exchange(api, api.text_update("/unsubscribe 6.2, private sector"))
    [bad] = await exchange(api, api.text_update("/subscribe reporting astrology"))
    assert "unknown topic 'astrology'" in bad.text and (await subscription(services)).topics == ["reporting", "tracking"]  # type: ignore[union-attr]
    [listing] = await exchange(api, api.text_update("/subscriptions"))
    assert "Reporting, Tracking" in listing.text and "UTC" in listing.text
    [fewer] = await exchange(api, api.text_update("/unsubscribe reporting"))
    assert "Tracking" in fewer.text and "Reporting" not in fewer.text
    [gone] = await exchange(api, api.text_update("/unsubscribe"))
    assert "no more event notices here" in gone.text and await subscription(services) is None


async def test_timezone_by_zone_or_city_changes_the_times_shown(api: BotApiServer, bot: Runner, services: Services) -> None:
    [first] = await exchange(api, api.text_update("/timezone Tokyo"))
    assert "subscribe to a topic first" in first.text
    await exchange(api, api.text_update("/subscribe all"))
    [ok] = await exchange(api, api.text_update("/timezone Tokyo"))
    assert ok.text == "Done: times are now shown in Asia/Tokyo."
    [bad] = await exchange(api, api.text_update("/timezone Atlantis"))
    assert "I don't know the time zone 'Atlantis'" in bad.text
    [current] = await exchange(api, api.text_update("/timezone"))
    assert "Times are shown in Asia/Tokyo" in current.text
    await add_events(services, 1)
    [page] = await exchange(api, api.text_update("/events"))
    assert "times in Asia/Tokyo" in page.text and "JST (your time)" in page.text and "(Europe/Berlin, organiser)" in page.text
    await exchange(api, api.text_update("/timezone America/Nassau"))
    assert (await subscription(services)).timezone == "America/Nassau"  # type: ignore[union-attr]
