"""Telegram adapter: `start_telegram(services, server)` runs the bot by long polling, or by webhook on the
shared HTTP server when A6BOT_TELEGRAM_WEBHOOK_URL is set; the returned Runner stops it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from telegram.ext import Application

from bot.server import HttpServer
from bot.services import Services

from adapters.telegram.app import ALLOWED_UPDATES, bot_commands, build_application, register
from adapters.telegram.webhook import webhook_endpoint, webhook_path, webhook_secret

log = logging.getLogger(__name__)


@dataclass
class Runner:
    application: Application[Any, Any, Any, Any, Any, Any]
    mode: str  # "polling" or "webhook"

    async def stop(self) -> None:
        """Stop polling (or taking webhook updates), finish the updates in hand, close the HTTP clients."""
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()


async def start_telegram(services: Services, server: HttpServer) -> Runner:
    """Check the token (getMe), register the command menu, then poll or set the webhook."""
    settings = services.settings
    webhook_url = settings.telegram_webhook_url
    application = build_application(settings, polling=not webhook_url)
    register(application, services)
    runner = Runner(application, "webhook" if webhook_url else "polling")
    try:
        await application.initialize()
        await application.bot.set_my_commands(bot_commands())
        await application.start()
        if webhook_url:
            configured = settings.telegram_webhook_secret
            secret = webhook_secret(configured.get_secret_value() if configured else None)
            server.add_route(webhook_path(webhook_url), webhook_endpoint(application, secret), methods=["POST"])
            await application.bot.set_webhook(webhook_url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
        else:
            assert application.updater is not None
            await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
    except BaseException:
        await runner.stop()
        raise
    log.info("Telegram bot @%s running (%s)", application.bot.username, runner.mode)
    return runner


__all__ = ["Runner", "start_telegram"]
