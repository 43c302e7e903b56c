"""Fixtures for the email tests: a real SMTP server on 127.0.0.1, a fresh install configured to send through
it (no model: the email platform needs only the database), and the platform's routes on a live HTTP server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest

from adapters.email import PLATFORM
from adapters.email.routes import routes
from adapters.email.subscribers import Subscribers
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.outreach import events as store
from bot.public import Visitors, signing_key
from bot.server import HttpServer
from bot.services import Backend
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.email.smtp_server import SmtpServer
from tests.slack.webapi_server import free_port

SENDER = "A6IP bot <bot@a6ip.test>"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def settings(tmp_path: Path, smtp: SmtpServer, port: int) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", http_port=port, public_url=f"http://127.0.0.1:{port}", smtp_url=smtp.url,
                    mail_from=SENDER)


@pytest.fixture
async def backend(settings: Settings) -> AsyncIterator[Backend]:
    db = await open_database(settings)
    yield Backend(settings, db)
    await db.close()


@pytest.fixture
def subscribers(backend: Backend) -> Subscribers:
    return PLATFORM.subscribers(backend)


@pytest.fixture
async def web(backend: Backend, subscribers: Subscribers, port: int) -> AsyncIterator[httpx.AsyncClient]:
    """The email platform's routes on the bot's HTTP server, and a client for them."""
    server = HttpServer("127.0.0.1", port)
    visitors = Visitors(signing_key(backend.settings, "visitor"))
    for path, endpoint, methods, name in routes(subscribers, visitors, public_url=backend.settings.public_url):
        server.add_route(path, endpoint, methods=methods, name=name)  # type: ignore[arg-type]
    await server.start()
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        yield client
    await server.stop()


async def publish(backend: Backend, *, uid: str, title: str, topics: list[str], start: str = "2031-03-12 10:00",
                  zone: str = "Asia/Tokyo") -> None:
    """An event as staff publish it (the console saves it with the same upsert)."""
    spec = store.EventSpec(uid=uid, title=title, starts_at=store.local_datetime(start, zone),
                           ends_at=store.local_datetime(start.replace("10:00", "12:00"), zone), timezone=zone,
                           topics=topics, kind="training", place="Tokyo", registration_url="https://a6ip.test/register")
    async with backend.db.session() as session:
        await store.upsert(session, spec, source="test", now=datetime.now(timezone.utc))
