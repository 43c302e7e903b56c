"""Fixtures for the Slack tests: the Web API test server, Slack settings, and the bot serving signed requests."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from pydantic import SecretStr

from adapters.slack import PLATFORM
from bot.config import Settings
from bot.server import HttpServer
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.slack.webapi_server import HOME, WebApiServer, free_port

SIGNING_SECRET = "test-signing-secret"


def sign(body: bytes, *, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """Slack's v0 request signature: HMAC-SHA256 of 'v0:{timestamp}:{body}' with the signing secret."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


@pytest.fixture
async def slack_api() -> AsyncIterator[WebApiServer]:
    async with WebApiServer() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path, slack_api: WebApiServer) -> Settings:
    """The root `settings`, plus a Slack app talking to the test Web API (overrides tests/conftest.py's)."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="",
                    http_port=free_port(), slack_bot_token=SecretStr("xoxb-test"),
                    slack_signing_secret=SecretStr(SIGNING_SECRET), slack_api_url=slack_api.url,
                    slack_staff_channel="C0STAFF", multilingual=False)


@dataclass
class Slack:
    """The running bot as Slack sees it: send signed events, commands and clicks; inspect the Web API calls."""

    api: WebApiServer
    base: str
    http: httpx.AsyncClient
    services: Any
    events_sent: int = 0
    triggers: int = 0

    def trigger_id(self) -> str:
        """Slack gives every command and click its own trigger_id, so two identical commands differ in body."""
        self.triggers += 1
        return f"{self.triggers}.2.3"

    async def post(self, path: str, body: bytes, content_type: str, headers: dict[str, str] | None = None,
                   signed: dict[str, str] | None = None) -> httpx.Response:
        all_headers = {"Content-Type": content_type, **(sign(body) if signed is None else signed), **(headers or {})}
        return await self.http.post(self.base + path, content=body, headers=all_headers)

    def event_body(self, event: dict[str, Any], *, event_id: str | None = None, team: str = HOME["team_id"]) -> bytes:
        self.events_sent += 1
        return json.dumps({"token": "legacy", "team_id": team, "api_app_id": "A0APP", "type": "event_callback",
                           "event_id": event_id or f"Ev{self.events_sent:08d}", "event_time": int(time.time()),
                           "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}],
                           "event": {"event_ts": event.get("ts", "1.0"), **event}}).encode()

    async def event(self, event: dict[str, Any], **options: Any) -> httpx.Response:
        """Post one event_callback (options: event_id, team, headers)."""
        headers = options.pop("headers", None)
        return await self.post("/slack/events", self.event_body(event, **options), "application/json", headers)

    def command_body(self, text: str, *, channel: str = "C0GENERAL", user: str = "U0ALICE",
                     team: str = HOME["team_id"]) -> bytes:
        return urlencode({"token": "legacy", "team_id": team, "team_domain": "a6ip", "channel_id": channel,
                          "channel_name": "directmessage" if channel.startswith("D") else "general",
                          "user_id": user, "user_name": "alice", "command": "/a6", "text": text,
                          "api_app_id": "A0APP", "response_url": self.api.response_url("command"),
                          "trigger_id": self.trigger_id()}).encode()

    async def command(self, text: str, **options: Any) -> httpx.Response:
        return await self.post("/slack/events", self.command_body(text, **options), "application/x-www-form-urlencoded")

    def click_body(self, action_id: str, value: str, *, channel: str = "C0GENERAL", user: str = "U0ALICE") -> bytes:
        payload = {"type": "block_actions", "team": {"id": HOME["team_id"], "domain": "a6ip"},
                   "user": {"id": user, "team_id": HOME["team_id"]}, "api_app_id": "A0APP",
                   "channel": {"id": channel, "name": "general"}, "trigger_id": self.trigger_id(),
                   "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": channel},
                   "message": {"ts": "1700000000.000001", "type": "message"},
                   "response_url": self.api.response_url("click"),
                   "actions": [{"type": "button", "action_id": action_id, "block_id": f"a6_feedback_{value}",
                                "value": value, "action_ts": str(time.time())}]}
        return urlencode({"payload": json.dumps(payload)}).encode()

    async def click(self, action_id: str, value: str, **options: Any) -> httpx.Response:
        return await self.post("/slack/events", self.click_body(action_id, value, **options),
                               "application/x-www-form-urlencoded")


@pytest.fixture
async def slack(services: Any, slack_api: WebApiServer) -> AsyncIterator[Slack]:
    """The Slack adapter on the shared HTTP server, wired to the core services and the test Web API."""
    server = HttpServer("127.0.0.1", services.settings.http_port)
    runner = await PLATFORM.start(services, server)
    await server.start()
    async with httpx.AsyncClient(timeout=30) as http:
        yield Slack(slack_api, f"http://127.0.0.1:{server.port}", http, services)
    await runner.stop()
    await server.stop()


def mention(text: str, *, ts: str = "1700000100.000100", channel: str = "C0GENERAL", user: str = "U0ALICE",
            thread_ts: str | None = None) -> dict[str, Any]:
    event = {"type": "app_mention", "user": user, "text": f"<@UBOT> {text}", "ts": ts, "channel": channel}
    return {**event, "thread_ts": thread_ts} if thread_ts else event


def message(text: str, *, ts: str = "1700000200.000200", channel: str = "C0GENERAL", user: str | None = "U0ALICE",
            thread_ts: str | None = None, channel_type: str = "channel", **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "message", "text": text, "ts": ts, "channel": channel,
                             "channel_type": channel_type, **extra}
    if user:
        event["user"] = user
    return {**event, "thread_ts": thread_ts} if thread_ts else event
