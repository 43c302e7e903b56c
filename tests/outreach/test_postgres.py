"""On the real PostgreSQL: two workers share 2,000 deliveries with zero duplicates; a worker process killed
with SIGKILL mid-broadcast and restarted loses nothing and resends at most what was in flight."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.memory import MemoryNotifier
from bot.outreach.models import Delivery, Subscription
from bot.storage import Database

from .conftest import BASE, add_event, utc

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


async def seed(db: Database, count: int, *, platform: str, chat=lambda n: str(n)) -> None:
    async with db.session() as session:
        await session.execute(insert(Subscription), [
            {"platform": platform, "chat_id": chat(n), "topics": [], "kinds": [], "timezone": "UTC", "language": "en",
             "digest": False, "paused": False, "sent_count": 0, "failed_count": 0, "created_at": utc(2026, 1, 1)}
            for n in range(count)])
    await add_event(db, start="2026-03-12 10:00", zone="UTC")


async def test_two_workers_share_2000_deliveries_without_duplicates(pg_url):
    setup = Database(pg_url)
    await setup.migrate()
    await seed(setup, 2000, platform="memory")
    workers = [Database(pg_url), Database(pg_url)]
    notifiers = [MemoryNotifier(delay=0.001), MemoryNotifier(delay=0.001)]
    dispatchers = [Dispatcher(w, {"memory": n}, base_url=BASE, worker=f"w{i}", policy=Policy(batch=50))
                   for i, (w, n) in enumerate(zip(workers, notifiers))]
    await asyncio.gather(*(d.tick(utc(2026, 3, 1)) for d in dispatchers))

    ids = [n.delivery_id for notifier in notifiers for _, n in notifier.sent]
    assert len(ids) == 2000 and len(set(ids)) == 2000
    assert all(len(n.sent) > 100 for n in notifiers)  # both really shared the load
    async with setup.session() as session:
        states = dict((await session.execute(select(Delivery.state, func.count()).group_by(Delivery.state))).all())
    assert states == {"sent": 2000}
    for db in (setup, *workers):
        await db.close()


class Sink(BaseHTTPRequestHandler):
    """A slow webhook receiver that records every delivery id it is sent."""

    received: list[int] = []
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with self.lock:
            self.received.append(body["delivery_id"])
        time.sleep(0.3)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def tick_process(pg_url: str, tmp: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "A6BOT_DATABASE_URL": pg_url, "A6BOT_DATA_DIR": str(tmp)}
    env.pop("A6BOT_TELEGRAM_TOKEN", None)
    env.pop("A6BOT_SLACK_BOT_TOKEN", None)
    return subprocess.Popen([sys.executable, "-c", "from bot.cli import main; main()", "outreach", "tick", "--now", "2026-03-01T00:00:00Z",
                             "--lease", "2"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


async def test_sigkill_mid_broadcast_then_restart_loses_nothing(pg_url, tmp_path):
    ThreadingHTTPServer.request_queue_size = 512  # no SYN retries under a burst of connections
    server = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/hook"
    Sink.received = []
    db = Database(pg_url)
    await db.migrate()
    await seed(db, 400, platform="webhook", chat=lambda n: f"{url}/{n}")
    try:
        worker = tick_process(pg_url, tmp_path)
        deadline = time.monotonic() + 60
        while len(Sink.received) < 150 and time.monotonic() < deadline and worker.poll() is None:
            await asyncio.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        assert 0 < len(Sink.received) < 400, "the kill must land mid-broadcast"
        async with db.session() as session:
            in_flight = await session.scalar(select(func.count()).where(Delivery.state == "claimed"))
            sent_before = await session.scalar(select(func.count()).where(Delivery.state == "sent"))
        assert in_flight > 0

        restarted = tick_process(pg_url, tmp_path)
        assert restarted.wait(timeout=90) == 0, restarted.stderr.read().decode()[-2000:]
        counts = Counter(Sink.received)
        async with db.session() as session:
            states = dict((await session.execute(select(Delivery.state, func.count()).group_by(Delivery.state))).all())
        assert states == {"sent": 400}
        assert len(counts) == 400  # nothing lost
        resent = sum(c - 1 for c in counts.values())
        assert max(counts.values()) <= 2 and resent <= in_flight  # at most the in-flight messages again
        assert sent_before + in_flight <= 400
    finally:
        server.shutdown()
        await db.close()
