"""SlackNotifier against the test Web API: Block Kit notices, 429 honoured, dead channels pause, 5xx retried."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.notifier import SlackNotifier
from bot.outreach import events as store
from bot.outreach import subscriptions
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.notifier import EventInfo, Notice, Notifier
from bot.outreach.ratelimit import RateLimits
from bot.storage import Database
from tests.slack.webapi_server import WebApiServer, free_port

START = datetime(2026, 3, 12, 0, 0, tzinfo=timezone.utc)
EVENT = EventInfo(uid="ev-1", title="Tracking WG <Asia>", kind="wg-meeting", topics=("tracking",), starts_at=START,
                  ends_at=START + timedelta(hours=2), timezone="Asia/Tokyo", all_day=False, place=None, online=True,
                  hybrid=False, organiser="A6IP", registration_url="https://a6ip.example/register?a=1&b=2",
                  description="Agenda: registries & reporting.", language="en", status="scheduled", revision=1,
                  calendar_url="https://bot.example/calendar/ev-1.ics")


def notice(kind: str = "announce") -> Notice:
    return Notice(kind=kind, events=(EVENT,), timezone="America/Nassau", delivery_id=7)  # type: ignore[arg-type]


@pytest.fixture
def notifier(slack_api: WebApiServer) -> SlackNotifier:
    return SlackNotifier(AsyncWebClient(token="xoxb-test", base_url=slack_api.url))


async def test_announcement_shows_times_in_each_readers_zone_and_links_the_calendar(
        notifier: SlackNotifier, slack_api: WebApiServer) -> None:
    assert isinstance(notifier, Notifier)
    result = await notifier.send("C0NEWS", notice())
    assert result.status == "ok" and result.message_id
    (call,) = slack_api.called("chat.postMessage")
    body = str(call.params["blocks"])
    assert call.params["channel"] == "C0NEWS"
    assert f"<!date^{int(START.timestamp())}^{{date_short_pretty}} {{time}}|Wed 11 Mar 2026, 20:00 EDT" in body
    assert f"<!date^{int(START.timestamp()) + 7200}^{{time}}|" in body
    assert "<https://bot.example/calendar/ev-1.ics|Add to calendar (.ics)>" in body
    assert "Tracking WG &lt;Asia&gt;" in body and "registries &amp; reporting" in body
    assert "https://a6ip.example/register?a=1&amp;b=2" in body
    assert "New event" in str(call.params["blocks"][0]) and "Tracking WG" in call.params["text"]


async def test_reminder_to_a_workspace_installed_through_oauth_uses_its_token(slack_api: WebApiServer) -> None:
    async def team_token(team: str) -> str | None:
        return {"T0PARTNER": "xoxb-partner"}.get(team)

    slack_api.tokens["xoxb-partner"] = slack_api.tokens["xoxb-test"]
    notifier = SlackNotifier(AsyncWebClient(token="xoxb-test", base_url=slack_api.url), team_token=team_token)
    assert (await notifier.send("T0PARTNER:C0THEIRS", notice("reminder-1d"))).status == "ok"
    (call,) = slack_api.called("chat.postMessage")
    assert call.params["channel"] == "C0THEIRS" and call.token == "xoxb-partner"
    assert "Tomorrow" in str(call.params["blocks"][0])


async def test_429_is_retried_after_retry_after(notifier: SlackNotifier, slack_api: WebApiServer) -> None:
    slack_api.fail("chat.postMessage", "ratelimited", status=429, retry_after=7)
    result = await notifier.send("C0NEWS", notice())
    assert result.status == "retry" and result.retry_after == 7.0
    assert (await notifier.send("C0NEWS", notice())).status == "ok"  # nothing lost: the resend goes through


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "is_archived", "account_inactive"])
async def test_dead_destinations_are_permanent(notifier: SlackNotifier, slack_api: WebApiServer, error: str) -> None:
    slack_api.fail("chat.postMessage", error)
    result = await notifier.send("C0GONE", notice())
    assert result.status == "permanent" and result.error == error


async def test_server_and_network_errors_are_transient(notifier: SlackNotifier, slack_api: WebApiServer) -> None:
    slack_api.fail("chat.postMessage", "internal_error", status=500)
    assert (await notifier.send("C0NEWS", notice())).status == "transient"
    slack_api.fail("chat.postMessage", "fatal_error", status=503)
    assert (await notifier.send("C0NEWS", notice())).status == "transient"
    offline = SlackNotifier(AsyncWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{free_port()}/api/"))
    result = await offline.send("C0NEWS", notice())
    assert result.status == "transient" and result.error


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'slack.sqlite3'}")
    await database.migrate()
    yield database
    await database.close()


async def test_dispatcher_pauses_a_channel_the_bot_was_removed_from(db: Database, notifier: SlackNotifier,
                                                                    slack_api: WebApiServer) -> None:
    now = datetime.now(timezone.utc)
    spec = store.EventSpec(uid="ev-p", title="Reporting training", starts_at=now + timedelta(days=30),
                           topics=["reporting"], kind="training")
    async with db.session() as session:
        await store.upsert(session, spec, source="test", now=now)
    for chat in ("C0GONE", "C0OK"):
        await subscriptions.subscribe(db, platform="slack", chat_id=chat, topics=["reporting"])
    slack_api.fail("chat.postMessage", "ratelimited", status=429, retry_after=1)
    original = slack_api.answer

    def answer(method: str, params: dict, me: dict) -> dict:
        if params.get("channel") == "C0GONE":
            return {"ok": False, "error": "channel_not_found"}
        return original(method, params, me)

    slack_api.answer = answer  # type: ignore[method-assign]
    started = time.monotonic()
    dispatcher = Dispatcher(db, {"slack": notifier}, base_url="https://bot.example", limits=RateLimits(scale=100),
                            policy=Policy(backoff_base=0.01, backoff_cap=0.05, max_wait=5))
    report = await dispatcher.tick(now + timedelta(seconds=1), drain=True)
    assert report.sent == 1 and time.monotonic() - started >= 1.0  # the 429's Retry-After was waited out
    gone = await subscriptions.get(db, platform="slack", chat_id="C0GONE")
    assert gone is not None and gone.paused and "channel_not_found" in (gone.paused_reason or "")
    assert len(slack_api.called("chat.postMessage")) == 3  # one 429, then each chat once: nothing lost, no repeat
    calls_before = len(slack_api.calls)
    await dispatcher.tick(now + timedelta(days=29, hours=1), drain=True)  # a reminder is due: not for the paused one
    assert all(c.params["channel"] != "C0GONE" for c in slack_api.calls[calls_before:])
