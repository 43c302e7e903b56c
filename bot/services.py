"""Start-up wiring shared by the CLI, the chat adapters and the HTTP server: one place builds the services."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from bot.answering import Answerer
from bot.config import Settings
from bot.kb import ImportSummary, import_paths, sync_index
from bot.metrics import count_answer
from bot.outreach.facade import Outreach
from bot.outreach.importer import SHIPPED, load_shipped
from bot.outreach.questions import EventAnswers
from bot.outreach.service import base_url
from bot.staff import Staff
from bot.storage import Database, Document
from bot.tools import catalogue as tool_catalogue
from bot.tools.service import Tools
from bot.tools.store import sync_shipped as sync_tools
from index import Acronyms, E5Encoder, Encoder, SearchIndex, SentenceEncoder
from knowledge.glossary import CONTENT, acronym_pairs, load_glossary
from knowledge.loaders import collect_files

if TYPE_CHECKING:
    from bot.support import Support

# progress(label, done, total): the CLI shows a rich progress bar, servers log.
Progress = Callable[[str, int, int], None]


@dataclass
class Backend:
    """The part of the services that needs no model or index: settings and the one database. Enough for
    outreach ticks and for building notifiers (`a6bot outreach tick` opens only this)."""

    settings: Settings
    db: Database

    @cached_property
    def outreach(self) -> Outreach:
        """Events and subscriptions as frozen snapshots (bot.outreach.facade)."""
        return Outreach(self.db, base_url=base_url(self.settings))

    @cached_property
    def support(self) -> Support:
        """The support-package flow (guided expression of interest) and its step notices (bot.support)."""
        from bot.support import Support  # bot.support validates with bot.public, which imports this module

        return Support(self.db, contact=self.settings.staff_email)

    async def close(self) -> None:
        await self.db.close()


@dataclass
class Services(Backend):
    """The core as channels see it: `answerer` (ask, feedback), `outreach` (events and subscriptions) and
    `staff` (escalation, staff commands) return plain or frozen objects; `settings` for their own section.
    `db` and `index` are for the core, the console and a platform's own tables."""

    index: SearchIndex
    answerer: Answerer
    tools: Tools  # the capacity-building catalogue: recommendations and listings (bot.tools)

    @cached_property
    def staff(self) -> Staff:
        """'Ask A6IP staff', staff commands, the staff contact (bot.staff)."""
        return Staff(self)


def shipped_source(path: Path, root: Path) -> str:
    """Identity of a shipped file, independent of where the package is installed."""
    return f"shipped:{path.resolve().relative_to(root.resolve()).as_posix()}"


async def import_shipped(db: Database, root: Path) -> ImportSummary:
    """Import the bundled knowledge base; unchanged files are skipped by their content hash, and documents
    whose file left the knowledge base (an upgrade removed or renamed it) are removed."""
    summary = await import_paths(db, [root], origin="shipped", source_of=lambda p: shipped_source(p, root))
    present = {shipped_source(path, root) for path in collect_files([root])}
    async with db.session() as session:
        gone = (await session.scalars(
            select(Document).where(Document.origin == "shipped", Document.source.not_in(present)))).all()
        for document in gone:
            await session.delete(document)
    return summary


def salt_for(data_dir: Path) -> bytes:
    """A per-install secret so hashed user ids cannot be reversed by hashing every possible id."""
    path = data_dir / ".user-salt"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(secrets.token_bytes(32))
    return path.read_bytes()


def make_index(settings: Settings, encoder: Encoder | None = None) -> SearchIndex:
    """The saved index when it fits the configured model, else an empty one to fill."""
    encoder = encoder or SentenceEncoder(settings.embedding_model)
    options = {"acronyms": Acronyms(acronym_pairs(load_glossary())),
               "crosslingual": E5Encoder() if settings.multilingual else None}
    return SearchIndex.load(settings.index_dir, encoder, **options) or SearchIndex(encoder, **options)


async def prepare_database(db: Database, settings: Settings) -> None:
    """What every start does to the database: migrate it, and add the shipped events (idempotent; events
    already there are left alone, so staff edits and cancellations stick)."""
    await db.migrate()
    await load_shipped(db, settings.events_dir or SHIPPED)
    await sync_tools(db, tool_catalogue.load_folder())


def make_tools(db: Database, index: SearchIndex, cache: Path | None = None) -> Tools:
    """The catalogue's recommender, on the multilingual encoder when there is one (questions come in three
    languages and so do the descriptions), else on the main one; its vectors kept in `cache`."""
    return Tools(db, index.crosslingual or index.encoder, cache=cache)


def make_answerer(settings: Settings, db: Database, index: SearchIndex, tools: Tools | None = None) -> Answerer:
    """The one answerer every entry point uses (`a6bot ask` and `chat`, the web chat, every platform):
    requests for a toolkit or a course, then questions about events, then the knowledge base (closing with
    the next event and a fitting tool), each answer counted for /metrics."""
    events = EventAnswers(db, base_url=base_url(settings))
    tools = tools or make_tools(db, index)
    return Answerer(settings, db, index, salt=salt_for(settings.data_dir), responders=[tools.respond, events.respond],
                    footer_hint=events.footer, observers=[count_answer], closers=[tools.closing_line])


async def open_services(settings: Settings, *, database: Database | None = None, progress: Progress | None = None,
                        encoder: Encoder | None = None) -> Services:
    """Migrate the database, import the shipped knowledge base and events, and load or update the index.

    `database`: the handle to use (the composition root passes one that knows every platform's
    migrations); by default the configured URL with the core's migrations only."""
    db = database or Database(settings.effective_database_url)
    await prepare_database(db, settings)
    await import_shipped(db, settings.knowledge_dir or CONTENT)
    index = await asyncio.to_thread(make_index, settings, encoder)
    await sync_index(db, index, path=settings.index_dir,
                     progress=(lambda done, total: progress("Indexing knowledge base", done, total)) if progress else None)
    tools = make_tools(db, index, settings.data_dir / "tools-vectors.npz")
    await tools.warm()
    return Services(settings, db, index, make_answerer(settings, db, index, tools), tools)
