"""Staff accounts and the audit log: keyword-only database functions shared by the console and the CLI."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.console.models import ROLES, AuditEntry, StaffAccount, StaffSession
from bot.storage import Database
from bot.storage.models import utcnow

MIN_PASSWORD = 10
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
hasher = PasswordHasher()
# Verifying against this when the email is unknown keeps sign-in time the same, so timing reveals no accounts.
DUMMY_HASH = hasher.hash("not a real password, only for constant time")


class AccountError(ValueError):
    """A staff account request that cannot be done; the text says why, for the person typing."""


def rank(role: str) -> int:
    return ROLES.index(role) if role in ROLES else -1


def check_new(email: str, role: str, password: str) -> str:
    """Validate a new account's fields; returns the normalised email."""
    email = email.strip().lower()
    if not EMAIL.match(email):
        raise AccountError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    return email


async def hash_password(password: str) -> str:
    """argon2 in a worker thread: it takes tens of milliseconds of CPU, which the event loop must not wait on."""
    return await asyncio.to_thread(hasher.hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def record(session: AsyncSession, *, actor: str, action: str, target: str, **details: Any) -> None:
    """Append an audit entry inside the caller's unit of work, so the change and its record commit together."""
    session.add(AuditEntry(actor=actor, action=action, target=target[:1000], details=details))


async def audit(db: Database, *, actor: str, action: str, target: str, **details: Any) -> None:
    async with db.session() as session:
        await record(session, actor=actor, action=action, target=target, **details)


async def add_staff(db: Database, *, email: str, role: str, password: str, actor: str) -> StaffAccount:
    email = check_new(email, role, password)
    async with db.session() as session:
        if await session.scalar(select(StaffAccount).where(StaffAccount.email == email)) is not None:
            raise AccountError(f"{email} already has an account")
        account = StaffAccount(email=email, role=role, password_hash=await hash_password(password))
        session.add(account)
        await record(session, actor=actor, action="staff.add", target=email, role=role)
        return account


async def list_staff(db: Database) -> list[StaffAccount]:
    async with db.session() as session:
        return list((await session.scalars(select(StaffAccount).order_by(StaffAccount.email))).all())


async def get_staff(db: Database, *, account_id: int) -> StaffAccount | None:
    async with db.session() as session:
        return await session.get(StaffAccount, account_id)


async def remove_staff(db: Database, *, email: str, actor: str) -> bool:
    email = email.strip().lower()
    async with db.session() as session:
        result = await session.execute(delete(StaffAccount).where(StaffAccount.email == email))
        if not result.rowcount:  # type: ignore[attr-defined]
            return False
        await record(session, actor=actor, action="staff.remove", target=email)
        return True


async def set_role(db: Database, *, email: str, role: str, actor: str) -> bool:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    async with db.session() as session:
        account = await session.scalar(select(StaffAccount).where(StaffAccount.email == email))
        if account is None:
            return False
        await record(session, actor=actor, action="staff.role", target=email, old=account.role, new=role)
        account.role = role
        return True


async def authenticate(db: Database, *, email: str, password: str) -> StaffAccount | None:
    """The account when the password matches; None otherwise (same work done either way, in a worker thread)."""
    email = email.strip().lower()
    async with db.session() as session:
        account = await session.scalar(select(StaffAccount).where(StaffAccount.email == email))
        stored = account.password_hash if account else DUMMY_HASH
    if not await asyncio.to_thread(_verify, stored, password) or account is None:
        return None
    async with db.session() as session:
        account = await session.get(StaffAccount, account.id)
        if account is None:  # removed while the password was being checked
            return None
        account.last_login_at = utcnow()
        if hasher.check_needs_rehash(account.password_hash):
            account.password_hash = await hash_password(password)
        await record(session, actor=email, action="staff.sign_in", target=email)
        return account


async def password_matches(db: Database, *, account_id: int, password: str) -> bool:
    """Whether `password` is the account's own (a staff member confirming who they are before a change)."""
    async with db.session() as session:
        account = await session.get(StaffAccount, account_id)
        stored = account.password_hash if account else DUMMY_HASH
    return await asyncio.to_thread(_verify, stored, password) and account is not None


async def set_password(db: Database, *, email: str, password: str, actor: str) -> bool:
    """A new password; every session of the account ends with the change, in the same transaction."""
    email = email.strip().lower()
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    password_hash = await hash_password(password)
    async with db.session() as session:
        account = await session.scalar(select(StaffAccount).where(StaffAccount.email == email))
        if account is None:
            return False
        account.password_hash = password_hash
        ended = await session.execute(delete(StaffSession).where(StaffSession.staff_id == account.id))
        await record(session, actor=actor, action="staff.password", target=email,
                     sessions_ended=ended.rowcount)  # type: ignore[attr-defined]
        return True


async def audit_entries(db: Database, *, limit: int = 200) -> list[AuditEntry]:
    async with db.session() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        return list((await session.scalars(query)).all())
