"""Every signed request is single-use: a captured command or click re-sent within five minutes does nothing."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

from sqlalchemy import func, select

from adapters.slack import store
from bot.outreach import subscriptions
from bot.storage import QuestionLog
from tests.slack.conftest import Slack, sign
from tests.slack.test_buttons import ask_in_dm, log_row

FORM = "application/x-www-form-urlencoded"


async def send(slack: Slack, body: bytes, headers: dict[str, str]) -> dict:
    """Post a signed form request and return what the bot posted to its response_url."""
    assert (await slack.post("/slack/events", body, FORM, signed=headers)).status_code == 200
    (posted,) = await slack.api.wait_responses(1)
    slack.api.responses.clear()
    return posted


async def replay(slack: Slack, body: bytes, headers: dict[str, str]) -> None:
    """Re-send a captured request: Slack gets a 200, and the bot posts and calls nothing."""
    calls = len(slack.api.calls)
    assert (await slack.post("/slack/events", body, FORM, signed=headers)).status_code == 200
    await asyncio.sleep(0.6)
    assert slack.api.responses == [] and len(slack.api.calls) == calls


async def questions_logged(slack: Slack) -> int:
    async with slack.services.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(QuestionLog)) or 0)


async def test_a_replayed_subscribe_does_not_subscribe_again(slack: Slack) -> None:
    now = int(time.time())
    subscribe = slack.command_body("subscribe 6.2")
    captured = sign(subscribe, timestamp=now - 20)
    assert "Event notices here" in (await send(slack, subscribe, captured))["text"]
    unsubscribe = slack.command_body("unsubscribe")
    stopped = await send(slack, unsubscribe, sign(unsubscribe, timestamp=now - 10))
    assert "no more event notices here" in stopped["text"]
    await replay(slack, subscribe, captured)
    assert await subscriptions.get(slack.services.db, platform="slack", chat_id="C0GENERAL") is None


async def test_a_replayed_button_click_records_nothing(slack: Slack) -> None:
    log_id = await ask_in_dm(slack)
    now = int(time.time())
    not_helpful = slack.click_body("a6_not_helpful", log_id, channel="D0ALICE")
    captured = sign(not_helpful, timestamp=now - 20)
    assert "feedback is recorded" in (await send(slack, not_helpful, captured))["text"]
    helpful = slack.click_body("a6_helpful", log_id, channel="D0ALICE")
    assert "feedback is recorded" in (await send(slack, helpful, sign(helpful, timestamp=now - 10)))["text"]
    await replay(slack, not_helpful, captured)
    assert (await log_row(slack, log_id)).feedback == "helpful"


async def test_a_replayed_ask_is_neither_answered_nor_logged_again(slack: Slack) -> None:
    body = slack.command_body("ask What is an ITMO?")
    captured = sign(body, timestamp=int(time.time()) - 20)
    assert "mitigation outcomes" in str((await send(slack, body, captured))["blocks"])
    assert await questions_logged(slack) == 1
    await replay(slack, body, captured)
    assert await questions_logged(slack) == 1


async def test_the_same_command_with_a_new_timestamp_still_works(slack: Slack) -> None:
    """Typing the same command twice is two requests with two timestamps: both are answered and logged."""
    body = slack.command_body("ask What is an ITMO?")
    now = int(time.time())
    for stamp in (now - 20, now - 19):
        assert "mitigation outcomes" in str((await send(slack, body, sign(body, timestamp=stamp)))["blocks"])
    assert await questions_logged(slack) == 2


async def test_a_refused_forgery_does_not_use_up_the_signature(slack: Slack) -> None:
    """Only accepted requests are remembered: a wrong signature first cannot block the genuine request."""
    body = slack.command_body("subscribe 6.2")
    genuine = sign(body)
    forged = {**genuine, "X-Slack-Signature": "v0=" + "0" * 64}
    assert (await slack.post("/slack/events", body, FORM, signed=forged)).status_code == 401
    assert "Event notices here" in (await send(slack, body, genuine))["text"]


async def test_a_replay_is_refused_by_another_worker_on_the_same_database(slack: Slack) -> None:
    """The memory lives in the database, so a second process (here: a fresh check on the same db) agrees."""
    body = slack.command_body("subscriptions")
    captured = sign(body)
    await send(slack, body, captured)
    db = slack.services.db
    assert not await store.first_use(db, timestamp=captured["X-Slack-Request-Timestamp"],
                                     signature=captured["X-Slack-Signature"])


async def test_expired_signatures_are_pruned(slack: Slack) -> None:
    db = slack.services.db
    old = str(int(time.time() - store.SIGNATURE_VALID_FOR.total_seconds()) - 5)
    assert await store.first_use(db, timestamp=old, signature="v0=old")
    assert await store.first_use(db, timestamp=str(int(time.time())), signature="v0=new")
    async with db.session() as session:
        kept = set((await session.scalars(select(store.SlackSeenRequest.signature))).all())
    assert kept == {"v0=new"}
    assert store.SIGNATURE_VALID_FOR >= timedelta(minutes=5)  # kept while Bolt would still accept it
