"""The Telegram platform (python-telegram-bot): long polling, or a webhook route on the shared HTTP server
when A6BOT_TELEGRAM_WEBHOOK_URL is set; plus outreach notices. PTB is imported only when the platform
starts, so an install without Telegram never loads it, and a broken install fails `a6bot run` loudly."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from adapters.telegram.settings import TelegramSettings
from bot.outreach.ratelimit import Rate
from bot.platform import Runner

if TYPE_CHECKING:
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

        async def stop() -> None:
            """Stop polling (or taking webhook updates), finish the updates in hand, close the HTTP clients."""
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
                secret = webhook_secret(configured.get_secret_value() if configured else None)
                server.add_route(webhook_path(webhook_url), webhook_endpoint(application, secret), methods=["POST"],
                                 max_body=WEBHOOK_BODY)
                await application.bot.set_webhook(webhook_url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
            else:
                assert application.updater is not None
                await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
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
