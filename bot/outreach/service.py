"""Wiring for the long-running service and the CLI: notifiers from settings, and the scheduler loop."""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.config import Settings
from bot.outreach.dispatcher import Dispatcher, Policy, TickReport
from bot.outreach.notifier import Notifier
from bot.outreach.ratelimit import RateLimits
from bot.outreach.webhook import WebhookNotifier
from bot.storage import Database

log = logging.getLogger(__name__)

ADAPTER_NOTIFIERS = {
    "telegram": ("adapters.telegram.notifier", "TelegramNotifier", "telegram_token"),
    "slack": ("adapters.slack.notifier", "SlackNotifier", "slack_bot_token"),
}


def base_url(settings: Settings) -> str:
    """Where users reach the calendar links: A6BOT_PUBLIC_URL, else the HTTP server's own address."""
    return settings.public_url or f"http://{settings.http_host}:{settings.http_port}"


def adapter_notifier(settings: Settings, platform: str) -> Notifier | None:
    """The adapter's notifier when its token is set and its module exists; a clear warning otherwise."""
    module_name, class_name, token = ADAPTER_NOTIFIERS[platform]
    if getattr(settings, token) is None:
        return None
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as error:
        log.warning("%s notifications disabled: %s.%s is not available (%s)", platform, module_name, class_name, error)
        return None
    factory: Callable[[Settings], Any] = getattr(cls, "from_settings", cls)
    return factory(settings)  # type: ignore[no-any-return]


def build_notifiers(settings: Settings) -> dict[str, Notifier]:
    notifiers: dict[str, Notifier] = {"webhook": WebhookNotifier()}
    for platform in ADAPTER_NOTIFIERS:
        notifier = adapter_notifier(settings, platform)
        if notifier is not None:
            notifiers[platform] = notifier
    return notifiers


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


def make_dispatcher(settings: Settings, db: Database, notifiers: dict[str, Notifier], *, rate_scale: float = 1.0,
                    policy: Policy | None = None, worker: str | None = None) -> Dispatcher:
    extra = {"worker": worker} if worker else {}
    return Dispatcher(db, notifiers, base_url=base_url(settings), limits=RateLimits(scale=rate_scale),
                      policy=policy or Policy(), **extra)


def parse_now(value: str | None) -> datetime | None:
    """--now accepts ISO 8601 with an offset or Z; a naive time is taken as UTC."""
    if not value:
        return None
    from datetime import timezone

    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
