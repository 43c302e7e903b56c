"""Back-pressure for questions: each worker answers at most `concurrency` at once and lets at most `queue`
more wait, each for at most `wait` seconds; beyond that a question is refused at once with `Busy`, which the
web chat turns into 503 with Retry-After and chat channels into a "busy, retrying" reply. The database pool
is sized from the same numbers (bot.cli.platforms.database), so an admitted question never waits for a
connection long enough to fail."""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import AsyncIterator


class Busy(RuntimeError):
    """More questions than this worker can take; ask again after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many questions at once; retry in {retry_after} s")
        self.retry_after = retry_after


class Capacity:
    """A semaphore with a bounded, time-limited waiting line."""

    def __init__(self, concurrency: int, queue: int, *, wait: float = 10.0) -> None:
        self.concurrency, self.queue, self.wait = concurrency, queue, wait
        self.retry_after = max(1, math.ceil(wait))  # by then the line has moved on
        self._slots = asyncio.Semaphore(concurrency)
        self.waiting = 0

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self._slots.locked() and self.waiting >= self.queue:
            raise Busy(self.retry_after)
        self.waiting += 1
        try:
            async with asyncio.timeout(self.wait):
                await self._slots.acquire()
        except TimeoutError:
            raise Busy(self.retry_after) from None
        finally:
            self.waiting -= 1
        try:
            yield
        finally:
            self._slots.release()
