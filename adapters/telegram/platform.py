"""The Telegram platform (python-telegram-bot): long polling, or a webhook route on the shared HTTP server
when A6BOT_TELEGRAM_WEBHOOK_URL is set; plus outreach notices. PTB is imported only when the platform
starts, so an install without Telegram never loads it, and a broken install fails `a6bot run` loudly."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from adapters.telegram.settings import TelegramSettings
from bot.outreach.ratelimit import Rate
from bot.platform import Runner
from bot.shared_secrets import TELEGRAM_WEBHOOK

if TYPE_CHECKING:
    from bot.cluster import Leadership
    from bot.config import Settings
    from bot.outreach.notifier import Notifier
    from bot.server import HttpServer
    from bot.services import Backend, Services

log = logging.getLogger(__name__)


class TelegramPlatform:
    name = "telegram"
    section = TelegramSettings
    rate = Rate(overall=30.0, per_chat=1.0)  # Telegram's bot FAQ: ~30 messages/s overall, ~1/s per chat
    migrations: Path | None = None

    def configured(self, settings: Settings) -> bool:
        return settings.section(TelegramSettings).telegram_token is not None

    async def start(self, services: Services, server: HttpServer) -> Runner:
        """Check the token (getMe), register the command menu, then poll or set the webhook."""
        from adapters.telegram.app import ALLOWED_UPDATES, bot_commands, build_application, register
        from adapters.telegram.webhook import webhook_endpoint, webhook_path, webhook_secret
        from bot.server import WEBHOOK_BODY

        settings = services.settings.section(TelegramSettings)
        webhook_url = settings.telegram_webhook_url
        application = build_application(settings, polling=not webhook_url)
        register(application, services)
        leadership: Leadership | None = None

        async def poll() -> None:
            """Only the elected worker polls (two pollers get 409 Conflict); the others still send."""
            assert application.updater is not None
            await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
            try:
                await asyncio.Event().wait()
            finally:
                await application.updater.stop()

        async def stop() -> None:
            """Stop polling (or taking webhook updates), finish the updates in hand, close the HTTP clients."""
            if leadership is not None:
                await leadership.stop()
            updater = application.updater
            if updater is not None and updater.running:
                await updater.stop()
            if application.running:
                await application.stop()
            await application.shutdown()

        try:
            await application.initialize()
            for language, commands in bot_commands().items():
                await application.bot.set_my_commands(commands, language_code=language)
            await application.start()
            if webhook_url:
                configured = settings.telegram_webhook_secret
                # Not configured: the install's own secret, shared by every worker, so whichever registers
                # the webhook last, all of them accept Telegram's calls.
                secret = webhook_secret(configured.get_secret_value() if configured
                                        else services.settings.shared_secret(TELEGRAM_WEBHOOK))
                server.add_route(webhook_path(webhook_url), webhook_endpoint(application, secret), methods=["POST"],
                                 max_body=WEBHOOK_BODY)
                await application.bot.set_webhook(webhook_url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
            else:
                leadership = services.cluster.run_as_leader("telegram-polling", poll)
        except BaseException:
            await stop()
            raise
        mode = "webhook" if webhook_url else "polling"
        log.info("Telegram bot @%s running (%s)", application.bot.username, mode)
        return Runner(self.name, mode, stop)

    def notifier(self, services: Backend) -> Notifier:
        from adapters.telegram.notifier import TelegramNotifier

        return TelegramNotifier.from_settings(services.settings.section(TelegramSettings))


PLATFORM = TelegramPlatform()
