"""Settings: the core's, and each platform's own section read from the same environment (Telegram's and
Slack's base URLs as operators type them: with or without the Bot API's `/bot` and Slack's trailing slash)."""

from pathlib import Path

import pytest
from pydantic import SecretStr

from adapters.slack.settings import SlackSettings
from adapters.telegram.settings import TelegramSettings
from bot.config import DEFAULT_STAFF_EMAIL, Settings


@pytest.mark.parametrize("typed", ["http://127.0.0.1:8081", "http://127.0.0.1:8081/", "http://127.0.0.1:8081/bot",
                                   "http://127.0.0.1:8081/bot/"])
def test_a_bot_api_server_address_gets_the_bot_prefix_once(typed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A6BOT_TELEGRAM_API_URL", typed)
    assert Settings(_env_file=None).section(TelegramSettings).telegram_api_url == "http://127.0.0.1:8081/bot"


@pytest.mark.parametrize("typed", ["http://127.0.0.1:3000/api", "http://127.0.0.1:3000/api/"])
def test_a_slack_api_address_ends_with_one_slash(typed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A6BOT_SLACK_API_URL", typed)
    assert Settings(_env_file=None).section(SlackSettings).slack_api_url == "http://127.0.0.1:3000/api/"


def test_the_defaults_are_the_platforms_own() -> None:
    settings = Settings(_env_file=None)
    assert settings.section(TelegramSettings).telegram_api_url == "https://api.telegram.org/bot"
    assert settings.section(SlackSettings).slack_api_url == "https://slack.com/api/"
    assert settings.staff_email == DEFAULT_STAFF_EMAIL == "A6_partnership@iges.or.jp"


def test_values_given_to_settings_reach_the_platform_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    """One Settings object configures the process: a section sees what was passed in, over the environment."""
    monkeypatch.setenv("A6BOT_SLACK_BOT_TOKEN", "xoxb-from-env")
    settings = Settings(_env_file=None, telegram_token=SecretStr("1:given"))
    assert settings.section(TelegramSettings).token == "1:given"
    assert settings.section(SlackSettings).slack_bot_token == SecretStr("xoxb-from-env")
    assert settings.section(TelegramSettings) is settings.section(TelegramSettings)  # one object, changes stick


def test_a_dotenv_file_feeds_the_sections_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = tmp_path / ".env"
    env.write_text("A6BOT_TELEGRAM_STAFF_CHAT=-100123\nA6BOT_STAFF_EMAIL=staff@example.org\n")
    settings = Settings(_env_file=env)
    assert settings.staff_email == "staff@example.org"
    assert settings.section(TelegramSettings).telegram_staff_chat == "-100123"
    assert Settings(_env_file=None).section(TelegramSettings).telegram_staff_chat is None
