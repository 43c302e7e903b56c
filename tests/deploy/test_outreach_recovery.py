"""Outreach crash recovery on PostgreSQL: a live worker renews its claims (so a lease shorter than a batch
never hands its deliveries to another worker), a dead worker's claims are reported by `outreach status` and
`outreach tick` with when they become claimable."""

from __future__ import annotations

import asyncio
import os
import json
from collections import Counter

import pytest
from sqlalchemy import func, insert, select
from typer.testing import CliRunner

from bot.cli import app
from bot.outreach import outbox
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.memory import MemoryNotifier
from bot.outreach.models import Delivery, Subscription
from bot.storage import Database
from tests.outreach.conftest import BASE, add_event, utc

pytestmark = pytest.mark.postgres
NOW = utc(2026, 3, 1)


async def seed(url: str, count: int, platform: str) -> None:
    db = Database(url)
    await db.migrate()
    async with db.session() as session:
        await session.execute(insert(Subscription), [
            {"platform": platform, "chat_id": str(n), "topics": [], "kinds": [], "timezone": "UTC", "language": "en",
             "digest": False, "paused": False, "sent_count": 0, "failed_count": 0, "created_at": utc(2026, 1, 1)}
            for n in range(count)])
    await add_event(db, start="2026-03-12 10:00", zone="UTC")
    await db.close()


async def test_a_live_worker_keeps_its_claims_beyond_the_lease(pg_url: str) -> None:
    await seed(pg_url, 40, "memory")
    databases = [Database(pg_url), Database(pg_url)]
    # w0 takes three leases to send its batch; w1 sends the rest quickly, then waits for leases to expire.
    notifiers = [MemoryNotifier(delay=6.0), MemoryNotifier(delay=0.02)]
    policy = Policy(lease=2.0, batch=10, lanes=1)
    slow, fast = (Dispatcher(db, {"memory": n}, base_url=BASE, worker=f"w{i}", policy=policy)
                  for i, (db, n) in enumerate(zip(databases, notifiers)))

    async def fast_after_slow_claimed() -> None:
        await asyncio.sleep(0.3)
        await fast.tick(NOW, drain=True)

    await asyncio.gather(slow.tick(NOW), fast_after_slow_claimed())
    sent = Counter(n.delivery_id for notifier in notifiers for _, n in notifier.sent)
    async with databases[0].session() as session:
        states = dict((await session.execute(select(Delivery.state, func.count()).group_by(Delivery.state))).all())
    for db in databases:
        await db.close()
    assert len(sent) == 40 and max(sent.values()) == 1, "a renewed claim was taken over by the other worker"
    assert states == {"sent": 40}


def test_status_and_tick_report_a_dead_workers_claims(pg_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    asyncio.run(seed(pg_url, 12, "webhook"))

    async def die_holding_claims() -> int:
        db = Database(pg_url)
        await outbox.plan_due(db, now=NOW)
        claimed = await outbox.claim(db, worker="bot-2:41", due_by=NOW, platforms=["webhook"], limit=5, lease=60)
        await db.close()
        return len(claimed)

    assert asyncio.run(die_holding_claims()) == 5
    for name in [n for n in os.environ if n.startswith("A6BOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("A6BOT_DATABASE_URL", pg_url)
    monkeypatch.setenv("A6BOT_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    status = runner.invoke(app, ["outreach", "status"])
    assert status.exit_code == 0, status.output
    assert "claimed, not yet sent: 5 held by bot-2:41 (claimable in" in status.output
    tick = runner.invoke(app, ["outreach", "tick", "--now", "2026-03-01T00:00:00Z", "--no-drain", "--worker", "bot-1:7"])
    assert tick.exit_code == 0, tick.output
    report = json.loads(tick.stdout.splitlines()[0])
    [held] = report["held"]
    assert held["worker"] == "bot-2:41" and held["count"] == 5 and 0 < held["seconds_left"] <= 60
