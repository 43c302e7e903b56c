"""Fixtures for the source watch tests: a local web site whose pages change between checks, settings that
allow fetching from it (127.0.0.1 is refused otherwise), and a migrated database without the model."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.cli.platforms import open_database
from bot.config import Settings
from bot.storage import Database
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.console.conftest import app, client  # noqa: F401  (the console and its signed-in clients)
from tests.security.site_server import Site


@pytest.fixture
def site() -> Iterator[Site]:
    with Site("127.0.0.1") as s:
        yield s


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", fetch_allow_networks="127.0.0.1/32")


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[Database]:
    database = await open_database(settings)
    yield database
    await database.close()
