"""Fixtures shared across the suite: the real embedding model (loaded once), a tiny knowledge base, fresh
data directories, the core services, and throw-away PostgreSQL databases."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING
from pathlib import Path

import pytest

from bot.config import Settings
from index import SentenceEncoder

if TYPE_CHECKING:
    from bot.platform import Platform, Runner
    from bot.server import HttpServer
    from bot.services import Services

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "unfccc-article6"
TINY_KB = HERE / "data" / "tiny_kb"
TINY_EVENTS = HERE / "data" / "tiny_events"
MORE_KB = HERE / "data" / "more_kb"  # added to the tiny knowledge base where an answer must have a "More"
PG_ADMIN_URL = os.environ.get("A6BOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def encoder() -> SentenceEncoder:
    """The bundled all-MiniLM-L6-v2, loaded once for the whole run."""
    model = SentenceEncoder("all-MiniLM-L6-v2")
    _ = model.dim
    return model


@pytest.fixture(scope="session")
def kb_with_more(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny knowledge base plus a long registry guide, so a question on registries gets a "More"."""
    path = tmp_path_factory.mktemp("kb-with-more") / "kb"
    shutil.copytree(TINY_KB, path)
    for extra in MORE_KB.iterdir():
        shutil.copy(extra, path / extra.name)
    return path


@pytest.fixture(scope="session")
def prepared_more(installs: Callable[[Settings], Path], kb_with_more: Path) -> Path:
    """An install of that knowledge base, for tests that copy it into their own data directory."""
    return installs(Settings(_env_file=None, knowledge_dir=kb_with_more, events_dir=TINY_EVENTS, database_url=""))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for a fresh install in a temporary folder, with the tiny test knowledge base."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="")


def folder_digest(folder: Path | None) -> str | None:
    """What a folder holds (names and bytes), so copies of one knowledge base share one prepared install."""
    if folder is None:
        return None
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def installs(tmp_path_factory: pytest.TempPathFactory, encoder: SentenceEncoder) -> Callable[[Settings], Path]:
    """Fresh SQLite installs made once per knowledge base and events folder (by content) and model choice: a
    data directory migrated, imported and indexed by the composition root, which tests copy instead of redoing
    it (a copy opens in a tenth of the time)."""
    from bot.cli.platforms import open_services

    made: dict[tuple[object, ...], Path] = {}

    def install(settings: Settings) -> Path:
        key = (folder_digest(settings.knowledge_dir), folder_digest(settings.events_dir), settings.multilingual,
               settings.embedding_model)
        if key not in made:
            path = tmp_path_factory.mktemp("install") / "data"
            fresh = Settings(_env_file=None, data_dir=path, knowledge_dir=settings.knowledge_dir,
                             events_dir=settings.events_dir, database_url="", multilingual=settings.multilingual,
                             embedding_model=settings.embedding_model)

            async def prepare() -> None:
                await (await open_services(fresh, encoder=encoder)).close()

            asyncio.run(prepare())
            made[key] = path
        return made[key]

    return install


@pytest.fixture
async def services(settings: Settings, encoder: SentenceEncoder,
                   installs: Callable[[Settings], Path]) -> AsyncIterator[Services]:
    """The core services on a fresh install: migrated SQLite (every platform's tables too), the test's
    knowledge base imported and indexed, as the composition root opens them. A SQLite install whose data
    directory does not exist yet starts from a copy of the prepared one (same content, seconds faster)."""
    from bot.cli.platforms import open_services

    if not settings.database_url and not settings.data_dir.exists():
        template = await asyncio.to_thread(installs, settings)  # made in a thread: it runs its own event loop
        await asyncio.to_thread(shutil.copytree, template, settings.data_dir)
    svc = await open_services(settings, encoder=encoder)
    yield svc
    await svc.close()


def _pg_available() -> bool:
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN_URL.replace("postgresql://", "postgresql://", 1), connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database; skipped without a server, except under CI where it must exist."""
    import psycopg

    if not _pg_available():
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not reachable at 127.0.0.1:5432 under CI")
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    name = f"a6bot_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def serving(services: Services, platforms: Sequence[Platform], server: HttpServer) -> AsyncIterator[list[Runner]]:
    """The platforms started on `server` as `a6bot run` starts them, then the server; afterwards the server
    stops first and the platforms in reverse order, also when the test fails."""
    from bot.platform import start_configured

    runners = await start_configured(platforms, services, server)
    await server.start()
    try:
        yield runners
    finally:
        await server.stop()
        for runner in reversed(runners):
            await runner.stop()
