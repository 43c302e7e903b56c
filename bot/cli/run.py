"""`a6bot run`: the long-running service — HTTP server, adapters, console, outreach scheduler — until a signal."""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import text

from bot.config import Settings

log = logging.getLogger("a6bot.run")
Stopper = Callable[[], Awaitable[Any]]


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, plus any `extra` fields."""

    SKIP = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": self.formatTime(record), "level": record.levelname, "logger": record.name,
                 "message": record.getMessage()}
        entry.update({k: v for k, v in vars(record).items() if k not in self.SKIP})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    for name in ("httpx", "sentence_transformers", "transformers", "alembic", "uvicorn.access"):
        logging.getLogger(name).setLevel(logging.WARNING)


async def optional(module: str, function: str, *args: Any) -> Any:
    """Start an optional part; a missing module is a clear warning, not a crash."""
    try:
        start = getattr(importlib.import_module(module), function)
    except (ImportError, AttributeError) as error:
        log.warning("%s.%s is not available; continuing without it (%s)", module, function, error)
        return None
    result = start(*args)
    return await result if asyncio.iscoroutine(result) else result


async def serve(settings: Settings, stop: asyncio.Event) -> None:
    """Start everything, wait for `stop`, then stop everything in reverse order."""
    from bot.metrics import count_questions, metrics_endpoint, observe_send, set_delivery_states
    from bot.outreach import outbox
    from bot.outreach.calendar import calendar_routes
    from bot.outreach.importer import load_shipped
    from bot.outreach.questions import install
    from bot.outreach.service import Scheduler, base_url, build_notifiers, close_notifiers, make_dispatcher
    from bot.server import HttpServer
    from bot.services import open_services

    stoppers: list[tuple[str, Stopper]] = []
    try:
        services = await open_services(settings)
        stoppers.append(("services", services.close))
        shipped = await load_shipped(services.db)
        log.info("shipped events loaded", extra={"added": len(shipped.added)})
        install(services.answerer, services.db, base_url=base_url(settings))
        count_questions(services.answerer)

        server = HttpServer(settings.http_host, settings.http_port)
        server.add_route("/metrics", metrics_endpoint)
        for path, endpoint in calendar_routes(services.db, base_url=base_url(settings)):
            server.add_route(path, endpoint)  # type: ignore[arg-type]

        async def database_ready() -> bool:
            async with services.db.session() as session:
                return (await session.scalar(text("SELECT 1"))) == 1

        async def index_ready() -> bool:
            return len(services.index) > 0

        server.add_check("database", database_ready)
        server.add_check("index", index_ready)
        await optional("bot.console", "mount_console", services, server)
        for token, module, function in ((settings.telegram_token, "adapters.telegram", "start_telegram"),
                                        (settings.slack_bot_token, "adapters.slack", "start_slack")):
            if token is not None:
                runner = await optional(module, function, services, server)
                if runner is not None:
                    stoppers.append((module, runner.stop))
        await server.start()
        stoppers.append(("http server", server.stop))

        notifiers = build_notifiers(settings)
        stoppers.append(("notifiers", lambda: close_notifiers(notifiers)))
        dispatcher = make_dispatcher(settings, services.db, notifiers)
        dispatcher.observe = observe_send

        async def refresh_gauges(_report: Any) -> None:
            set_delivery_states(await outbox.status(services.db))

        scheduler = Scheduler(dispatcher, on_tick=refresh_gauges)
        scheduler.start()
        stoppers.append(("outreach scheduler", scheduler.stop))
        log.info("a6bot running", extra={"http": f"http://{settings.http_host}:{settings.http_port}",
                                         "notifiers": sorted(notifiers)})
        await stop.wait()
    finally:
        for name, stopper in reversed(stoppers):
            try:
                await stopper()
                log.info("stopped %s", name)
            except Exception:
                log.exception("stopping %s failed", name)


def run() -> None:
    """Run the bot: adapters, outreach scheduler and one HTTP server; SIGTERM / SIGINT stop it cleanly."""
    settings = Settings()
    configure_logging(settings.log_level)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await serve(settings, stop)

    asyncio.run(main())
