"""Fixtures for the outreach tests: a migrated SQLite database and a helper that adds events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.outreach import events as store
from bot.outreach.models import Event
from bot.storage import Database

BASE = "http://bot.test"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'outreach.sqlite3'}")
    await database.migrate()
    yield database
    await database.close()


async def add_event(db: Database, *, uid: str = "ev-1", start: str = "2026-03-12 10:00", zone: str = "Asia/Tokyo",
                    end: str | None = None, topics: list[str] | None = None, published: datetime | None = None,
                    **extra: object) -> Event:
    spec = store.EventSpec(uid=uid, title=extra.pop("title", f"Event {uid}"), starts_at=store.local_datetime(start, zone),  # type: ignore[arg-type]
                           ends_at=store.local_datetime(end, zone) if end else None, timezone=zone,
                           topics=topics if topics is not None else ["tracking"], **extra)  # type: ignore[arg-type]
    async with db.session() as session:
        row, _ = await store.upsert(session, spec, source="test",
                                    now=published or datetime(2026, 2, 1, tzinfo=timezone.utc))
        return row


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)
