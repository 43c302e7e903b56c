"""The sign-in limit (findings 3 and 9): each attempt is counted in the database before the password is
checked, per (account, client network), with exponential backoff. Thirty wrong passwords sent at once, then the
right one, do not sign in; guesses from one address never lock the staff member out from another; argon2 runs
in a worker thread, so /healthz keeps answering during a burst."""

from __future__ import annotations

import asyncio
import html
import time

import httpx
from sqlalchemy import select
from starlette.applications import Starlette

from bot.console import mount_console
from bot.console.models import AuditEntry
from bot.console.signin_limit import SignInLimit, network
from bot.server import HttpServer
from bot.services import Services
from bot.storage import Database
from tests.console.conftest import PASSWORD, STAFF, app, csrf_of  # noqa: F401  (fixture)


def browser(target: object, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=target, client=(address, 40000))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://console.test")


async def attempt(c: httpx.AsyncClient, token: str, email: str, password: str, prefix: str = "") -> int:
    response = await c.post(f"{prefix}/login", data={"csrf": token, "email": email, "password": password})
    return response.status_code


async def test_thirty_guesses_at_once_then_the_right_password_do_not_sign_in(app: Starlette,
                                                                            services: Services) -> None:
    app.state.sign_in_limit = SignInLimit(first_wait=60.0)  # a slow machine must not reach the second turn
    async with browser(app, "198.51.100.7") as attacker, browser(app, "192.0.2.10") as staff:
        token = csrf_of((await attacker.get("/login")).text)
        guesses = [attempt(attacker, token, STAFF["curator"], f"guess number {n}") for n in range(30)]
        codes = await asyncio.gather(*guesses, attempt(attacker, token, STAFF["curator"], PASSWORD))
        assert codes[-1] == 429, codes  # the right password came too late: refused unchecked
        assert codes.count(401) <= SignInLimit().per_account + 1 and codes.count(429) >= 24, codes
        assert (await attacker.get("/kb")).status_code == 303

        refused = await attacker.post("/login", data={"csrf": token, "email": STAFF["curator"], "password": PASSWORD})
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 30
        assert "Too many sign-in attempts for this account from your network" in html.unescape(refused.text)

        own = csrf_of((await staff.get("/login")).text)  # the staff member, elsewhere, is not locked out
        assert await attempt(staff, own, STAFF["curator"], PASSWORD) == 303
        assert (await staff.get("/kb")).status_code == 200

    async with services.db.session() as session:
        failed = (await session.scalars(select(AuditEntry).where(AuditEntry.action == "staff.sign_in_failed"))).all()
    assert len(failed) == codes.count(401) and {a.actor for a in failed} == {"address:198.51.100.7"}


async def test_waits_double_after_the_free_attempts(services: Services) -> None:
    limit = SignInLimit(per_account=2, per_network=100, first_wait=0.5, max_wait=1.0)
    claim = lambda: limit.claim(services.db, email="Someone@a6ip.test", address="2001:db8::1")  # noqa: E731
    assert [await claim(), await claim(), await claim()] == [0, 0, 0]  # two free, the third starts the clock
    assert await claim() == 1  # the next is refused for the wait (rounded up to whole seconds)
    await asyncio.sleep(0.6)
    assert await claim() == 0  # after 0.5 s one more is taken, and the wait doubles to 1 s
    await asyncio.sleep(0.6)
    assert await claim() == 1
    # An IPv6 host counts with its whole /64; another account from there is counted on its own.
    assert network("2001:db8::ffff") == network("2001:db8::1") == "2001:db8::/64"
    assert await limit.claim(services.db, email="other@a6ip.test", address="2001:db8::2") == 0
    await limit.succeeded(services.db, email="someone@a6ip.test", address="2001:db8::1")
    assert await claim() == 0  # the right password cleared the account's count from there


async def test_the_count_holds_under_concurrency_on_postgresql(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        await db.migrate()
        limit = SignInLimit(per_account=5, per_network=1000)
        waits = await asyncio.gather(*(limit.claim(db, email="staff@a6ip.test", address="198.51.100.7")
                                       for _ in range(30)))
        assert waits.count(0) == limit.per_account + 1  # five free turns and the one that starts the wait
        assert await limit.claim(db, email="staff@a6ip.test", address="192.0.2.10") == 0
    finally:
        await db.close()


async def test_healthz_answers_during_a_burst_of_sign_ins(services: Services) -> None:
    server = HttpServer("127.0.0.1", 0)
    mount_console(services, server)
    target = server.app()
    async with browser(target, "198.51.100.8") as c:
        token = csrf_of((await c.get("/console/login")).text)
        burst = asyncio.gather(*(attempt(c, token, f"nobody{n}@a6ip.test", "a wrong password", "/console")
                                 for n in range(16)))
        started, slowest = time.monotonic(), 0.0
        burst_task = asyncio.ensure_future(burst)
        while not burst_task.done():
            asked = time.monotonic()
            assert (await c.get("/healthz")).status_code == 200
            slowest = max(slowest, time.monotonic() - asked)
            await asyncio.sleep(0.02)
        took = time.monotonic() - started
        codes = await burst_task
        assert set(codes) == {401}, codes
    assert slowest < max(0.5, took / 4), (slowest, took)  # sixteen argon2 checks did not hold the event loop
