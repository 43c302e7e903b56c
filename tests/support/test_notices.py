"""Step notices to requesters: recorded with the move, sent once even when several workers deliver at the
same time (real PostgreSQL), retried after a transient failure, skipped once the person was forgotten."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.outreach.notifier import SendResult
from bot.storage import Database
from bot.support import Support, Where
from bot.support import pipeline
from bot.support.models import SupportNotice

ANSWERS = ("Bahamas", "Ministry of the Environment", "Rashad Moss", "Climate officer", "rashad@gov.bs",
           "authorization", "Within 6 months", "We need guidelines for authorizing ITMOs and a registry.")


@dataclass
class Recorder:
    """A messenger that keeps what it was asked to send, answering with the results it is given in turn."""

    platform: str
    results: list[SendResult] = field(default_factory=list)
    sent: list[tuple[str, str, str]] = field(default_factory=list)

    async def send_text(self, address: str, text: str, *, subject: str, language: str) -> SendResult:
        await asyncio.sleep(0.05)  # long enough for a second worker to try the same notice
        self.sent.append((address, subject, language))
        return self.results.pop(0) if self.results else SendResult.ok()


async def recorded(db: Database) -> str:
    support = Support(db, contact="staff@a6ip.test")
    where = Where(conversation="telegram:42", channel="telegram", chat="42", language="en")
    await support.press("start", where)
    for answer in ANSWERS:
        await support.message(answer, where)
    reference = (await support.press("confirm", where)).reference
    assert reference is not None
    return reference


async def states(db: Database) -> list[tuple[str, str, int]]:
    async with db.session() as session:
        rows = (await session.scalars(select(SupportNotice).order_by(SupportNotice.id))).all()
    return [(n.channel, n.state, n.attempts) for n in rows]


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'bot.db'}")
    await db.migrate()
    yield db
    await db.close()


@pytest.mark.postgres
async def test_two_workers_send_each_notice_once_on_postgres(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        await db.migrate()
        reference = await recorded(db)
        async with db.session() as session:
            await pipeline.move(session, reference=reference, step="consultation", actor="curator@a6ip.test")
        chat, mail = Recorder("telegram"), Recorder("email")
        messengers = {"telegram": chat, "email": mail}
        first, second = Support(db, contact="x@y.org", messengers=messengers), Support(db, contact="x@y.org",
                                                                                         messengers=messengers)
        sent = await asyncio.gather(first.deliver(), second.deliver())
        assert sum(sent) == 2 and chat.sent == [("42", f"Your A6IP support request {reference}: Consultation "
                                                       "(online or in person)", "en")]
        assert [address for address, _, _ in mail.sent] == ["rashad@gov.bs"]
        assert await states(db) == [("telegram", "sent", 1), ("email", "sent", 1)]
    finally:
        await db.close()


async def test_a_transient_failure_is_retried_and_a_forgotten_request_gets_nothing(sqlite_db: Database) -> None:
    reference = await recorded(sqlite_db)
    chat = Recorder("telegram", results=[SendResult.transient("HTTP 502")])
    support = Support(sqlite_db, contact="x@y.org", messengers={"telegram": chat})
    async with sqlite_db.session() as session:
        await pipeline.move(session, reference=reference, step="consultation", actor="curator@a6ip.test")
    assert await support.deliver() == 0
    assert await states(sqlite_db) == [("telegram", "pending", 1), ("email", "skipped", 1)]  # no email notifier here
    assert await support.deliver() == 1
    assert await states(sqlite_db) == [("telegram", "sent", 2), ("email", "skipped", 1)]
    async with sqlite_db.session() as session:
        await pipeline.move(session, reference=reference, step="draft", actor="curator@a6ip.test")
    async with sqlite_db.session() as session:
        await pipeline.forget(session, reference=reference, actor="cli")
    assert await support.deliver() == 0 and len(chat.sent) == 2
    assert [s for _, s, _ in await states(sqlite_db)][2:] == ["skipped", "skipped"]
    with pytest.raises(pipeline.SupportError, match="already at Draft package"):
        async with sqlite_db.session() as session:
            await pipeline.move(session, reference=reference, step="draft", actor="curator@a6ip.test")
