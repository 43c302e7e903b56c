"""Finding 2 (stored XSS): a link from any uploaded file, form or feed passes the one scheme check (http, https,
mailto); a refused link names the field, and no page ever renders a `javascript:` link, even for data stored
before the check existed."""

from __future__ import annotations

import html
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.compose import source_of
from bot.console.faq import FaqEntry
from bot.outreach import events as store
from bot.services import Services
from bot.storage import Document
from bot.storage.models import ChunkRow
from index import Hit
from knowledge.links import check_link, safe_link
from knowledge.loaders import load_file
from knowledge.types import LoadError
from tests.console.conftest import Client, post_form
from tests.console.test_uploads import upload

EVIL = ["javascript:fetch('/console/staff')", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "//evil.example/x", "https:alert(1)",
        "mailto:", "http://exa mple.org/"]
GOOD = ["https://unfccc.int/documents/460950", "http://example.org/a?b=c#d", "mailto:A6_partnership@iges.or.jp"]


@pytest.mark.parametrize("url", EVIL)
def test_the_shared_check_refuses_other_schemes(url: str) -> None:
    assert safe_link(url) is None
    with pytest.raises(ValueError, match=r"registration link: .* is not accepted; a link must start with http://"):
        check_link(url, "registration link")


@pytest.mark.parametrize("url", GOOD)
def test_the_shared_check_keeps_web_and_mail_links(url: str) -> None:
    assert safe_link(url) == url and check_link(f"  {url} ") == url


def test_loaders_refuse_or_drop_bad_links(tmp_path: Path) -> None:
    faq = tmp_path / "faq.yaml"
    faq.write_text("- id: x\n  question: Q?\n  answer: A.\n  citations:\n  - ref: Decision 2/CMA.3\n"
                   "    url: javascript:alert(document.cookie)\n")
    with pytest.raises(LoadError, match=r"entry 0 \(x\): citation url 'javascript:alert\(document.cookie\)' is not"):
        load_file(faq)
    guide = tmp_path / "guide.md"
    guide.write_text("---\ntitle: G\nsource_url: javascript:alert(1)\n---\n## A\nText.\n")
    with pytest.raises(LoadError, match="source_url 'javascript:alert\\(1\\)' is not accepted"):
        load_file(guide)
    page = tmp_path / "page.html"
    page.write_text('<html><head><link rel="canonical" href="javascript:alert(1)"><title>T</title></head>'
                    "<body><h1>T</h1><p>Text of the page.</p></body></html>")
    parsed = load_file(page)
    assert parsed.url is None and all(chunk.url is None for chunk in parsed.chunks)  # dropped, the text kept
    with pytest.raises(LoadError, match="the citation link is not accepted"):
        FaqEntry(id="x", question="Q?", answer="A.", citation="Decision 2/CMA.3", url="javascript:alert(1)").parse()
    with pytest.raises(ValueError, match="registration link: 'javascript:alert\\(1\\)' is not accepted"):
        store.EventSpec(uid="e", title="E", starts_at=datetime(2030, 1, 1, tzinfo=timezone.utc),
                        registration_url="javascript:alert(1)")


async def test_console_uploads_and_forms_refuse_them_and_change_nothing(client: Client, services: Services) -> None:
    c = await client("curator")
    async with services.db.session() as session:
        documents = await session.scalar(select(func.count(Document.id)))
    faq = b"- id: x\n  question: Q?\n  answer: A.\n  citations:\n  - ref: R\n    url: javascript:alert(1)\n"
    assert "citation url 'javascript:alert(1)' is not accepted" in await upload(c, "faq.yaml", faq)
    async with services.db.session() as session:
        assert await session.scalar(select(func.count(Document.id))) == documents
    form = {"uid": "xss-1", "title": "Webinar", "start": "2030-03-12T10:00", "timezone": "UTC", "kind": "webinar",
            "language": "en", "registration_url": "javascript:alert(1)"}
    refused = await post_form(c, "/events/new", "/events/save", form)
    assert refused.status_code == 400 and "registration link: &#39;javascript:alert(1)&#39; is not accepted" in refused.text
    assert await store.get(services.db, uid="xss-1") is None


async def test_links_stored_before_the_check_are_never_rendered(client: Client, services: Services) -> None:
    async with services.db.session() as session:
        chunk = await session.scalar(select(ChunkRow).limit(1))
        assert chunk is not None
        await session.execute(update(ChunkRow).values(url="javascript:alert(1)"))
        await session.execute(update(Document).values(url="javascript:alert(2)"))
        doc_id = chunk.document_id
    c = await client("viewer")
    page = (await c.get(f"/kb/doc/{doc_id}")).text
    assert page.count("javascript:") == 1 and 'href="javascript:' not in html.unescape(page)  # shown as text only
    hit = Hit(id=1, score=0.9, dense=0.9, lexical=0.0, meta={"title": "T", "citation": "C", "url": "javascript:x"})
    assert source_of(hit, "text").url is None  # every channel's sources (web chat, Slack, Telegram, CLI)
