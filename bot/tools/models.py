"""Typed model of the catalogue as the bot serves it: shipped entries plus staff additions, edits,
retirements, link-check results and whether a resource was announced."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.models import Base, utcnow


class ToolResource(Base):
    """One resource. `edited` marks a shipped entry staff changed, so a start never overwrites it; a retired
    resource stays in the table (and stays retired) but is never recommended."""

    __tablename__ = "tool_resources"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    publisher: Mapped[str] = mapped_column(String(500))
    type: Mapped[str] = mapped_column(String(20))
    topics: Mapped[list[str]] = mapped_column(default=list)
    languages: Mapped[list[str]] = mapped_column(default=list)
    audience: Mapped[str] = mapped_column(String(500))
    level: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    published: Mapped[str | None] = mapped_column(String(10))
    checked: Mapped[str] = mapped_column(String(10))
    verified_from: Mapped[str] = mapped_column(String(1000))
    description: Mapped[str] = mapped_column(Text)
    description_fr: Mapped[str] = mapped_column(Text)
    description_es: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default="shipped")  # shipped, console, import
    shipped_hash: Mapped[str | None] = mapped_column(String(64))
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    retired_by: Mapped[str | None] = mapped_column(String(320))
    link_status: Mapped[str | None] = mapped_column(String(10))  # ok, moved, dead, error
    link_detail: Mapped[str | None] = mapped_column(String(1000))
    link_checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    announced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
