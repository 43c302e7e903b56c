"""The review queue: changes waiting for a curator, what approving one imports, and recording the decision.
Importing and indexing is the knowledge base's own path (the console's Curator), not repeated here."""

from __future__ import annotations

from sqlalchemy import select, update

from bot.storage import Database
from bot.storage.models import utcnow
from bot.watch.content import Incoming, item_document
from bot.watch.models import WatchChange, WatchedSource
from bot.watch.sources import WatchError
from knowledge.loaders import suffix_for


async def changes(db: Database, *, status: str = "pending", limit: int = 200
                  ) -> list[tuple[WatchChange, WatchedSource]]:
    """Changes in one state with their source, newest first."""
    async with db.session() as session:
        rows = await session.execute(
            select(WatchChange, WatchedSource).join(WatchedSource, WatchedSource.id == WatchChange.source_id)
            .where(WatchChange.status == status).order_by(WatchChange.id.desc()).limit(limit))
        return [(change, source) for change, source in rows.tuples()]


async def get_change(db: Database, change_id: int) -> tuple[WatchChange, WatchedSource] | None:
    async with db.session() as session:
        row = (await session.execute(
            select(WatchChange, WatchedSource).join(WatchedSource, WatchedSource.id == WatchChange.source_id)
            .where(WatchChange.id == change_id))).tuples().first()
        return (row[0], row[1]) if row else None


async def pending_change(db: Database, change_id: int) -> tuple[WatchChange, WatchedSource]:
    found = await get_change(db, change_id)
    if found is None:
        raise WatchError(f"there is no change {change_id}")
    if found[0].status != "pending":
        raise WatchError(f"change {change_id} is {found[0].status} already; nothing to do")
    return found


def documents(change: WatchChange, source: WatchedSource) -> list[Incoming]:
    """What approving imports: the page as fetched (it replaces the document imported from the same URL), or
    one document per new feed item."""
    if change.kind == "items":
        return [item_document(item, feed_url=source.url, feed_name=source.name) for item in change.items]
    suffix = suffix_for(source.url, change.content_type)
    if change.content is None or suffix is None:
        raise WatchError(f"change {change.id} holds no importable page")
    return [Incoming(source=source.url, url=source.url, suffix=suffix, content=change.content)]


async def decide(db: Database, change_id: int, *, status: str, actor: str, result: str = "") -> bool:
    """Close a pending change as approved or dismissed; False when someone decided it first."""
    if status not in ("approved", "dismissed"):
        raise ValueError(f"not a decision: {status}")
    async with db.session() as session:
        done = await session.execute(
            update(WatchChange).where(WatchChange.id == change_id, WatchChange.status == "pending")
            .values(status=status, decided_by=actor, decided_at=utcnow(), result=result[:1000], content=None))
        return bool(done.rowcount)  # type: ignore[attr-defined]
