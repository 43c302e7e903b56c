"""Engine and sessions: one async engine per process, one session per unit of work, migrations on start."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def async_url(url: str) -> str:
    """Pick the async driver for a plain URL, so `postgresql://...` and `sqlite:///...` just work."""
    parsed = make_url(url)
    drivers = {"postgresql": "postgresql+asyncpg", "postgres": "postgresql+asyncpg", "sqlite": "sqlite+aiosqlite"}
    if parsed.drivername in drivers:
        parsed = parsed.set(drivername=drivers[parsed.drivername])
    return parsed.render_as_string(hide_password=False)


def sync_url(url: str) -> str:
    """The synchronous twin of a URL, for Alembic (psycopg for PostgreSQL, pysqlite for SQLite)."""
    parsed = make_url(async_url(url))
    backend = parsed.get_backend_name()
    parsed = parsed.set(drivername="postgresql+psycopg" if backend == "postgresql" else "sqlite")
    return parsed.render_as_string(hide_password=False)


def create_engine(url: str, *, pool_size: int | None = None) -> AsyncEngine:
    """An engine with SQLite tuned for one writer and many readers (WAL, foreign keys on); on PostgreSQL a
    pool of `pool_size` connections (plus as many again in bursts) when given."""
    url = async_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    options: dict[str, Any] = {}
    if pool_size and parsed.get_backend_name() == "postgresql":
        options = {"pool_size": pool_size, "max_overflow": pool_size, "pool_timeout": 10}
    engine = create_async_engine(url, pool_pre_ping=parsed.get_backend_name() != "sqlite", **options)
    if parsed.get_backend_name() == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

    return engine


class Database:
    """The engine plus a session factory; `async with db.session() as s:` is one unit of work.

    `migrations`: folders of revisions beyond the core's (each platform's own tables). Every process that
    migrates one database must know the same folders, so they come from the one list of platforms."""

    def __init__(self, url: str, *, migrations: Sequence[Path] = (), pool_size: int | None = None) -> None:
        self.url = url
        self.migrations = tuple(migrations)
        self.engine = create_engine(url, pool_size=pool_size)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def session(self, within: AsyncSession | None = None) -> AsyncIterator[AsyncSession]:
        """A session that commits when the block succeeds and rolls back when it raises. `within`: the caller's
        unit of work instead, which commits (or rolls back) this block with the rest, e.g. with its audit entry."""
        if within is not None:
            yield within
            return
        async with self.sessions() as session, session.begin():
            yield session

    async def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent; safe on every start)."""
        from alembic.util.exc import CommandError

        try:
            await asyncio.to_thread(upgrade, self.url, locations=self.migrations)
        except CommandError as error:
            if "Can't locate revision" not in str(error):
                raise
            raise RuntimeError(f"{error}: the database holds revisions from a migrations folder this process was "
                               "not given (a platform's); open it with bot.cli.platforms.database()") from error

    async def close(self) -> None:
        await self.engine.dispose()


def upgrade(url: str, revision: str = "heads", *, locations: Sequence[Path] = ()) -> None:
    """Run Alembic's upgrade against `url` without an alembic.ini on disk; `locations` add revision folders."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "newline")
    folders = [MIGRATIONS / "versions", *locations]
    config.set_main_option("version_locations", "\n".join(str(f).replace("%", "%%") for f in folders))
    config.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    command.upgrade(config, revision)


# What drivers say when the server is down, unknown, refuses the login or has no such database (psycopg, asyncpg,
# SQLite), as opposed to errors in a query, which keep their traceback.
UNREACHABLE = re.compile(r"connection refused|could not connect|connection failed|connection to server|"
                         r"password authentication failed|database \S+ does not exist|unable to open database file|"
                         r"could not translate host name|failed to resolve host|timeout expired|no route to host", re.IGNORECASE)


def unreachable_reason(error: BaseException) -> str | None:
    """Why the database could not be reached, found anywhere in the error's chain; None for any other error."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError):
            return "connection refused"
        if isinstance(current, socket.gaierror):
            return f"unknown host ({current.strerror})"
        if isinstance(current, ConnectionError):
            return (current.strerror or type(current).__name__).lower()
        lines = str(current).strip().splitlines()
        if lines and UNREACHABLE.search(lines[0]):
            message = re.sub(r"^\([\w.]+\)\s*", "", lines[0])  # SQLAlchemy's "(psycopg.OperationalError) "
            return "connection refused" if "connection refused" in message.lower() else message
        current = current.__cause__ or current.__context__
    return None
