"""Two workers on one database: a knowledge base change made through one worker's console is answered by
the other within seconds (PostgreSQL: LISTEN/NOTIFY, listening again when the connection is lost; SQLite:
polling the revision), without re-encoding."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import asyncpg
import pytest

from bot.cli.platforms import open_services
from bot.console.curation import Curator
from bot.console.faq import FaqEntry
from bot.indexing import LISTENER_NAME
from bot.services import Services

from tests.deploy.conftest import HashEncoder, make_settings

QUESTION = "What is an ITMO?"
EDITED = FaqEntry("test-itmo-definition", QUESTION,
                  "An ITMO is an internationally transferred mitigation outcome; the quokka clause applies.",
                  "Decision 2/CMA.3, annex, para. 1")
EDITED_AGAIN = FaqEntry(EDITED.id, QUESTION, EDITED.answer.replace("quokka", "wombat"), EDITED.source)


async def answer_changes(svc: Services, word: str, limit: float) -> float:
    """Seconds until `svc` answers QUESTION with `word`; fails after `limit`."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        answer = await svc.answerer.ask(QUESTION, channel="test")
        if word in answer.text:
            return time.monotonic() - start
        await asyncio.sleep(0.1)
    pytest.fail(f"the other worker did not answer from the edit within {limit} s")


async def listeners(url: str, *, terminate: bool = False) -> int:
    """How many workers LISTEN on this database (as pg_stat_activity shows them); with `terminate`, their
    connections are ended as a PostgreSQL restart or an administrator's pg_terminate_backend would."""
    connection = await asyncpg.connect(url)
    try:
        return int(await connection.fetchval(
            f"SELECT count(*) FILTER (WHERE {'pg_terminate_backend(pid)' if terminate else 'true'}) "
            "FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", LISTENER_NAME))
    finally:
        await connection.close()


async def two_workers(tmp_path: Path, url: str, **settings: object) -> tuple[Services, Services, HashEncoder]:
    first = await open_services(make_settings(tmp_path / "w1", url, **settings), encoder=HashEncoder(), wait=False)
    await first.indexer.wait()
    encoder = HashEncoder()
    second = await open_services(make_settings(tmp_path / "w2", url, **settings), encoder=encoder, wait=False)
    await second.indexer.wait()
    return first, second, encoder


@pytest.mark.postgres
async def test_faq_edit_on_one_worker_is_answered_by_the_other_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    # Polling every 10 s (every 150 s while listening): only a working LISTEN brings a change within 5 s.
    first, second, encoder = await two_workers(tmp_path, pg_url, index_poll_seconds=10)
    try:
        assert "quokka" not in (await second.answerer.ask(QUESTION)).text
        await Curator(first).save_faq(EDITED, actor="test")
        took = await answer_changes(second, "quokka", 5)
        assert took < 5 and encoder.passages == 0  # the second worker loaded the first one's vectors

        # The LISTEN connections killed (PostgreSQL restarted, say): the workers listen again by themselves.
        assert await listeners(pg_url, terminate=True) == 2
        await Curator(first).save_faq(EDITED_AGAIN, actor="test")
        assert await answer_changes(second, "wombat", 5) < 5
        assert await listeners(pg_url) == 2
    finally:
        await first.close()
        await second.close()


async def test_faq_edit_on_one_worker_is_answered_by_the_other_on_sqlite(tmp_path: Path) -> None:
    first, second, _ = await two_workers(tmp_path, f"sqlite:///{tmp_path / 'shared.sqlite3'}")
    try:
        await Curator(first).save_faq(EDITED, actor="test")
        assert await answer_changes(second, "quokka", 5) < 5
    finally:
        await first.close()
        await second.close()
