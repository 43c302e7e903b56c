"""Socket Mode: with an app-level token the adapter connects out over a WebSocket instead of serving HTTP."""

from __future__ import annotations

import asyncio
import json

import pytest
from pydantic import SecretStr

from adapters.slack import PLATFORM
from adapters.slack.settings import SlackSettings
from bot.config import Settings
from bot.server import HttpServer
from tests.slack.conftest import Slack, mention
from tests.slack.webapi_server import WebApiServer


@pytest.fixture
def settings(settings: Settings) -> Settings:
    slack = settings.section(SlackSettings)
    slack.slack_app_token, slack.slack_signing_secret = SecretStr("xapp-test"), None
    return settings


async def test_socket_mode_answers_mentions_and_serves_no_http_route(services, slack_api: WebApiServer) -> None:
    server = HttpServer("127.0.0.1", services.settings.http_port)
    runner = await PLATFORM.start(services, server)
    try:
        assert not any(getattr(r, "path", "") == "/slack/events" for r in server.routes)
        helper = Slack(slack_api, "", None, services)  # type: ignore[arg-type]
        payload = json.loads(helper.event_body(mention("What is an ITMO?", ts="1700000100.000100")))
        await slack_api.push("events_api", payload, envelope_id="env-1")
        (post,) = await slack_api.wait_for("chat.postMessage")
        assert post.params["thread_ts"] == "1700000100.000100" and "mitigation outcomes" in post.params["text"]
        for _ in range(100):  # the acknowledgement travels back over the socket
            if any(ack.get("envelope_id") == "env-1" for ack in slack_api.socket_acks):
                break
            await asyncio.sleep(0.02)
        assert any(ack.get("envelope_id") == "env-1" for ack in slack_api.socket_acks)
        (opened,) = slack_api.called("apps.connections.open")
        assert opened.token == "xapp-test"
    finally:
        await runner.stop()


async def test_http_mode_without_a_signing_secret_refuses_to_start(services) -> None:
    services.settings.section(SlackSettings).slack_app_token = None
    with pytest.raises(RuntimeError, match="A6BOT_SLACK_SIGNING_SECRET"):
        await PLATFORM.start(services, HttpServer("127.0.0.1", services.settings.http_port))
