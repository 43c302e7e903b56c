"""Typed declarative models of the core: documents, their chunks, and the log of questions asked."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Aware UTC now; every timestamp in the database is UTC."""
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    """Declarative base shared by every table, so one metadata drives the migrations."""

    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[dict[str, Any]]: JSON}


class Document(Base):
    """A source file or page; re-importing the same source updates this row, so it keeps its identity."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(1000), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    doc_type: Mapped[str] = mapped_column(String(20))
    origin: Mapped[str] = mapped_column(String(20), default="import")  # shipped, import, console
    url: Mapped[str | None] = mapped_column(String(1000))
    topics: Mapped[list[str]] = mapped_column(default=list)
    language: Mapped[str] = mapped_column(String(8), default="en")
    updated: Mapped[date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    chunks: Mapped[list[ChunkRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ChunkRow.ordinal"
    )


class ChunkRow(Base):
    """One retrievable passage; its id is also its id in the search index."""

    __tablename__ = "chunks"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    key: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(10), default="passage")
    text: Mapped[str] = mapped_column(Text)
    citation: Mapped[str] = mapped_column(String(500))
    headings: Mapped[list[str]] = mapped_column(default=list)
    questions: Mapped[list[str]] = mapped_column(default=list)
    topics: Mapped[list[str]] = mapped_column(default=list)
    url: Mapped[str | None] = mapped_column(String(1000))
    text_hash: Mapped[str] = mapped_column(String(64))
    # Curated answer texts in other languages (FAQ answer_fr / answer_es): language -> text.
    translations: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)

    document: Mapped[Document] = relationship(back_populates="chunks")


class QuestionLog(Base):
    """Every question asked, for curation; the user is kept only as a salted hash."""

    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_hash: Mapped[str | None] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="en")
    answer: Mapped[str] = mapped_column(Text)
    more: Mapped[str] = mapped_column(Text, default="", server_default="")  # the rest, behind "More"
    answered: Mapped[bool] = mapped_column(Boolean, index=True)
    confidence: Mapped[float] = mapped_column(Float)
    sources: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    faq_id: Mapped[str | None] = mapped_column(String(200))
    feedback: Mapped[str | None] = mapped_column(String(20))  # helpful, not_helpful
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Conversation(Base):
    """The short context of one conversation (a chat, a thread, a terminal session), shared by every worker
    through the database; a context silent for longer than its lifetime is ignored and later purged."""

    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)  # e.g. telegram:<chat_id>, cli:<random>
    language: Mapped[str] = mapped_column(String(8))
    question: Mapped[str] = mapped_column(Text)  # the last question as answered (follow-ups resolved)
    faq_id: Mapped[str | None] = mapped_column(String(200))
    topics: Mapped[list[str]] = mapped_column(default=list)
    more: Mapped[str] = mapped_column(Text, default="")  # the rest of the last answer, for "More"
    turns: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class ChunkVector(Base):
    """A chunk's embedding by one model, stored beside the chunk so a restart or another worker loads it
    instead of encoding again: float32 rows, the passage first, then each curated question variant."""

    __tablename__ = "chunk_vectors"

    chunk_id: Mapped[int] = mapped_column(ForeignKey("chunks.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(200), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))  # the chunk's text hash when it was embedded
    dim: Mapped[int] = mapped_column(Integer)
    vectors: Mapped[bytes] = mapped_column(LargeBinary)


class KbRevision(Base):
    """One row counting knowledge base changes: a worker whose index was built at an older revision syncs."""

    __tablename__ = "kb_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)


class InstallSecret(Base):
    """Per-install secrets (user-hash key, webhook secret), generated once and shared by
    every worker of the install."""

    __tablename__ = "install_secrets"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
