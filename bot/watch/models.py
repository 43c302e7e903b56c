"""Typed models of the source watch: the pages and feeds staff watch, and the changes waiting for review."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.outreach.models import UTCDateTime
from bot.storage.models import Base, utcnow

CHANGE_STATES = ("pending", "approved", "dismissed", "superseded")


class WatchedSource(Base):
    """A URL checked on a schedule; what was last seen there is kept to tell what changed since."""

    __tablename__ = "watch_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="")        # page or feed, known after the first check
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str | None] = mapped_column(Text)                     # a page's text as last seen
    seen: Mapped[list[str]] = mapped_column(default=list)              # a feed's item ids seen so far
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    status: Mapped[str] = mapped_column(String(300), default="not checked yet")  # the last check's outcome
    added_by: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WatchChange(Base):
    """A new or changed page, or new feed items, waiting for a curator: approve imports it, dismiss drops it.

    A page changed again before review supersedes its pending change; the new one diffs from the same base,
    so the curator sees everything since the last reviewed version."""

    __tablename__ = "watch_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("watch_sources.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))                       # new, changed (pages) or items (feeds)
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    title: Mapped[str] = mapped_column(String(500))
    diff: Mapped[str] = mapped_column(Text, default="")                 # unified diff of a page's text
    base_text: Mapped[str] = mapped_column(Text, default="")            # the text the diff starts from
    items: Mapped[list[dict[str, Any]]] = mapped_column(default=list)  # new feed items: id, title, link, text
    content: Mapped[bytes | None] = mapped_column(LargeBinary)          # the page as fetched, until decided
    content_type: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(320))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result: Mapped[str] = mapped_column(String(1000), default="")       # what the approval imported
