"""Alembic environment: migrations run synchronously on the URL handed over by bot.storage.db.upgrade.

Autogenerate compares the database with one owner's tables only, so a platform's or the console's tables
are never proposed for dropping: the core's by default, another owner's with `-x metadata=module:attribute`
(e.g. `alembic -x metadata=adapters.slack.store:SlackBase.metadata revision --autogenerate ...`).
"""

import importlib
from typing import Any

from alembic import context
from sqlalchemy import MetaData, engine_from_config, pool, text

from bot.cluster import lock_key
from bot.storage.models import Base
import bot.outreach.models  # noqa: F401  (outreach tables)
import bot.support.models  # noqa: F401  (support-package requests)
import bot.tools.models  # noqa: F401  (the tools catalogue)

config = context.config


def target_metadata() -> MetaData:
    named = context.get_x_argument(as_dictionary=True).get("metadata")
    if not named:
        return Base.metadata
    module, _, attribute = named.partition(":")
    found: Any = importlib.import_module(module)
    for part in attribute.split("."):
        found = getattr(found, part)
    return found  # type: ignore[no-any-return]


def run_migrations() -> None:
    """Run against a live connection; batch mode lets SQLite alter tables. On PostgreSQL one process at a
    time: workers started together on a new database would otherwise both create alembic_version and the
    same tables, and all but one crash (a transaction-scoped advisory lock, so the next one waits, then
    finds the schema current)."""
    metadata = target_metadata()

    def owned(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        return not (type_ == "table" and reflected and compare_to is None)  # another owner's table

    engine = engine_from_config(config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, include_object=owned,
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key("migrations")})
            context.run_migrations()


run_migrations()
