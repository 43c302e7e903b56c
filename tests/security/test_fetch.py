"""SSRF (issue 11, finding 4): every URL the bot fetches goes through bot.fetch, against real HTTP servers on
loopback addresses. Private addresses are refused before any connection, in every spelling; a redirect is
re-checked; downloads are capped and timed out; a closed or non-HTTP internal port reads exactly like a
refused address; the console's imports use the same rules and keep fetched text out of the session cookie."""

from __future__ import annotations

import html
import ipaddress
import socket
import ssl
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import trustme
from pydantic import ValidationError
from sqlalchemy import func, select

import bot.fetch
from bot.config import Settings
from bot.console.accounts import add_staff
from bot.console.app import console_app
from bot.fetch import FetchError, fetch
from bot.outreach.models import Event
from bot.services import Services
from bot.storage import Document
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.console.conftest import PASSWORD, post_form, sign_in
from tests.security.site_server import Site

REFUSED = "could not fetch URL: address not allowed"
SECRET = "The staging database password is hunter2."


def net(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(text)]


@pytest.fixture
def site() -> Iterator[Site]:
    with Site("127.0.0.1") as s:
        s.put("/secret.txt", SECRET, "text/plain")
        yield s


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def refusal(url: str, **options: object) -> str:
    with pytest.raises(FetchError) as caught:
        await fetch(url, limit=1024 * 1024, **options)  # type: ignore[arg-type]
    return str(caught.value)


async def test_loopback_in_every_spelling_is_refused_before_connecting(site: Site) -> None:
    port = site.port
    for url in (f"http://127.0.0.1:{port}/secret.txt", f"http://localhost:{port}/secret.txt",
                f"http://0x7f000001:{port}/secret.txt", f"http://2130706433:{port}/secret.txt",
                f"http://017700000001:{port}/secret.txt", f"http://127.1:{port}/secret.txt",
                f"http://[::1]:{port}/secret.txt", f"http://[::ffff:127.0.0.1]:{port}/secret.txt",
                f"http://0.0.0.0:{port}/secret.txt"):
        assert await refusal(url) == REFUSED, url
    for url in ("http://10.1.2.3/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/", "http://[fe80::1]/", "http://[fc00::1]/", "http://224.0.0.1/"):
        assert await refusal(url) == REFUSED, url
    assert site.requests == []


async def test_only_http_and_https() -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/feed.ics", "gopher://127.0.0.1:5432/"):
        assert "only http:// and https://" in await refusal(url)


async def test_internal_ports_read_like_a_refused_address(site: Site) -> None:
    """The database port, a closed port and a listening web server: one message, so nothing is learnt."""
    messages = {await refusal(f"http://127.0.0.1:{port}/") for port in (5432, closed_port(), site.port)}
    assert messages == {REFUSED}
    allowed = await refusal(f"http://127.0.0.1:{closed_port()}/", allow=net("127.0.0.1/32"))
    assert allowed == "could not fetch URL: connection failed"


async def test_allowlisted_network_is_fetched_with_conditional_requests(site: Site) -> None:
    page = await fetch(site.url("/secret.txt"), limit=1024, allow=net("127.0.0.0/8"))
    assert page.content.decode() == SECRET and page.status == 200 and page.etag and page.last_modified
    again = await fetch(site.url("/secret.txt"), limit=1024, allow=net("127.0.0.0/8"), etag=page.etag)
    assert again.not_modified and again.content == b""
    by_date = await fetch(site.url("/secret.txt"), limit=1024, allow=net("127.0.0.0/8"),
                          last_modified=page.last_modified)
    assert by_date.not_modified
    assert site.requests[1][1]["if-none-match"] == page.etag
    assert "if-modified-since" in site.requests[2][1]


async def test_a_redirect_to_a_private_address_is_refused_at_the_redirect(site: Site) -> None:
    """The first hop (127.0.0.2) is allowed, its redirect target (127.0.0.1) is not: refused, never requested."""
    with Site("127.0.0.2") as front:
        front.redirects["/news"] = site.url("/secret.txt")
        front.redirects["/loop"] = "/loop"
        assert await refusal(front.url("/news"), allow=net("127.0.0.2/32")) == REFUSED
        assert front.paths() == ["/news"] and site.requests == []
        assert "more than 5 redirects" in await refusal(front.url("/loop"), allow=net("127.0.0.2/32"))
        front.redirects["/ok"] = "/page"
        front.put("/page", "after one redirect", "text/plain")
        page = await fetch(front.url("/ok"), limit=1024, allow=net("127.0.0.2/32"))
        assert page.content == b"after one redirect" and page.url == front.url("/page")


