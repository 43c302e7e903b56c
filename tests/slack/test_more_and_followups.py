"""An answer longer than a chat message has a "More" button that posts the rest where the answer is; a thread
or a DM is one conversation, so an elliptical follow-up is answered as the question it stands for."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from pydantic import SecretStr

from bot.config import Settings
from tests.conftest import TINY_EVENTS
from tests.slack.conftest import SIGNING_SECRET, Slack, mention, message
from tests.slack.webapi_server import HOME, WebApiServer, free_port

LONG = "What accounts does a registry keep?"


@pytest.fixture
def settings(tmp_path: Path, slack_api: WebApiServer, prepared_more: Path, kb_with_more: Path) -> Settings:
    """A copy of an install with a long registry guide added to the tiny knowledge base, so the registry
    answer has a rest behind "More"."""
    shutil.copytree(prepared_more, tmp_path / "data")
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=kb_with_more, events_dir=TINY_EVENTS,
                    database_url="", http_port=free_port(), slack_bot_token=SecretStr("xoxb-test"),
                    slack_signing_secret=SecretStr(SIGNING_SECRET), slack_api_url=slack_api.url,
                    slack_staff_channel="C0STAFF", multilingual=False)


def texts(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(b["text"]["text"] if b["type"] == "section" else b["elements"][0]["text"] for b in blocks
                     if b["type"] in ("section", "context"))


def actions(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


async def press(slack: Slack, button: dict[str, Any], answer: dict[str, Any], *, channel: str) -> None:
    """Click a button of a message the bot posted, as Slack sends it: with the message and its blocks."""
    payload = {"type": "block_actions", "team": {"id": HOME["team_id"], "domain": "a6ip"},
               "user": {"id": "U0ALICE", "team_id": HOME["team_id"]}, "api_app_id": "A0APP",
               "channel": {"id": channel, "name": "general"}, "trigger_id": slack.trigger_id(),
               "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": channel},
               "message": {"type": "message", "ts": "1700000000.000001", "text": answer["text"],
                           "blocks": answer["blocks"], **({"thread_ts": answer["thread_ts"]}
                                                          if answer.get("thread_ts") else {})},
               "response_url": slack.api.response_url("click"),
               "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "a6_feedback",
                            "value": button["value"], "action_ts": str(time.time())}]}
    body = urlencode({"payload": json.dumps(payload)}).encode()
    assert (await slack.post("/slack/events", body, "application/x-www-form-urlencoded")).status_code == 200


async def test_more_posts_the_rest_in_the_thread_and_the_button_goes(slack: Slack) -> None:
    await slack.event(mention(LONG, ts="1700000100.000100"))
    (answer,) = await slack.api.wait_for("chat.postMessage")
    assert [e["text"]["text"] for e in actions(answer.params["blocks"])] == \
        ["More", "👍 helpful", "👎 not helpful", "ask A6IP staff"]
    await press(slack, actions(answer.params["blocks"])[0], answer.params, channel="C0GENERAL")
    _, rest = await slack.api.wait_for("chat.postMessage", 2)
    assert rest.params["thread_ts"] == "1700000100.000100" and rest.params["channel"] == "C0GENERAL"
    assert "transaction by transaction" in texts(rest.params["blocks"])
    assert "Decision 2/CMA.3, annex, para. 29" in texts(rest.params["blocks"])
    assert not actions(rest.params["blocks"])
    (replaced,) = await slack.api.wait_responses(1)
    assert replaced["replace_original"] is True
    assert [e["action_id"] for e in actions(replaced["blocks"])] == ["a6_helpful", "a6_not_helpful", "a6_escalate"]


async def test_more_in_the_readers_language_and_for_an_answer_no_longer_on_record(slack: Slack) -> None:
    slack.api.locales["U0ALICE"] = "es-ES"
    await slack.event(message(LONG, channel="D0ALICE", channel_type="im"))
    (answer,) = await slack.api.wait_for("chat.postMessage")
    more = actions(answer.params["blocks"])[0]
    assert more["text"]["text"] == "Más"
    await press(slack, {**more, "value": "999"}, answer.params, channel="D0ALICE")
    (note,) = await slack.api.wait_responses(1)
    assert note["response_type"] == "ephemeral" and note["text"] == "No hay nada más que mostrar para esta respuesta."


async def test_a_follow_up_in_a_thread_or_a_dm_is_understood_and_threads_are_not_mixed(slack: Slack) -> None:
    await slack.event(mention("When is annual information under Article 6.2 due?", ts="1700000100.000100"))
    await slack.api.wait_for("chat.postMessage")
    await slack.event(message("what about the deadline?", ts="1700000300.000300", thread_ts="1700000100.000100"))
    _, follow = await slack.api.wait_for("chat.postMessage", 2)
    assert follow.params["thread_ts"] == "1700000100.000100"
    assert texts(follow.params["blocks"]).startswith(
        "_Answering: What is the deadline for annual information under Article 6.2?_")
    assert "15 April" in texts(follow.params["blocks"])
    await slack.event(mention("what about the deadline?", ts="1700000500.000500"))  # a new thread
    *_, alone = await slack.api.wait_for("chat.postMessage", 3)
    assert "Answering:" not in texts(alone.params["blocks"])
    await slack.event(message("When is annual information under Article 6.2 due?", channel="D0ALICE",
                              channel_type="im", ts="1700000600.000600"))
    await slack.api.wait_for("chat.postMessage", 4)
    await slack.event(message("what about the deadline?", channel="D0ALICE", channel_type="im",
                              ts="1700000700.000700"))
    *_, in_dm = await slack.api.wait_for("chat.postMessage", 5)
    assert in_dm.params["channel"] == "D0ALICE" and "Answering:" in texts(in_dm.params["blocks"])
