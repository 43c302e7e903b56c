"""Fixtures for the public web chat: the web (and, when asked, email) platform started through the port on a
live HTTP server, and a browser-like client that reads the page's visitor token."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from adapters.email import PLATFORM as EMAIL
from adapters.web import PLATFORM as WEB
from bot.config import Settings
from bot.server import HttpServer
from bot.services import Services
from tests.conftest import TINY_EVENTS, TINY_KB, serving
from tests.email.conftest import port, smtp  # noqa: F401  (shared fixtures)


@pytest.fixture
def settings(tmp_path: Path, port: int, request: pytest.FixtureRequest) -> Settings:
    """A fresh install serving the web chat; tests marked `with_email` also send mail through `smtp`."""
    extra = {}
    if request.node.get_closest_marker("with_email"):
        smtp = request.getfixturevalue("smtp")
        extra = {"smtp_url": smtp.url, "mail_from": "A6IP bot <bot@a6ip.test>", "staff_email": "staff@a6ip.test"}
    options = request.node.get_closest_marker("web_settings")
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", http_port=port, **extra, **(options.kwargs if options else {}))


@pytest.fixture
async def site(services: Services, port: int) -> AsyncIterator[str]:
    async with serving(services, [EMAIL, WEB], HttpServer("127.0.0.1", port)):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
async def http(site: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=site, timeout=60) as client:
        yield client


async def token_of(http: httpx.AsyncClient, language: str = "en") -> str:
    page = await http.get(f"/?lang={language}")
    match = re.search(r'data-token="([^"]+)"', page.text)
    assert match, page.text[:500]
    return match.group(1)