async def test_https_keeps_the_host_name_while_the_connection_is_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connected to the checked address, TLS still sends and verifies the name: a certificate for `localhost`
    passes for https://localhost, and the same server reached by its bare address fails verification."""
    ca = trustme.CA()
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost").configure_cert(server)
    client = ssl.create_default_context()
    ca.configure_trust(client)
    monkeypatch.setattr(bot.fetch, "tls_context", lambda: client)
    with Site("127.0.0.1", tls=server, name="localhost") as site:
        site.put("/notice.txt", "served over TLS", "text/plain")
        page = await fetch(site.url("/notice.txt"), limit=1024, allow=net("127.0.0.1/32"))
        assert page.content == b"served over TLS" and page.url.startswith("https://localhost:")
        assert site.requests[0][1]["host"] == f"localhost:{site.port}"
        assert await refusal(f"https://127.0.0.1:{site.port}/notice.txt", allow=net("127.0.0.1/32")) == \
            "could not fetch URL: connection failed"
        assert len(site.requests) == 1


async def test_size_cap_stops_an_endless_response_early(site: Site) -> None:
    started = time.monotonic()
    assert await refusal(site.url("/endless"), allow=net("127.0.0.1/32"), timeout=20) == \
        "could not fetch URL: larger than 1 MB"
    assert time.monotonic() - started < 5
    site.put("/big.txt", b"y" * (2 * 1024 * 1024), "text/plain")  # declared too big: refused on the header
    assert "larger than 1 MB" in await refusal(site.url("/big.txt"), allow=net("127.0.0.1/32"))


async def test_total_timeout(site: Site) -> None:
    started = time.monotonic()
    assert await refusal(site.url("/slow"), allow=net("127.0.0.1/32"), timeout=0.5) == "could not fetch URL: timed out"
    assert time.monotonic() - started < 2


def test_the_allowlist_setting_is_checked() -> None:
    allowed = Settings(_env_file=None, fetch_allow_networks=" 10.20.0.0/16, 192.168.5.7 ,fd00::/8")
    assert allowed.fetch_allow_networks == "10.20.0.0/16,192.168.5.7/32,fd00::/8"
    assert [str(n) for n in allowed.fetch_allow] == ["10.20.0.0/16", "192.168.5.7/32", "fd00::/8"]
    assert Settings(_env_file=None).fetch_allow == []
    with pytest.raises(ValidationError, match="not a network"):
        Settings(_env_file=None, fetch_allow_networks="10.0.0.0/33")


async def test_http_errors_are_short(site: Site) -> None:
    assert await refusal(site.url("/missing"), allow=net("127.0.0.1/32")) == \
        "could not fetch URL: the server answered 404"


# The console's two URL imports, through the same fetcher.

@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """127.0.0.1 allowed (a test server), 127.0.0.3 not: the internal host of the attack."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", fetch_allow_networks="127.0.0.1/32")


@pytest.fixture
async def curator(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    await add_staff(services.db, email="curator@a6ip.test", role="curator", password=PASSWORD, actor="test")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=console_app(services)),
                                 base_url="http://console.test") as client:
        assert (await sign_in(client, "curator@a6ip.test")).status_code == 303
        yield client


def flash_of(page: str) -> str:
    return html.unescape(page.split('class="flash', 1)[1].split("</p>", 1)[0])


async def test_console_url_imports_refuse_an_internal_host(curator: httpx.AsyncClient, services: Services) -> None:
    async with services.db.session() as session:
        documents = await session.scalar(select(func.count(Document.id)))
    with Site("127.0.0.3") as internal:
        internal.put("/secret.txt", SECRET, "text/plain")
        internal.put("/feed.yaml", "- {uid: x, title: x, start: 2030-01-01 10:00}\n", "application/yaml")
        kb = await post_form(curator, "/kb", "/kb/url", {"url": internal.url("/secret.txt")})
        assert REFUSED in flash_of((await curator.get(kb.headers["location"])).text)
        events = await post_form(curator, "/events", "/events/import", {"url": internal.url("/feed.yaml")})
        assert REFUSED in flash_of((await curator.get(events.headers["location"])).text)
        assert internal.requests == []
    async with services.db.session() as session:
        assert await session.scalar(select(func.count(Document.id))) == documents
        assert await session.scalar(select(Event.id).where(Event.uid == "x")) is None
    answer = await services.answerer.ask("What is the staging database password?", channel="test")
    assert "hunter2" not in answer.text + answer.more


async def test_a_one_megabyte_feed_stays_out_of_the_session_cookie(curator: httpx.AsyncClient, site: Site) -> None:
    """A feed whose error quotes its own text (a 1 MB uid) gives a short message, not a 1 MB cookie."""
    site.put("/feed.yaml", "- uid: " + "u" * (1024 * 1024) + "\n  title: No start\n", "application/yaml")
    response = await post_form(curator, "/events", "/events/import", {"url": site.url("/feed.yaml")})
    assert response.status_code == 303 and len(response.headers.get("set-cookie", "")) < 4096
    message = flash_of((await curator.get(response.headers["location"])).text)
    assert len(message) < 600 and "feed.yaml" in message
    site.put("/huge.ics", b"BEGIN:VCALENDAR\r\n" + b"X" * (6 * 1024 * 1024), "text/calendar")
    capped = await post_form(curator, "/events", "/events/import", {"url": site.url("/huge.ics")})
    assert "larger than 5 MB" in flash_of((await curator.get(capped.headers["location"])).text)
