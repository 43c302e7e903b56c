"""Request bodies are limited per route while they are read (finding 5): Content-Length over the limit and
chunked bodies alike get 413 with a clear message before anything is spooled; Slack checks the size before the
signature, a non-JSON body is 400 (not 500), and a badly signed body never reaches the log."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.security.web_site import http, settings, sign_in, site, slack_api  # noqa: F401  (fixtures)
from tests.slack.conftest import sign

MB = 1024 * 1024


async def stream(total: int, piece: int = 64 * 1024) -> AsyncIterator[bytes]:
    """A chunked body (no Content-Length): the size is known only by reading it."""
    sent = 0
    while sent < total:
        yield b"x" * piece
        sent += piece


async def declared(site: str, path: str, length: int, content_type: str = "application/json") -> tuple[int, str]:
    """Announce a huge body, send a few bytes, read the answer: what an attacker's raw socket does."""
    host, port = site.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n"
                 f"Content-Length: {length}\r\n\r\n{{}}".encode())
    await writer.drain()
    head, _, body = (await asyncio.wait_for(reader.read(65536), 10)).decode().partition("\r\n\r\n")
    writer.close()
    return int(head.split()[1]), body


async def post_refused(http: httpx.AsyncClient, path: str, **request: object) -> httpx.Response | None:
    """The response, or None when the server closed the connection after answering 413 mid-upload."""
    try:
        return await http.post(path, **request)  # type: ignore[arg-type]
    except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
        return None


async def test_oversized_unsigned_slack_body_is_refused_before_the_signature(site: str, http: httpx.AsyncClient) -> None:
    started = time.monotonic()
    status, text = await declared(site, "/slack/events", 50 * MB)
    assert status == 413 and "larger than this address accepts (1 MB)" in text
    chunked = await post_refused(http, "/slack/events", content=stream(3 * MB),
                                 headers={"content-type": "application/json"})
    assert chunked is None or chunked.status_code == 413
    assert time.monotonic() - started < 10


async def test_non_json_body_to_slack_is_400_not_500(http: httpx.AsyncClient) -> None:
    body = b"{not json"
    response = await http.post("/slack/events", content=body,
                                headers={"content-type": "application/json", **sign(body)})
    assert response.status_code == 400 and "not valid JSON" in response.text
    form = b"payload=%7Bbroken"
    response = await http.post("/slack/events", content=form,
                                headers={"content-type": "application/x-www-form-urlencoded", **sign(form)})
    assert response.status_code == 400


async def test_badly_signed_body_is_not_logged(http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    body = json.dumps({"type": "event_callback", "event": {"text": "MARKER-secret-body-text"}}).encode()
    with caplog.at_level(logging.DEBUG):
        response = await http.post("/slack/events", content=body,
                                    headers={"content-type": "application/json", **sign(body, secret="wrong")})
    assert response.status_code == 401
    assert "MARKER-secret-body-text" not in caplog.text


async def test_console_login_and_uploads_are_limited_while_reading(site: str, http: httpx.AsyncClient) -> None:
    status, text = await declared(site, "/console/login", 200 * MB, "application/x-www-form-urlencoded")
    assert status == 413 and "64 KB" in text
    chunked = await post_refused(http, "/console/login", content=stream(MB),
                                 headers={"content-type": "application/x-www-form-urlencoded"})
    assert chunked is None or chunked.status_code == 413

    assert (await sign_in(http)).status_code == 303
    boundary = "a6bot-test-boundary"

    async def upload() -> AsyncIterator[bytes]:
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
               "Content-Type: text/plain\r\n\r\n").encode()
        async for piece in stream(21 * MB, MB):
            yield piece

    refused = await post_refused(http, "/console/kb/upload", content=upload(),
                                 headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert refused is None or (refused.status_code == 413 and "20 MB" in refused.text)
    documents = await http.get("/console/kb")
    assert documents.status_code == 200 and "big.txt" not in documents.text  # signed in still, nothing stored
