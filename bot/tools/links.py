"""The dead-link check: every resource's address fetched through the bot's guarded fetcher (bot.fetch, the
same rules as URL import), and the result kept on the resource so the console shows what is dead or moved."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from bot.fetch import FetchError, IPNetwork, fetch
from bot.storage import Database
from bot.storage.models import utcnow
from bot.tools.models import ToolResource

log = logging.getLogger(__name__)
LIMIT = 5 * 1024 * 1024  # a page larger than this is there all the same
TIMEOUT = 30
PARALLEL = 4
DEAD = ("404", "410")  # gone for good; other refusals (403 to robots, 5xx) may pass


@dataclass(frozen=True)
class LinkResult:
    """`status`: ok, moved (detail: the new address), dead (detail: the server's answer) or error (the
    site could not be reached or refused; worth a look, not proof the resource is gone)."""

    resource_id: str
    url: str
    status: str
    detail: str | None


# (url, allow) -> the address the page was finally served from; FetchError-like ValueError when it is not
FinalUrl = Callable[[str, Sequence[IPNetwork]], Awaitable[str]]


async def final_url(url: str, allow: Sequence[IPNetwork]) -> str:
    """Where the guarded fetcher ends up after redirects."""
    try:
        return (await fetch(url, limit=LIMIT, timeout=TIMEOUT, allow=allow)).url
    except FetchError as error:
        if error.reason.startswith("larger than"):
            return url  # served, only big
        raise


def same_address(a: str, b: str) -> bool:
    """Equal but for the scheme upgrade and a trailing slash, which are not moves worth a curator's time."""
    def norm(u: str) -> str:
        return u.strip().removeprefix("https://").removeprefix("http://").rstrip("/")
    return norm(a) == norm(b)


async def check_one(resource_id: str, url: str, *, allow: Sequence[IPNetwork], resolve: FinalUrl) -> LinkResult:
    try:
        landed = await resolve(url, allow)
    except ValueError as error:
        reason = getattr(error, "reason", str(error))
        dead = reason.startswith("the server answered") and reason.rsplit(" ", 1)[-1] in DEAD
        return LinkResult(resource_id, url, "dead" if dead else "error", reason[:1000])
    if same_address(url, landed):
        return LinkResult(resource_id, url, "ok", None)
    return LinkResult(resource_id, url, "moved", landed[:1000])


async def check_links(db: Database, *, allow: Sequence[IPNetwork] = (), resolve: FinalUrl = final_url,
                      include_retired: bool = False) -> list[LinkResult]:
    """Check every (active) resource's address, a few at a time, and record each result on its resource."""
    async with db.session() as session:
        query = select(ToolResource.id, ToolResource.url)
        if not include_retired:
            query = query.where(ToolResource.retired_at.is_(None))
        targets = (await session.execute(query.order_by(ToolResource.id))).all()
    gate = asyncio.Semaphore(PARALLEL)

    async def one(resource_id: str, url: str) -> LinkResult:
        async with gate:
            return await check_one(resource_id, url, allow=allow, resolve=resolve)

    results = await asyncio.gather(*(one(rid, url) for rid, url in targets))
    async with db.session() as session:
        for result in results:
            row = await session.get(ToolResource, result.resource_id)
            if row is not None and row.url == result.url:  # not edited meanwhile
                row.link_status, row.link_detail, row.link_checked_at = result.status, result.detail, utcnow()
    return list(results)


class LinkSchedule:
    """`a6bot run`'s periodic check: the first a few minutes after start (not to slow it), then every
    `hours`; a failed round is logged and the next one still happens."""

    def __init__(self, db: Database, *, hours: float, allow: Sequence[IPNetwork] = (), first_after: float = 600,
                 resolve: FinalUrl = final_url) -> None:
        self.db, self.hours, self.allow, self.first_after, self.resolve = db, hours, allow, first_after, resolve
        self.task: asyncio.Task[None] | None = None
        self.rounds = 0

    def start(self) -> None:
        if self.hours > 0:
            self.task = asyncio.create_task(self.loop(), name="tools link check")

    async def loop(self) -> None:
        delay = self.first_after
        while True:
            await asyncio.sleep(delay)
            try:
                results = await check_links(self.db, allow=self.allow, resolve=self.resolve)
                flagged = [r for r in results if r.status != "ok"]
                log.info("tools link check: %d checked, %d flagged", len(results), len(flagged))
            except Exception:
                log.exception("tools link check failed")
            self.rounds += 1
            delay = self.hours * 3600

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
