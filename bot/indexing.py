"""The live index of one worker: brought up to date in the background at start, changed under one lock
with a timeout, and kept in step with the knowledge base that every worker shares.

A change made anywhere (the console of another worker, `a6bot kb import`) bumps the revision in the
database (bot.kb.bump_revision). On PostgreSQL the process that made it sends a NOTIFY once the change's
vectors are stored (bot.kb.announce), which `follow` receives within milliseconds, so the others load those
vectors rather than encode the same passages; the LISTEN connection is made again whenever it is lost
(`Listener`). Polling the revision is the fallback there (every poll interval while the connection is down)
and the only way on SQLite.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, wait_exponential

from bot.kb import CHANNEL, Failure, SyncStats, kb_revision, sync_index
from bot.storage import Database
from index import SearchIndex
from index.prebuilt import Prebuilt

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
LISTENER_NAME = "a6bot index listener"  # application_name of the LISTEN connection in pg_stat_activity


class IndexBusy(RuntimeError):
    """Another change held the index lock for longer than the timeout."""


class Indexer:
    """Owns the index's write side: `update()` (or `writing()` + `refresh()`) for changes, `start()` for the
    background start-up sync and the watch for other workers' changes, `status()` for /healthz."""

    def __init__(self, db: Database, index: SearchIndex, *, path: Path | None = None, lock_timeout: float = 60.0,
                 poll_seconds: float = 2.0, prebuilt: Prebuilt | None = None) -> None:
        self.db = db
        self.prebuilt = prebuilt
        self.index = index
        self.path = path
        self.lock_timeout = lock_timeout
        self.poll_seconds = poll_seconds
        self.done = self.total = 0
        self.revision: int | None = None  # the knowledge base revision the index was last synced at
        self.failed: dict[int, Failure] = {}
        self._lock = asyncio.Lock()
        self._tasks: list[asyncio.Task[None]] = []
        self._ready = asyncio.Event()

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def starting(self) -> bool:
        """True until the start-up sync is done (the answerer then says it is still starting)."""
        return not self._ready.is_set()

    def status(self) -> dict[str, Any]:
        """What /healthz shows of the index."""
        body: dict[str, Any] = {"status": "ok" if self.ready else "indexing",
                                "progress": {"done": self.done, "total": self.total, "indexed": len(self.index)}}
        if self.failed:
            body["skipped"] = [{"chunk": f.chunk_id, "source": f.source, "reason": f.reason}
                               for f in self.failed.values()]
        return body

    @contextlib.asynccontextmanager
    async def writing(self, timeout: float | None = None) -> AsyncIterator[None]:
        """Hold the index's write lock; IndexBusy when another change keeps it longer than the timeout."""
        try:
            async with asyncio.timeout(self.lock_timeout if timeout is None else timeout):
                await self._lock.acquire()
        except TimeoutError as error:
            raise IndexBusy("another knowledge base change is still being indexed; try again shortly") from error
        try:
            yield
        finally:
            self._lock.release()

    async def refresh(self, progress: Progress | None = None, *, encode: bool = True) -> SyncStats:
        """Sync the index with the database; the caller holds `writing()`. `encode` False: stored vectors only."""
        revision = await kb_revision(self.db)

        def report(done: int, total: int) -> None:
            self.done, self.total = done, total
            if progress:
                progress(done, total)

        stats = await sync_index(self.db, self.index, path=self.path, progress=report, prebuilt=self.prebuilt,
                                 skip={f.chunk_id: f.text_hash for f in self.failed.values()}, encode=encode)
        for failure in stats.failed:
            self.failed[failure.chunk_id] = failure
        self.revision = revision
        if stats.embedded or stats.removed:
            log.info("index synced", extra={"revision": revision, **{k: v for k, v in asdict(stats).items()
                                                                      if k != "failed"}})
        return stats

    async def update(self, progress: Progress | None = None, *, timeout: float | None = None) -> SyncStats:
        async with self.writing(timeout):
            return await self.refresh(progress)

    async def open(self, progress: Progress | None = None) -> SyncStats:
        """The start-up sync; afterwards the index is ready. Everything with stored vectors comes first, and
        once that leaves something to search the index is ready: a worker restarted while a big upload was
        being embedded answers from the rest at once and embeds the upload meanwhile, as a running worker does.
        Only an index with nothing stored (a first start without prebuilt vectors) waits for the encoder."""
        try:
            async with self.writing(timeout=None):
                await self.refresh(progress, encode=False)
                if len(self.index):
                    self._ready.set()
                return await self.refresh(progress)
        finally:
            self._ready.set()

    def start(self, progress: Progress | None = None, *, follow: bool = True,
              warm_up: Callable[[], Awaitable[None]] | None = None) -> None:
        """The start-up sync in the background (the server answers meanwhile), after `warm_up` (loading the
        models, so that once ready the first question is answered at once), then, with `follow`, the watch
        that applies other workers' changes."""
        async def run() -> None:
            try:
                if warm_up is not None:
                    await warm_up()
                await self.open(progress)
            except Exception:
                log.exception("start-up indexing failed; the index keeps what it had")
            if follow:
                await self.follow()

        self._tasks.append(asyncio.create_task(run(), name="index start-up"))

    async def wait(self) -> None:
        await self._ready.wait()

    async def follow(self) -> None:
        """Apply changes made by other processes: on NOTIFY (PostgreSQL) and by polling the revision."""
        wake = asyncio.Event()
        listener = None
        if make_url(self.db.url).get_backend_name() == "postgresql":
            listener = Listener(self.db.url, wake.set, check_every=self.poll_seconds * 15,
                                max_wait=self.poll_seconds)
        try:
            while True:
                # While LISTENing, polling only catches what a notification could miss; else it is the way.
                poll = self.poll_seconds * (15 if listener is not None and listener.listening else 1)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), poll)
                wake.clear()
                try:
                    if await kb_revision(self.db) != self.revision:
                        await self.update()
                except IndexBusy:
                    continue  # a local change is being applied; it syncs everything anyway
                except Exception as error:  # the database away for a moment: try again at the next poll
                    log.warning("could not follow knowledge base changes: %s", error)
        finally:
            if listener is not None:
                await listener.close()

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()


