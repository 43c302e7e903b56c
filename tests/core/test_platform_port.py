"""The platform port: the composition root's one list drives what `a6bot run` starts, notifies and paces, and a
configured platform that cannot be imported or started stops the service with a message naming it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

import adapters.email
import adapters.slack
import adapters.telegram
import adapters.web
from bot.cli.platforms import PLATFORMS, open_database
from bot.cli.run import serve
from bot.config import Settings
from bot.outreach import events as store
from bot.outreach import subscriptions
from bot.outreach.memory import MemoryNotifier
from bot.outreach.ratelimit import Rate
from bot.platform import Platform, PlatformError, Runner
from bot.server import HttpServer
from bot.services import Backend, Services
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.slack.webapi_server import free_port

A6BOT = Path(sys.executable).with_name("a6bot")


@dataclass
class Channel:
    """A platform as an adapter package provides one, recording what the composition root does with it."""

    name: str
    on: bool
    log: list[str]
    fail_with: Exception | None = None
    section = None
    rate = Rate(overall=None, per_chat=None)
    migrations = None
    outbox: MemoryNotifier = field(default_factory=MemoryNotifier)

    def configured(self, settings: Settings) -> bool:
        return self.on

    async def start(self, services: Services, server: HttpServer) -> Runner:
        if self.fail_with is not None:
            raise self.fail_with
        self.log.append(f"start {self.name}")

        async def stop() -> None:
            self.log.append(f"stop {self.name}")

        return Runner(self.name, "test", stop)

    def notifier(self, services: Backend) -> MemoryNotifier:
        self.outbox.platform = self.name
        return self.outbox


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", http_port=free_port(), multilingual=False)


def test_each_adapter_package_exports_one_platform_and_the_list_names_them() -> None:
    exported = [adapters.telegram.PLATFORM, adapters.slack.PLATFORM, adapters.email.PLATFORM, adapters.web.PLATFORM]
    assert [p.name for p in PLATFORMS] == ["telegram", "slack", "email", "web"] and list(PLATFORMS) == exported
    assert all(isinstance(p, Platform) for p in PLATFORMS)
    assert adapters.telegram.__all__ == adapters.slack.__all__ == adapters.email.__all__ == adapters.web.__all__ \
        == ["PLATFORM"]


def test_configured_follows_each_platforms_own_settings() -> None:
    bare = Settings(_env_file=None, web_enabled=False)
    assert [p.configured(bare) for p in PLATFORMS] == [False, False, False, False]
    every = Settings(_env_file=None, telegram_token="1:abc", slack_bot_token="xoxb-1", smtp_url="smtp://127.0.0.1:25",
                     mail_from="bot@a6ip.test")
    assert [p.configured(every) for p in PLATFORMS] == [True, True, True, True]  # the web chat is on by default


async def test_the_list_drives_start_up_outreach_and_shut_down(settings: Settings) -> None:
    """Only configured platforms start, in list order; their notifiers carry the outreach; stop runs in reverse."""
    db = await open_database(settings)
    try:
        await subscriptions.subscribe(db, platform="second", chat_id="room-1", topics=["tracking"])
        start = datetime.now(timezone.utc) + timedelta(days=30)
        async with db.session() as session:
            await store.upsert(session, store.EventSpec(uid="port-1", title="Tracking WG (port test)",
                                                        starts_at=start, topics=["tracking"]), source="test")
    finally:
        await db.close()
    log: list[str] = []
    first, off, second = Channel("first", True, log), Channel("off", False, log), Channel("second", True, log)
    stop = asyncio.Event()
    service = asyncio.create_task(serve(settings, stop, platforms=[first, off, second]))
    try:
        for _ in range(3000):
            if second.outbox.sent or service.done():
                break
            await asyncio.sleep(0.1)
        assert log == ["start first", "start second"]
        async with httpx.AsyncClient() as http:  # ready once background start-up (models, index) is done
            for _ in range(1800):
                if (await http.get(f"http://127.0.0.1:{settings.http_port}/healthz")).status_code == 200:
                    break
                await asyncio.sleep(0.1)
            else:
                raise AssertionError("/healthz never said ready")
    finally:
        stop.set()
        await asyncio.wait_for(service, timeout=60)
    assert [(chat, notice.kind, notice.event.uid) for chat, notice in second.outbox.sent] == [("room-1", "announce", "port-1")]
    assert first.outbox.sent == [] and off.outbox.sent == []
    assert log == ["start first", "start second", "stop second", "stop first"]


async def test_a_platform_that_fails_to_start_stops_the_service_and_is_named(settings: Settings) -> None:
    log: list[str] = []
    broken = Channel("broken", True, log, fail_with=ImportError("No module named 'adapters.broken.app'"))
    with pytest.raises(PlatformError, match=r"broken is configured but could not start: ImportError: No module"):
        await asyncio.wait_for(serve(settings, asyncio.Event(), platforms=[Channel("ok", True, log), broken]),
                               timeout=300)
    assert log == ["start ok", "stop ok"]  # what had started was stopped again


async def test_a_configured_platform_whose_library_is_broken_fails_a6bot_run_loudly(tmp_path: Path) -> None:
    """A real broken install: the `telegram` package that python-telegram-bot provides cannot be imported."""
    shadow = tmp_path / "shadow" / "telegram"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('python-telegram-bot is broken in this install')\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("A6BOT_")}
    env.update(PYTHONPATH=str(tmp_path / "shadow"), A6BOT_TELEGRAM_TOKEN="123:abc", A6BOT_DATA_DIR=str(tmp_path / "data"),
               A6BOT_KNOWLEDGE_DIR=str(TINY_KB), A6BOT_EVENTS_DIR=str(TINY_EVENTS), A6BOT_MULTILINGUAL="false",
               A6BOT_HTTP_PORT=str(free_port()), HF_HUB_OFFLINE="1")
    process = await asyncio.create_subprocess_exec(str(A6BOT), "run", env=env, cwd=tmp_path,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=600)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGKILL)
    assert process.returncode == 1
    assert ("a6bot run: telegram is configured but could not start: ImportError: python-telegram-bot is broken "
            "in this install") in stderr.decode()
