"""Forged, stale, unsigned and replayed requests do nothing; Slack's retries of an event are answered once."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.slack.conftest import Slack, mention, sign

QUESTION = "What is an ITMO?"


async def settle(slack: Slack) -> None:
    await asyncio.sleep(0.6)


@pytest.mark.parametrize("case", ["missing", "wrong secret", "stale", "future", "tampered"])
async def test_bad_signatures_are_refused_and_change_nothing(slack: Slack, case: str) -> None:
    body = slack.event_body(mention(QUESTION))
    headers = {"missing": {}, "wrong secret": sign(body, secret="not-the-secret"),
               "stale": sign(body, timestamp=int(time.time()) - 301),
               "future": sign(body, timestamp=int(time.time()) + 301),
               "tampered": sign(body.replace(b"ITMO", b"ITMX"))}[case]
    response = await slack.post("/slack/events", body, "application/json", signed=headers)
    assert response.status_code == 401
    command = slack.command_body("subscribe 6.2")
    assert (await slack.post("/slack/events", command, "application/x-www-form-urlencoded",
                             signed=headers if case != "tampered" else sign(command + b"x"))).status_code == 401
    await settle(slack)
    assert slack.api.calls == [] and slack.api.responses == []
    from bot.outreach import subscriptions

    assert await subscriptions.get(slack.services.db, platform="slack", chat_id="C0GENERAL") is None


async def test_signature_just_inside_five_minutes_is_accepted(slack: Slack) -> None:
    body = slack.event_body(mention(QUESTION))
    response = await slack.post("/slack/events", body, "application/json", signed=sign(body, timestamp=int(time.time()) - 280))
    assert response.status_code == 200
    await slack.api.wait_for("chat.postMessage")


async def test_retried_event_is_answered_once(slack: Slack) -> None:
    body = slack.event_body(mention(QUESTION), event_id="Ev0RETRY")
    first = await slack.post("/slack/events", body, "application/json")
    retries = [await slack.post("/slack/events", body, "application/json",
                                headers={"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"})
               for n in (1, 2, 3)]
    assert [r.status_code for r in [first, *retries]] == [200, 200, 200, 200]
    await slack.api.wait_for("chat.postMessage")
    await settle(slack)
    assert len(slack.api.called("chat.postMessage")) == 1


async def test_concurrent_copies_of_one_event_are_answered_once(slack: Slack) -> None:
    body = slack.event_body(mention(QUESTION), event_id="Ev0BURST")
    responses = await asyncio.gather(*(slack.post("/slack/events", body, "application/json") for _ in range(5)))
    assert {r.status_code for r in responses} == {200}
    await slack.api.wait_for("chat.postMessage")
    await settle(slack)
    assert len(slack.api.called("chat.postMessage")) == 1


async def test_a_replayed_signed_request_is_not_answered_twice(slack: Slack) -> None:
    """An attacker re-sending a captured request within five minutes gets nothing new: same event_id."""
    body = slack.event_body(mention(QUESTION), event_id="Ev0REPLAY")
    headers = sign(body)
    await slack.post("/slack/events", body, "application/json", signed=headers)
    await slack.api.wait_for("chat.postMessage")
    assert (await slack.post("/slack/events", body, "application/json", signed=headers)).status_code == 200
    await settle(slack)
    assert len(slack.api.called("chat.postMessage")) == 1
