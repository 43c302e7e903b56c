"""On the real PostgreSQL: the Slack platform's own migrations (0003, 0006), slack_sdk's stores on asyncpg, retried events and replayed
signatures handled once."""

from __future__ import annotations

import asyncio
import time

import pytest
from slack_sdk.oauth.installation_store import Installation

from adapters.slack import store
from adapters.slack.oauth import InstalledTokens, installation_store
from adapters.slack.settings import SlackSettings
from bot.cli.platforms import database
from bot.config import Settings

pytestmark = pytest.mark.postgres


async def test_installation_store_and_event_dedupe_on_postgres(pg_url: str, tmp_path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=pg_url, slack_client_id="111.222")
    db = database(settings)
    try:
        await db.migrate()
        slack = settings.section(SlackSettings)
        await installation_store(slack, db.engine).async_save(Installation(
            app_id="A0APP", team_id="T0PARTNER", user_id="U0ADMIN", bot_token="xoxb-partner", bot_id="B1",
            bot_user_id="UBOT2", bot_scopes=["chat:write"]))
        tokens = InstalledTokens(slack, db.engine)
        assert await tokens("T0PARTNER") == "xoxb-partner"
        firsts = await asyncio.gather(*(store.first_sight(db, event_id="Ev0PG") for _ in range(8)))
        assert sorted(firsts) == [False] * 7 + [True]
        stamp = str(int(time.time()))
        uses = await asyncio.gather(*(store.first_use(db, timestamp=stamp, signature="v0=abc")
                                      for _ in range(8)))
        assert sorted(uses) == [False] * 7 + [True]  # a replay racing the original is still refused
        await store.remember_thread(db, team_id="T", channel="C", thread_ts="1.2")
        await store.remember_thread(db, team_id="T", channel="C", thread_ts="1.2")
        assert await store.in_bot_thread(db, team_id="T", channel="C", thread_ts="1.2")
        assert not await store.in_bot_thread(db, team_id="T", channel="C", thread_ts="9.9")
    finally:
        await db.close()
