"""Typed models of the staff console: staff accounts and the audit log of every change they make."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.models import Base, utcnow

ROLES = ("viewer", "curator", "admin")  # each role may do everything the ones before it may


class StaffAccount(Base):
    """A person who signs in to the console; only an argon2 hash of the password is kept."""

    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(10), default="viewer")
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One change made through the console or the staff CLI: who, when, what, on what, with which details."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str] = mapped_column(String(1000))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class StaffSession(Base):
    """A browser's console session, kept on the server: the cookie holds only a random token and this row its
    SHA-256, so logout, a password change or expiry ends the session wherever the cookie was copied to.
    Times are epoch seconds, compared the same way on SQLite and PostgreSQL."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # CSRF token and pending one-line messages
    created_at: Mapped[float] = mapped_column(Float)
    seen_at: Mapped[float] = mapped_column(Float, index=True)


class SignInAttempt(Base):
    """Sign-in attempts per (email typed, client network), counted before the password is checked; email "*"
    counts one network's attempts across all accounts. `next_at` (epoch seconds) is when the next is taken."""

    __tablename__ = "sign_in_attempts"

    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    wait: Mapped[float] = mapped_column(Float, default=0.0)
    next_at: Mapped[float] = mapped_column(Float, index=True)
    claim: Mapped[str] = mapped_column(String(32))
