"""Which FAQ entries staff have edited or hidden: a console entry with the same id overrides a shipped or
imported one (bot.kb.indexed_chunks leaves the overridden one out of the index); removing it restores it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot.kb import RETIRED
from bot.console.faq import SOURCE_PREFIX
from bot.storage import ChunkRow, Database, Document

FAQ_KINDS = ("faq", RETIRED)


@dataclass(frozen=True)
class Override:
    """The console document standing in for an entry id, and whether it hides the entry."""

    document_id: int
    hidden: bool


async def overrides(db: Database) -> dict[str, Override]:
    """Every entry id that has a console entry or hide marker."""
    async with db.session() as session:
        rows = (await session.execute(
            select(ChunkRow.key, ChunkRow.document_id, ChunkRow.kind).join(Document)
            .where(Document.source.startswith(SOURCE_PREFIX), ChunkRow.key.is_not(None)))).all()
    return {key: Override(doc_id, kind == RETIRED) for key, doc_id, kind in rows}


async def base_sources(db: Database, *, key: str) -> list[str]:
    """Shipped or imported documents holding an FAQ entry with this id (what a console entry overrides)."""
    async with db.session() as session:
        return list((await session.scalars(
            select(Document.source).join(ChunkRow)
            .where(ChunkRow.key == key, ChunkRow.kind == "faq", ~Document.source.startswith(SOURCE_PREFIX))
            .order_by(Document.id))).all())


async def current_chunk(db: Database, *, key: str) -> ChunkRow | None:
    """The entry as the bot knows it now: the console version when there is one, else the shipped one."""
    async with db.session() as session:
        rows = (await session.scalars(
            select(ChunkRow).options(selectinload(ChunkRow.document)).join(Document)
            .where(ChunkRow.key == key, ChunkRow.kind.in_(FAQ_KINDS)).order_by(ChunkRow.id))).all()
    console = [row for row in rows if row.document.source.startswith(SOURCE_PREFIX)]
    return (console or list(rows) or [None])[0]
