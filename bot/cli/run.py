"""`a6bot run`: the long-running service — HTTP server, adapters, console, outreach scheduler — until a signal."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

import typer
from sqlalchemy import text

from bot.cli.platforms import PLATFORMS, open_services
from bot.config import Settings
from bot.platform import Platform, PlatformError, rates, start_configured

if TYPE_CHECKING:
    from bot.server import HttpServer
    from bot.services import Services

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


def add_health(server: HttpServer, services: Services) -> None:
    """/healthz: the database answers and the index is loaded; while start-up indexing runs it says
    {"status": "indexing", "progress": ...} (503), then {"status": "ok"} (200)."""

    async def database_ready() -> bool:
        async with services.db.session() as session:
            return (await session.scalar(text("SELECT 1"))) == 1

    async def index_ready() -> bool:
        return services.indexer.ready

    server.add_check("database", database_ready)
    server.add_check("index", index_ready)
    server.set_status(services.indexer.status)


async def serve(settings: Settings, stop: asyncio.Event, platforms: Sequence[Platform] = PLATFORMS) -> None:
    """Start everything, wait for `stop`, then stop everything in reverse order. A configured platform that
    cannot start raises PlatformError (after stopping what had started): the service never runs half-set-up."""
    from bot.console import mount_console
    from bot.metrics import metrics_endpoint, observe_send, set_delivery_states
    from bot.outreach import outbox
    from bot.outreach.calendar import calendar_routes
    from bot.outreach.service import Scheduler, base_url, build_notifiers, close_notifiers, make_dispatcher
    from bot.server import HttpServer, trusted_proxies
    from bot.support import messengers_of
    from bot.watch.schedule import Watcher
    from bot.tools.links import LinkSchedule

    stoppers: list[tuple[str, Stopper]] = []
    try:
        services = await open_services(settings, wait=False)  # indexing goes on in the background
        stoppers.append(("services", services.close))
        server = HttpServer(settings.http_host, settings.http_port,
                            trusted_proxies=trusted_proxies(settings.trusted_proxies))
        server.add_route("/metrics", metrics_endpoint)
        for path, endpoint in calendar_routes(services.db, base_url=base_url(settings)):
            server.add_route(path, endpoint)  # type: ignore[arg-type]
        add_health(server, services)
        mount_console(services, server)
        for runner in await start_configured(platforms, services, server):
            stoppers.append((runner.platform, runner.stop))
        await server.start()
        stoppers.append(("http server", server.stop))

        notifiers = build_notifiers(platforms, services)
        stoppers.append(("notifiers", lambda: close_notifiers(notifiers)))
        services.support.messengers.update(messengers_of(notifiers))  # support requests' step notices
        dispatcher = make_dispatcher(settings, services.db, notifiers, rates=rates(platforms))
        dispatcher.observe = observe_send
        planning = services.cluster.run_as_leader("outreach planning", asyncio.Event().wait)
        stoppers.append(("outreach planning", planning.stop))
        dispatcher.plans = lambda: planning.leading

        async def refresh_gauges(_report: Any) -> None:
            set_delivery_states(await outbox.status(services.db))
            await services.support.deliver()  # step notices a busy messenger left for later

        scheduler = Scheduler(dispatcher, on_tick=refresh_gauges)
        scheduler.start()
        stoppers.append(("outreach scheduler", scheduler.stop))
        watcher = Watcher(services.db, settings)
        watcher.start()
        stoppers.append(("source watch", watcher.stop))
        links = LinkSchedule(services.db, hours=settings.tools_check_hours, allow=settings.fetch_allow)
        links.start()
        stoppers.append(("tools link check", links.stop))
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

    try:
        asyncio.run(main())
    except PlatformError as error:
        log.critical("a6bot cannot start: %s", error)
        typer.echo(f"a6bot run: {error}", err=True)
        raise typer.Exit(1) from error
