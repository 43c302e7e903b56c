"""Knowledge base operations: import files into the database (one transaction per document) and keep the
search index in step with the database, re-embedding only what changed."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import Select, delete, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.storage import ChunkRow, ChunkVector, Database, Document, KbRevision
from index import IndexItem, SearchIndex
from index.prebuilt import Prebuilt
from index.search_index import VARIANT_SLOTS
from knowledge.loaders import collect_files, load_file
from knowledge.types import LoadError, ParsedDocument

Progress = Callable[[int], None]
# FAQ entries written or edited in the console; one overrides every shipped or imported entry with its id.
OVERRIDE_PREFIX = "console:faq/"
RETIRED = "retired"  # chunk kind of a console marker that hides (retires) the entry with its key
# A decision report bundles every decision of a session (finance, adaptation, transparency, loss and damage...);
# only its Article 6 decisions are the bot's subject. The curated guides cover where Article 6 meets the rest.
IN_SCOPE_DECISION = re.compile(r"\b(?:article|art[ií]culo) 6\b", re.IGNORECASE)
# PostgreSQL channel on which a knowledge base change is announced to every worker (bot.indexing listens).
CHANNEL = "a6bot_kb"
SYNC_BATCH = 64  # chunks per step: the progress bar moves every few seconds even on a slow machine
log = logging.getLogger(__name__)


@dataclass
class ImportSummary:
    """What an import did, file by file; `failed` holds (path, reason) pairs."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)  # the same decision report, already imported from another file
    failed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class SyncStats:
    embedded: int = 0  # chunks indexed: encoded here (`encoded`) or with vectors loaded from the database
    removed: int = 0
    total: int = 0
    encoded: int = 0
    failed: list[Failure] = field(default_factory=list)


@dataclass(frozen=True)
class Failure:
    """A chunk the encoder could not embed: reported and left out of the index until its text changes."""

    chunk_id: int
    text_hash: str
    source: str
    reason: str


async def bump_revision(session: AsyncSession) -> None:
    """Count a knowledge base change, in the transaction that makes it: a worker whose index was synced at
    an older revision syncs (bot.indexing)."""
    await session.execute(update(KbRevision).where(KbRevision.id == 1).values(revision=KbRevision.revision + 1))


async def announce(db: Database) -> None:
    """Wake the other workers on PostgreSQL (they LISTEN). Sent once the change's vectors are stored, not
    when the change commits, so the others load them instead of encoding the same passages at once."""
    if db.engine.dialect.name == "postgresql":
        async with db.session() as session:
            await session.execute(text(f"NOTIFY {CHANNEL}"))


async def kb_revision(db: Database) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(KbRevision.revision).where(KbRevision.id == 1)) or 0)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def translation_texts(translations: dict[str, dict[str, str]] | None) -> list[str]:
    """The curated translations in a stable order, so a changed translation re-indexes its chunk."""
    return [f"{language}:{part}:{text}" for language, parts in sorted((translations or {}).items())
            for part, text in sorted(parts.items())]


async def store_document(db: Database, parsed: ParsedDocument, *, origin: str,
                         session: AsyncSession | None = None) -> str:
    """Insert or replace one document and its chunks in a single transaction (the caller's `session` when given);
    returns added/updated/unchanged."""
    if not parsed.chunks:
        raise LoadError(parsed.source, "no text to index")
    async with db.session(within=session) as session:
        document = await session.scalar(select(Document).where(Document.source == parsed.source))
        if document is not None and document.content_hash == parsed.content_hash:
            return "unchanged"
        if document is None and parsed.doc_type == "decision" and await session.scalar(
                select(Document.id).where(Document.doc_type == "decision", Document.title == parsed.title[:500],
                                          Document.language == parsed.language).limit(1)):
            # The UNFCCC publishes each report as PDF and text: paragraphs, citations and links are the same,
            # so a second copy would only double the embedding time and the index.
            return "duplicate"
        status = "added" if document is None else "updated"
        if document is None:
            document = Document(source=parsed.source)
            session.add(document)
        else:
            await session.execute(delete(ChunkRow).where(ChunkRow.document_id == document.id))
        document.title = parsed.title[:500]
        document.doc_type = parsed.doc_type
        document.origin = origin
        document.url = parsed.url
        document.topics = list(parsed.topics)
        document.language = parsed.language
        document.updated = parsed.updated
        document.content_hash = parsed.content_hash
        await session.flush()
        await bump_revision(session)
        session.add_all(
            ChunkRow(document_id=document.id, ordinal=n, key=c.key, kind=c.kind, text=c.text,
                     citation=c.citation[:500], headings=list(c.headings), questions=list(c.questions),
                     topics=list(c.topics or parsed.topics), url=c.url or parsed.url, translations=c.translations,
                     text_hash=text_hash("\x1f".join([c.citation, c.text, *c.headings, *c.questions,
                                                      *translation_texts(c.translations)])))
            for n, c in enumerate(parsed.chunks)
        )
    return status


