"""Fixtures for the console tests: the console app on the tiny knowledge base, staff of each role, and
clients signed in as them (httpx against the ASGI app, in the test's own event loop)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from starlette.applications import Starlette

from bot.console.accounts import add_staff
from bot.console.app import console_app
from bot.services import Services

PASSWORD = "a long enough password"
STAFF = {"admin": "admin@a6ip.test", "curator": "curator@a6ip.test", "viewer": "viewer@a6ip.test"}
Client = Callable[..., Awaitable[httpx.AsyncClient]]


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


@pytest.fixture
async def app(services: Services) -> Starlette:
    for role, email in STAFF.items():
        await add_staff(services.db, email=email, role=role, password=PASSWORD, actor="test")
    return console_app(services)


async def sign_in(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    token = csrf_of((await client.get("/login")).text)
    return await client.post("/login", data={"csrf": token, "email": email, "password": password, "next": ""})


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[Client]:
    """client(role=None): a fresh browser-like client, signed in as that role's staff member when given."""
    opened: list[httpx.AsyncClient] = []

    async def make(role: str | None = None, *, target: Starlette | None = None) -> httpx.AsyncClient:
        c = httpx.AsyncClient(transport=httpx.ASGITransport(app=target or app), base_url="http://console.test")
        opened.append(c)
        if role:
            response = await sign_in(c, STAFF[role])
            assert response.status_code == 303, response.text
        return c

    yield make
    for c in opened:
        await c.aclose()


async def post_form(c: httpx.AsyncClient, page: str, path: str, data: dict | None = None,
                    files: dict | None = None) -> httpx.Response:
    """Submit like a browser: read the CSRF token from the page the form is on, then post."""
    token = csrf_of((await c.get(page)).text)
    return await c.post(path, data={"csrf": token, **(data or {})}, files=files)
