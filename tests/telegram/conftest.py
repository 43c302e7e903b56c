"""Fixtures for the Telegram tests: the Bot API test server, settings pointing the real PTB client at it,
and the adapter running by long polling against it."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from adapters.telegram import PLATFORM
from bot.config import Settings
from bot.platform import Runner
from bot.server import HttpServer
from bot.services import Services
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.telegram.botapi_server import TOKEN, BotApiServer, Call

STAFF_CHAT = "-100777"


@pytest.fixture
async def api() -> AsyncIterator[BotApiServer]:
    server = BotApiServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(scope="session")
def prepared_data(installs: Callable[[Settings], Path]) -> Path:
    """The tiny knowledge base's install (tests/conftest.py), for tests that copy it into their data directory."""
    return installs(Settings(_env_file=None, knowledge_dir=TINY_KB, events_dir=TINY_EVENTS, database_url=""))


@pytest.fixture
def settings(tmp_path: Path, api: BotApiServer, prepared_data: Path) -> Settings:
    """A fresh install (copied from the prepared one), plus a token, the test server's URL and a staff chat."""
    shutil.copytree(prepared_data, tmp_path / "data")
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="",
                    telegram_token=TOKEN, telegram_api_url=api.api_url, telegram_staff_chat=STAFF_CHAT)


@pytest.fixture
async def bot(services: Services, api: BotApiServer) -> AsyncIterator[Runner]:
    """The adapter, long polling the test server."""
    runner = await PLATFORM.start(services, HttpServer("127.0.0.1", 0))
    yield runner
    await runner.stop()


async def exchange(api: BotApiServer, update: dict[str, Any], *, expect: int = 1, method: str = "sendMessage",
                   timeout: float = 20.0) -> list[Call]:
    """Push an update and return the `method` calls it caused (waits for `expect` of them, then for quiet)."""
    before = len(api.sent(method))
    api.push(update)
    await api.wait_for(method, before + expect, timeout=timeout)
    await api.settle(quiet=0.3)
    return api.sent(method)[before:]


async def silence(api: BotApiServer, update: dict[str, Any], *, method: str = "sendMessage") -> None:
    """Push an update and check the bot sent nothing in return."""
    before = len(api.sent(method))
    api.push(update)
    await api.settle(quiet=0.6)
    await asyncio.sleep(0.2)
    assert api.sent(method)[before:] == [], [c.params for c in api.sent(method)[before:]]
