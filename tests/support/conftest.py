"""Fixtures for the support-package tests: the staff console signed in as each role, on the same services
the chat adapters use (so a step moved in the console reaches the chat where the request was made)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from sqlalchemy import func, select

from bot.console.accounts import add_staff
from bot.console.app import console_app
from bot.services import Services
from bot.storage import Database
from tests.console.conftest import PASSWORD, STAFF, csrf_of, sign_in

Console = Callable[[str], Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def console(services: Services) -> AsyncIterator[Console]:
    """console(role): a browser-like client of the console, signed in as that role's staff member."""
    for role, email in STAFF.items():
        await add_staff(services.db, email=email, role=role, password=PASSWORD, actor="test")
    app = console_app(services)
    opened: list[httpx.AsyncClient] = []

    async def make(role: str) -> httpx.AsyncClient:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://console.test")
        opened.append(client)
        assert (await sign_in(client, STAFF[role])).status_code == 303
        return client

    yield make
    for client in opened:
        await client.aclose()


async def move(client: httpx.AsyncClient, reference: str, step: str) -> httpx.Response:
    """Choose the step on the request's page and press Move, as staff do."""
    token = csrf_of((await client.get(f"/support/{reference}")).text)
    return await client.post(f"/support/{reference}/step", data={"csrf": token, "step": step})


async def count(db: Database, model: type) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)
