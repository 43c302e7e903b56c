"""Checking watched sources: fetch (conditionally, under bot.fetch's address rules and caps), tell what is
new since the last check, and queue it for review. The first check of a page the knowledge base lacks
queues it as new; the first check of a feed only records which items exist."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import or_, select, update

from bot.fetch import Fetched, FetchError, IPNetwork, fetch, too_large
from bot.storage import Database, Document
from bot.storage.models import utcnow
from bot.watch.content import MAX_ITEMS, ContentError, Page, feed_items, read_page, unified
from bot.watch.models import WatchChange, WatchedSource

PAGE_LIMIT = 20 * 1024 * 1024
FEED_LIMIT = 5 * 1024 * 1024
MAX_SEEN = 2000  # feed item ids remembered per source
FEED_TYPES = ("xml", "rss", "atom")


@dataclass(frozen=True)
class CheckResult:
    source_id: int
    name: str
    outcome: str
    change_id: int | None = None


async def check_all(db: Database, *, allow: Sequence[IPNetwork] = (), timeout: float = 30,
                    due: timedelta | None = None) -> list[CheckResult]:
    """Check every source, one after the other; with `due`, only those not checked for that long, each claimed
    first so two workers never check the same source."""
    async with db.session() as session:
        ids = list((await session.scalars(select(WatchedSource.id).order_by(WatchedSource.id))).all())
    results = []
    for source_id in ids:
        if due is not None and not await _claim(db, source_id, due):
            continue
        result = await check_source(db, source_id, allow=allow, timeout=timeout)
        if result is not None:
            results.append(result)
    return results


async def _claim(db: Database, source_id: int, due: timedelta) -> bool:
    now = utcnow()
    due_now = or_(WatchedSource.checked_at.is_(None), WatchedSource.checked_at < now - due)
    async with db.session() as session:
        claimed = await session.execute(update(WatchedSource).where(WatchedSource.id == source_id, due_now)
                                        .values(checked_at=now))
        return bool(claimed.rowcount)  # type: ignore[attr-defined]


async def check_source(db: Database, source_id: int, *, allow: Sequence[IPNetwork] = (),
                       timeout: float = 30) -> CheckResult | None:
    """One source; None if it was removed meanwhile. A failure is recorded as the source's status."""
    async with db.session() as session:
        source = await session.get(WatchedSource, source_id)
    if source is None:
        return None
    known = (source.kind == "feed") or (source.kind == "page" and source.text is not None)
    try:
        fetched = await fetch(source.url, limit=FEED_LIMIT if source.kind == "feed" else PAGE_LIMIT,
                              timeout=timeout, allow=allow, etag=source.etag if known else None,
                              last_modified=source.last_modified if known else None)
    except FetchError as error:
        return await _record(db, source, str(error))
    if fetched.not_modified:
        return await _record(db, source, "not modified")
    head = fetched.content[:200].lstrip().lower()
    looks_like_feed = head.startswith((b"<?xml", b"<rss", b"<feed"))
    if looks_like_feed or any(t in fetched.content_type.lower() for t in FEED_TYPES):
        items = await asyncio.to_thread(feed_items, fetched.content)
        if items is not None:
            if len(fetched.content) > FEED_LIMIT:
                return await _record(db, source, f"could not fetch URL: {too_large(FEED_LIMIT)}")
            return await _feed(db, source, fetched, items)
    try:
        page = await asyncio.to_thread(read_page, fetched.content, fetched.content_type, fetched.url)
    except ContentError as error:
        return await _record(db, source, f"cannot be read: {error}")
    return await _page(db, source, fetched, page)


async def _record(db: Database, source: WatchedSource, outcome: str) -> CheckResult:
    async with db.session() as session:
        await session.execute(update(WatchedSource).where(WatchedSource.id == source.id)
                              .values(status=outcome[:300], checked_at=utcnow()))
    return CheckResult(source.id, source.name, outcome)


def _seen(row: WatchedSource, kind: str, fetched: Fetched) -> None:
    """What every successful check records: the kind, the validators for the next conditional request, when."""
    row.kind, row.etag, row.last_modified, row.checked_at = kind, fetched.etag, fetched.last_modified, utcnow()


async def _page(db: Database, source: WatchedSource, fetched: Fetched, page: Page) -> CheckResult | None:
    """Compare the page's text with the last version seen; a change still waiting for review is replaced by
    one that diffs from the same base."""
    async with db.session() as session:
        row = await session.get(WatchedSource, source.id)
        if row is None:
            return None
        _seen(row, "page", fetched)
        pending = await session.scalar(select(WatchChange).where(WatchChange.source_id == row.id,
                                                                 WatchChange.status == "pending"))
        first, previous = row.text is None, row.text
        row.text = page.text
        if first and await session.scalar(select(Document.id).where(Document.source == row.url)) is not None:
            row.status = "baseline recorded (already in the knowledge base)"
            return CheckResult(row.id, row.name, row.status)
        if not first and page.text == previous:
            row.status = "unchanged"
            return CheckResult(row.id, row.name, row.status)
        base = pending.base_text if pending else previous or ""
        kind = "new" if first or (pending and pending.kind == "new") else "changed"
        if pending:
            pending.status = "superseded"
        if page.text == base:
            row.status = "changed back to the version last reviewed"
            return CheckResult(row.id, row.name, row.status)
        diff = await asyncio.to_thread(unified, base, page.text, row.name)
        change = WatchChange(source_id=row.id, kind=kind, title=page.title[:500], diff=diff, base_text=base,
                             items=[], content=fetched.content, content_type=fetched.content_type[:200])
        session.add(change)
        await session.flush()
        row.status = ("new page" if kind == "new" else "changed") + ": waiting for review"
        return CheckResult(row.id, row.name, row.status, change.id)


async def _feed(db: Database, source: WatchedSource, fetched: Fetched, items: list[dict[str, object]]
                ) -> CheckResult | None:
    """Items not seen before become one change; the first check only learns which items exist."""
    async with db.session() as session:
        row = await session.get(WatchedSource, source.id)
        if row is None:
            return None
        first, seen = row.kind != "feed", set(row.seen or [])
        ids = [str(item["id"]) for item in items]
        new = [] if first else [item for item in items if item["id"] not in seen][:MAX_ITEMS]
        _seen(row, "feed", fetched)
        row.seen = list(dict.fromkeys([*ids, *(row.seen or [])]))[:MAX_SEEN]
        if first:
            row.status = f"baseline recorded ({len(ids)} item{'' if len(ids) == 1 else 's'})"
            return CheckResult(row.id, row.name, row.status)
        if not new:
            row.status = "no new items"
            return CheckResult(row.id, row.name, row.status)
        change = WatchChange(source_id=row.id, kind="items", items=new, content_type=fetched.content_type[:200],
                             title=f"{len(new)} new item(s) in {row.name}"[:500])
        session.add(change)
        await session.flush()
        row.status = f"{len(new)} new item(s): waiting for review"
        return CheckResult(row.id, row.name, row.status, change.id)
