"""The whole HTTP surface as `a6bot run` serves it (console, public web chat, Slack events, health) on a real
port, for the web and session tests; imported by the tests/security/test_web_*.py modules that need it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from adapters.slack import PLATFORM as SLACK
from adapters.web import PLATFORM as WEB
from bot.config import Settings
from bot.console import mount_console
from bot.console.accounts import add_staff
from bot.server import HttpServer, trusted_proxies
from bot.services import Services
from tests.conftest import TINY_EVENTS, TINY_KB, serving
from tests.slack.conftest import SIGNING_SECRET, slack_api  # noqa: F401  (shared fixture)
from tests.slack.webapi_server import WebApiServer, free_port

PASSWORD = "a long enough password"
CURATOR = "curator@a6ip.test"


@pytest.fixture
def settings(tmp_path: Path, slack_api: WebApiServer, request: pytest.FixtureRequest) -> Settings:  # noqa: F811
    """A fresh install with Slack over HTTP and the web chat; `web_settings` marks add values."""
    options = request.node.get_closest_marker("web_settings")
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", http_port=free_port(), slack_bot_token=SecretStr("xoxb-test"),
                    slack_signing_secret=SecretStr(SIGNING_SECRET), slack_api_url=slack_api.url,
                    multilingual=False, **(options.kwargs if options else {}))


@pytest.fixture
async def site(services: Services) -> AsyncIterator[str]:
    """The server wired as `a6bot run` wires it; a curator account exists."""
    settings = services.settings
    await add_staff(services.db, email=CURATOR, role="curator", password=PASSWORD, actor="test")
    server = HttpServer("127.0.0.1", settings.http_port, trusted_proxies=trusted_proxies(settings.trusted_proxies))
    mount_console(services, server)
    async with serving(services, [SLACK, WEB], server):
        yield f"http://127.0.0.1:{settings.http_port}"


@pytest.fixture
async def http(site: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=site, timeout=60) as client:
        yield client


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


async def sign_in(http: httpx.AsyncClient, email: str = CURATOR, password: str = PASSWORD,
                  headers: dict[str, str] | None = None) -> httpx.Response:
    token = csrf_of((await http.get("/console/login")).text)
    return await http.post("/console/login", data={"csrf": token, "email": email, "password": password},
                           headers=headers)
