"""The answer's buttons: feedback recorded with the question log, 'ask A6IP staff' forwards the question."""

from __future__ import annotations

import asyncio

from bot.storage import QuestionLog
from adapters.slack.settings import SlackSettings
from tests.slack.conftest import Slack, message


async def ask_in_dm(slack: Slack, text: str = "What is an ITMO?") -> str:
    """Ask in a DM and return the log id the answer's buttons carry."""
    await slack.event(message(text, channel="D0ALICE", channel_type="im"))
    (call,) = await slack.api.wait_for("chat.postMessage")
    (actions,) = [b for b in call.params["blocks"] if b["type"] == "actions"]
    slack.api.calls.clear()
    return str(actions["elements"][0]["value"])


async def log_row(slack: Slack, log_id: str) -> QuestionLog:
    async with slack.services.db.session() as session:
        row = await session.get(QuestionLog, int(log_id))
    assert row is not None
    return row


async def click(slack: Slack, action: str, value: str) -> str:
    assert (await slack.click(action, value, channel="D0ALICE")).status_code == 200
    (posted,) = await slack.api.wait_responses(1)
    slack.api.responses.clear()
    assert posted["response_type"] == "ephemeral" and posted["replace_original"] is False
    return str(posted["text"])


async def test_helpful_and_not_helpful_are_recorded(slack: Slack) -> None:
    log_id = await ask_in_dm(slack)
    assert "feedback is recorded" in await click(slack, "a6_helpful", log_id)
    assert (await log_row(slack, log_id)).feedback == "helpful"
    assert "feedback is recorded" in await click(slack, "a6_not_helpful", log_id)
    assert (await log_row(slack, log_id)).feedback == "not_helpful"


async def test_ask_staff_posts_the_question_to_the_staff_channel(slack: Slack) -> None:
    log_id = await ask_in_dm(slack, "Can &lt;!channel&gt; &amp; our ministry authorize ITMOs?")
    assert "passed your question to A6IP staff" in await click(slack, "a6_escalate", log_id)
    (post,) = await slack.api.wait_for("chat.postMessage")
    assert post.params["channel"] == "C0STAFF" and post.token == "xoxb-test"
    assert "<@U0ALICE>" in post.params["text"]
    assert "Can &lt;!channel&gt; &amp; our ministry authorize ITMOs?" in post.params["text"]  # escaped, no @channel
    assert (await log_row(slack, log_id)).escalated is True


async def test_ask_staff_without_a_staff_channel_is_polite(slack: Slack) -> None:
    log_id = await ask_in_dm(slack)
    slack.services.settings.section(SlackSettings).slack_staff_channel = None
    note = await click(slack, "a6_escalate", log_id)
    assert "no staff channel is set up" in note and "A6_partnership@iges.or.jp" in note
    await asyncio.sleep(0.3)
    assert slack.api.called("chat.postMessage") == []


async def test_ask_staff_when_the_staff_channel_is_gone(slack: Slack) -> None:
    log_id = await ask_in_dm(slack)
    slack.api.fail("chat.postMessage", "channel_not_found")
    assert "could not reach the A6IP staff channel" in await click(slack, "a6_escalate", log_id)


async def test_buttons_with_unknown_or_forged_values_change_nothing(slack: Slack) -> None:
    assert "no longer on record" in await click(slack, "a6_helpful", "999999")
    assert "no longer on record" in await click(slack, "a6_escalate", "1; DROP TABLE question_log")
    await asyncio.sleep(0.3)
    assert slack.api.called("chat.postMessage") == []
