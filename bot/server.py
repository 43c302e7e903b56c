"""The bot's one HTTP server (Starlette under uvicorn): webhooks, Slack events, calendar feeds, health,
metrics and the staff console all register their routes here, so one port serves everything."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

log = logging.getLogger(__name__)
Endpoint = Callable[[Request], Awaitable[Response]]
Check = Callable[[], Awaitable[bool]]
Status = Callable[[], dict[str, Any]]


class HttpServer:
    """Collects routes and readiness checks from every part, then serves them on host:port."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.routes: list[BaseRoute] = []
        self.checks: dict[str, Check] = {}
        self.status: Status | None = None
        self.middleware: list[Any] = []
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    def add_route(self, path: str, endpoint: Endpoint, *, methods: list[str] | None = None,
                  name: str | None = None) -> None:
        self.routes.append(Route(path, endpoint, methods=methods or ["GET"], name=name))

    def mount(self, path: str, app: Any, *, name: str | None = None) -> None:
        self.routes.append(Mount(path, app=app, name=name))

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
        return Starlette(routes=routes, middleware=self.middleware)

    async def start(self) -> None:
        config = uvicorn.Config(self.app(), host=self.host, port=self.port, log_level="warning",
                                lifespan="off", access_log=False)
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
