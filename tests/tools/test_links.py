"""The dead-link check against a real HTTP server on 127.0.0.1: a live page, a 404 and a 301 are told apart,
recorded on the resources (the console lists them) and reported by `a6bot tools check-links`."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from bot.cli.platforms import database
from bot.config import Settings
from bot.server import HttpServer
from bot.services import prepare_database
from bot.storage import Database
from bot.tools import store
from bot.tools.catalogue import load_folder
from bot.tools.links import LinkSchedule, check_links
from bot.tools.models import ToolResource
from tests.slack.webapi_server import free_port

LOCAL = [ipaddress.ip_network("127.0.0.0/8")]


async def live(_request: Request) -> Response:
    return PlainTextResponse("a toolkit")


async def old(_request: Request) -> Response:
    return RedirectResponse("/new-home", status_code=301)


@pytest.fixture
async def site() -> AsyncIterator[str]:
    port = free_port()
    server = HttpServer("127.0.0.1", port)
    server.add_route("/live", live)
    server.add_route("/new-home", live)
    server.add_route("/old", old)
    await server.start()
    yield f"http://127.0.0.1:{port}"
    await server.stop()


@pytest.fixture
async def db(tmp_path: Path, site: str) -> AsyncIterator[Database]:
    """A catalogue of three resources whose addresses are on the local server (live, gone, moved)."""
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'bot.db'}")
    handle = database(settings)
    await prepare_database(handle, settings)
    shipped = load_folder()
    async with handle.session() as session:
        for row in await session.scalars(select(ToolResource)):
            await session.delete(row)
    async with handle.session() as session:
        for resource, path in zip(shipped[:3], ("/live", "/gone", "/old"), strict=True):
            await store.save(session, resource=replace(resource, url=f"https://placeholder.test{path}"),
                             origin="console", existing=False)
    async with handle.session() as session:  # stored with the local address, which the format would refuse
        for row in await session.scalars(select(ToolResource)):
            row.url = site + row.url.removeprefix("https://placeholder.test")
    yield handle
    await handle.close()


async def test_live_dead_and_moved_links_are_flagged_and_recorded(db: Database, site: str) -> None:
    results = {r.url.rsplit("/", 1)[-1]: r for r in await check_links(db, allow=LOCAL)}
    assert results["live"].status == "ok" and results["live"].detail is None
    assert results["gone"].status == "dead" and "404" in (results["gone"].detail or "")
    assert results["old"].status == "moved" and results["old"].detail == f"{site}/new-home"
    rows = {row.url.rsplit("/", 1)[-1]: row for row in await store.rows(db)}
    assert rows["gone"].link_status == "dead" and rows["old"].link_status == "moved"
    assert rows["live"].link_status == "ok" and rows["live"].link_checked_at is not None


async def test_the_schedule_in_a6bot_run_checks_and_stops(db: Database) -> None:
    import asyncio

    schedule = LinkSchedule(db, hours=24, allow=LOCAL, first_after=0)
    schedule.start()
    for _ in range(200):
        if schedule.rounds:
            break
        await asyncio.sleep(0.05)
    await schedule.stop()
    assert schedule.rounds == 1
    assert {row.link_status for row in await store.rows(db)} == {"ok", "dead", "moved"}
