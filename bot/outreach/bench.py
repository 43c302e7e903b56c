"""Outreach benchmark: broadcast one event to N subscribers through a local HTTP server that enforces a
(scaled) Telegram rate limit; report throughput as a share of the allowed rate, duplicates and losses."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from aiohttp import web
from sqlalchemy import insert

from bot.outreach import events as store
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.models import Subscription
from bot.outreach.ratelimit import Rate, RateLimits
from bot.outreach.webhook import WebhookNotifier
from bot.storage import Database


class LimitedSink:
    """A token bucket like Telegram's broadcast limit: over `rate`/s it answers 429 with retry_after."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst, self.tokens, self.stamp = rate, burst, burst, time.monotonic()
        self.accepted: Counter[int] = Counter()
        self.rejected = 0
        self.first = self.last = 0.0

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            self.rejected += 1
            return web.json_response({"ok": False, "error_code": 429, "parameters": {"retry_after": 1}}, status=429)
        self.tokens -= 1
        self.accepted[body["delivery_id"]] += 1
        self.first = self.first or now
        self.last = now
        return web.json_response({"ok": True})


def serve_in_thread(sink: LimitedSink) -> tuple[str, asyncio.AbstractEventLoop]:
    """Run the sink on its own loop and thread, so the sender's loop is measured alone."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder: dict[str, int] = {}

    async def start() -> None:
        app = web.Application()
        app.router.add_post("/hook/{chat}", sink.handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        holder["port"] = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()

    threading.Thread(target=lambda: (loop.run_until_complete(start()), loop.run_forever()), daemon=True).start()
    ready.wait(10)
    return f"http://127.0.0.1:{holder['port']}/hook", loop


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
    sink = LimitedSink(rate, burst=max(3.0, rate * 0.1))
    url, sink_loop = serve_in_thread(sink)
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
    sink_loop.call_soon_threadsafe(sink_loop.stop)
    sent = sum(sink.accepted.values())
    seconds = max(sink.last - sink.first, 1e-9)
    throughput = (len(sink.accepted) - 1) / seconds if len(sink.accepted) > 1 else 0.0
    return BenchResult(subscribers=subscribers, allowed_rate=rate, sent=sent, seconds=round(seconds, 2),
                       throughput=round(throughput, 1), share=round(throughput / rate, 4),
                       duplicates=sent - len(sink.accepted), lost=subscribers - len(sink.accepted),
                       rejected_429=sink.rejected)
