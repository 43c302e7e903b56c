"""TelegramNotifier under the real outreach dispatcher, against the test Bot API: what a subscriber receives,
429 honoured then sent once (a long digest resumes after its last sent part), 403 and 'chat not found' pausing
the subscription, 5xx retried."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from telegram.error import RetryAfter

from adapters.telegram import PLATFORM
from adapters.telegram.notifier import TelegramNotifier
from adapters.telegram.settings import TelegramSettings
from bot.config import Settings
from bot.outreach import events as store
from bot.outreach import subscriptions
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.models import Delivery
from bot.outreach.notifier import EventInfo, Notice, Notifier
from bot.cli.platforms import database as platforms_database
from bot.outreach.ratelimit import RateLimits
from bot.platform import rates
from bot.storage import Database
from tests.telegram.botapi_server import BLOCKED, SERVER_ERROR, TOO_MANY, BotApiServer, error

FAST = Policy(backoff_base=0.05, backoff_cap=0.1, max_wait=5)
BASE = "https://bot.a6ip.test"


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[Database]:
    database = platforms_database(settings)
    await database.migrate()
    yield database
    await database.close()


@pytest.fixture
async def notifier(settings: Settings) -> AsyncIterator[TelegramNotifier]:
    sender = TelegramNotifier.from_settings(settings.section(TelegramSettings))
    yield sender
    await sender.close()


async def announce(db: Database, chats: list[str], notifier: TelegramNotifier) -> Dispatcher:
    """Subscribe the chats, publish an event they all follow, and return a dispatcher ready to tick."""
    for chat in chats:
        await subscriptions.subscribe(db, platform="telegram", chat_id=chat, topics=["tracking"], timezone="America/Nassau")
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(days=20)
    spec = store.EventSpec(uid="wg-1", title="Tracking WG <12> & co", starts_at=start, ends_at=start + timedelta(hours=2),
                           timezone="Asia/Tokyo", kind="wg-meeting", topics=["tracking"], place="Bonn",
                           registration_url="https://a6ip.test/register?id=1&x=2")
    async with db.session() as session:
        await store.upsert(session, spec, source="test")
    return Dispatcher(db, {"telegram": notifier}, base_url=BASE, policy=FAST, limits=RateLimits(rates([PLATFORM])))


def test_it_is_an_outreach_notifier(notifier: TelegramNotifier) -> None:
    assert isinstance(notifier, Notifier) and notifier.platform == "telegram"


async def test_subscriber_receives_the_announcement_in_html(api: BotApiServer, db: Database, notifier: TelegramNotifier) -> None:
    report = await (await announce(db, ["1001"], notifier)).tick(drain=True)
    assert report.sent == 1
    [message] = api.sent("sendMessage", "1001")
    assert message.params["parse_mode"] == "HTML" and "New event" in message.text
    assert "Tracking WG <12> & co" in message.text and "(your time)" in message.text and "Asia/Tokyo, organiser" in message.text
    assert '<a href="https://a6ip.test/register?id=1&amp;x=2">Register</a>' in message.params["text"]
    assert f'<a href="{BASE}/calendar/event/wg-1.ics">Add to calendar (.ics)</a>' in message.params["text"]


async def test_429_is_honoured_then_the_notice_is_sent_once(api: BotApiServer, db: Database, notifier: TelegramNotifier) -> None:
    api.fail("sendMessage", TOO_MANY(1))
    started = time.monotonic()
    report = await (await announce(db, ["1001"], notifier)).tick(drain=True)
    assert report.sent == 1 and report.failed == 0
    assert [c.status for c in api.sent("sendMessage", ok=False)] == [429, 200]
    refused, delivered = api.sent("sendMessage", ok=False)
    assert delivered.at - refused.at >= 1.0 and time.monotonic() - started >= 1.0


async def test_blocked_or_missing_chats_are_paused_not_retried(api: BotApiServer, db: Database, notifier: TelegramNotifier) -> None:
    api.blocked.add("2002")
    api.missing.add("-3003")
    report = await (await announce(db, ["1001", "2002", "-3003"], notifier)).tick(drain=True)
    assert report.sent == 1 and report.failed == 2 and report.retried == 0
    blocked = await subscriptions.get(db, platform="telegram", chat_id="2002")
    missing = await subscriptions.get(db, platform="telegram", chat_id="-3003")
    assert blocked is not None and blocked.paused and "bot was blocked by the user" in (blocked.paused_reason or "")
    assert missing is not None and missing.paused and "chat not found" in (missing.paused_reason or "").lower()
    assert len(api.sent("sendMessage", "2002", ok=False)) == 1  # tried once, never again


async def test_server_errors_are_retried_with_backoff(api: BotApiServer, db: Database, notifier: TelegramNotifier) -> None:
    api.fail("sendMessage", SERVER_ERROR, SERVER_ERROR)
    report = await (await announce(db, ["1001"], notifier)).tick(drain=True)
    assert report.sent == 1 and report.retried == 2
    assert [c.status for c in api.sent("sendMessage", ok=False)] == [500, 500, 200]
    row = await subscriptions.get(db, platform="telegram", chat_id="1001")
    assert row is not None and not row.paused


async def test_network_failure_is_transient(settings: Settings) -> None:
    dead = settings.section(TelegramSettings).model_copy(update={"telegram_api_url": "http://127.0.0.1:9/bot"})
    sender = TelegramNotifier.from_settings(dead)
    event = EventInfo(uid="x", title="x", kind="training", topics=(), starts_at=datetime.now(timezone.utc), ends_at=None,
                      timezone="UTC", all_day=False, place=None, online=True, hybrid=False, organiser=None,
                      registration_url=None, description=None, language="en", status="scheduled", revision=1,
                      calendar_url=f"{BASE}/calendar/x.ics")
    result = await sender.send("1001", Notice(kind="announce", events=(event,), timezone="UTC"))
    await sender.close()
    assert result.status == "transient"


async def test_a_group_upgraded_to_a_supergroup_still_gets_the_notice(api: BotApiServer, db: Database,
                                                                      notifier: TelegramNotifier) -> None:
    api.fail("sendMessage", (400, {"ok": False, "error_code": 400, "description": "Bad Request: group chat was upgraded to a supergroup chat",
                                   "parameters": {"migrate_to_chat_id": -1009}}))
    report = await (await announce(db, ["-5"], notifier)).tick(drain=True)
    assert report.sent == 1 and api.sent("sendMessage", "-1009")


async def test_a_broadcast_keeps_within_telegrams_limits(settings: Settings, db: Database) -> None:
    """40 subscribers, one strict server: the engine's pacing means no message is ever refused with 429."""
    strict = BotApiServer(flood_control=True)
    await strict.start()
    sender = TelegramNotifier.from_settings(settings.section(TelegramSettings).model_copy(update={"telegram_api_url": strict.api_url}))
    try:
        started = time.monotonic()
        report = await (await announce(db, [str(5000 + n) for n in range(40)], sender)).tick(drain=True)
        assert report.sent == 40 and not [c for c in strict.calls if c.status == 429]
        assert time.monotonic() - started >= 1.0  # 40 messages at 30/s cannot go out in under a second
    finally:
        await sender.close()
        await strict.stop()


