"""The watch list: add, list and remove the pages and feeds staff want followed."""

from __future__ import annotations

from sqlalchemy import delete, select

from bot.storage import Database
from bot.watch.models import WatchChange, WatchedSource


class WatchError(ValueError):
    """A request staff can fix (a bad URL, an unknown id, a change already decided); nothing was changed."""


def check_address(url: str) -> str:
    """An http(s) URL with a host, trimmed; whether its address may be fetched is decided at each check."""
    import httpx

    url = url.strip()
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise WatchError(f"{url[:200]!r} is not a valid web address") from error
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise WatchError(f"{url[:200]!r} is not a web address: "
                         "only http:// and https:// sources can be watched")
    if len(url) > 2000:
        raise WatchError("the address is longer than 2000 characters")
    return url


async def add_source(db: Database, *, url: str, name: str | None = None, actor: str) -> WatchedSource:
    url = check_address(url)
    name = " ".join((name or "").split())[:200] or url.split("://", 1)[1][:200]
    async with db.session() as session:
        if await session.scalar(select(WatchedSource.id).where(WatchedSource.url == url)) is not None:
            raise WatchError(f"{url[:200]} is watched already")
        source = WatchedSource(url=url, name=name, added_by=actor, seen=[])
        session.add(source)
        await session.flush()
        return source


async def list_sources(db: Database) -> list[WatchedSource]:
    async with db.session() as session:
        return list((await session.scalars(select(WatchedSource).order_by(WatchedSource.id))).all())


async def get_source(db: Database, source_id: int) -> WatchedSource | None:
    async with db.session() as session:
        return await session.get(WatchedSource, source_id)


async def remove_source(db: Database, source_id: int) -> WatchedSource:
    """Stop watching; its changes still waiting for review go with it (what was approved stays in the
    knowledge base)."""
    async with db.session() as session:
        source = await session.get(WatchedSource, source_id)
        if source is None:
            raise WatchError(f"there is no watched source {source_id}")
        await session.execute(delete(WatchChange).where(WatchChange.source_id == source_id))
        await session.delete(source)
        return source
