"""A Notifier that POSTs each notice as JSON to a URL (chat_id is the URL): generic webhooks and test sinks."""

from __future__ import annotations

import httpx

from bot.outreach.notifier import Notice, SendResult


def retry_after(response: httpx.Response) -> float:
    """Retry-After header, or Telegram's JSON parameters.retry_after, else one second."""
    header = response.headers.get("retry-after")
    if header:
        try:
            return float(header)
        except ValueError:
            pass
    try:
        return float(response.json().get("parameters", {}).get("retry_after", 1))
    except (ValueError, AttributeError):
        return 1.0


def result_of(response: httpx.Response) -> SendResult:
    """HTTP status -> SendResult: 2xx ok, 429 retry, 5xx transient, other 4xx permanent."""
    if response.is_success:
        return SendResult.ok(response.headers.get("x-message-id"))
    if response.status_code == 429:
        return SendResult.retry(retry_after(response), "429 Too Many Requests")
    if response.status_code >= 500 or response.status_code == 408:
        return SendResult.transient(f"HTTP {response.status_code}")
    return SendResult.permanent(f"HTTP {response.status_code}: {response.text[:200]}")


class WebhookNotifier:
    """POST {delivery_id, kind, text, events} to the subscriber's URL; the delivery id lets receivers dedupe."""

    def __init__(self, *, platform: str = "webhook", timeout: float = 10.0, client: httpx.AsyncClient | None = None) -> None:
        self.platform = platform
        self.client = client or httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=200))

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        body = {"delivery_id": notice.delivery_id, "kind": notice.kind, "text": notice.plain(),
                "events": [e.uid for e in notice.events], "revision": notice.event.revision}
        try:
            response = await self.client.post(chat_id, json=body, headers={"Idempotency-Key": str(notice.delivery_id)})
        except httpx.HTTPError as error:
            return SendResult.transient(f"{type(error).__name__}: {error}")
        return result_of(response)

    async def close(self) -> None:
        await self.client.aclose()
