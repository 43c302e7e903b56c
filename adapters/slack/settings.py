"""The Slack platform's settings (A6BOT_SLACK_*): tokens, signing secret, OAuth client, staff channel."""

from __future__ import annotations

from pydantic import SecretStr, field_validator

from bot.config import Section


class SlackSettings(Section):
    """Setting A6BOT_SLACK_BOT_TOKEN (or an OAuth client) turns the Slack platform on."""

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_staff_channel: str | None = None

    @field_validator("slack_api_url")
    @classmethod
    def _web_api_base(cls, value: str) -> str:
        """slack_sdk joins method names onto the base URL, which only works with a trailing slash."""
        return value.strip().rstrip("/") + "/"

    @property
    def multi_workspace(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)


def secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None
