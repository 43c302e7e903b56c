"""Console sessions live on the server (finding 7): the cookie is only a random token, so a stolen cookie stops
working at logout, every session of an account ends when its password changes, and sessions expire (idle and
absolute) on the server, whatever the browser keeps. Messages shown after a redirect are short lines."""

from __future__ import annotations

import hashlib

from sqlalchemy import select, update
from starlette.applications import Starlette

from bot.console.accounts import set_password
from bot.console.auth import FLASH_LIMIT
from bot.console.models import AuditEntry, StaffSession
from bot.console.sessions import ABSOLUTE, COOKIE, IDLE
from bot.console.signin_limit import SignInLimit
from bot.services import Services
from tests.console.conftest import PASSWORD, STAFF, Client, app, client, post_form, sign_in  # noqa: F401  (fixtures)


async def test_a_stolen_cookie_stops_working_after_logout(client: Client, services: Services) -> None:
    owner = await client("curator")
    token = owner.cookies[COOKIE]
    async with services.db.session() as session:
        row = await session.get(StaffSession, hashlib.sha256(token.encode()).hexdigest())
    assert row is not None and row.staff_id is not None  # the row says who; the cookie is 32 random bytes only
    assert len(token) == 43 and "." not in token

    thief = await client()
    thief.cookies.set(COOKIE, token)
    assert (await thief.get("/kb")).status_code == 200
    assert (await post_form(owner, "/", "/logout")).status_code == 303
    refused = await thief.get("/kb")
    assert refused.status_code == 303 and "/login" in refused.headers["location"]
    async with services.db.session() as session:
        assert (await session.scalars(select(StaffSession).where(StaffSession.staff_id.is_not(None)))).all() == []


async def test_sign_in_gives_a_new_token(client: Client) -> None:
    browser = await client()
    await browser.get("/login")
    before = browser.cookies[COOKIE]
    assert (await sign_in(browser, STAFF["viewer"])).status_code == 303
    assert browser.cookies[COOKIE] != before  # a token planted before sign-in is worthless after it


async def test_a_password_change_ends_every_session_of_the_account(client: Client, services: Services) -> None:
    laptop, phone, other = await client("curator"), await client("curator"), await client("viewer")
    assert await set_password(services.db, email=STAFF["curator"], password="another long password", actor="test")
    for browser in (laptop, phone):
        assert (await browser.get("/kb")).status_code == 303
    assert (await other.get("/kb")).status_code == 200  # other accounts keep theirs
    again = await client()
    assert (await sign_in(again, STAFF["curator"], "another long password")).status_code == 303


async def test_sessions_expire_on_the_server_idle_and_absolute(client: Client, services: Services) -> None:
    for column, limit in ((StaffSession.created_at, ABSOLUTE), (StaffSession.seen_at, IDLE)):
        browser = await client("viewer")
        token = browser.cookies[COOKIE]
        assert (await browser.get("/")).status_code == 200
        async with services.db.session() as session:  # the session started (or was last used) just too long ago
            await session.execute(update(StaffSession).where(StaffSession.id == hashlib.sha256(token.encode())
                                                             .hexdigest()).values({column: column - limit - 5}))
        assert (await browser.get("/")).status_code == 303
        replay = await client()
        replay.cookies.set(COOKIE, token)
        assert (await replay.get("/")).status_code == 303


async def test_messages_after_a_redirect_are_short_and_stay_on_the_server(client: Client) -> None:
    admin = await client("admin")
    long_email = "x" * 5000
    response = await post_form(admin, "/staff", "/staff/add",
                               {"email": long_email, "role": "viewer", "password": "a long enough password"})
    assert response.status_code == 303
    assert all(len(value) < 200 for value in response.headers.get_list("set-cookie"))
    page = (await admin.get("/staff")).text
    assert "is not an email address" in page or "…" in page
    assert long_email[:FLASH_LIMIT] not in page


async def test_staff_change_their_own_password_in_the_console(client: Client, services: Services) -> None:
    """The current password is asked for and counted like a sign-in; the change ends the account's other sessions
    (a copied cookie too) and this browser goes on with a new token; without the form's CSRF token nothing happens."""
    laptop, phone = await client("viewer"), await client("viewer")
    copied = laptop.cookies[COOKIE]
    page = (await laptop.get("/account")).text
    assert 'action="/account/password"' in page and 'href="/account"' in page  # reached from every page's header
    new = "a brand new passphrase"
    forged = await laptop.post("/account/password", data={"csrf": "forged", "current": PASSWORD, "password": new,
                                                           "again": new})
    assert forged.status_code == 403 and "CSRF" in forged.text
    for form, message in (({"current": "not it", "password": new, "again": new}, "current password is not right"),
                          ({"current": PASSWORD, "password": new, "again": new + "!"}, "two new passwords differ"),
                          ({"current": PASSWORD, "password": "short", "again": "short"}, "at least 10 characters")):
        response = await post_form(laptop, "/account", "/account/password", form)
        assert response.status_code == 303
        assert message in (await laptop.get("/account")).text
    assert (await phone.get("/kb")).status_code == 200  # nothing changed so far

    changed = await post_form(laptop, "/account", "/account/password", {"current": PASSWORD, "password": new,
                                                                         "again": new})
    assert changed.status_code == 303 and laptop.cookies[COOKIE] != copied
    assert "Your password is changed" in (await laptop.get("/account")).text
    assert (await phone.get("/kb")).status_code == 303
    thief = await client()
    thief.cookies.set(COOKIE, copied)
    assert (await thief.get("/kb")).status_code == 303
    assert (await sign_in(await client(), STAFF["viewer"])).status_code == 401  # the old password is gone
    assert (await sign_in(await client(), STAFF["viewer"], new)).status_code == 303
    async with services.db.session() as session:
        actions = (await session.scalars(select(AuditEntry.action).where(AuditEntry.target == STAFF["viewer"])
                                         .where(AuditEntry.action.like("staff.password%")))).all()
    assert sorted(actions) == ["staff.password", "staff.password_failed"]


async def test_guessing_the_current_password_is_braked_like_a_sign_in(app: Starlette, client: Client) -> None:
    """A stolen session cannot be used to try passwords at leisure: the sign-in brake counts each guess."""
    app.state.sign_in_limit = SignInLimit(first_wait=600.0)  # the first wait outlasts a slow machine's next request
    browser = await client("curator")
    for _ in range(6):  # the free turns, and the first one that sets a wait
        await post_form(browser, "/account", "/account/password", {"current": "guess", "password": "x" * 12,
                                                                     "again": "x" * 12})
    await post_form(browser, "/account", "/account/password", {"current": PASSWORD, "password": "y" * 12,
                                                                "again": "y" * 12})
    assert "Too many wrong passwords for this account" in (await browser.get("/account")).text
    assert (await browser.get("/kb")).status_code == 200  # not changed: still signed in
