"""Leader election through a PostgreSQL advisory lock: a singleton job runs on one worker at a time, and
another takes it over when the leader goes away; on SQLite the one process is the leader."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest

from bot.cluster import Cluster


async def wait_until(condition, limit: float = 10.0) -> float:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit, "condition not reached in time"
        await asyncio.sleep(0.05)
    return time.monotonic() - start


@pytest.mark.postgres
async def test_one_leader_and_a_takeover(pg_url: str) -> None:
    running: list[str] = []

    def job(worker: str):  # type: ignore[no-untyped-def]
        async def run() -> None:
            running.append(worker)
            try:
                await asyncio.Event().wait()
            finally:
                running.remove(worker)
        return run

    workers = {name: Cluster(pg_url, retry=0.3).run_as_leader("poller", job(name)) for name in ("one", "two", "three")}
    try:
        await wait_until(lambda: len(running) == 1)
        await asyncio.sleep(1.0)  # several election rounds: still exactly one
        assert len(running) == 1 and [n for n, w in workers.items() if w.leading] == running
        leader = running[0]
        await workers.pop(leader).stop()  # its connection closes, as when a worker dies
        took = await wait_until(lambda: len(running) == 1 and running[0] != leader)
        assert took < 3
        other = Cluster(pg_url).run_as_leader("another job", job("another"))  # a different job: its own lock
        await wait_until(lambda: "another" in running)
        await other.stop()
    finally:
        for worker in workers.values():
            await worker.stop()
    assert running == []


async def test_sqlite_process_is_the_leader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()

    leadership = Cluster(f"sqlite:///{tmp_path / 'db.sqlite3'}").run_as_leader("poller", job)
    await asyncio.wait_for(ran.wait(), 2)
    await leadership.stop()


# A worker's start-up as `a6bot run` does it (migrations, secrets, shipped events, tools and the shipped
# knowledge base, whose import takes long enough for the workers to overlap), with the test encoder so that
# no model is loaded.
START = """
import asyncio, sys
from pathlib import Path
from bot.cli.platforms import open_services
from tests.deploy.conftest import HashEncoder, make_settings

async def main() -> None:
    settings = make_settings(Path(sys.argv[1]), sys.argv[2]).model_copy(update={"knowledge_dir": None})
    services = await open_services(settings, encoder=HashEncoder())
    await services.close()

asyncio.run(main())
"""


@pytest.mark.postgres
async def test_workers_started_together_on_a_new_database_all_come_up(tmp_path: Path, pg_url: str) -> None:
    """As `docker compose up` starts them: three workers open the same empty database at once, and none
    fails on a table, a shipped document or a secret another one has just created."""
    workers = [await asyncio.create_subprocess_exec(sys.executable, "-c", START, str(tmp_path / f"w{n}"), pg_url,
                                                    stderr=asyncio.subprocess.PIPE) for n in (1, 2, 3)]
    results = await asyncio.wait_for(asyncio.gather(*(w.communicate() for w in workers)), 120)
    assert [w.returncode for w in workers] == [0, 0, 0], [err.decode()[-800:] for _, err in results]
