"""Platform base URLs as operators type them: with or without the Bot API's `/bot` and Slack's trailing slash."""

import pytest

from bot.config import Settings


@pytest.mark.parametrize("typed", ["http://127.0.0.1:8081", "http://127.0.0.1:8081/", "http://127.0.0.1:8081/bot",
                                   "http://127.0.0.1:8081/bot/"])
def test_a_bot_api_server_address_gets_the_bot_prefix_once(typed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A6BOT_TELEGRAM_API_URL", typed)
    assert Settings(_env_file=None).telegram_api_url == "http://127.0.0.1:8081/bot"


@pytest.mark.parametrize("typed", ["http://127.0.0.1:3000/api", "http://127.0.0.1:3000/api/"])
def test_a_slack_api_address_ends_with_one_slash(typed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A6BOT_SLACK_API_URL", typed)
    assert Settings(_env_file=None).slack_api_url == "http://127.0.0.1:3000/api/"


def test_the_defaults_are_the_platforms_own() -> None:
    settings = Settings(_env_file=None)
    assert settings.telegram_api_url == "https://api.telegram.org/bot"
    assert settings.slack_api_url == "https://slack.com/api/"
