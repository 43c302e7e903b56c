"""Staff commands in chat (/stats, /unanswered, /reindex): the platform-neutral text the adapters send back.

Adapters call `run_staff_command(services, platform=..., user_id=..., command=...)`; anyone not listed in
A6BOT_ADMINS gets a polite refusal and nothing is done.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.config import Settings
from bot.console.curation import index_lock
from bot.console.stats import gather
from bot.console.unanswered import grouped
from bot.kb import sync_index
from bot.services import Services

REFUSAL = ("Sorry, /{command} is only for A6IP staff. If you are on the team, ask an administrator to add "
           "you to A6BOT_ADMINS ({platform}:{user_id}).")


def is_admin(settings: Settings, platform: str, user_id: str | int) -> bool:
    """Listed in A6BOT_ADMINS as platform:user_id (e.g. telegram:12345, slack:U0123)."""
    return f"{platform.strip().lower()}:{str(user_id).strip()}" in {a.strip() for a in settings.admins}


async def stats_text(services: Services) -> str:
    return (await gather(services.db)).summary()


async def unanswered_text(services: Services, *, limit: int = 5) -> str:
    """The most asked open questions, grouped by meaning, with where to answer them."""
    groups = await grouped(services.db, services.index.encoder)
    if not groups:
        return "No open unanswered or disliked questions."
    lines = [f"{sum(len(g.questions) for g in groups)} open questions in {len(groups)} groups; most asked:"]
    lines += [f"{n}. {g.lead} ({len(g.questions)}×)" for n, g in enumerate(groups[:limit], start=1)]
    base = (services.settings.public_url or f"http://{services.settings.http_host}:{services.settings.http_port}")
    lines.append(f"Turn them into FAQ entries in the console: {base.rstrip('/')}/console/unanswered")
    return "\n".join(lines)


async def reindex_text(services: Services) -> str:
    """Bring the search index in line with the database (e.g. after `a6bot kb import` on the server)."""
    async with index_lock(services.index):
        stats = await sync_index(services.db, services.index, path=services.settings.index_dir)
    return (f"Index up to date: {stats.total} passages ({stats.embedded} embedded, {stats.removed} removed).")


COMMANDS: dict[str, Callable[[Services], Awaitable[str]]] = {
    "stats": stats_text, "unanswered": unanswered_text, "reindex": reindex_text,
}


async def run_staff_command(services: Services, *, platform: str, user_id: str | int, command: str) -> str:
    """The reply to a staff command; a refusal for anyone else, and an unknown command says which exist."""
    command = command.strip().lstrip("/").split("@")[0].lower()
    if not is_admin(services.settings, platform, user_id):
        return REFUSAL.format(command=command, platform=platform, user_id=user_id)
    if command not in COMMANDS:
        return f"Unknown staff command /{command}; use " + ", ".join(f"/{c}" for c in COMMANDS) + "."
    return await COMMANDS[command](services)
