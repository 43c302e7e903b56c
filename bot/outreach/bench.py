"""Outreach benchmark: broadcast one event to N subscribers through a local HTTP server that enforces a
(scaled) Telegram rate limit; report throughput as a share of the allowed rate, duplicates and losses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import insert

from bot.outreach import events as store
from bot.outreach.bench_sink import SinkProcess
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.models import Subscription
from bot.outreach.ratelimit import Rate, RateLimits
from bot.outreach.webhook import WebhookNotifier
from bot.storage import Database


@dataclass
class BenchResult:
    subscribers: int
    allowed_rate: float
    sent: int
    seconds: float
    throughput: float
    share: float
    duplicates: int
    lost: int
    rejected_429: int


async def run(*, subscribers: int, rate: float, data_dir: Path, database_url: str | None = None) -> BenchResult:
    sink = SinkProcess(rate, burst=max(3.0, rate * 0.1))
    try:
        return await broadcast(sink, subscribers=subscribers, rate=rate, data_dir=data_dir, database_url=database_url)
    finally:
        sink.stop()


async def broadcast(sink: SinkProcess, *, subscribers: int, rate: float, data_dir: Path,
                    database_url: str | None) -> BenchResult:
    url = sink.url
    db = Database(database_url or f"sqlite:///{(data_dir / 'bench.sqlite3').resolve()}")
    await db.migrate()
    now = datetime.now(timezone.utc)
    async with db.session() as session:
        await session.execute(insert(Subscription), [
            {"platform": "webhook", "chat_id": f"{url}/{n}", "topics": [], "kinds": [], "timezone": "UTC",
             "language": "en", "digest": False, "paused": False, "sent_count": 0, "failed_count": 0, "created_at": now}
            for n in range(subscribers)])
        await store.upsert(session, store.EventSpec(uid=f"bench-{now.timestamp()}", title="Benchmark broadcast",
                                                    starts_at=now + timedelta(days=30), topics=["tracking"]),
                           source="bench", now=now)
    notifier = WebhookNotifier()
    limits = RateLimits({"webhook": Rate(rate, None)})
    dispatcher = Dispatcher(db, {"webhook": notifier}, base_url="http://bench.invalid", limits=limits,
                            policy=Policy(batch=max(20, int(rate / 2)), lanes=4))
    await dispatcher.tick(now, drain=True)
    await notifier.close()
    await db.close()
    stats = await sink.stats()
    accepted: dict[str, int] = stats["accepted"]
    sent, seconds = sum(accepted.values()), stats["seconds"]
    throughput = (len(accepted) - 1) / seconds if len(accepted) > 1 else 0.0
    return BenchResult(subscribers=subscribers, allowed_rate=rate, sent=sent, seconds=round(seconds, 2),
                       throughput=round(throughput, 1), share=round(throughput / rate, 4),
                       duplicates=sent - len(accepted), lost=subscribers - len(accepted),
                       rejected_429=stats["rejected"])
