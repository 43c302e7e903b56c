"""A Slack Web API on 127.0.0.1 for tests: Slack's wire format ({"ok": ..., "error": ...}, 429 + Retry-After),
every call recorded, failures scripted per method; also the response_url endpoint commands and buttons use."""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

HOME = {"team_id": "T0HOME", "team": "A6IP", "user_id": "UBOT", "bot_id": "BBOT", "user": "a6bot"}
PARTNER = {"team_id": "T0PARTNER", "team": "Partner Org", "user_id": "UBOT2", "bot_id": "BBOT2", "user": "a6bot"}
CLIENT_ID, CLIENT_SECRET, GOOD_CODE = "111.222", "client-secret", "good-code"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None


@dataclass
class Failure:
    error: str
    status: int = 200
    retry_after: int | None = None


@dataclass
class WebApiServer:
    """`calls` holds every Web API call; `responses` every body posted to a response_url."""

    port: int = field(default_factory=free_port)
    tokens: dict[str, dict[str, str]] = field(default_factory=lambda: {"xoxb-test": HOME})
    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)
    scripted: dict[str, list[Failure]] = field(default_factory=dict)
    ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    socket_acks: list[dict[str, Any]] = field(default_factory=list)
    locales: dict[str, str] = field(default_factory=dict)  # user id -> Slack locale ("fr-FR"); en-US otherwise

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r") -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def fail(self, method: str, error: str, *, status: int = 200, retry_after: int | None = None, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with this failure."""
        self.scripted.setdefault(method, []).extend(Failure(error, status, retry_after) for _ in range(times))

    def called(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[Call]:
        """The calls of `method` once there are at least `count` of them (fails after `timeout` seconds)."""
        for _ in range(int(timeout / 0.02)):
            if len(self.called(method)) >= count:
                return self.called(method)
            await asyncio.sleep(0.02)
        raise AssertionError(f"expected {count} {method} call(s), got {self.called(method)}")

    async def wait_responses(self, count: int = 1, timeout: float = 15.0) -> list[dict[str, Any]]:
        for _ in range(int(timeout / 0.02)):
            if len(self.responses) >= count:
                return self.responses
            await asyncio.sleep(0.02)
        raise AssertionError(f"expected {count} response_url post(s), got {self.responses}")

    async def read(self, request: web.Request) -> dict[str, Any]:
        raw = await request.text()
        if request.content_type == "application/json":
            return dict(json.loads(raw or "{}"))
        params: dict[str, Any] = {**request.query, **dict(parse_qsl(raw))}
        for key in ("blocks", "attachments"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self.read(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.get("token")
        self.calls.append(Call(method, params, token))
        if self.scripted.get(method):
            failure = self.scripted[method].pop(0)
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
            return web.json_response({"ok": False, "error": failure.error}, status=failure.status, headers=headers)
        if method == "oauth.v2.access":
            return web.json_response(self.oauth(params, request))
        if method == "apps.connections.open":
            ok = (token or "").startswith("xapp-")
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"} if ok
                                     else {"ok": False, "error": "invalid_auth"})
        identity = self.tokens.get(token or "")
        if identity is None:
            return web.json_response({"ok": False, "error": "not_authed" if not token else "invalid_auth"})
        return web.json_response(self.answer(method, params, identity))

    def answer(self, method: str, params: dict[str, Any], me: dict[str, str]) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        if method == "auth.test":
            return {"ok": True, "url": f"https://{me['team'].lower().replace(' ', '')}.slack.com/", **me}
        if method == "chat.postMessage":
            if not channel:
                return {"ok": False, "error": "channel_not_found"}
            ts = f"1700000000.{next(self.ts):06d}"
            return {"ok": True, "channel": channel, "ts": ts,
                    "message": {"type": "message", "text": params.get("text"), "user": me["user_id"], "ts": ts}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self.ts):06d}"}
        if method == "chat.update":
            return {"ok": True, "channel": channel, "ts": params.get("ts"), "text": params.get("text")}
        if method == "conversations.info":
            return {"ok": True, "channel": {"id": channel, "is_im": channel.startswith("D"), "name": "general"}}
        if method == "users.info":
            user = {"id": params.get("user"), "tz": "Europe/Paris", "is_bot": False}
            if str(params.get("include_locale")).lower() in ("true", "1"):
                user["locale"] = self.locales.get(str(params.get("user")), "en-US")
            return {"ok": True, "user": user}
        return {"ok": False, "error": "unknown_method"}

    def oauth(self, params: dict[str, Any], request: web.Request) -> dict[str, Any]:
        client_id, client_secret = params.get("client_id"), params.get("client_secret")
        if "Authorization" in request.headers and request.headers["Authorization"].startswith("Basic "):
            import base64

            client_id, _, client_secret = base64.b64decode(request.headers["Authorization"][6:]).decode().partition(":")
        if (client_id, client_secret) != (CLIENT_ID, CLIENT_SECRET):
            return {"ok": False, "error": "invalid_client_id"}
        if params.get("code") != GOOD_CODE:
            return {"ok": False, "error": "invalid_code"}
        self.tokens["xoxb-partner"] = PARTNER
        return {"ok": True, "access_token": "xoxb-partner", "token_type": "bot", "scope": "chat:write,commands",
                "bot_user_id": PARTNER["user_id"], "app_id": "A0APP", "team": {"id": PARTNER["team_id"],
                "name": PARTNER["team"]}, "enterprise": None, "is_enterprise_install": False,
                "authed_user": {"id": "U0ADMIN"}}

    async def response(self, request: web.Request) -> web.Response:
        self.responses.append({"url": request.match_info["name"], **json.loads(await request.text())})
        return web.Response(text="ok")

    async def socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: say hello, then record the acknowledgements the app sends back."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "test"}})
        async for message in ws:
            self.socket_acks.append(json.loads(message.data))
        return ws

    async def push(self, envelope_type: str, payload: dict[str, Any], envelope_id: str) -> None:
        """Deliver one envelope over Socket Mode to the connected app."""
        for _ in range(250):
            if self.sockets:
                break
            await asyncio.sleep(0.02)
        await self.sockets[-1].send_json({"envelope_id": envelope_id, "type": envelope_type, "payload": payload,
                                          "accepts_response_payload": envelope_type != "events_api"})

    async def __aenter__(self) -> WebApiServer:
        app = web.Application()
        app.router.add_post("/api/{method}", self.api)
        app.router.add_get("/api/{method}", self.api)  # slack_sdk reads users.info and the like with GET
        app.router.add_post("/response/{name}", self.response)
        app.router.add_get("/socket", self.socket)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()
        return self

    async def __aexit__(self, *_: Any) -> None:
        for ws in self.sockets:
            await ws.close()
        await self.runner.cleanup()
