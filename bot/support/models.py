"""Typed models of support-package requests: the request (with the requester's contact details, the only
place they are kept), its history and notes, the guided conversation still being filled in, and the outbox
of notices telling the requester that their request moved."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.outreach.models import UTCDateTime
from bot.storage.models import Base, utcnow


class SupportRequest(Base):
    """One confirmed expression of interest, as staff take it through the offer process.

    The contact fields (name, role, email, chat address) are personal data: `a6bot support forget` blanks
    them and sets `forgotten_at`, keeping the anonymised record (country, areas, steps) for the figures."""

    __tablename__ = "support_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)  # A6-2026-0001
    step: Mapped[str] = mapped_column(String(20), default="interest", index=True)
    country: Mapped[str] = mapped_column(String(100), index=True)
    institution: Mapped[str] = mapped_column(String(200))
    areas: Mapped[list[str]] = mapped_column(default=list)
    timeline: Mapped[str] = mapped_column(String(200))
    needs: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(String(120))
    role: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(8), default="en")
    channel: Mapped[str] = mapped_column(String(20))  # telegram, slack, web...
    chat: Mapped[str | None] = mapped_column(String(200))  # where the platform's notices reach the requester
    assignee: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    forgotten_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    entries: Mapped[list[SupportEntry]] = relationship(back_populates="request", cascade="all, delete-orphan",
                                                       order_by="SupportEntry.id")


class SupportEntry(Base):
    """A line of a request's history: created, a step moved, assigned, a staff note, forgotten."""

    __tablename__ = "support_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("support_requests.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(320))
    kind: Mapped[str] = mapped_column(String(20))  # created, step, assign, note, forget
    text: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)

    request: Mapped[SupportRequest] = relationship(back_populates="entries")


class SupportDraft(Base):
    """The guided conversation of one chat, saved after every answer so it resumes after an interruption;
    deleted when the request is confirmed or cancelled, ignored (and purged) after a day."""

    __tablename__ = "support_drafts"

    conversation: Mapped[str] = mapped_column(String(200), primary_key=True)
    step: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(20))
    chat: Mapped[str | None] = mapped_column(String(200))
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class SupportNotice(Base):
    """A notice to a requester, recorded in the transaction that moved the request, so it is sent once:
    unique per (request, step move, channel); claimed by a conditional update before sending."""

    __tablename__ = "support_notices"
    __table_args__ = (UniqueConstraint("request_id", "entry_id", "channel", name="uq_support_notice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("support_requests.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("support_entries.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(20))  # the chat's platform, or "email"
    step: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)  # pending claimed sent failed skipped
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
