"""Questions arriving as signed Events API requests: mentions, thread follow-ups, DMs, and what is ignored."""

from __future__ import annotations

import asyncio

from tests.slack.conftest import Slack, mention, message

QUESTION = "When is annual information under Article 6.2 due?"


def section_text(blocks: list[dict]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")


async def test_mention_is_answered_in_the_message_thread(slack: Slack) -> None:
    response = await slack.event(mention(QUESTION, ts="1700000100.000100"))
    assert response.status_code == 200
    (call,) = await slack.api.wait_for("chat.postMessage")
    assert call.params["channel"] == "C0GENERAL"
    assert call.params["thread_ts"] == "1700000100.000100"
    assert call.token == "xoxb-test"
    assert "15 April" in section_text(call.params["blocks"])
    sources = [b for b in call.params["blocks"] if b["type"] == "context"]
    assert any("<https://unfccc.int/" in b["elements"][0]["text"] for b in sources)
    buttons = [e["action_id"] for b in call.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["a6_helpful", "a6_not_helpful", "a6_escalate"]


async def test_follow_up_in_the_bots_thread_is_answered_there(slack: Slack) -> None:
    await slack.event(mention(QUESTION, ts="1700000100.000100"))
    await slack.api.wait_for("chat.postMessage")
    await slack.event(message("What is an ITMO?", ts="1700000300.000300", thread_ts="1700000100.000100"))
    calls = await slack.api.wait_for("chat.postMessage", 2)
    assert calls[1].params["thread_ts"] == "1700000100.000100"
    assert "mitigation outcomes" in section_text(calls[1].params["blocks"])


async def test_messages_elsewhere_are_left_alone(slack: Slack) -> None:
    await slack.event(message("What is an ITMO?", ts="1700000300.000300", thread_ts="1699999999.000001"))
    await slack.event(message("What is an ITMO?"))  # a top-level channel message without a mention
    await slack.event(message("edited", subtype="message_changed"))
    await slack.event(message("joined", subtype="channel_join"))
    await slack.event(message("I am another bot", bot_id="B0OTHER", channel_type="im", channel="D0ALICE"))
    await asyncio.sleep(0.5)
    assert slack.api.called("chat.postMessage") == []


async def test_direct_message_is_answered_in_the_dm(slack: Slack) -> None:
    await slack.event(message(QUESTION, channel="D0ALICE", channel_type="im"))
    (call,) = await slack.api.wait_for("chat.postMessage")
    assert call.params["channel"] == "D0ALICE"
    assert "thread_ts" not in call.params
    assert "15 April" in section_text(call.params["blocks"])


async def test_empty_mention_gets_the_cores_message(slack: Slack) -> None:
    await slack.event(mention(""))
    (call,) = await slack.api.wait_for("chat.postMessage")
    assert "Please type a question" in call.params["text"]


async def test_rate_limited_answer_waits_for_retry_after_then_posts_once(slack: Slack) -> None:
    slack.api.fail("chat.postMessage", "ratelimited", status=429, retry_after=1)
    started = asyncio.get_running_loop().time()
    await slack.event(mention(QUESTION))
    calls = await slack.api.wait_for("chat.postMessage", 2)
    assert asyncio.get_running_loop().time() - started >= 1.0
    assert calls[0].params == calls[1].params  # the same message, resent after the wait
    await asyncio.sleep(0.3)
    assert len(slack.api.called("chat.postMessage")) == 2
