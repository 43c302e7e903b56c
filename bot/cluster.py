"""Singleton jobs among several workers: `run_as_leader(name, job)` runs `job` in exactly one process of the
install at a time, through a PostgreSQL advisory lock held on a connection of its own. When the leader dies
its connection closes, PostgreSQL releases the lock, and another worker takes over within `retry` seconds.

Used for Telegram polling (two pollers get 409 Conflict); any other job that must not run twice (a source
watch, a link check) uses the same call. On SQLite the install is one process, which is always the leader.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)
Job = Callable[[], Awaitable[None]]  # runs until cancelled (or returns when its work is done)


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory lock key for a job name."""
    return int.from_bytes(hashlib.blake2b(f"a6bot:{name}".encode(), digest_size=8).digest(), "big", signed=True)


class Leadership:
    """One job's place in the election: `leading` tells whether this process runs it now; `stop()` ends the
    job (if running here) and leaves the election, releasing the lock for the others."""

    def __init__(self, name: str, job: Job, url: str | None, retry: float) -> None:
        self.name, self.job, self.url, self.retry = name, job, url, retry
        self.leading = False
        self.task = asyncio.create_task(self._run(), name=f"leader:{name}")

    async def _run(self) -> None:
        while True:
            connection: Any = None
            running: asyncio.Task[None] | None = None
            try:
                if self.url is not None:
                    connection = await self._acquire()
                self.leading = True
                log.info("this worker now runs %s", self.name)
                running = asyncio.create_task(self.job(), name=self.name)
                while not running.done():
                    await asyncio.wait({running}, timeout=self.retry)
                    if connection is not None and not running.done():
                        await connection.fetchval("SELECT 1")  # raises when the lock's connection is gone
                running.result()
                return  # the job finished its work
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the database went away or the job failed: let the election decide
                log.warning("%s stopped on this worker (%s: %s); standing again in %s s", self.name,
                            type(error).__name__, error, self.retry)
            finally:
                self.leading = False
                if running is not None and not running.done():
                    running.cancel()
                    with contextlib.suppress(asyncio.CancelledError, Exception):
                        await running
                if connection is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.shield(connection.close(timeout=2))
            await asyncio.sleep(self.retry)

    async def _acquire(self) -> Any:
        """A connection holding the job's advisory lock; waits (trying every `retry` s) while another
        worker holds it."""
        import asyncpg

        connection = await asyncpg.connect(self.url)
        try:
            while not await connection.fetchval("SELECT pg_try_advisory_lock($1)", lock_key(self.name)):
                await asyncio.sleep(self.retry)
        except BaseException:
            await connection.close()
            raise
        return connection

    async def stop(self) -> None:
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


class Cluster:
    """The workers of one install, as far as singleton jobs are concerned (see module doc)."""

    def __init__(self, database_url: str, *, retry: float = 5.0) -> None:
        url = make_url(database_url)
        self.url = (url.set(drivername="postgresql").render_as_string(hide_password=False)
                    if url.get_backend_name() == "postgresql" else None)
        self.retry = retry

    @contextlib.asynccontextmanager
    async def one_at_a_time(self, name: str) -> AsyncIterator[None]:
        """Run the block in one process of the install at a time: the others wait at the door (an advisory
        lock on a connection of its own, released when the block ends or the process dies). On SQLite the
        install is one process and the block runs at once."""
        if self.url is None:
            yield
            return
        import asyncpg

        connection = await asyncpg.connect(self.url)
        try:
            await connection.execute("SELECT pg_advisory_lock($1)", lock_key(name))
            yield
        finally:
            await asyncio.shield(connection.close(timeout=5))

    def run_as_leader(self, name: str, job: Job) -> Leadership:
        """Run `job` on whichever worker wins the election for `name`; call from a running event loop."""
        return Leadership(name, job, self.url, self.retry)
