"""Start-up wiring shared by the CLI, the chat adapters and the HTTP server: one place builds the services."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from bot.answering import Answerer
from bot.capacity import Capacity
from bot.cluster import Cluster
from bot.config import Settings
from bot.indexing import Indexer
from bot.kb import ImportSummary, import_paths
from bot.metrics import count_answer
from bot.outreach.facade import Outreach
from bot.outreach.importer import SHIPPED, load_shipped
from bot.outreach.questions import EventAnswers
from bot.outreach.service import base_url
from bot.shared_secrets import load_secrets, user_salt
from bot.staff import Staff
from bot.storage import Database, Document
from bot.tools import catalogue as tool_catalogue
from bot.tools.recommend import TOOLS_PREFIX
from bot.tools.service import Tools
from bot.tools.store import sync_shipped as sync_tools
from index import Acronyms, E5Encoder, Encoder, SearchIndex, SentenceEncoder
from index.prebuilt import Prebuilt
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
    def cluster(self) -> Cluster:
        """Singleton jobs among the workers: `run_as_leader(name, job)` (bot.cluster)."""
        return Cluster(self.db.url)

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
    `db` and `index` are for the core, the console and a platform's own tables; `indexer` changes the index
    (under its lock) and tells /healthz how start-up indexing goes."""

    index: SearchIndex
    answerer: Answerer
    indexer: Indexer
    tools: Tools  # the capacity-building catalogue: recommendations and listings (bot.tools)

    async def close(self) -> None:
        await self.indexer.close()
        await super().close()

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


def make_index(settings: Settings, encoder: Encoder | None = None) -> SearchIndex:
    """The saved index when it fits the configured model, else an empty one to fill."""
    encoder = encoder or SentenceEncoder(settings.embedding_model)
    options = {"acronyms": Acronyms(acronym_pairs(load_glossary())),
               "crosslingual": E5Encoder() if settings.multilingual else None}
    return SearchIndex.load(settings.index_dir, encoder, **options) or SearchIndex(encoder, **options)


async def prepare_database(db: Database, settings: Settings) -> None:
    """What every start does to the database: migrate it, read the per-install secrets (creating them on the
    first start), and add the shipped events (idempotent; events already there are left alone, so staff
    edits and cancellations stick)."""
    await db.migrate()
    await load_secrets(db, settings)
    await load_shipped(db, settings.events_dir or SHIPPED)
    await sync_tools(db, tool_catalogue.load_folder())


def make_tools(db: Database, index: SearchIndex, cache: Path | None = None,
               prebuilt: Prebuilt | None = None) -> Tools:
    """The catalogue's recommender, on the multilingual encoder when there is one (questions come in three
    languages and so do the descriptions), else on the main one; its vectors from `prebuilt` (`a6bot kb
    prebuild`) where the text is unchanged, the others encoded and kept in `cache`."""
    return Tools(db, index.crosslingual or index.encoder, cache=cache, prebuilt=prebuilt)


def tool_vectors(prebuilt: Prebuilt) -> Prebuilt:
    """The catalogue's prebuilt vectors. The catalogue is always the shipped one, whatever knowledge base is
    configured, so when the configured one's file holds none (another folder, never prebuilt), those beside
    the shipped knowledge base serve: only the catalogue's sections of that file are read."""
    if any(name.startswith(TOOLS_PREFIX) for name in prebuilt.vectors):
        return prebuilt
    return Prebuilt.load(CONTENT / PREBUILT, only=lambda name: name.startswith(TOOLS_PREFIX))


def make_answerer(settings: Settings, db: Database, index: SearchIndex, tools: Tools | None = None, *,
                  starting: Callable[[], bool] | None = None) -> Answerer:
    """The one answerer every entry point uses (`a6bot ask` and `chat`, the web chat, every platform):
    requests for a toolkit or a course, then questions about events, then the knowledge base (closing with
    the next event and a fitting tool), each answer counted for /metrics; while `starting()` (start-up
    indexing), a "still starting" reply instead of an answer from half an index."""
    events = EventAnswers(db, base_url=base_url(settings))
    tools = tools or make_tools(db, index)
    capacity = Capacity(settings.question_concurrency, settings.question_queue, wait=settings.question_wait)
    answerer = Answerer(settings, db, index, salt=user_salt(settings),
                        responders=[tools.respond, events.respond], footer_hint=events.footer, observers=[count_answer], closers=[tools.closing_line],
                        starting=starting, capacity=capacity)
    tools.rulebook = answerer.rulebook_match  # a request the rulebook answers closely gets the rule
    return answerer


PREBUILT = "prebuilt-vectors.npz"


def prebuilt_path(settings: Settings) -> Path:
    """Where `a6bot kb prebuild` writes and every start looks: beside the knowledge base it was built from."""
    return settings.prebuilt_vectors or (settings.knowledge_dir or CONTENT) / PREBUILT


def load_models(index: SearchIndex) -> None:
    """Load the encoders now (seconds each) rather than at the first question or passage."""
    _ = index.encoder.dim
    if index.crosslingual is not None:
        index.crosslingual.encode_queries(["warm-up"])


async def open_services(settings: Settings, *, database: Database | None = None, progress: Progress | None = None,
                        encoder: Encoder | None = None, wait: bool = True) -> Services:
    """Migrate the database, import the shipped knowledge base and events, and load or update the index.

    `database`: the handle to use (the composition root passes one that knows every platform's
    migrations); by default the configured URL with the core's migrations only. `wait=False` (the server)
    returns at once and brings the index up to date in the background, then follows other workers'
    changes; questions asked meanwhile get a "still starting" reply."""
    stage = (lambda label: progress(label, 0, 0)) if progress else (lambda label: None)
    db = database or Database(settings.effective_database_url, pool_size=settings.db_pool_size)
    # One worker at a time: workers started together on a new database would otherwise add the same shipped
    # documents, events and secrets at once, and all but one crash on a unique key (the stack test saw it).
    async with Cluster(db.url).one_at_a_time("start-up"):
        stage("Opening the database")
        await prepare_database(db, settings)
        stage("Reading the shipped knowledge base")
        await import_shipped(db, settings.knowledge_dir or CONTENT)
    stage("Loading the models")
    index = await asyncio.to_thread(make_index, settings, encoder)
    prebuilt = await asyncio.to_thread(Prebuilt.load, prebuilt_path(settings))
    tools = make_tools(db, index, settings.data_dir / "tools-vectors.npz",
                       await asyncio.to_thread(tool_vectors, prebuilt))

    async def warm_up() -> None:
        await asyncio.to_thread(load_models, index)
        await tools.warm()

    if wait:
        await warm_up()
    indexer = Indexer(db, index, path=settings.index_dir, lock_timeout=settings.index_lock_timeout,
                      poll_seconds=settings.index_poll_seconds, prebuilt=prebuilt)
    report = (lambda done, total: progress("Indexing knowledge base", done, total)) if progress else None
    if wait:
        await indexer.open(report)
    else:
        indexer.start(report, warm_up=warm_up)
    answerer = make_answerer(settings, db, index, tools, starting=indexer.starting)
    return Services(settings, db, index, answerer, indexer, tools)
