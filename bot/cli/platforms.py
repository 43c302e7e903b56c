"""The composition root's one list of platforms, and the one way the CLI opens the database and services.

Adding a channel is one folder under adapters/ (a package exporting PLATFORM) plus one line in PLATFORMS.
Every process that opens the database must know every platform's migrations, configured or not, so all
opening goes through here.
"""

from __future__ import annotations

from typing import Any

from adapters import email, slack, telegram, web
from bot.config import Settings
from bot.platform import Platform, check_names, migrations
from bot.services import Services, prepare_database
from bot.services import open_services as open_core_services
from bot.storage import Database

PLATFORMS: tuple[Platform, ...] = (
    telegram.PLATFORM,
    slack.PLATFORM,
    email.PLATFORM,
    web.PLATFORM,
)
check_names(PLATFORMS)


def database(settings: Settings) -> Database:
    """The configured database, with every platform's migrations known to it."""
    return Database(settings.effective_database_url, migrations=migrations(PLATFORMS), pool_size=settings.db_pool_size)


async def open_database(settings: Settings) -> Database:
    """The database migrated and holding the shipped events, as on every start; without the index."""
    db = database(settings)
    await prepare_database(db, settings)
    return db


async def open_services(settings: Settings, **options: Any) -> Services:
    """The core services (see bot.services.open_services) on a database that knows every platform's tables."""
    return await open_core_services(settings, database=database(settings), **options)
