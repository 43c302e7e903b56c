"""The review queue in the console: a curator's approval imports the change through the knowledge base's own
path and the bot answers from it (the real answerer and index); dismissing imports nothing; a viewer sees
the queue and the diff but cannot decide."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from bot.console.models import AuditEntry
from bot.services import Services
from bot.storage import Document
from bot.watch import add_source, changes, check_all
from tests.console.conftest import Client, csrf_of, post_form
from tests.security.site_server import Site
from tests.watch.test_check import CHANGED, PAGE, feed

QUESTION = "What fee per account holder does the Article 6.4 registry charge each year?"


def flash_of(page: str) -> str:
    return html.unescape(page.split('class="flash', 1)[1].split("</p>", 1)[0])


async def documents(services: Services) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(func.count(Document.id))) or 0)


async def queue_change(services: Services, site: Site) -> int:
    """A new page, changed again before anyone reviewed it: one change waiting, holding the latest version."""
    url = site.put("/registry.html", PAGE)
    await add_source(services.db, url=url, name="Registry notice", actor="test")
    await check_all(services.db, allow=services.settings.fetch_allow)
    [(new, _)] = await changes(services.db)
    site.put("/registry.html", CHANGED)
    await check_all(services.db, allow=services.settings.fetch_allow)
    [(change, _)] = await changes(services.db)
    assert change.id != new.id and "7,250" in change.diff
    return change.id


async def test_approval_imports_the_change_and_the_bot_answers_from_it(client: Client, services: Services,
                                                                        site: Site) -> None:
    change_id = await queue_change(services, site)
    c = await client("curator")
    listing = (await c.get("/watch")).text
    assert "Registry notice" in listing and f"/watch/changes/{change_id}" in listing and "Source watch" in listing
    detail = (await c.get(f"/watch/changes/{change_id}")).text
    assert "7,250 US dollars per account holder" in html.unescape(detail) and 'class="add"' in detail
    response = await post_form(c, f"/watch/changes/{change_id}", f"/watch/changes/{change_id}/approve")
    assert response.status_code == 303
    assert "Approved Registry notice: Article 6.4 registry notice: added" in flash_of(
        (await c.get(response.headers["location"])).text)
    answer = await services.answerer.ask(QUESTION, channel="test")
    assert site.url("/registry.html") in [s.url for s in answer.sources]
    assert "7,250" in answer.text + answer.more
    assert await changes(services.db) == []
    [(decided, _)] = await changes(services.db, status="approved")
    assert decided.decided_by == "curator@a6ip.test" and decided.content is None
    async with services.db.session() as session:
        entry = await session.scalar(select(AuditEntry).where(AuditEntry.action == "watch.approve"))
    assert entry and entry.actor == "curator@a6ip.test" and entry.target == site.url("/registry.html")
    again = await post_form(c, f"/watch/changes/{change_id}", f"/watch/changes/{change_id}/approve")
    assert "is approved already" in flash_of((await c.get(again.headers["location"])).text)


async def test_dismissal_imports_nothing(client: Client, services: Services, site: Site) -> None:
    change_id = await queue_change(services, site)
    before = await documents(services)
    c = await client("curator")
    response = await post_form(c, f"/watch/changes/{change_id}", f"/watch/changes/{change_id}/dismiss")
    assert "nothing was imported" in flash_of((await c.get(response.headers["location"])).text)
    assert await documents(services) == before
    answer = await services.answerer.ask(QUESTION, channel="test")
    assert site.url("/registry.html") not in [s.url for s in answer.sources]
    [(decided, _)] = await changes(services.db, status="dismissed")
    assert decided.id == change_id
    async with services.db.session() as session:
        assert await session.scalar(select(AuditEntry.id).where(AuditEntry.action == "watch.dismiss"))


async def test_a_viewer_reads_but_cannot_decide(client: Client, services: Services, site: Site) -> None:
    change_id = await queue_change(services, site)
    curator, viewer = await client("curator"), await client("viewer")
    page = (await viewer.get(f"/watch/changes/{change_id}")).text
    assert "7,250" in page and "Approve" not in page and "Dismiss" not in page
    listing = (await viewer.get("/watch")).text
    assert "Registry notice" in listing and "Watch a page or feed" not in listing
    token = csrf_of(listing)  # the viewer's own valid token (sign-out form): refused for the role, not the token
    for path in (f"/watch/changes/{change_id}/approve", f"/watch/changes/{change_id}/dismiss", "/watch/check"):
        assert (await viewer.post(path, data={"csrf": token})).status_code == 403
    assert (await viewer.post("/watch/add", data={"csrf": token, "url": "https://unfccc.int/"})).status_code == 403
    assert [change.id for change, _ in await changes(services.db)] == [change_id]
    assert (await curator.get(f"/watch/changes/{change_id}")).status_code == 200


async def test_an_approved_feed_item_becomes_a_cited_document(client: Client, services: Services, site: Site) -> None:
    old = ("clinic", "Article 6.2 reporting clinic", "A clinic on initial reports.")
    new = ("cutoff", "Transition deadline for CDM activities",
           "Host Parties must approve the transition of their CDM afforestation activities by 30 June 2026.")
    url = site.put("/news.rss", feed(old), "application/rss+xml")
    await add_source(services.db, url=url, name="A6IP news", actor="test")
    await check_all(services.db, allow=services.settings.fetch_allow)
    site.put("/news.rss", feed(new, old), "application/rss+xml")
    await check_all(services.db, allow=services.settings.fetch_allow)
    [(change, _)] = await changes(services.db)
    c = await client("curator")
    page = html.unescape((await c.get(f"/watch/changes/{change.id}")).text)
    assert "Transition deadline for CDM activities" in page and "by 30 June 2026" in page
    await post_form(c, f"/watch/changes/{change.id}", f"/watch/changes/{change.id}/approve")
    answer = await services.answerer.ask("By when must host Parties approve the transition of CDM afforestation "
                                         "activities?", channel="test")
    assert "https://a6ip.test/news/cutoff" in [s.url for s in answer.sources]
    assert "30 June 2026" in answer.text + answer.more
