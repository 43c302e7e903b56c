"""The watch on a schedule inside `a6bot run`: every source is checked once per A6BOT_WATCH_INTERVAL, counted
from its own last check, so restarts neither skip nor repeat checks and several workers share the work."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from bot.config import Settings
from bot.storage import Database
from bot.watch.check import check_all

log = logging.getLogger("a6bot.watch")
POLL_SECONDS = 300.0  # how often due sources are looked for; a source is checked once per interval


class Watcher:
    def __init__(self, db: Database, settings: Settings, *, poll: float = POLL_SECONDS) -> None:
        self.db, self.settings = db, settings
        self.poll = min(poll, float(settings.watch_interval))
        self.stopping = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    async def loop(self) -> None:
        due = timedelta(seconds=self.settings.watch_interval)
        while not self.stopping.is_set():
            try:
                for result in await check_all(self.db, allow=self.settings.fetch_allow, due=due):
                    log.info("watch check", extra={"source": result.source_id, "outcome": result.outcome})
            except Exception:
                log.exception("watch check failed")
            try:
                await asyncio.wait_for(self.stopping.wait(), timeout=self.poll)
            except TimeoutError:
                pass

    def start(self) -> None:
        """Start checking, unless A6BOT_WATCH_INTERVAL is 0 (the watch is off)."""
        if self.settings.watch_interval > 0:
            self.task = asyncio.create_task(self.loop(), name="source-watch")

    async def stop(self) -> None:
        """Stop at once; a source whose check was cut short is checked again at the next interval."""
        self.stopping.set()
        if self.task is not None:
            self.task.cancel()
            try:
                await self.task
            except asyncio.CancelledError:
                pass
