"""Sign-in throttling: after too many failed attempts for an account or from an address, further attempts are
refused (even with the right password) with a clear message, until the window has passed."""

from __future__ import annotations

import html

from sqlalchemy import select
from starlette.applications import Starlette

from bot.console.models import AuditEntry
from bot.console.throttle import SignInThrottle
from bot.services import Services
from tests.console.conftest import PASSWORD, STAFF, Client, sign_in


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limits_per_email_and_per_address_in_a_sliding_window() -> None:
    clock = Clock()
    throttle = SignInThrottle(per_email=3, per_address=5, window=60, clock=clock)
    for _ in range(3):
        assert throttle.retry_after(email="a@x.org", address="10.0.0.1") == 0
        throttle.failed(email="A@x.org ", address="10.0.0.1")
        clock.now += 10
    assert throttle.retry_after(email="a@x.org", address="10.0.0.2") == 30  # first failure at 1000 ages out at 1060; now 1030
    assert throttle.retry_after(email="b@x.org", address="10.0.0.1") == 0
    throttle.failed(email="b@x.org", address="10.0.0.1")
    throttle.failed(email="c@x.org", address="10.0.0.1")  # five from this address, spread over emails
    assert throttle.retry_after(email="d@x.org", address="10.0.0.1") > 0
    assert throttle.retry_after(email="d@x.org", address="10.0.0.9") == 0
    clock.now += 40
    assert throttle.retry_after(email="a@x.org", address="10.0.0.2") == 0  # the oldest failure aged out
    throttle.failed(email="b@x.org", address="10.0.0.3")
    throttle.succeeded(email="b@x.org")
    assert ("email", "b@x.org") not in throttle.failures


async def test_sign_in_is_refused_after_five_failures(app: Starlette, client: Client, services: Services) -> None:
    clock = Clock()
    app.state.throttle = SignInThrottle(clock=clock)
    c = await client()
    for _ in range(5):
        wrong = await sign_in(c, STAFF["curator"], "guessed password")
        assert wrong.status_code == 401 and "Wrong email or password" in wrong.text
    refused = await sign_in(c, STAFF["curator"], PASSWORD)  # the right password is refused too, for now
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts" in html.unescape(refused.text) and "15 minute(s)" in refused.text
    assert int(refused.headers["Retry-After"]) == 900
    assert (await c.get("/kb")).status_code == 303  # not signed in
    assert (await sign_in(c, STAFF["viewer"])).status_code == 303  # another account from here still may

    async with services.db.session() as session:
        failed = (await session.scalars(select(AuditEntry).where(AuditEntry.action == "staff.sign_in_failed"))).all()
    assert len(failed) == 5 and {(a.actor, a.target) for a in failed} == {("address:127.0.0.1", STAFF["curator"])}

    clock.now += 15 * 60
    later = await client()
    assert (await sign_in(later, STAFF["curator"])).status_code == 303
    assert (await later.get("/kb")).status_code == 200


async def test_guessing_many_accounts_from_one_address_is_refused(app: Starlette, client: Client) -> None:
    app.state.throttle = SignInThrottle(clock=Clock())
    c = await client()
    for n in range(20):
        assert (await sign_in(c, f"guess{n}@a6ip.test", "guessed password")).status_code == 401
    refused = await sign_in(c, STAFF["admin"])
    assert refused.status_code == 429 and "from your network" in refused.text
