"""Alembic environment: migrations run synchronously on the URL handed over by bot.storage.db.upgrade."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from bot.storage.models import Base
import bot.outreach.models  # noqa: F401  (outreach tables)
import bot.console.models  # noqa: F401  (staff accounts, audit log)
import adapters.slack.store  # noqa: F401  (slack threads, handled events, OAuth installation store)

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    """Run against a live connection; batch mode lets SQLite alter tables."""
    engine = engine_from_config(config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
