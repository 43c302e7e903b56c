"""Editing and hiding shipped FAQ entries: the bot answers with the edit at once and after a restart (even
when the shipped file changes and is re-imported), restoring brings the shipped text back, all audited."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.console.app import console_app
from bot.console.models import AuditEntry
from bot.cli.platforms import open_services
from bot.services import Services
from bot.storage import Document
from index import SentenceEncoder
from tests.conftest import TINY_KB
from tests.console.conftest import Client, csrf_of, post_form, sign_in

ITMO = "What is an ITMO?"
EDITED = "EDITED: an ITMO is a mitigation outcome transferred between Parties under a zebra-ledger arrangement."
SHIPPED = "ITMOs are real, verified and additional mitigation outcomes"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A fresh install whose shipped knowledge base is a copy of the tiny one, so the test may change it."""
    shutil.copytree(TINY_KB, tmp_path / "kb")
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=tmp_path / "kb", database_url="")


async def shipped_doc(services: Services) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(Document.id).where(Document.source == "shipped:faq.yaml")) or 0)


async def audit_of(services: Services, action: str) -> list[AuditEntry]:
    async with services.db.session() as session:
        return list((await session.scalars(select(AuditEntry).where(AuditEntry.action == action))).all())


async def curator_on(services: Services) -> httpx.AsyncClient:
    c = httpx.AsyncClient(transport=httpx.ASGITransport(app=console_app(services)), base_url="http://console.test")
    from bot.console.accounts import add_staff
    await add_staff(services.db, email="late@a6ip.test", role="curator", password="x" * 12, actor="test")
    assert (await sign_in(c, "late@a6ip.test", "x" * 12)).status_code == 303
    return c


async def test_edit_a_shipped_entry_survives_restart_and_can_be_restored(
        client: Client, services: Services, settings: Settings, encoder: SentenceEncoder) -> None:
    c = await client("curator")
    doc = html.unescape((await c.get(f"/kb/doc/{await shipped_doc(services)}")).text)
    assert "/faq/new?key=test-itmo-definition" in doc and 'action="/faq/hide"' in doc
    form = html.unescape((await c.get("/faq/new?key=test-itmo-definition")).text)
    assert f'value="{ITMO}"' in form and SHIPPED in form and "define ITMO" in form and "readonly" in form
    assert 'value="Decision 2/CMA.3, annex, para. 1"' in form

    entry = {"csrf": csrf_of(form), "editing": "1", "id": "test-itmo-definition", "question": ITMO,
             "variants": "define ITMO\nwhat is an itmo exactly", "answer": EDITED,
             "citation": "Decision 2/CMA.3, annex, para. 1 (a)", "url": "", "topics": "6.2, tracking"}
    saved = await c.post("/faq/save", data=entry)
    assert saved.status_code == 303 and "replaces the shipped text" in html.unescape((await c.get("/kb")).text)

    answer = await services.answerer.ask(ITMO, channel="test")
    assert answer.answered and "zebra-ledger" in answer.text and SHIPPED not in answer.text
    assert answer.faq_id == "test-itmo-definition"
    assert answer.sources[0].citation == "Decision 2/CMA.3, annex, para. 1 (a)"
    assert len([i for i, m in services.index.store.items() if m.get("key") == "test-itmo-definition"]) == 1
    (record,) = await audit_of(services, "faq.save")
    assert record.actor == "curator@a6ip.test" and record.target == "console:faq/test-itmo-definition"
    assert record.details["overrides"] == ["shipped:faq.yaml"]
    doc = html.unescape((await c.get(f"/kb/doc/{await shipped_doc(services)}")).text)
    assert "Edited in the console" in doc and "Restore shipped text" in doc

    # Restart, after an upgrade changed the shipped file (so it is re-imported): the edit still applies.
    await services.close()
    kb_file = Path(settings.knowledge_dir or "") / "faq.yaml"
    kb_file.write_text(kb_file.read_text().replace("define ITMO", "define an ITMO"))
    again = await open_services(settings, encoder=encoder)
    try:
        answer = await again.answerer.ask(ITMO, channel="test")
        assert "zebra-ledger" in answer.text and answer.faq_id == "test-itmo-definition"
        c2 = await curator_on(again)
        restored = await post_form(c2, "/kb", "/faq/restore", {"key": "test-itmo-definition"})
        assert restored.status_code == 303
        answer = await again.answerer.ask(ITMO, channel="test")
        assert answer.answered and SHIPPED in answer.text and "zebra-ledger" not in answer.text
        assert [a.target for a in await audit_of(again, "faq.restore")] == ["console:faq/test-itmo-definition"]
        nothing = await post_form(c2, "/kb", "/faq/restore", {"key": "test-itmo-definition"})
        assert "nothing to restore" in html.unescape((await c2.get(nothing.headers["location"])).text)
        await c2.aclose()
    finally:
        await again.close()