async def test_the_strict_server_does_refuse_a_burst(settings: Settings) -> None:
    strict = BotApiServer(flood_control=True)
    await strict.start()
    sender = TelegramNotifier.from_settings(settings.section(TelegramSettings).model_copy(update={"telegram_api_url": strict.api_url}))
    try:
        await sender.bot.initialize()
        results = await asyncio.gather(*(sender.bot.send_message("1001", f"m{n}") for n in range(3)), return_exceptions=True)
        assert sum(isinstance(r, RetryAfter) for r in results) == 2
    finally:
        await sender.close()
        await strict.stop()


async def plan_long_digest(db: Database, chat: str, *, events: int = 30) -> list[str]:
    """A weekly digest delivery of `events` events for one subscriber (too long for one Telegram message);
    returns the event titles. The subscriber's topic matches none of them, so nothing else is planned."""
    sub = await subscriptions.subscribe(db, platform="telegram", chat_id=chat, topics=["6.4"],
                                        timezone="Europe/Paris")
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(days=3)
    titles = [f"Digest event {n:02d}: capacity building on tracking <and> reporting & more"
              for n in range(events)]
    async with db.session() as session:
        rows = [(await store.upsert(session, store.EventSpec(
            uid=f"dg-{n}", title=title, starts_at=start + timedelta(hours=n),
            ends_at=start + timedelta(hours=n, minutes=90),
            timezone="Asia/Tokyo", kind="training", topics=["tracking"], place="Bonn",
            registration_url=f"https://a6ip.test/register?id={n}&x=2"), source="test"))[0]
                for n, title in enumerate(titles)]
        session.add(Delivery(event_id=None, subscription_id=sub.id, kind="digest", revision=209901,
                             payload={"events": [row.id for row in rows]}, due_at=datetime.now(timezone.utc)))
    return titles