class Listener:
    """LISTEN on the knowledge base channel over an asyncpg connection of its own, kept up for the worker's
    life: when the connection is lost (PostgreSQL restarted, the backend terminated, the network silent for
    `check_every` seconds) it reconnects with exponential backoff up to `max_wait` seconds between tries.
    `wake` is called on every notification and also when the connection is lost or made again, since a
    change may have been announced while nobody listened; `listening` tells the caller how often to poll."""

    def __init__(self, url: str, wake: Callable[[], None], *, check_every: float, max_wait: float) -> None:
        self.dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.wake = wake
        self.check_every = check_every
        self.max_wait = max_wait
        self.listening = False
        self._task = asyncio.create_task(self._run(), name="index listener")

    async def _run(self) -> None:
        try:
            await self._keep_listening()
        except Exception:  # a failure no retry covers: polling alone carries on
            log.exception("LISTEN %s given up; polling every %s s", CHANNEL, self.max_wait)

    async def _keep_listening(self) -> None:
        while True:
            connection = await self._connect()
            lost = asyncio.Event()
            connection.add_termination_listener(lambda _connection: lost.set())
            self.listening = True
            self.wake()
            try:
                await self._until_lost(connection, lost)
            finally:
                self.listening = False
                with contextlib.suppress(Exception):
                    await asyncio.shield(connection.close(timeout=2))
            log.warning("LISTEN %s connection lost; reconnecting (polling every %s s meanwhile)", CHANNEL,
                        self.max_wait)
            self.wake()

    async def _until_lost(self, connection: Any, lost: asyncio.Event) -> None:
        """Return once the connection has ended. Every `check_every` s it must also answer a query: a peer
        that vanished without closing the connection is noticed only by asking."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lost.wait(), self.check_every)
            if lost.is_set() or connection.is_closed():
                return
            try:
                await asyncio.wait_for(connection.fetchval("SELECT 1"), 10)
            except Exception:  # asyncpg's errors, OSError, a timeout: the connection is no use any more
                return

    async def _connect(self) -> Any:
        """A connection listening on CHANNEL; retried with backoff for as long as it takes."""
        import asyncpg

        def retrying(state: RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            log.log(logging.WARNING if state.attempt_number == 1 else logging.DEBUG,
                    "LISTEN %s failed (%s); trying again, polling meanwhile", CHANNEL, error)

        async def listen() -> Any:
            connection = await asyncpg.connect(self.dsn, timeout=10,
                                               server_settings={"application_name": LISTENER_NAME})
            try:
                await connection.add_listener(CHANNEL, lambda *_: self.wake())
            except BaseException:
                await connection.close()
                raise
            return connection

        retry = retry_if_exception_type((OSError, TimeoutError, asyncpg.PostgresError,
                                         asyncpg.InterfaceError))
        return await AsyncRetrying(wait=wait_exponential(multiplier=0.1, max=self.max_wait), retry=retry,
                                   before_sleep=retrying)(listen)

    async def close(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