async def test_hide_a_shipped_entry_and_restore_it(client: Client, services: Services) -> None:
    question = "When is annual information under Article 6.2 due?"
    assert (await services.answerer.ask(question, channel="test")).faq_id == "test-annual-information"
    c = await client("curator")
    assert (await post_form(c, "/kb", "/faq/hide", {"key": "test-annual-information"})).status_code == 303
    answer = await services.answerer.ask(question, channel="test")
    assert answer.faq_id != "test-annual-information" and "15 April" not in answer.text
    assert all(m.get("key") != "test-annual-information" for m in services.index.store.values())
    doc = html.unescape((await c.get(f"/kb/doc/{await shipped_doc(services)}")).text)
    assert "Hidden in the console" in doc
    (record,) = await audit_of(services, "faq.hide")
    assert record.target == "console:faq/test-annual-information" and record.actor == "curator@a6ip.test"

    # Editing a hidden entry brings it back with the new text; restoring brings the shipped text.
    form = html.unescape((await c.get("/faq/new?key=test-annual-information")).text)
    assert f'value="{question}"' in form
    await post_form(c, "/kb", "/faq/restore", {"key": "test-annual-information"})
    answer = await services.answerer.ask(question, channel="test")
    assert answer.faq_id == "test-annual-information" and "15 April" in answer.text


async def test_unknown_entries_and_reused_ids_are_refused(client: Client, services: Services) -> None:
    c = await client("curator")
    assert (await c.get("/faq/new?key=no-such-entry")).status_code == 404
    hidden = await post_form(c, "/kb", "/faq/hide", {"key": "no-such-entry"})
    assert "There is no FAQ entry" in html.unescape((await c.get(hidden.headers["location"])).text)
    new = {"id": "test-itmo-definition", "question": "Something new?", "answer": "A new answer.",
           "citation": "Decision 2/CMA.3", "variants": "", "topics": ""}
    refused = await post_form(c, "/faq/new", "/faq/save", new)  # a new entry may not take a shipped id
    assert refused.status_code == 400 and "already used" in refused.text
    assert (await services.answerer.ask(ITMO, channel="test")).answered
    assert "A new answer" not in (await services.answerer.ask(ITMO, channel="test")).text
    assert await audit_of(services, "faq.save") == [] and await audit_of(services, "faq.hide") == []


async def test_viewer_cannot_edit_hide_or_restore(client: Client, services: Services) -> None:
    c = await client("viewer")
    doc = (await c.get(f"/kb/doc/{await shipped_doc(services)}")).text
    assert "/faq/new?key=" not in doc and "/faq/hide" not in doc
    assert (await c.get("/faq/new?key=test-itmo-definition")).status_code == 403
    token = csrf_of(doc)
    for path, data in (("/faq/hide", {"key": "test-itmo-definition"}), ("/faq/restore", {"key": "test-itmo-definition"}),
                       ("/faq/save", {"editing": "1", "id": "test-itmo-definition", "question": ITMO,
                                      "answer": EDITED, "citation": "x"})):
        response = await c.post(path, data={"csrf": token, **data})
        assert response.status_code == 403 and "curator" in response.text, path
    anonymous = await client()
    assert (await anonymous.post("/faq/hide", data={"key": "test-itmo-definition"})).status_code == 303
    answer = await services.answerer.ask(ITMO, channel="test")
    assert SHIPPED in answer.text and await audit_of(services, "faq.hide") == []
