"""The Telegram webhook takes updates of up to 1 MB (finding 5): a larger body, with the right secret or a wrong
one, declared or chunked, is refused before it is read, and the bot goes on answering updates of the usual size.

"Before it is read" is shown the way an attacker's socket would see it: the request announces a huge body and
sends only its first bytes; the answer arrives at once. A server that read the body first would wait forever."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from urllib.parse import urlparse

import httpx

from adapters.telegram.webhook import SECRET_HEADER
from bot.platform import Runner
from tests.telegram.botapi_server import BotApiServer
from tests.telegram.conftest import api, prepared_data, settings  # noqa: F401  (fixtures)
from tests.telegram.test_webhook_and_malformed import SECRET, webhook  # noqa: F401  (fixture)

MB = 1024 * 1024


async def unfinished(url: str, secret: str, *, length: int | None) -> tuple[int, str]:
    """POST announcing `length` bytes (None: chunked, with no end), send 64 KB of it, read the answer."""
    where = urlparse(url)
    reader, writer = await asyncio.open_connection(where.hostname, where.port)
    framing = f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    piece = b'{"update_id": 1, "message": {"text": "' + b"x" * (64 * 1024)
    body = piece if length is not None else f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    writer.write(f"POST {where.path} HTTP/1.1\r\nHost: {where.netloc}\r\nContent-Type: application/json\r\n"
                 f"{SECRET_HEADER}: {secret}\r\n{framing}\r\n\r\n".encode() + body)
    await writer.drain()
    try:
        head, _, text = (await asyncio.wait_for(reader.read(65536), 10)).decode().partition("\r\n\r\n")
    finally:
        writer.close()
    return int(head.split()[1]), text


async def chunks(total: int) -> AsyncIterator[bytes]:
    for _ in range(total // (64 * 1024)):
        yield b"x" * (64 * 1024)


async def test_an_update_over_1_mb_is_refused_unread(webhook: tuple[Runner, str], api: BotApiServer) -> None:  # noqa: F811
    _, url = webhook
    big = b'{"update_id": 1, "message": {"text": "' + b"x" * (2 * MB) + b'"}}'
    async with httpx.AsyncClient(timeout=30) as http:
        refused = await http.post(url, content=big, headers={SECRET_HEADER: SECRET})
        assert refused.status_code == 413 and "1 MB" in refused.text
        try:
            chunked = await http.post(url, content=chunks(3 * MB), headers={SECRET_HEADER: SECRET})
            assert chunked.status_code == 413  # counted while reading: no Content-Length to trust
        except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
            pass  # the server answered 413 and closed the connection while the client was still sending

        # A wrong secret with a body over the limit: refused on its declared size, or, chunked (no size to
        # check), on the secret, before a byte of the body is read.
        status, text = await unfinished(url, "wrong", length=50 * MB)
        assert status == 413 and "larger than this address accepts (1 MB)" in text
        status, text = await unfinished(url, "wrong", length=None)
        assert status == 403 and text == "forbidden"
        status, _ = await unfinished(url, SECRET, length=50 * MB)
        assert status == 413  # the right secret does not buy a bigger body either

        usual = await http.post(url, json={"update_id": 2}, headers={SECRET_HEADER: SECRET})
        assert usual.status_code == 200
    await api.settle(quiet=0.3)
    assert not api.sent("sendMessage")  # nothing of the refused bodies reached the bot
