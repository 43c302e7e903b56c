"""A Notifier that POSTs each notice as JSON to a URL (chat_id is the URL): generic webhooks and test sinks."""

from __future__ import annotations

import json
from collections.abc import Mapping

import aiohttp

from bot.outreach.notifier import Notice, SendResult
from bot.outreach.render import render_plain


def retry_after(headers: Mapping[str, str], body: str) -> float:
    """Retry-After header, or Telegram's JSON parameters.retry_after, else one second."""
    header = headers.get("retry-after")
    if header:
        try:
            return float(header)
        except ValueError:
            pass
    try:
        return float(json.loads(body).get("parameters", {}).get("retry_after", 1))
    except (ValueError, AttributeError, TypeError):
        return 1.0


def result_of(status: int, headers: Mapping[str, str], body: str) -> SendResult:
    """HTTP status -> SendResult: 2xx ok, 429 retry, 5xx transient, other 4xx permanent."""
    if 200 <= status < 300:
        return SendResult.ok(headers.get("x-message-id"))
    if status == 429:
        return SendResult.retry(retry_after(headers, body), "429 Too Many Requests")
    if status >= 500 or status == 408:
        return SendResult.transient(f"HTTP {status}")
    return SendResult.permanent(f"HTTP {status}: {body[:200]}")


class WebhookNotifier:
    """POST {delivery_id, kind, text, events} to the subscriber's URL; the delivery id lets receivers dedupe.
    aiohttp rather than httpx: its per-request cost is a fraction of httpx's, which bounds a broadcast's rate."""

    def __init__(self, *, platform: str = "webhook", timeout: float = 10.0, connections: int = 200) -> None:
        self.platform = platform
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.connections = connections
        self.session: aiohttp.ClientSession | None = None  # made on first send: it needs a running loop

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        body = {"delivery_id": notice.delivery_id, "kind": notice.kind, "text": render_plain(notice),
                "events": [e.uid for e in notice.events],
                "revision": notice.event.revision if notice.events else None,
                "resource": notice.resource.url if notice.resource else None}
        if self.session is None:
            self.session = aiohttp.ClientSession(timeout=self.timeout,
                                                 connector=aiohttp.TCPConnector(limit=self.connections))
        try:
            async with self.session.post(chat_id, json=body,
                                         headers={"Idempotency-Key": str(notice.delivery_id)}) as response:
                return result_of(response.status, response.headers, (await response.read()).decode(errors="replace"))
        except (aiohttp.ClientError, TimeoutError) as error:
            return SendResult.transient(f"{type(error).__name__}: {error}")

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