async def import_paths(db: Database, paths: Iterable[Path], *, origin: str = "import",
                       source_of: Callable[[Path], str] | None = None,
                       on_file: Callable[[Path, str], None] | None = None) -> ImportSummary:
    """Import files and folders; a bad file is reported and skipped, the others go on."""
    summary = ImportSummary()
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(collect_files([path]))
        except LoadError as error:
            summary.failed.append((error.path, error.reason))
    # Text before PDF: when a report comes in both forms, the cleaner text is the copy kept.
    for path in sorted(files, key=lambda p: p.suffix.lower() == ".pdf"):
        try:
            parsed = await asyncio.to_thread(load_file, path)
            if source_of:
                parsed.source = source_of(path)
            status = await store_document(db, parsed, origin=origin)
            getattr(summary, status).append(str(path))
        except LoadError as error:
            status = "failed"
            summary.failed.append((str(path), error.reason))
        if on_file:
            on_file(path, status)
    return summary


async def list_documents(db: Database) -> list[tuple[Document, int]]:
    """Every document with its chunk count, newest first."""
    async with db.session() as session:
        documents = (await session.scalars(
            select(Document).options(selectinload(Document.chunks)).order_by(Document.id)
        )).all()
        return [(doc, len(doc.chunks)) for doc in documents]


async def remove_documents(db: Database, refs: Iterable[str], *,
                           session: AsyncSession | None = None) -> tuple[list[str], list[str]]:
    """Remove documents named by id or source (an absolute path is also matched); returns (removed, unknown)."""
    removed, unknown = [], []
    for ref in refs:
        async with db.session(within=session) as unit:
            candidates = [ref, str(Path(ref).resolve())]
            query = select(Document).where(Document.source.in_(candidates))
            if ref.isdigit():
                query = select(Document).where(Document.id == int(ref))
            document = await unit.scalar(query)
            if document is None:
                unknown.append(ref)
                continue
            await unit.delete(document)
            await bump_revision(unit)
            removed.append(document.source)
    return removed, unknown


def in_scope(chunk: ChunkRow, document: Document) -> bool:
    """Whether a chunk can vouch for an answer: anything curated or imported by staff, and the paragraphs of
    Article 6 (and transparency) decisions; not the rest of a session's decisions."""
    if document.doc_type != "decision":
        return True
    return bool(chunk.headings) and bool(IN_SCOPE_DECISION.search(chunk.headings[0]))


def item_for(chunk: ChunkRow, document: Document) -> IndexItem:
    """What the index embeds for a chunk: its place in the document, then its text (FAQ: the question too)."""
    context = " > ".join(chunk.headings[-2:]) if chunk.headings else document.title
    lead = chunk.questions[0] if chunk.kind == "faq" and chunk.questions else context
    meta = {
        "document_id": document.id, "title": document.title, "doc_type": document.doc_type,
        "citation": chunk.citation, "url": chunk.url or document.url, "text": chunk.text, "kind": chunk.kind,
        "key": chunk.key, "topics": chunk.topics, "question": chunk.questions[0] if chunk.questions else None,
        "origin": document.origin, "in_scope": in_scope(chunk, document),
        "heading": chunk.headings[-1] if chunk.headings else None,
        "translations": chunk.translations or {}, "checked": document.updated.isoformat() if document.updated else None,
    }
    # Curated items (FAQ, guides, notes) are also embedded for French and Spanish questions; whole decision
    # reports are not: thousands of paragraphs would cost minutes with the multilingual model.
    return IndexItem(chunk.id, f"{lead}\n{chunk.text}", chunk.text_hash, meta, list(chunk.questions),
                     crosslingual=document.doc_type != "decision")


def indexed_chunks() -> Select[tuple[int, str]]:
    """(id, text_hash) of the chunks to index: no retired markers, no FAQ entry overridden by a console entry."""
    overrides = (select(ChunkRow.key).join(Document)
                 .where(Document.source.startswith(OVERRIDE_PREFIX), ChunkRow.key.is_not(None)))
    return (select(ChunkRow.id, ChunkRow.text_hash).join(Document)
            .where(ChunkRow.kind != RETIRED,
                   or_(ChunkRow.kind != "faq", ChunkRow.key.is_(None), Document.source.startswith(OVERRIDE_PREFIX),
                       ChunkRow.key.not_in(overrides))))


