"""The Telegram platform's settings (A6BOT_TELEGRAM_*): token, webhook, Bot API address, staff chat."""

from __future__ import annotations

from pydantic import SecretStr, field_validator

from bot.config import Section


class TelegramSettings(Section):
    """Setting A6BOT_TELEGRAM_TOKEN turns the Telegram platform on."""

    telegram_token: SecretStr | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_staff_chat: str | None = None

    @field_validator("telegram_api_url")
    @classmethod
    def _bot_api_base(cls, value: str) -> str:
        """The Bot API puts the token after `/bot`; accept the server's bare address too."""
        value = value.strip().rstrip("/")
        return value if value.endswith("/bot") or "{token}" in value else value + "/bot"

    @property
    def token(self) -> str:
        if self.telegram_token is None:
            raise RuntimeError("A6BOT_TELEGRAM_TOKEN is not set")
        return self.telegram_token.get_secret_value()
