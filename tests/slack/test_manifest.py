"""The shipped app manifest asks for what the adapter uses and points Slack at the routes it serves."""

from __future__ import annotations

from pathlib import Path

import yaml

import adapters.slack
from adapters.slack.platform import EVENTS_PATH, REDIRECT_PATH
from adapters.slack.commands import SUB_COMMANDS
from adapters.slack.oauth import SCOPES

MANIFEST = Path(adapters.slack.__file__).parent / "manifest.yaml"


def test_manifest_matches_the_adapter() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    assert manifest["oauth_config"]["scopes"]["bot"] == SCOPES
    assert manifest["oauth_config"]["redirect_urls"][0].endswith(REDIRECT_PATH)
    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == "/a6" and command["url"].endswith(EVENTS_PATH)
    for name in SUB_COMMANDS:
        assert name in command["usage_hint"]
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.channels", "message.groups",
                                                                  "message.im", "app_uninstalled", "tokens_revoked"}
    assert settings["event_subscriptions"]["request_url"].endswith(EVENTS_PATH)
    assert settings["interactivity"]["request_url"].endswith(EVENTS_PATH)
