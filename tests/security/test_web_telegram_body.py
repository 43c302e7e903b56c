"""The Telegram webhook takes updates of up to 1 MB (finding 5): a larger body, with or without the secret, is
refused with 413 before it is read, and the bot goes on answering updates of the usual size."""

from __future__ import annotations

import httpx

from adapters.telegram.webhook import SECRET_HEADER
from bot.platform import Runner
from tests.telegram.conftest import api, prepared_data, settings  # noqa: F401  (fixtures)
from tests.telegram.test_webhook_and_malformed import SECRET, webhook  # noqa: F401  (fixture)


async def test_an_update_over_1_mb_is_refused_unread(webhook: tuple[Runner, str]) -> None:  # noqa: F811
    _, url = webhook
    big = b'{"update_id": 1, "message": {"text": "' + b"x" * (2 * 1024 * 1024) + b'"}}'
    async with httpx.AsyncClient(timeout=30) as http:
        refused = await http.post(url, content=big, headers={SECRET_HEADER: SECRET})
        assert refused.status_code == 413 and "1 MB" in refused.text
        usual = await http.post(url, json={"update_id": 2}, headers={SECRET_HEADER: SECRET})
        assert usual.status_code == 200
