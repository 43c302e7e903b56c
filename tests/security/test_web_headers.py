"""Security headers on every response (console, public web chat, webhooks, health, errors): a CSP without
inline script, framing refused (X-Frame-Options DENY, frame-ancestors 'none') except the embeddable /embed."""

from __future__ import annotations

import httpx

from tests.security.web_site import http, settings, site, slack_api  # noqa: F401  (fixtures)

ROUTES = [("GET", "/"), ("GET", "/embed.js"), ("GET", "/web/static/web.js"), ("POST", "/web/ask"),
          ("GET", "/healthz"), ("GET", "/console/login"), ("GET", "/console/"), ("GET", "/console/static/console.js"),
          ("POST", "/console/login"), ("POST", "/slack/events"), ("GET", "/no/such/page")]


def assert_secured(response: httpx.Response, *, framed: bool = False) -> None:
    where = f"{response.request.method} {response.request.url.path} ({response.status_code})"
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0], where
    assert response.headers.get("x-content-type-options") == "nosniff", where
    assert response.headers.get("referrer-policy"), where
    if framed:
        assert "x-frame-options" not in response.headers and "frame-ancestors 'none'" not in policy, where
    else:
        assert response.headers.get("x-frame-options") == "DENY" and "frame-ancestors 'none'" in policy, where


async def test_every_route_group_sends_the_security_headers(http: httpx.AsyncClient) -> None:
    for method, path in ROUTES:
        assert_secured(await http.request(method, path, content=b"{}" if method == "POST" else None))


async def test_only_the_embed_page_may_be_framed(http: httpx.AsyncClient) -> None:
    embed = await http.get("/embed")
    assert embed.status_code == 200
    assert_secured(embed, framed=True)
    assert "frame-ancestors 'self'" in embed.headers["content-security-policy"]


async def test_console_pages_use_no_inline_script_or_style(http: httpx.AsyncClient) -> None:
    page = (await http.get("/console/login")).text
    assert "<script>" not in page and " style=" not in page and "onclick" not in page
