"""/a6 and its sub-commands, sent as signed slash-command requests: acknowledged at once, answered afterwards."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from bot.outreach import events as store
from bot.outreach import subscriptions
from tests.slack.conftest import Slack


async def add_event(slack: Slack, *, uid: str = "ev-slack-1", topics: list[str] | None = None) -> datetime:
    start = (datetime.now(timezone.utc) + timedelta(days=10)).replace(microsecond=0)
    spec = store.EventSpec(uid=uid, title="Tracking <working> group & friends", starts_at=start,
                           ends_at=start + timedelta(hours=2), timezone="Asia/Tokyo", kind="wg-meeting",
                           topics=topics or ["tracking"], online=True)
    async with slack.services.db.session() as session:
        await store.upsert(session, spec, source="test")
    return start


async def reply(slack: Slack, text: str, **options: object) -> dict:
    started = time.monotonic()
    response = await slack.command(text, **options)  # type: ignore[arg-type]
    assert response.status_code == 200 and time.monotonic() - started < 3  # acknowledged within Slack's 3 s
    (posted,) = await slack.api.wait_responses(1)
    slack.api.responses.clear()
    return posted


def text_of(posted: dict) -> str:
    return "\n".join(b["text"]["text"] for b in posted.get("blocks", []) if b["type"] == "section")


async def test_ask_answers_in_the_channel_with_buttons(slack: Slack) -> None:
    posted = await reply(slack, "ask When is annual information under Article 6.2 due?")
    assert posted["response_type"] == "in_channel"
    assert "15 April" in text_of(posted)
    assert any(b["type"] == "actions" for b in posted["blocks"])


async def test_ask_without_a_question_explains(slack: Slack) -> None:
    posted = await reply(slack, "ask")
    assert posted["response_type"] == "ephemeral" and "Please type a question" in posted["text"]


async def test_events_lists_upcoming_events_in_each_readers_zone(slack: Slack) -> None:
    start = await add_event(slack)
    posted = await reply(slack, "events tracking")
    body = text_of(posted)
    assert f"<!date^{int(start.timestamp())}^{{date_short_pretty}} {{time}}|" in body
    assert "Tracking &lt;working&gt; group &amp; friends" in body
    assert "/calendar/event/ev-slack-1.ics|Add to calendar" in body
    assert "No upcoming events" in (await reply(slack, "events 6.4"))["text"]
    assert "unknown topic" in (await reply(slack, "events astrology"))["text"]


async def test_subscribe_in_a_channel_subscribes_the_channel(slack: Slack) -> None:
    posted = await reply(slack, "subscribe 6.2, private sector")
    assert "Event notices here: *Article 6.2 cooperative approaches, Private sector*" in posted["text"]
    row = await subscriptions.get(slack.services.db, platform="slack", chat_id="C0GENERAL")
    assert row is not None and row.topics == ["6.2", "private-sector"]
    assert "Article 6.2" in (await reply(slack, "subscriptions"))["text"]
    assert "Event notices here: *Private sector*" in (await reply(slack, "unsubscribe 6.2"))["text"]
    assert "no more event notices here" in (await reply(slack, "unsubscribe"))["text"]
    assert await subscriptions.get(slack.services.db, platform="slack", chat_id="C0GENERAL") is None
    assert "No event notices are sent here" in (await reply(slack, "subscriptions"))["text"]


async def test_subscribe_in_a_dm_subscribes_the_user(slack: Slack) -> None:
    posted = await reply(slack, "subscribe", channel="D0ALICE", user="U0ALICE")
    assert "Event notices here: *every topic*" in posted["text"]
    assert await subscriptions.get(slack.services.db, platform="slack", chat_id="U0ALICE") is not None
    assert await subscriptions.get(slack.services.db, platform="slack", chat_id="D0ALICE") is None


async def test_unknown_topic_changes_nothing(slack: Slack) -> None:
    posted = await reply(slack, "subscribe astrology")
    assert "unknown topic 'astrology'" in posted["text"]
    assert await subscriptions.get(slack.services.db, platform="slack", chat_id="C0GENERAL") is None


async def test_help_and_unknown_sub_commands(slack: Slack) -> None:
    for text in ("help", ""):
        help_ = (await reply(slack, text))["text"]
        assert "`/a6 subscribe reporting, tracking`" in help_ and "/a6 support — ask for an A6IP support package" in help_
        assert "/a6 tools — capacity-building resources" in help_
    posted = await reply(slack, "frobnicate now")
    assert "I don't know `/a6 frobnicate`" in posted["text"] and "/a6 events" in posted["text"]


async def test_all_is_every_topic_as_on_telegram(slack: Slack) -> None:
    """One topic parser for every channel: Slack takes 'all' as Telegram does."""
    assert "Event notices here: *every topic*" in (await reply(slack, "subscribe all"))["text"]
    row = await subscriptions.get(slack.services.db, platform="slack", chat_id="C0GENERAL")
    assert row is not None and row.topics == []


async def test_a_french_slack_user_gets_french(slack: Slack) -> None:
    """Slack's user locale (users.info, include_locale) picks the language; it is asked once, then remembered."""
    slack.api.locales["U0FR"] = "fr-FR"
    help_ = await reply(slack, "help", user="U0FR")
    assert "*Poser une question*" in help_["text"] and "`/a6 subscribe reporting, tracking`" in help_["text"]
    assert "*Appui de l'A6IP*" in help_["text"] and "/a6 support — demander un programme d'appui" in help_["text"]
    posted = await reply(slack, "subscribe 6.2", user="U0FR")
    assert "Annonces d'événements ici : *Article 6.2 : démarches concertées*" in posted["text"]
    row = await subscriptions.get(slack.services.db, platform="slack", chat_id="C0GENERAL")
    assert row is not None and row.language == "fr"  # the channel's notices follow in French
    bad = await reply(slack, "timezone Atlantide", user="U0FR")
    assert "Je ne connais pas le fuseau horaire « Atlantide »" in bad["text"]
    lookups = slack.api.called("users.info")
    assert {c.params["user"] for c in lookups} == {"U0FR"} and len(lookups) == 1
    assert "Event notices here" in (await reply(slack, "subscriptions"))["text"]  # U0ALICE reads English
