"""Two `a6bot run` workers sending outreach to Telegram from one PostgreSQL state, with the real
python-telegram-bot client against a Bot API server that answers 429 over Telegram's per-second budget: the
workers share one send budget (Telegram counts per bot, not per worker), so together they draw no 429, and a
429 one worker draws holds the other too; every subscriber gets the notice exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from adapters.telegram import PLATFORM
from adapters.telegram.notifier import TelegramNotifier
from adapters.telegram.settings import TelegramSettings
from bot.cli.platforms import database
from bot.config import Settings
from bot.outreach import events as store
from bot.outreach import subscriptions
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.service import make_dispatcher
from bot.platform import rates
from bot.storage import Database
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.telegram.botapi_server import TOKEN, TOO_MANY, BotApiServer

pytestmark = pytest.mark.postgres
CHATS = [str(7000 + n) for n in range(60)]  # 60 messages: two seconds of Telegram's 30/s


@pytest.fixture
async def strict() -> AsyncIterator[BotApiServer]:
    server = BotApiServer(flood_control=True)  # ~30/s overall, ~1/s per chat, like Telegram
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def workers(tmp_path: Path, pg_url: str, strict: BotApiServer) -> AsyncIterator[list[Dispatcher]]:
    """Two workers as `a6bot run` builds them (make_dispatcher, each its own engine and Telegram client) on
    one fresh PostgreSQL database holding 60 subscribers of an event published just now."""
    shared = Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB,
                      events_dir=TINY_EVENTS, database_url=pg_url, telegram_token=TOKEN, telegram_api_url=strict.api_url)
    setup = database(shared)
    await setup.migrate()
    for chat in CHATS:
        await subscriptions.subscribe(setup, platform="telegram", chat_id=chat, topics=["tracking"])
    start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=20)
    async with setup.session() as session:
        await store.upsert(session, store.EventSpec(uid="wg-shared", title="Tracking WG", starts_at=start,
                                                    ends_at=start + timedelta(hours=1), timezone="UTC",
                                                    kind="wg-meeting", topics=["tracking"]), source="test")
    await setup.close()
    dbs: list[Database] = [database(shared) for _ in range(2)]
    notifiers = [TelegramNotifier.from_settings(shared.section(TelegramSettings)) for _ in range(2)]
    policy = Policy(batch=20, backoff_base=0.05, backoff_cap=0.1, max_wait=10)
    yield [make_dispatcher(shared, db, {"telegram": n}, rates=rates([PLATFORM]), policy=policy,
                           worker=f"w{i}") for i, (db, n) in enumerate(zip(dbs, notifiers))]
    for notifier in notifiers:
        await notifier.close()
    for db in dbs:
        await db.close()


def delivered(server: BotApiServer) -> Counter[str]:
    return Counter(c.chat_id for c in server.sent("sendMessage") if "Tracking WG" in c.text)


async def test_two_workers_together_keep_within_telegrams_limits(strict: BotApiServer,
                                                                 workers: list[Dispatcher]) -> None:
    reports = await asyncio.gather(*(w.tick(drain=True) for w in workers))
    assert delivered(strict) == Counter({chat: 1 for chat in CHATS})  # each once, none lost
    assert all(r.sent > 10 for r in reports)  # both really sent
    refused = [c for c in strict.calls if c.status == 429]
    assert refused == [], f"{len(refused)} sends refused with 429"


async def test_a_429_drawn_by_one_worker_holds_the_other_and_is_retried(strict: BotApiServer,
                                                                        workers: list[Dispatcher]) -> None:
    strict.fail("sendMessage", TOO_MANY(2), after=5)  # Telegram's flood control: "retry after 2" for the bot
    await asyncio.gather(*(w.tick(drain=True) for w in workers))
    assert delivered(strict) == Counter({chat: 1 for chat in CHATS})  # the refused one retried, once
    refusal = strict.sent("sendMessage", ok=False)[5]
    assert refusal.status == 429
    # sends that looked for a hold (a tenth of a second before their slot) before the worker that drew the
    # 429 had recorded it may still go out
    during = [c for c in strict.sent("sendMessage") if refusal.at + 0.5 < c.at < refusal.at + 1.9]
    assert during == [], f"{len(during)} messages sent by the workers while Telegram asked to wait"
