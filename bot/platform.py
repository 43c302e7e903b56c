"""The platform port: what a channel (Telegram, Slack, email, the web chat...) gives the core.

Each adapter package exports exactly one object satisfying `Platform`; the composition root
(`bot.cli.platforms.PLATFORMS`) lists them, and `a6bot run` starts the configured ones through
`start_configured`. A configured platform that cannot be imported or started stops the whole service with
a `PlatformError` naming it: a half-started bot that silently ignores a channel is worse than none.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from bot.outreach.ratelimit import Rate

if TYPE_CHECKING:
    from bot.config import Section, Settings
    from bot.outreach.notifier import Notifier
    from bot.server import HttpServer
    from bot.services import Backend, Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runner:
    """A started platform: `a6bot run` awaits `stop()` on shutdown, in reverse start order."""

    platform: str
    mode: str  # how it takes requests: "polling", "webhook", "socket", "http"...
    stop: Callable[[], Awaitable[None]]


@runtime_checkable
class Platform(Protocol):
    """One channel the bot talks through.

    - `name`: stored with subscriptions and question logs ("telegram"), and the prefix in A6BOT_ADMINS.
    - `section`: the platform's own A6BOT_* settings (a `bot.config.Section`), or None.
    - `rate`: how fast outreach may send to it (overall and per chat, messages per second).
    - `migrations`: the folder of its own Alembic revisions (its own tables), or None; they run with the
      core's to `heads`, whether or not the platform is configured.
    - `configured(settings)`: whether this install uses it (e.g. a token is set).
    - `start(services, server)`: connect, register routes on the shared HTTP server, return a Runner.
    - `notifier(services)`: what sends it outreach notices, or None when it takes none; it gets the
      services' settings and database (a `Backend`: `a6bot outreach tick` runs without the model).
    """

    name: str
    section: type[Section] | None
    rate: Rate
    migrations: Path | None

    def configured(self, settings: Settings) -> bool: ...

    async def start(self, services: Services, server: HttpServer) -> Runner: ...

    def notifier(self, services: Backend) -> Notifier | None: ...


@runtime_checkable
class TakesSubscribers(Protocol):
    """A platform whose subscribers staff may add by address (`a6bot subscribers add EMAIL`): the email
    platform. `add_subscriber` returns what to tell the operator; UserError for a bad address, topic or zone."""

    name: str

    def configured(self, settings: Settings) -> bool: ...

    async def add_subscriber(self, services: Backend, address: str, *, topics: Sequence[str], language: str,
                             timezone: str | None, confirmed: bool) -> str: ...

    async def remove_subscriber(self, services: Backend, address: str) -> bool: ...


class PlatformError(RuntimeError):
    """A configured platform could not be loaded or started; the message names it and says why."""


def check_names(platforms: Sequence[Platform]) -> None:
    """Names key subscriptions and admin ids, so two platforms may never share one."""
    names = [p.name for p in platforms]
    if len(set(names)) != len(names):
        raise PlatformError(f"two platforms share a name: {', '.join(sorted(names))}")


def configured(platforms: Iterable[Platform], settings: Settings) -> list[Platform]:
    return [p for p in platforms if p.configured(settings)]


async def start_configured(platforms: Sequence[Platform], services: Services, server: HttpServer) -> list[Runner]:
    """Start every configured platform in list order; if one fails, stop those already started and raise."""
    check_names(platforms)
    runners: list[Runner] = []
    for platform in configured(platforms, services.settings):
        try:
            runners.append(await platform.start(services, server))
        except Exception as error:
            for runner in reversed(runners):
                await runner.stop()
            raise PlatformError(f"{platform.name} is configured but could not start: "
                                f"{type(error).__name__}: {error}") from error
        log.info("platform started", extra={"platform": platform.name, "mode": runners[-1].mode})
    return runners


def notifiers(platforms: Sequence[Platform], services: Backend) -> dict[str, Notifier]:
    """The outreach notifiers of the configured platforms, by platform name."""
    found: dict[str, Notifier] = {}
    for platform in configured(platforms, services.settings):
        try:
            notifier = platform.notifier(services)
        except Exception as error:
            raise PlatformError(f"{platform.name} is configured but its notifier could not be built: "
                                f"{type(error).__name__}: {error}") from error
        if notifier is not None:
            found[platform.name] = notifier
    return found


def rates(platforms: Iterable[Platform]) -> dict[str, Rate]:
    return {p.name: p.rate for p in platforms}


def migrations(platforms: Iterable[Platform]) -> list[Path]:
    return [p.migrations for p in platforms if p.migrations is not None]
