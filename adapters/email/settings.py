"""The email platform's settings (A6BOT_SMTP_URL, A6BOT_MAIL_*): the SMTP server, the sender, the pace."""

from __future__ import annotations

from typing import Any

from pydantic import Field, SecretStr, field_validator

from bot.config import Section, mask_url_password


class EmailSettings(Section):
    """Setting A6BOT_SMTP_URL and A6BOT_MAIL_FROM turns the email platform on.

    `smtp://user:password@host:587?starttls=true` (STARTTLS required), `smtps://user:password@host:465`
    (TLS from the first byte), `smtp://host:25` (STARTTLS when the server offers it). More query options:
    `timeout=` seconds, `cafile=` a CA bundle for a private mail server's certificate."""

    smtp_url: SecretStr | None = None
    mail_from: str | None = Field(default=None, description="sender, e.g. 'A6IP bot <bot@example.org>'")
    mail_per_minute: int = Field(default=60, ge=1, le=10_000, description="messages per minute, all addresses")
    mail_confirm_days: int = Field(default=3, ge=1, le=30, description="how long a confirmation link works")

    @field_validator("smtp_url")
    @classmethod
    def _smtp_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        """A typo (http://, a bare host) is an error at start, not a silent failure at the first notice."""
        if value is not None and value.get_secret_value() and \
                not value.get_secret_value().lower().startswith(("smtp://", "smtps://")):
            raise ValueError("A6BOT_SMTP_URL must start with smtp:// or smtps://")
        return value

    def masked(self) -> dict[str, Any]:
        """The SMTP URL with only its password hidden: where mail goes stays readable."""
        values = super().masked()
        if self.smtp_url is not None and self.smtp_url.get_secret_value():
            values["smtp_url"] = mask_url_password(self.smtp_url.get_secret_value())
        return values

    @property
    def url(self) -> str:
        return self.smtp_url.get_secret_value() if self.smtp_url is not None else ""
