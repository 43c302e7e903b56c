"""Access control: anonymous and under-privileged users are refused everywhere; CSRF; sign-in, sign-out, expiry."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest
from sqlalchemy import func, select
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from bot.console.app import console_app
from bot.services import Services
from bot.storage import Document
from tests.console.conftest import STAFF, Client, csrf_of, post_form, sign_in

OPEN = {"/login"}  # the only page for people who are not signed in
CURATOR_POSTS = {"/kb/upload", "/kb/url", "/kb/doc/1/remove", "/faq/save", "/unanswered/dismiss", "/events/save",
                 "/events/import", "/events/cancel?uid=ev-1"}
CURATOR_PAGES = {"/faq/new", "/events/new", "/events/edit?uid=ev-1"}
ADMIN = {("GET", "/staff"), ("POST", "/staff/add"), ("POST", "/staff/change"), ("GET", "/audit")}


def endpoints(app: Starlette) -> list[tuple[str, str]]:
    """Every (method, concrete path) the console serves, static files aside."""
    out = []
    for route in app.routes:
        if isinstance(route, Mount) or not isinstance(route, Route):
            continue
        path = re.sub(r"\{\w+:int\}", "1", route.path)
        out += [(method, path) for method in sorted(route.methods or []) if method in ("GET", "POST")]
    return out


async def documents(services: Services) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Document)) or 0)


async def test_route_list_covers_the_console(app: Starlette) -> None:
    found = endpoints(app)
    assert len(found) >= 25
    pages = {p.split("?")[0] for p in CURATOR_POSTS | CURATOR_PAGES}  # event pages take their uid as ?uid=
    assert {p for _, p in found} >= pages | {"/", "/kb", "/chat", "/unanswered", "/events"}


async def test_anonymous_is_refused_everywhere(app: Starlette, client: Client, services: Services) -> None:
    c = await client()
    before = await documents(services)
    for method, path in endpoints(app):
        if path in OPEN:
            continue
        response = await c.request(method, path, data={"csrf": "x", "question": "hi"})
        assert response.status_code in (303, 401, 403), (method, path, response.status_code)
        if response.status_code == 303:
            assert "/login?next=" in response.headers["location"], (method, path)
    assert await documents(services) == before


async def test_viewer_reads_but_cannot_change_anything(app: Starlette, client: Client, services: Services) -> None:
    c = await client("viewer")
    token = csrf_of((await c.get("/kb")).text)
    for path in ("/", "/kb", "/kb/doc/1", "/unanswered", "/events", "/chat"):
        assert (await c.get(path)).status_code == 200, path
    before = await documents(services)
    for path in sorted(CURATOR_POSTS):
        response = await c.post(path, data={"csrf": token, "url": "https://example.org/", "q": "1"})
        assert response.status_code == 403, path
        assert "curator" in response.text
    for path in sorted(CURATOR_PAGES):
        assert (await c.get(path)).status_code == 403, path
    for method, path in ADMIN:
        assert (await c.request(method, path, data={"csrf": token})).status_code == 403, path
    assert await documents(services) == before
    page = (await c.get("/kb")).text
    assert "Upload a file" not in page and "Remove" not in page  # the page does not offer what is refused


async def test_curator_cannot_manage_staff(client: Client, services: Services) -> None:
    c = await client("curator")
    token = csrf_of((await c.get("/kb")).text)
    assert (await c.get("/staff")).status_code == 403
    assert (await c.get("/audit")).status_code == 403
    response = await c.post("/staff/add", data={"csrf": token, "email": "mole@a6ip.test", "role": "admin",
                                                 "password": "x" * 20})
    assert response.status_code == 403
    response = await c.post("/staff/change", data={"csrf": token, "email": STAFF["admin"], "action": "remove"})
    assert response.status_code == 403
    assert (await sign_in(await client(), "mole@a6ip.test", "x" * 20)).status_code == 401


async def test_admin_manages_staff_and_sees_the_audit_log(client: Client) -> None:
    c = await client("admin")
    await post_form(c, "/staff", "/staff/add", {"email": "new@a6ip.test", "role": "viewer", "password": "p" * 12})
    assert "new@a6ip.test" in (await c.get("/staff")).text
    response = await post_form(c, "/staff", "/staff/add", {"email": "short@a6ip.test", "role": "viewer", "password": "p"})
    assert "at least 10 characters" in (await c.get(response.headers["location"])).text
    other = await client()
    assert (await sign_in(other, "new@a6ip.test", "p" * 12)).status_code == 303
    await post_form(c, "/staff", "/staff/change", {"email": "new@a6ip.test", "role": "curator", "action": "role"})
    assert (await other.get("/faq/new")).status_code == 200  # a role change applies to an open session at once
    await post_form(c, "/staff", "/staff/change", {"email": "new@a6ip.test", "action": "remove"})
    assert (await other.get("/")).status_code == 303  # a removed account's session ends at the next click
    await post_form(c, "/staff", "/staff/change", {"email": STAFF["admin"], "action": "remove"})
    assert (await c.get("/")).status_code == 200  # nobody locks themselves out
    audit = (await c.get("/audit")).text
    for action in ("staff.add", "staff.role", "staff.remove", "staff.sign_in"):
        assert action in audit


@pytest.mark.parametrize("token", [None, "", "forged-token"])
async def test_post_without_the_right_csrf_token_fails(client: Client, services: Services, token: str | None) -> None:
    c = await client("admin")
    before = await documents(services)
    data = {"csrf": token} if token is not None else {}
    response = await c.post("/kb/doc/1/remove", data=data)
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert (await c.post("/logout", data=data)).status_code == 403
    assert await documents(services) == before
    assert (await c.get("/")).status_code == 200  # still signed in


async def test_csrf_token_of_another_session_is_refused(client: Client, services: Services) -> None:
    attacker, victim = await client("viewer"), await client("admin")
    stolen = csrf_of((await attacker.get("/kb")).text)
    before = await documents(services)
    assert (await victim.post("/kb/doc/1/remove", data={"csrf": stolen})).status_code == 403
    assert await documents(services) == before


async def test_sign_in_and_out(client: Client, services: Services) -> None:
    c = await client()
    assert (await c.get("/kb")).headers["location"] == "/login?next=/kb"
    wrong = await sign_in(c, STAFF["curator"], "not the password")
    assert wrong.status_code == 401 and "Wrong email or password" in wrong.text
    assert (await sign_in(c, "nobody@a6ip.test")).status_code == 401
    token = csrf_of((await c.get("/login")).text)
    ok = await c.post("/login", data={"csrf": token, "email": STAFF["curator"].upper(), "password": "a long enough password",
                                      "next": "/kb"})
    assert ok.status_code == 303 and ok.headers["location"] == "/kb"
    assert "curator@a6ip.test (curator)" in (await c.get("/kb")).text
    assert "a6bot_console" in c.cookies and "httponly" in ok.headers["set-cookie"].lower()
    await post_form(c, "/kb", "/logout")
    assert (await c.get("/kb")).status_code == 303


async def test_sign_in_never_redirects_off_site(client: Client) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        c = await client()
        token = csrf_of((await c.get("/login")).text)
        response = await c.post("/login", data={"csrf": token, "email": STAFF["viewer"],
                                                "password": "a long enough password", "next": target})
        assert response.status_code == 303 and response.headers["location"] == "/"


async def test_sign_in_form_needs_its_csrf_token(client: Client) -> None:
    c = await client()
    await c.get("/login")
    response = await c.post("/login", data={"email": STAFF["admin"], "password": "a long enough password"})
    assert response.status_code == 403
    assert (await c.get("/")).status_code == 303


async def test_session_expires_after_idle_time(services: Services, client: Client, app: Starlette) -> None:
    short = console_app(services, idle_seconds=1)
    c = await client(target=short)
    assert (await sign_in(c, STAFF["viewer"])).status_code == 303
    assert (await c.get("/")).status_code == 200
    await asyncio.sleep(2.1)
    response = await c.get("/")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


async def test_forged_session_cookie_is_ignored(client: Client) -> None:
    c = await client()
    c.cookies.set("a6bot_console", "eyJzdGFmZl9pZCI6IDF9.forged.signature")
    assert (await c.get("/")).status_code == 303


async def test_fresh_install_explains_how_to_create_the_first_account(services: Services) -> None:
    transport = httpx.ASGITransport(app=console_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://console.test") as c:
        page = (await c.get("/login")).text
    assert "No staff account exists yet" in page and "a6bot staff add" in page
    assert re.search(r'<form method="post" action="/login">', page)
