"""What the email platform keeps: each address with the choices it asked for, until it confirms them.

Addresses are personal data and live here only, in one row per address, for as long as it subscribes: the
core's subscription (topics, zone, language, pauses, the outbox) knows the address by an opaque id
(`chat_id`), so logs, the outbox and the console never show it. Unsubscribing deletes the row.
"""

from __future__ import annotations

import secrets
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Protocol

from sqlalchemy import JSON, DateTime, String, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Database(Protocol):
    """The core's database handle (`services.db`) as this store uses it: one session per unit of work."""

    def session(self) -> AbstractAsyncContextManager[AsyncSession]: ...


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment


class EmailBase(DeclarativeBase):
    """The email platform's own tables, apart from the core's (its migrations: adapters/email/migrations)."""


class EmailAddress(EmailBase):
    """One address: the choices of its latest request, and when (if ever) it confirmed them."""

    __tablename__ = "email_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[str] = mapped_column(String(32), unique=True)  # the core subscription's chat_id
    address: Mapped[str] = mapped_column(String(320), unique=True)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    nonce: Mapped[str] = mapped_column(String(32))  # new at each request: older confirmation links stop working
    source: Mapped[str] = mapped_column(String(20), default="form")  # form, staff, staff-confirmed
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class Address:
    """A row as the rest of the adapter sees it."""

    chat_id: str
    address: str
    topics: tuple[str, ...]
    language: str
    timezone: str
    nonce: str
    source: str
    requested_at: datetime
    confirmed_at: datetime | None

    @classmethod
    def of(cls, row: EmailAddress) -> Address:
        return cls(chat_id=row.chat_id, address=row.address, topics=tuple(row.topics), language=row.language,
                   timezone=row.timezone, nonce=row.nonce, source=row.source,
                   requested_at=aware(row.requested_at) or utcnow(), confirmed_at=aware(row.confirmed_at))


async def by_address(db: Database, *, address: str) -> Address | None:
    async with db.session() as session:
        row = await session.scalar(select(EmailAddress).where(EmailAddress.address == address))
        return Address.of(row) if row else None


async def by_chat(db: Database, *, chat_id: str) -> Address | None:
    async with db.session() as session:
        row = await session.scalar(select(EmailAddress).where(EmailAddress.chat_id == chat_id))
        return Address.of(row) if row else None


async def record_request(db: Database, *, address: str, topics: list[str], language: str, timezone: str,
                         source: str) -> Address:
    """Keep what the address asked for, with a fresh nonce; a confirmed address stays confirmed for what it
    had, until it confirms the new choices."""
    async with db.session() as session:
        row = await session.scalar(select(EmailAddress).where(EmailAddress.address == address))
        if row is None:
            row = EmailAddress(chat_id=secrets.token_hex(8), address=address)
            session.add(row)
        row.topics, row.language, row.timezone, row.source = topics, language, timezone, source
        row.nonce, row.requested_at = secrets.token_hex(8), utcnow()
        await session.flush()
        return Address.of(row)


async def mark_confirmed(db: Database, *, chat_id: str, nonce: str) -> Address | None:
    """The address confirmed the request this nonce belongs to; None when a newer request replaced it."""
    async with db.session() as session:
        row = await session.scalar(select(EmailAddress).where(EmailAddress.chat_id == chat_id))
        if row is None or not secrets.compare_digest(row.nonce, nonce):
            return None
        row.confirmed_at = utcnow()
        return Address.of(row)


async def forget(db: Database, *, chat_id: str) -> bool:
    """Delete the address (unsubscribed, or never confirmed): nothing of it stays."""
    async with db.session() as session:
        result = await session.execute(delete(EmailAddress).where(EmailAddress.chat_id == chat_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]
