"""Checks against a local site that changes between them: the first check of a page queues it as new, the
next ones find nothing (304), then a change with its diff; a feed's first check records its items and a
later one queues only the new item; refused addresses and unreadable content are recorded, nothing queued."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.config import Settings
from bot.storage import Database, Document
from bot.watch import add_source, changes, check_all, check_source, decide, get_source
from bot.watch.schedule import Watcher
from tests.security.site_server import Site

PAGE = """<html><head><title>Article 6.4 registry notice</title></head><body><h2>Fees</h2>
<p>The registry charges no fee for opening an account.</p>
<p>Accounts are opened within ten working days.</p></body></html>"""
CHANGED = PAGE.replace("no fee for opening an account", "a fee of 7,250 US dollars per account holder each year")

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>A6IP news</title><link>https://a6ip.test/</link><description>News</description>
{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>https://a6ip.test/news/{slug}</link><guid>{slug}</guid>
<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"""


def feed(*entries: tuple[str, str, str]) -> str:
    return FEED.format(items="".join(ITEM.format(slug=s, title=t, text=x) for s, t, x in entries))


async def test_a_page_is_queued_as_new_then_its_change_is_found_with_a_diff(db: Database, site: Site,
                                                                              settings: Settings) -> None:
    url = site.put("/registry.html", PAGE)
    source = await add_source(db, url=url, name="Registry notice", actor="test")
    allow = settings.fetch_allow

    first = await check_source(db, source.id, allow=allow)
    assert first and first.outcome == "new page: waiting for review" and first.change_id
    [(change, _)] = await changes(db)
    assert change.kind == "new" and change.title == "Article 6.4 registry notice"
    assert "+The registry charges no fee for opening an account." in change.diff

    unchanged = await check_source(db, source.id, allow=allow)
    assert unchanged and unchanged.outcome == "not modified"
    assert "if-none-match" in site.requests[-1][1]

    site.put("/registry.html", CHANGED)
    changed = await check_source(db, source.id, allow=allow)
    assert changed and changed.outcome == "new page: waiting for review"  # still unreviewed: one change, from nothing
    [(latest, _)] = await changes(db)
    assert latest.id == changed.change_id and "7,250 US dollars" in latest.diff and "no fee" not in latest.diff

    # Reviewed (dismissed here), the page changes again: the diff now starts from the version reviewed.
    assert await decide(db, latest.id, status="dismissed", actor="test")
    site.put("/registry.html", CHANGED.replace("ten working days", "five working days"))
    again = await check_source(db, source.id, allow=allow)
    assert again and again.outcome == "changed: waiting for review"
    [(diffed, _)] = await changes(db)
    assert diffed.kind == "changed"
    assert "-Accounts are opened within ten working days." in diffed.diff
    assert "+Accounts are opened within five working days." in diffed.diff
    assert "7,250" not in "\n".join(line for line in diffed.diff.splitlines() if line[:1] in "+-")


async def test_a_page_already_imported_is_only_recorded_then_its_changes_are_queued(
        db: Database, site: Site, settings: Settings) -> None:
    url = site.put("/registry.html", PAGE)
    async with db.session() as session:  # imported earlier by URL import, under its address
        session.add(Document(source=url, title="Article 6.4 registry notice", doc_type="html", url=url,
                             content_hash="0" * 64))
    source = await add_source(db, url=url, actor="test")
    first = await check_source(db, source.id, allow=settings.fetch_allow)
    assert first and first.outcome == "baseline recorded (already in the knowledge base)"
    assert await changes(db) == []
    site.put("/registry.html", CHANGED)
    second = await check_source(db, source.id, allow=settings.fetch_allow)
    assert second and second.outcome == "changed: waiting for review"
    [(change, _)] = await changes(db)
    assert "-The registry charges no fee for opening an account." in change.diff
    assert "+The registry charges a fee of 7,250 US dollars per account holder each year." in change.diff


async def test_a_feed_records_its_items_then_queues_a_new_one(db: Database, site: Site, settings: Settings) -> None:
    old = ("clinic", "Article 6.2 reporting clinic", "A clinic on initial reports.")
    url = site.put("/news.rss", feed(old), "application/rss+xml")
    source = await add_source(db, url=url, actor="test")
    first = await check_source(db, source.id, allow=settings.fetch_allow)
    assert first and first.outcome == "baseline recorded (1 item)" and await changes(db) == []

    new = ("registry-fee", "Registry fee announced", "The Supervisory Body set the registry fee.")
    site.put("/news.rss", feed(new, old), "application/rss+xml")
    second = await check_source(db, source.id, allow=settings.fetch_allow)
    assert second and second.outcome == "1 new item(s): waiting for review"
    [(change, _)] = await changes(db)
    assert change.kind == "items" and [item["title"] for item in change.items] == ["Registry fee announced"]
    assert change.items[0]["link"] == "https://a6ip.test/news/registry-fee"
    assert change.items[0]["text"] == "The Supervisory Body set the registry fee."
    third = await check_source(db, source.id, allow=settings.fetch_allow)
    assert third and third.outcome == "not modified"


async def test_refused_address_and_unreadable_content_queue_nothing(db: Database, site: Site,
                                                                    settings: Settings) -> None:
    source = await add_source(db, url=site.put("/registry.html", PAGE), actor="test")
    refused = await check_source(db, source.id)  # no allowlist: 127.0.0.1 is not fetched
    assert refused and refused.outcome == "could not fetch URL: address not allowed" and site.requests == []
    image = await add_source(db, url=site.put("/logo.png", b"\x89PNG\r\n", "image/png"), actor="test")
    unreadable = await check_source(db, image.id, allow=settings.fetch_allow)
    assert unreadable and unreadable.outcome.startswith("cannot be read: 'image/png' content cannot be imported")
    assert await changes(db) == []
    stored = await get_source(db, source.id)
    assert stored and stored.status == "could not fetch URL: address not allowed" and stored.checked_at


async def test_a_scheduled_check_takes_only_sources_that_are_due(db: Database, site: Site, settings: Settings) -> None:
    await add_source(db, url=site.put("/registry.html", PAGE), actor="test")
    assert len(await check_all(db, allow=settings.fetch_allow, due=timedelta(hours=6))) == 1
    assert await check_all(db, allow=settings.fetch_allow, due=timedelta(hours=6)) == []
    assert len(await check_all(db, allow=settings.fetch_allow)) == 1  # `a6bot kb watch check`: everything, now


async def test_a6bot_run_checks_on_schedule_and_not_when_off(db: Database, site: Site, settings: Settings) -> None:
    source = await add_source(db, url=site.put("/registry.html", PAGE), actor="test")
    off = Watcher(db, settings.model_copy(update={"watch_interval": 0}), poll=0.05)
    off.start()
    await asyncio.sleep(0.3)
    await off.stop()
    assert site.requests == []
    watcher = Watcher(db, settings.model_copy(update={"watch_interval": 3600}), poll=0.05)
    watcher.start()
    try:
        for _ in range(100):
            stored = await get_source(db, source.id)
            if stored and stored.checked_at and stored.status != "not checked yet":
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # several more polls: the source is not due again for an hour
    finally:
        await watcher.stop()
    assert stored and stored.status == "new page: waiting for review"
    assert site.paths() == ["/registry.html"]
