"""The audit entry is written in the same transaction as the change it records (finding 8): when the audit
write fails the change is undone, when the change fails no entry is written, and a kill between the two can no
longer keep one without the other."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.console import curation
from bot.console.accounts import record
from bot.console.curation import CurationError, Curator
from bot.console.models import AuditEntry
from bot.services import Services
from bot.storage import Document


async def audit_rows(services: Services) -> list[AuditEntry]:
    async with services.db.session() as session:
        return list((await session.scalars(select(AuditEntry))).all())


async def shipped_faq(services: Services) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(Document.id).where(Document.source == "shipped:faq.yaml")) or 0)


async def test_removal_and_its_audit_entry_commit_together(services: Services) -> None:
    document = await shipped_faq(services)
    await Curator(services).remove(document, actor="curator@a6ip.test")
    assert await shipped_faq(services) == 0
    assert [(a.action, a.actor) for a in await audit_rows(services)] == [("kb.remove", "curator@a6ip.test")]


async def test_a_failing_audit_write_undoes_the_change(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    async def disk_full(session: AsyncSession, **entry: Any) -> None:
        await record(session, **entry)
        await session.flush()
        raise OSError("disk full while writing the audit log")

    monkeypatch.setattr(curation, "record", disk_full)
    document = await shipped_faq(services)
    with pytest.raises(OSError):
        await Curator(services).remove(document, actor="curator@a6ip.test")
    assert await shipped_faq(services) == document  # still there: no change without its record
    assert await audit_rows(services) == []


async def test_a_failing_change_writes_no_audit_entry(services: Services) -> None:
    with pytest.raises(CurationError, match="nothing to restore|no shipped or imported text"):
        await Curator(services).restore_faq("test-itmo-definition", actor="curator@a6ip.test")
    assert await audit_rows(services) == []
