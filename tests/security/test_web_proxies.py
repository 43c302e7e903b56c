"""A6BOT_TRUSTED_PROXIES: X-Forwarded-For counts only when the direct peer is a listed proxy; by default none
is, so a header spoofed from 127.0.0.1 never reaches the audit log (nor the sign-in limit's count)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from bot.console.models import AuditEntry
from bot.server import trusted_proxies
from bot.services import Services
from tests.security.web_site import http, settings, sign_in, site, slack_api  # noqa: F401  (fixtures)

SPOOFED = {"x-forwarded-for": "203.0.113.9"}


async def failed_sign_in_actors(services: Services) -> list[str]:
    async with services.db.session() as session:
        rows = await session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "staff.sign_in_failed"))
        return list(rows)


async def test_forwarded_for_is_ignored_by_default(http: httpx.AsyncClient, services: Services) -> None:
    assert (await sign_in(http, password="wrong password!", headers=SPOOFED)).status_code == 401
    assert await failed_sign_in_actors(services) == ["address:127.0.0.1"]


@pytest.mark.web_settings(trusted_proxies="10.0.0.0/8, 127.0.0.1")
async def test_forwarded_for_is_used_from_a_trusted_proxy(http: httpx.AsyncClient, services: Services) -> None:
    assert (await sign_in(http, password="wrong password!", headers=SPOOFED)).status_code == 401
    assert await failed_sign_in_actors(services) == ["address:203.0.113.9"]


def test_the_setting_is_a_comma_separated_list() -> None:
    assert trusted_proxies("") == []
    assert trusted_proxies(" 10.0.0.0/8, ::1 ,") == ["10.0.0.0/8", "::1"]
