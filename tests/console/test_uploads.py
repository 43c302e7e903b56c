"""Uploads and URL imports: good files become answerable at once; hostile ones are refused, nothing imported."""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from bot.config import Settings
from bot.console.models import AuditEntry
from bot.services import Services
from bot.storage import Document
from index import SearchIndex
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.console.conftest import Client, post_form

GUIDE = b"""---
title: Host Party letters of authorization
topics: [authorization, "6.2"]
---
## Letters of authorization
A participating Party issues a letter of authorization for ITMOs, stating the uses it authorizes and
whether corresponding adjustments apply; staff keep these letters in the national registry archive room 4B.
Source: Decision 2/CMA.3, annex, para. 18
"""


async def count(services: Services, model: type = Document) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def upload(c: httpx.AsyncClient, name: str, data: bytes) -> str:
    """Upload as the page's form does and return the message the next page shows."""
    response = await post_form(c, "/kb", "/kb/upload", files={"file": (name, data, "application/octet-stream")})
    assert response.status_code == 303
    page = (await c.get(response.headers["location"])).text
    return html.unescape(page.split('class="flash', 1)[1].split("</p>", 1)[0]) if 'class="flash' in page else ""


async def test_markdown_upload_is_answerable_at_once_and_audited(client: Client, services: Services) -> None:
    c = await client("curator")
    message = await upload(c, "authorization-letters.md", GUIDE)
    assert "Host Party letters of authorization: added (1 passages)" in message
    answer = await services.answerer.ask("Where are letters of authorization archived?", channel="test")
    assert answer.sources[0].citation == "Decision 2/CMA.3, annex, para. 18"
    assert "4B" in (await c.get("/kb?q=authorization")).text
    async with services.db.session() as session:
        entry = await session.scalar(select(AuditEntry).where(AuditEntry.action == "kb.upload"))
        document = await session.scalar(select(Document).where(Document.source == "console:upload/authorization-letters.md"))
    assert entry is not None and entry.actor == "curator@a6ip.test" and entry.details["status"] == "added"
    assert document is not None and document.origin == "console"
    saved = SearchIndex.load(services.settings.index_dir, services.index.encoder,  # what a restart would load
                             crosslingual=services.index.crosslingual)
    assert saved is not None and saved.fingerprint() == services.index.fingerprint()


@pytest.mark.parametrize("name, data, expected", [
    ("../../etc/passwd.md", GUIDE, "is not allowed"),
    ("..\\evil.md", GUIDE, "is not allowed"),
    ("sub/dir.md", GUIDE, "is not allowed"),
    (".hidden.md", GUIDE, "is not allowed"),
    ("tool.exe", b"MZ\x90\x00binary", "cannot be imported"),
    ("report.docx", b"PK\x03\x04zip", "cannot be imported"),
    ("glossary.yaml", b"- term: X\n", "not a document"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> garbage without xref", "PDF"),
    ("notreally.pdf", b"just text pretending", "not a PDF"),
    ("empty.md", b"   \n", "empty file"),
    ("bad-faq.yaml", b"- id: x\n  question: q\n", "missing 'answer'"),
])
async def test_hostile_uploads_are_refused_cleanly(client: Client, services: Services, name: str, data: bytes,
                                                   expected: str) -> None:
    c = await client("curator")
    before = await count(services)
    message = await upload(c, name, data)
    assert "error" in message and expected in message, message
    assert await count(services) == before


async def test_huge_upload_is_refused(client: Client, services: Services) -> None:
    c = await client("curator")
    before = await count(services)
    message = await upload(c, "huge.txt", b"Article 6 " * (2 * 1024 * 1024 + 10))  # just over 20 MB
    assert "larger than 20 MB" in message
    token_page = (await c.get("/kb")).text
    too_big = await c.post("/kb/upload", content=b"x" * 100, headers={"content-length": str(50 * 1024 * 1024),
                                                                       "content-type": "application/octet-stream"})
    assert too_big.status_code == 413 and "20 MB" in too_big.text
    assert "Upload a file" in token_page
    assert await count(services) == before


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The test web server runs on 127.0.0.1, which URL imports refuse unless an administrator allows it."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", fetch_allow_networks="127.0.0.1/32")


@pytest.fixture
def web_server() -> Iterator[str]:
    """A local web server with one page, one PDF-less binary and a 404 (no internet needed)."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            pages = {"/guide.html": ("text/html", b"<html><head><title>Registry guide</title></head><body>"
                                                  b"<h2>Registry numbering</h2><p>Every ITMO unit carries a unique serial "
                                                  b"number in the registry, assigned at first transfer.</p></body></html>"),
                     "/blob": ("application/octet-stream", b"\x00\x01\x02")}
            if self.path not in pages:
                self.send_error(404)
                return
            kind, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def import_url(c: httpx.AsyncClient, url: str) -> str:
    response = await post_form(c, "/kb", "/kb/url", {"url": url})
    page = (await c.get(response.headers["location"])).text
    return html.unescape(page.split('class="flash', 1)[1].split("</p>", 1)[0])


async def test_url_import(client: Client, services: Services, web_server: str) -> None:
    c = await client("curator")
    assert "Registry guide: added" in await import_url(c, f"{web_server}/guide.html")
    answer = await services.answerer.ask("Which serial number does each unit carry, assigned at first transfer?",
                                         channel="test")
    assert f"{web_server}/guide.html" in [s.url for s in answer.sources]
    before = await count(services)
    for url, expected in ((f"{web_server}/missing", "could not fetch URL: the server answered 404"),
                          (f"{web_server}/blob", "cannot be imported"),
                          ("file:///etc/passwd", "only http:// and https://"),
                          ("javascript:alert(1)", "only http:// and https://")):
        assert expected in await import_url(c, url), url
    assert await count(services) == before


async def test_remove_document_takes_it_out_of_answers(client: Client, services: Services) -> None:
    c = await client("curator")
    await upload(c, "authorization-letters.md", GUIDE)
    async with services.db.session() as session:
        doc_id = await session.scalar(select(Document.id).where(Document.source.like("console:upload/%")))
    assert "Removed Host Party letters" in (await c.get((await post_form(c, "/kb", f"/kb/doc/{doc_id}/remove")).headers["location"])).text
    answer = await services.answerer.ask("Where are letters of authorization archived?", channel="test")
    assert all("para. 18" not in s.citation for s in answer.sources)
    assert (await c.get(f"/kb/doc/{doc_id}")).status_code == 404
