"""Webhook mode on the shared HTTP server (the secret header is required; without it nothing happens), and
malformed updates, by webhook and by long polling, skipped without stopping the bot."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from adapters.telegram import PLATFORM
from adapters.telegram.settings import TelegramSettings
from bot.platform import Runner
from bot.config import Settings
from bot.server import HttpServer
from bot.services import Services
from tests.telegram.botapi_server import BotApiServer
from tests.telegram.conftest import exchange, silence

SECRET = "s3cret_Token-42"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
async def webhook(services: Services, api: BotApiServer) -> AsyncIterator[tuple[Runner, str]]:
    """The adapter in webhook mode behind the bot's own HTTP server; yields the runner and the hook URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/a6ip-hook"
    telegram = services.settings.section(TelegramSettings)
    telegram.telegram_webhook_url = url
    telegram.telegram_webhook_secret = SecretStr(SECRET)
    server = HttpServer("127.0.0.1", port)
    runner = await PLATFORM.start(services, server)
    await server.start()
    yield runner, url
    await runner.stop()
    await server.stop()


async def post(url: str, body: Any, secret: str | None = SECRET) -> httpx.Response:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    async with httpx.AsyncClient() as client:
        if isinstance(body, bytes):
            return await client.post(url, content=body, headers={**headers, "Content-Type": "application/json"})
        return await client.post(url, json=body, headers=headers)


async def test_webhook_is_registered_with_the_secret(api: BotApiServer, webhook: tuple[Runner, str]) -> None:
    runner, url = webhook
    assert runner.mode == "webhook"
    assert api.webhook["url"] == url and api.webhook["secret_token"] == SECRET
    assert "callback_query" in api.webhook["allowed_updates"]
    assert not api.sent("deleteWebhook") and api.commands


async def test_webhook_refuses_a_wrong_or_missing_secret(api: BotApiServer, webhook: tuple[Runner, str]) -> None:
    _, url = webhook
    for secret in ("wrong", None, SECRET + "x", ""):
        update = {"update_id": 1, **api.text_update("/start")}
        response = await post(url, update, secret)
        assert response.status_code == 403
    await api.settle(quiet=0.5)
    assert not api.sent("sendMessage") and not api.sent("sendChatAction")


async def test_webhook_with_the_right_secret_is_answered(api: BotApiServer, webhook: tuple[Runner, str]) -> None:
    _, url = webhook
    response = await post(url, {"update_id": 7, **api.text_update("What is an ITMO?")})
    assert response.status_code == 200
    [answer] = await api.wait_for("sendMessage")
    assert "mitigation outcomes" in answer.text


async def test_webhook_skips_malformed_bodies_and_updates(api: BotApiServer, webhook: tuple[Runner, str]) -> None:
    _, url = webhook
    assert (await post(url, b"{not json")).status_code == 400
    assert (await post(url, {"update_id": 8, "message": "not a message"})).status_code == 200
    assert (await post(url, {"update_id": 9, "message": {"message_id": 1, "text": "no chat, no date"}})).status_code == 200
    assert (await post(url, [1, 2, 3])).status_code == 200
    assert (await post(url, {"update_id": 10, **api.text_update("/start")})).status_code == 200
    [welcome] = await api.wait_for("sendMessage")
    assert "A6IP bot" in welcome.text and len(api.sent("sendMessage")) == 1


async def test_polling_skips_a_malformed_update_and_carries_on(api: BotApiServer, bot: Runner) -> None:
    await silence(api, {"message": "garbage"})
    await silence(api, {"message": {"message_id": 1, "chat": {"id": 1001}, "text": "no type, no date"}})
    await silence(api, {"unknown_future_update": {"x": 1}})
    [welcome] = await exchange(api, api.text_update("/start"))
    assert "A6IP bot" in welcome.text
    assert not api.updates or all(u["update_id"] > 3 for u in api.updates)  # the bad ones were confirmed, not re-served


async def test_a_bad_token_fails_clearly_at_start(services: Services, api: BotApiServer) -> None:
    from telegram.error import InvalidToken

    services.settings.section(TelegramSettings).telegram_token = SecretStr("999:WRONG")
    with pytest.raises(InvalidToken):
        await PLATFORM.start(services, HttpServer("127.0.0.1", 0))


def test_a_secret_telegram_would_refuse_is_refused_before_start() -> None:
    from adapters.telegram.webhook import webhook_secret

    with pytest.raises(ValueError, match="A6BOT_TELEGRAM_WEBHOOK_SECRET"):
        webhook_secret("has spaces and ünicode")
    assert len(webhook_secret(None)) >= 32 and webhook_secret(None) != webhook_secret(None)


def test_settings_accept_the_webhook_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A6BOT_TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram/hook")
    monkeypatch.setenv("A6BOT_TELEGRAM_WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("A6BOT_TELEGRAM_API_URL", "http://127.0.0.1:8081/bot")
    loaded = Settings(_env_file=None).section(TelegramSettings)
    assert loaded.telegram_webhook_url == "https://bot.example.org/telegram/hook"
    assert loaded.telegram_webhook_secret is not None and loaded.telegram_webhook_secret.get_secret_value() == SECRET
    assert loaded.telegram_api_url == "http://127.0.0.1:8081/bot"
