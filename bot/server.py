"""The bot's one HTTP server (Starlette under uvicorn): webhooks, Slack events, calendar feeds, health,
metrics and the staff console all register their routes here, so one port serves everything.

Two guards wrap every route: request bodies are limited per route while they are read (Content-Length and
chunked alike, answered 413 before anything is spooled), and every response carries the security headers
(CSP without inline script, framing refused unless the page allows it, no-referrer, nosniff)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)
Endpoint = Callable[[Request], Awaitable[Response]]
Check = Callable[[], Awaitable[bool]]
Status = Callable[[], dict[str, Any]]

FORM_BODY = 64 * 1024  # any route not given a limit: sign-in and other small forms, JSON questions
WEBHOOK_BODY = 1024 * 1024  # Slack events and Telegram updates are a few KB; 1 MB leaves room
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
}


class BodyTooLarge(Exception):
    """Raised into the app by the wrapped `receive`, so whatever is reading stops at once."""


class BodyLimit:
    """ASGI middleware: refuses a request body over the route's limit with 413, on Content-Length before
    reading and on the bytes actually received (chunked bodies) while reading; the app's own reply is dropped."""

    def __init__(self, app: ASGIApp, *, limit_for: Callable[[str], int]) -> None:
        self.app, self.limit_for = app, limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(route_path(scope))
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > limit:
            await too_large(send, limit)
            return
        received, refused, started = 0, False, False

        async def limited_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                refused = True
                raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the app's error page for the aborted read; the 413 goes instead
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not refused:
                raise
        if refused and not started:
            await too_large(send, limit)


async def too_large(send: Send, limit: int) -> None:
    response = PlainTextResponse(f"The request body is larger than this address accepts ({size(limit)}); "
                                 "nothing was read or stored.", status_code=413, headers={"connection": "close"})
    await response({"type": "http"}, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


def size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def route_path(scope: Scope) -> str:
    """The path below the mount point, as the routes inside a mounted app name it."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root + "/") else path


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, unless the endpoint set its own (the public
    chat's /embed sets a CSP allowing the configured sites to frame it, and so gets no X-Frame-Options)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if "frame-ancestors 'none'" in headers["content-security-policy"]:
                    headers.setdefault("x-frame-options", "DENY")
            await send(message)

        await self.app(scope, receive, with_headers)


def trusted_proxies(setting: str) -> list[str]:
    """A6BOT_TRUSTED_PROXIES: comma-separated addresses or networks whose X-Forwarded-For is believed."""
    return [item.strip() for item in setting.split(",") if item.strip()]


class HttpServer:
    """Collects routes and readiness checks from every part, then serves them on host:port."""

    def __init__(self, host: str, port: int, *, trusted_proxies: Sequence[str] = ()) -> None:
        self.host = host
        self.port = port
        self.trusted_proxies = list(trusted_proxies)  # none by default: X-Forwarded-For is ignored
        self.body_limits: dict[str, int] = {}
        self.mount_limits: dict[str, Callable[[str], int]] = {}
        self.routes: list[BaseRoute] = []
        self.checks: dict[str, Check] = {}
        self.status: Status | None = None
        self.middleware: list[Any] = []
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    def add_route(self, path: str, endpoint: Endpoint, *, methods: list[str] | None = None,
                  name: str | None = None, max_body: int = FORM_BODY) -> None:
        """`max_body`: the largest request body the route takes (bytes); larger ones get 413 unread."""
        self.routes.append(Route(path, endpoint, methods=methods or ["GET"], name=name))
        self.body_limits[path] = max_body

    def mount(self, path: str, app: Any, *, name: str | None = None,
              max_body: int | Callable[[str], int] = FORM_BODY) -> None:
        """`max_body`: a limit for every path below `path`, or a function of the path below it."""
        self.routes.append(Mount(path, app=app, name=name))
        self.mount_limits[path.rstrip("/")] = max_body if callable(max_body) else lambda _path: max_body

    def body_limit(self, path: str) -> int:
        """The limit of the route or mount serving `path`; small for anything not registered."""
        if path in self.body_limits:
            return self.body_limits[path]
        for prefix, limit in self.mount_limits.items():
            if path.startswith(prefix + "/"):
                return limit(path[len(prefix):])
        return FORM_BODY

    def add_check(self, name: str, check: Check) -> None:
        """A readiness check for /healthz; the server is ready only when all pass."""
        self.checks[name] = check

    def set_status(self, status: Status) -> None:
        """What /healthz reports besides the checks, e.g. {"status": "indexing", "progress": {...}}."""
        self.status = status

    async def healthz(self, _request: Request) -> Response:
        """Answers at once, also during start-up: 200 {"status": "ok", ...} when every check passes, else 503
        with the status (e.g. "indexing" and its progress) and each check's result."""
        results = {}
        for name, check in self.checks.items():
            try:
                results[name] = bool(await check())
            except Exception as error:  # a failing check means "not ready", whatever it raised
                log.warning("health check %s failed: %s", name, error)
                results[name] = False
        ready = all(results.values())
        details = self.status() if self.status else {}
        if ready:
            status = "ok"
        elif details.get("status", "ok") != "ok":
            status = details["status"]  # e.g. "indexing", with its progress
        else:
            status = "unavailable"  # a check failed, e.g. the database is away
        return JSONResponse({**details, "status": status, "ready": ready, "checks": results},
                            status_code=200 if ready else 503)

    def app(self) -> Starlette:
        routes = [Route("/healthz", self.healthz), *self.routes]
        guards = [Middleware(SecurityHeaders), Middleware(BodyLimit, limit_for=self.body_limit)]  # type: ignore[arg-type]
        return Starlette(routes=routes, middleware=[*guards, *self.middleware])

    async def start(self) -> None:
        config = uvicorn.Config(self.app(), host=self.host, port=self.port, log_level="warning",
                                lifespan="off", access_log=False, proxy_headers=bool(self.trusted_proxies),
                                forwarded_allow_ips=self.trusted_proxies or None)
        self._server = uvicorn.Server(config)
        self._server.install_signal_handlers = lambda: None  # type: ignore[method-assign]  # `a6bot run` owns signals
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            if self._task.done():
                self._task.result()  # surfaces "address already in use" and the like
            await asyncio.sleep(0.02)
        log.info("HTTP server on http://%s:%s", self.host, self.port)

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await self._task