async def test_a_long_digest_rate_limited_mid_way_arrives_once_per_part(api: BotApiServer, db: Database,
                                                                        notifier: TelegramNotifier) -> None:
    """The second part of a multi-part digest gets a 429: the retry resumes there, part 1 is not sent again."""
    titles = await plan_long_digest(db, "1001")
    api.fail("sendMessage", TOO_MANY(1), after=1)
    report = await Dispatcher(db, {"telegram": notifier}, base_url=BASE, policy=FAST).tick(drain=True)
    assert report.sent == 1 and report.failed == 0
    attempts = api.sent("sendMessage", "1001", ok=False)
    delivered = api.sent("sendMessage", "1001")
    assert len(delivered) >= 3 and [c.status for c in attempts] == [200, 429] + [200] * (len(delivered) - 1)
    assert attempts[2].params["text"] == attempts[1].params["text"]  # the refused part, resent after the wait
    assert attempts[2].at - attempts[1].at >= 1.0
    texts = [c.text for c in delivered]
    assert len(set(texts)) == len(texts) and texts[0].startswith("This week's events")
    seen = "\n".join(texts)
    assert all(seen.count(title) == 1 for title in titles)  # every event exactly once, in order
    assert [seen.index(t) for t in titles] == sorted(seen.index(t) for t in titles)
    async with db.session() as session:
        row = await session.scalar(select(Delivery).where(Delivery.kind == "digest"))
    assert row is not None and row.state == "sent" and row.message_id == str(delivered[0].result_id)
    assert notifier.unfinished == {}  # nothing left over once the delivery completed


async def test_a_part_refused_for_good_leaves_nothing_to_resume(api: BotApiServer, db: Database,
                                                                notifier: TelegramNotifier) -> None:
    """The reader blocked the bot between parts: the subscription pauses and no retry is attempted."""
    await plan_long_digest(db, "1001")
    api.fail("sendMessage", BLOCKED, after=1)
    report = await Dispatcher(db, {"telegram": notifier}, base_url=BASE, policy=FAST).tick(drain=True)
    assert report.failed == 1 and report.retried == 0
    assert [c.status for c in api.sent("sendMessage", "1001", ok=False)] == [200, 403]
    assert notifier.unfinished == {}


async def test_html_refused_mid_way_sends_only_the_rest_as_plain_text(api: BotApiServer, db: Database,
                                                                      notifier: TelegramNotifier) -> None:
    """Telegram refuses our HTML in part 2: the rest goes out as plain text, part 1 is not repeated."""
    titles = await plan_long_digest(db, "1001")
    api.fail("sendMessage", error(400, "Bad Request: can't parse entities: unsupported start tag"), after=1)
    report = await Dispatcher(db, {"telegram": notifier}, base_url=BASE, policy=FAST).tick(drain=True)
    assert report.sent == 1
    first, *rest = api.sent("sendMessage", "1001")
    assert first.params["parse_mode"] == "HTML" and rest and all("parse_mode" not in c.params for c in rest)
    seen = "\n".join(c.text for c in [first, *rest])
    assert all(seen.count(title) == 1 for title in titles) and "<b>" not in seen and "&amp;" not in seen
