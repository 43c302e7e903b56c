"""Typed models of the outreach engine: events, subscriptions, and the durable outbox of deliveries."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, TypeDecorator,
                        UniqueConstraint, text)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.models import Base, utcnow

DELIVERY_KINDS = ("announce", "reminder-7d", "reminder-1d", "change", "cancel", "digest", "resource")
DELIVERY_STATES = ("pending", "claimed", "sent", "failed", "paused", "skipped")
EVENT_STATUSES = ("scheduled", "changed", "postponed", "cancelled")


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always reads back an aware UTC datetime (SQLite forgets the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: outreach stores aware UTC times only")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Event(Base):
    """One event; `revision` bumps on any material change, `schedule_revision` only when its time moves."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(30), default="other")
    topics: Mapped[list[str]] = mapped_column(default=list)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    place: Mapped[str | None] = mapped_column(String(300))
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    hybrid: Mapped[bool] = mapped_column(Boolean, default=False)
    organiser: Mapped[str | None] = mapped_column(String(300))
    registration_url: Mapped[str | None] = mapped_column(String(1000))
    description: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="en")
    region: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    schedule_revision: Mapped[int] = mapped_column(Integer, default=1)
    last_changes: Mapped[list[str]] = mapped_column(default=list)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(300), default="cli")
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Subscription(Base):
    """A chat, channel or user that wants events on some topics; empty topics or kinds mean all."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_subscription_chat"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(100))
    topics: Mapped[list[str]] = mapped_column(default=list)
    kinds: Mapped[list[str]] = mapped_column(default=list)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    language: Mapped[str] = mapped_column(String(8), default="en")
    digest: Mapped[bool] = mapped_column(Boolean, default=False)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_reason: Mapped[str | None] = mapped_column(String(500))
    sent_count: Mapped[int] = mapped_column(Integer, default=0)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Delivery(Base):
    """One notification, recorded before it is sent; the unique key makes a second copy impossible."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "subscription_id", "kind", "revision", name="uq_delivery"),
        Index("ix_delivery_claimable", "state", "due_at"),
        Index("ix_delivery_kind_due", "kind", "due_at"),
        Index("uq_delivery_digest", "subscription_id", "revision", unique=True,
              sqlite_where=text("kind = 'digest'"), postgresql_where=text("kind = 'digest'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    revision: Mapped[int] = mapped_column(Integer)  # event revision; ISO year*100+week for a digest
    # a digest's event ids, a resource announcement's resource (bot.tools.announce), fixed at planning
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(500))
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    message_id: Mapped[str | None] = mapped_column(String(100))
    rendered_revision: Mapped[int | None] = mapped_column(Integer)  # the event revision the reader saw
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SendSlot(Base):
    """The send budget every worker draws on (bot.outreach.ratelimit.SharedRateLimits): per platform, and per
    platform and chat, the next free moment to send and until when the platform asked to wait (429), in
    seconds since the epoch (the workers' clocks agree, as the outbox's leases assume)."""

    __tablename__ = "send_slots"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # "telegram" or "telegram:<chat id>"
    next_free: Mapped[float] = mapped_column(Float)
    held_until: Mapped[float | None] = mapped_column(Float)
