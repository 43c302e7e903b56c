"""Curation in the staff console: viewers read the catalogue, curators add, edit, retire and announce
resources (each change audit-logged with it), a retired resource is no longer recommended, and a resource is
announced once."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from bot.console.models import AuditEntry
from bot.outreach.dispatcher import Dispatcher
from bot.outreach.memory import MemoryNotifier
from bot.outreach.subscriptions import subscribe
from bot.services import Services
from bot.tools import store
from tests.console.conftest import Client, app, client, csrf_of, post_form  # noqa: F401  (the console's fixtures)

pytestmark = pytest.mark.model
QUESTION = "Is there a toolkit to help us decide our Article 6 authorization policy?"
NEW = {"id": "example-authorization-toolkit", "title": "Example authorization decision toolkit",
       "publisher": "Example Partnership", "type": "toolkit", "topics": ["authorization", "6.2"],
       "languages": "en, fr", "audience": "Article 6 focal points", "level": "introductory",
       "url": "https://example.org/authorization-toolkit", "checked": "2026-11-28",
       "verified_from": "https://example.org/authorization-toolkit",
       "description": "A decision tree for an Article 6 authorization policy, with worked country examples.",
       "description_fr": "Un arbre de décision pour une politique d'autorisation au titre de l'article 6.",
       "description_es": "Un árbol de decisión para una política de autorización del artículo 6 (en inglés)."}


def flash(page: str) -> str:
    return html.unescape(page.split('class="flash', 1)[1].split("</p>", 1)[0])


async def recommended(services: Services, question: str = QUESTION) -> list[str]:
    answer = await services.answerer.ask(question, channel="test")
    assert answer.kind == "tools"
    return [s.url or "" for s in answer.sources]


async def test_a_curator_retires_a_resource_and_it_is_no_longer_recommended(client: Client,
                                                                            services: Services) -> None:
    first = await recommended(services)
    row = next(r for r in await store.rows(services.db) if r.url == first[0])
    viewer = await client("viewer")
    listing = await viewer.get("/tools")
    assert listing.status_code == 200 and html.escape(row.title) in listing.text and "/retire" not in listing.text
    refused = await viewer.post(f"/tools/{row.id}/retire", data={"csrf": "x"})
    assert refused.status_code in (303, 403) and (await store.get(services.db, resource_id=row.id)).retired_at is None

    curator = await client("curator")
    done = await post_form(curator, "/tools", f"/tools/{row.id}/retire")
    assert done.status_code == 303
    assert "no longer recommends it" in flash((await curator.get("/tools")).text)
    assert row.url not in await recommended(services)
    async with services.db.session() as session:
        entry = await session.scalar(select(AuditEntry).where(AuditEntry.action == "tool.retire"))
    assert entry is not None and entry.actor == "curator@a6ip.test" and entry.target == row.id


async def test_a_curator_adds_and_edits_a_resource_and_bad_fields_are_named(client: Client,
                                                                           services: Services) -> None:
    curator = await client("curator")
    bad = await post_form(curator, "/tools/new", "/tools/save", {**NEW, "url": "http://example.org/x"})
    assert bad.status_code == 400 and "url: &#39;http://example.org/x&#39; is not an https:// address" in bad.text
    assert await store.get(services.db, resource_id=NEW["id"]) is None
    added = await post_form(curator, "/tools/new", "/tools/save", NEW)
    assert added.status_code == 303
    row = await store.get(services.db, resource_id=NEW["id"])
    assert row is not None and row.origin == "console" and row.languages == ["en", "fr"]
    assert NEW["url"] in await recommended(services)
    edited = await post_form(curator, f"/tools/{NEW['id']}/edit", "/tools/save",
                             {**NEW, "existing": NEW["id"], "title": "Example toolkit, second edition"})
    assert edited.status_code == 303
    assert (await store.get(services.db, resource_id=NEW["id"])).title == "Example toolkit, second edition"
    await subscribe(services.db, platform="telegram", chat_id="42", topics=["authorization"], language="fr")
    await subscribe(services.db, platform="telegram", chat_id="43", topics=["reporting"])
    announced = await post_form(curator, "/tools", f"/tools/{NEW['id']}/announce")
    assert announced.status_code == 303
    listing = (await curator.get("/tools")).text
    assert "Announcement queued for 1 subscription;" in flash(listing)
    again = await curator.post(f"/tools/{NEW['id']}/announce", data={"csrf": csrf_of(listing)})
    assert again.status_code == 303 and "was announced already" in flash((await curator.get("/tools")).text)
    async with services.db.session() as session:
        actions = list(await session.scalars(select(AuditEntry.action).where(AuditEntry.target == NEW["id"])))
    assert actions == ["tool.add", "tool.edit", "tool.announce"]


async def test_retiring_an_announced_resource_cancels_its_queued_announcements(client: Client,
                                                                               services: Services) -> None:
    """Announced, then retired before the outreach worker got to it: no subscriber hears of the retired
    resource, and the curator and the audit log are told how many queued announcements were cancelled."""
    curator = await client("curator")
    assert (await post_form(curator, "/tools/new", "/tools/save", NEW)).status_code == 303
    for chat in ("fr-authorization", "everything"):
        await subscribe(services.db, platform="memory", chat_id=chat,
                        topics=["authorization"] if chat != "everything" else None)
    await post_form(curator, "/tools", f"/tools/{NEW['id']}/announce")
    assert "Announcement queued for 2 subscriptions" in flash((await curator.get("/tools")).text)

    assert (await post_form(curator, "/tools", f"/tools/{NEW['id']}/retire")).status_code == 303
    assert "2 queued announcements cancelled" in flash((await curator.get("/tools")).text)
    notifier = MemoryNotifier()
    await Dispatcher(services.db, {"memory": notifier}, base_url="https://bot.test").tick(drain=True)
    assert [chat for chat, notice in notifier.sent if notice.kind == "resource"] == []
    async with services.db.session() as session:
        entry = await session.scalar(select(AuditEntry).where(AuditEntry.action == "tool.retire"))
    assert entry is not None and entry.details.get("cancelled_announcements") == 2

    # nobody was told, so once restored it can be announced, and this time it reaches both subscribers
    await post_form(curator, "/tools", f"/tools/{NEW['id']}/restore")
    await post_form(curator, "/tools", f"/tools/{NEW['id']}/announce")
    assert "Announcement queued for 2 subscriptions" in flash((await curator.get("/tools")).text)
    await Dispatcher(services.db, {"memory": notifier}, base_url="https://bot.test").tick(drain=True)
    assert sorted(chat for chat, notice in notifier.sent if notice.kind == "resource") == [
        "everything", "fr-authorization"]
