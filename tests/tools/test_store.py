"""The catalogue in the database (bot.tools.store): shipped resources loaded on every start, staff edits and
retirements kept across restarts, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli.platforms import database
from bot.config import Settings
from bot.services import prepare_database
from bot.storage import Database
from bot.tools import store
from bot.tools.catalogue import load_folder


async def start(url: str) -> Database:
    """What every start does: migrate, load the shipped events and the shipped catalogue."""
    db = database(Settings(_env_file=None, database_url=url))
    await prepare_database(db, Settings(_env_file=None, database_url=url))
    return db


async def restarts_keep_staff_decisions(url: str) -> None:
    shipped = load_folder()
    db = await start(url)
    try:
        assert {r.id for r in await store.active(db)} == {r.id for r in shipped}
        first, second = shipped[0], shipped[1]
        async with db.session() as session:
            await store.retire(session, resource_id=first.id, actor="curator@a6ip.test")
            edited = replace(second, title="A better title")
            assert await store.save(session, resource=edited, origin="console", existing=True) == "changed"
    finally:
        await db.close()
    db = await start(url)  # a restart (and, for an upgrade, a changed shipped file) leaves both alone
    try:
        again = await store.sync_shipped(db, [replace(r, audience="changed upstream") for r in shipped])
        assert set(again.kept) == {first.id, second.id}
        active = {r.id: r for r in await store.active(db)}
        assert first.id not in active and active[second.id].title == "A better title"
        assert active[shipped[2].id].audience == "changed upstream"  # untouched entries follow the shipped file
        row = await store.get(db, resource_id=first.id)
        assert row is not None and row.retired_by == "curator@a6ip.test"
    finally:
        await db.close()


async def test_sqlite_restart_keeps_retirements_and_edits(tmp_path: Path) -> None:
    await restarts_keep_staff_decisions(f"sqlite:///{tmp_path / 'bot.db'}")


@pytest.mark.postgres
async def test_postgres_restart_keeps_retirements_and_edits(pg_url: str) -> None:
    await restarts_keep_staff_decisions(pg_url)


async def test_save_refuses_clashes_and_changes_nothing(tmp_path: Path) -> None:
    db = await start(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        shipped = load_folder()
        twin = replace(shipped[0], id="a-new-id")
        with pytest.raises(ValueError, match=f"url: {shipped[0].url} is already the address of {shipped[0].id}"):
            async with db.session() as session:
                await store.save(session, resource=twin, origin="console", existing=False)
        with pytest.raises(ValueError, match="exists already"):
            async with db.session() as session:
                await store.save(session, resource=shipped[1], origin="console", existing=False)
        assert await store.get(db, resource_id="a-new-id") is None
    finally:
        await db.close()
