"""Staff commands in chat (/stats, /unanswered, /reindex): the platform-neutral text the adapters send back.
Staff read English; only the refusal, which anyone may see, is in the asker's language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.indexing import IndexBusy
from bot.stats import gather
from bot.unanswered import grouped

if TYPE_CHECKING:
    from bot.services import Services


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
    try:
        stats = await services.indexer.update()
    except IndexBusy as error:
        return f"Not reindexed: {error}."
    skipped = f"; {len(stats.failed)} skipped (the encoder failed on them)" if stats.failed else ""
    return (f"Index up to date: {stats.total} passages ({stats.embedded} embedded, {stats.removed} removed{skipped}).")


COMMANDS: dict[str, Callable[[Services], Awaitable[str]]] = {
    "stats": stats_text, "unanswered": unanswered_text, "reindex": reindex_text,
}
