"""Wiring for the long-running service and the CLI: notifiers from the platforms, and the scheduler loop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.outreach.dispatcher import Dispatcher, Policy, TickReport
from bot.outreach.notifier import Notifier
from bot.outreach.ratelimit import Limits, Rate, RateLimits, SharedRateLimits
from bot.outreach.webhook import WebhookNotifier
from bot.platform import Platform
from bot.platform import notifiers as platform_notifiers
from bot.storage import Database

if TYPE_CHECKING:
    from bot.services import Backend

log = logging.getLogger(__name__)


def base_url(settings: Settings) -> str:
    """Where users reach the calendar links: A6BOT_PUBLIC_URL, else the HTTP server's own address."""
    return settings.public_url or f"http://{settings.http_host}:{settings.http_port}"


def build_notifiers(platforms: Sequence[Platform], services: Backend) -> dict[str, Notifier]:
    """The generic webhook notifier plus each configured platform's own."""
    return {"webhook": WebhookNotifier(), **platform_notifiers(platforms, services)}


async def close_notifiers(notifiers: dict[str, Notifier]) -> None:
    for notifier in notifiers.values():
        close = getattr(notifier, "close", None)
        if close is not None:
            await close()


class Scheduler:
    """Ticks the dispatcher every `interval` seconds until stopped; one failing tick is logged, not fatal."""

    def __init__(self, dispatcher: Dispatcher, *, interval: float = 30.0,
                 on_tick: Callable[[TickReport], Any] | None = None) -> None:
        self.dispatcher = dispatcher
        self.interval = interval
        self.on_tick = on_tick
        self.task: asyncio.Task[None] | None = None

    async def loop(self) -> None:
        while not self.dispatcher.stopping.is_set():
            try:
                report = await self.dispatcher.tick()
                if self.on_tick:
                    await self.on_tick(report)
                if report.planned or report.sent or report.failed:
                    log.info("outreach tick", extra={"report": report.__dict__})
            except Exception:
                log.exception("outreach tick failed")
            try:
                await asyncio.wait_for(self.dispatcher.stopping.wait(), timeout=self.interval)
            except TimeoutError:
                pass

    def start(self) -> None:
        self.task = asyncio.create_task(self.loop(), name="outreach-scheduler")

    async def stop(self) -> None:
        """Finish the sends in flight, then return."""
        self.dispatcher.stop()
        if self.task is not None:
            await self.task


def make_dispatcher(settings: Settings, db: Database, notifiers: dict[str, Notifier], *, rates: dict[str, Rate],
                    rate_scale: float = 1.0, policy: Policy | None = None, worker: str | None = None) -> Dispatcher:
    """A worker's dispatcher. On PostgreSQL, where several workers send, their pacing is one shared budget."""
    extra = {"worker": worker} if worker else {}
    limits: Limits = SharedRateLimits(db, rates, scale=rate_scale) if db.engine.dialect.name == "postgresql" \
        else RateLimits(rates, scale=rate_scale)
    return Dispatcher(db, notifiers, base_url=base_url(settings), limits=limits, policy=policy or Policy(),
                      **extra)


def parse_now(value: str | None) -> datetime | None:
    """--now accepts ISO 8601 with an offset or Z; a naive time is taken as UTC."""
    if not value:
        return None
    from datetime import timezone

    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