async def sync_index(db: Database, index: SearchIndex, *, progress: Callable[[int, int], None] | None = None,
                     path: Path | None = None, skip: dict[int, str] | None = None,
                     prebuilt: Prebuilt | None = None, encode: bool = True) -> SyncStats:
    """Bring the index in line with the database: new or changed chunks get their stored vectors, or are
    embedded (and their vectors stored for every other worker), removed ones go; then one atomic swap, and a
    save when `path` is given. A chunk the encoder fails on is reported in `failed` and skipped; `skip`
    (chunk id -> text hash) names chunks that failed before and are not tried again until they change;
    `prebuilt` vectors (`a6bot kb prebuild`) are used for what the database does not hold yet. With `encode`
    False nothing is embedded: only chunks whose vectors are stored or prebuilt join the index (a quick pass)."""
    skip = skip or {}
    async with db.session() as session:
        current = dict((await session.execute(indexed_chunks())).all())
    have = index.hashes()
    stale = [i for i, h in have.items() if current.get(i) != h]
    wanted = [i for i, h in current.items() if have.get(i) != h and skip.get(i) != h]
    stats = SyncStats(removed=len(stale), total=len(current))
    if not stale and not wanted:
        return stats
    ready: list[IndexItem] = []
    if progress and wanted:
        progress(0, len(wanted))
    for start in range(0, len(wanted), SYNC_BATCH):
        items, sources = await _load_items(db, wanted[start:start + SYNC_BATCH], index)
        missing = [item for item in items if any(e.name not in item.embeddings for e, _ in index.models_for(item))]
        if prebuilt is not None and len(prebuilt):
            prebuilt.fill(index, missing)
        if encode:
            stats.encoded += sum(any(e.name not in item.embeddings for e, _ in index.models_for(item))
                                 for item in missing)
            failed = await _embed(index, missing, sources)
            stats.failed.extend(failed)
            if missing:
                await _store_vectors(db, [item for item in missing if item.id not in {f.chunk_id for f in failed}])
            left_out = {f.chunk_id for f in failed}
        else:
            left_out = {item.id for item in missing
                        if any(e.name not in item.embeddings for e, _ in index.models_for(item))}
            if filled := [item for item in missing if item.id not in left_out]:
                await _store_vectors(db, filled)  # prebuilt ones: kept for the other workers, as when encoding
        ready.extend(item for item in items if item.id not in left_out)
        if progress:
            progress(min(start + SYNC_BATCH, len(wanted)), len(wanted))
    stats.embedded = len(ready)
    await asyncio.to_thread(index.apply, stale, ready)
    await announce(db)
    if path is not None:
        await asyncio.to_thread(index.save, path)
    return stats


async def indexed_items(db: Database, index: SearchIndex) -> list[IndexItem]:
    """Every chunk the index should hold, with the vectors the database has for it."""
    async with db.session() as session:
        ids = list((await session.execute(indexed_chunks())).scalars())
    items: list[IndexItem] = []
    for start in range(0, len(ids), SYNC_BATCH):
        items.extend((await _load_items(db, ids[start:start + SYNC_BATCH], index))[0])
    return items


async def _load_items(db: Database, ids: list[int], index: SearchIndex) -> tuple[list[IndexItem], dict[int, str]]:
    """The chunks as index items, with the vectors stored for them (when they match the chunk's text)."""
    async with db.session() as session:
        rows = (await session.scalars(
            select(ChunkRow).options(selectinload(ChunkRow.document)).where(ChunkRow.id.in_(ids)))).all()
        items = {row.id: item_for(row, row.document) for row in rows}
        sources = {row.id: row.document.source for row in rows}
        stored = (await session.scalars(select(ChunkVector).where(ChunkVector.chunk_id.in_(ids)))).all()
    for vector in stored:
        item = items.get(vector.chunk_id)
        if item is not None and vector.text_hash == item.text_hash:
            rows_of = np.frombuffer(vector.vectors, dtype=np.float32).reshape(-1, vector.dim)
            if len(rows_of) == 1 + len(item.questions[:VARIANT_SLOTS]):
                item.embeddings[vector.model] = rows_of
    return list(items.values()), sources


async def _embed(index: SearchIndex, items: list[IndexItem], sources: dict[int, str]) -> list[Failure]:
    """Embed items in a worker thread; when a batch fails, item by item, so one poisoned chunk is reported
    and skipped while the rest of its batch is indexed."""
    if not items:
        return []
    try:
        await asyncio.to_thread(index.embed, items)
        return []
    except Exception:  # an encoder error on some input: find which
        pass
    failed = []
    for item in items:
        try:
            await asyncio.to_thread(index.embed, [item])
        except Exception as error:  # noqa: BLE001 - any encoder failure makes this one chunk unindexable
            reason = f"{type(error).__name__}: {error}"[:300]
            log.warning("chunk %s of %s could not be embedded and is skipped: %s", item.id, sources.get(item.id),
                        reason)
            failed.append(Failure(item.id, item.text_hash, sources.get(item.id, "?"), reason))
    return failed


async def _store_vectors(db: Database, items: list[IndexItem]) -> None:
    """Keep new vectors for the next start and the other workers, a batch per transaction. They are a
    cache: a chunk removed meanwhile, or a vector another worker stored first, is no error (the batch is
    then stored item by item, skipping those)."""
    async def store(part: list[IndexItem]) -> None:
        async with db.session() as session:
            await session.execute(delete(ChunkVector).where(ChunkVector.chunk_id.in_([i.id for i in part])))
            session.add_all(ChunkVector(chunk_id=item.id, model=name, text_hash=item.text_hash,
                                        dim=int(rows.shape[1]), vectors=rows.astype(np.float32).tobytes())
                            for item in part for name, rows in item.embeddings.items())

    try:
        await store(items)
    except IntegrityError:
        for item in items:
            try:
                await store([item])
            except IntegrityError:
                continue
