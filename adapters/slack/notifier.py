"""Delivers outreach notices to Slack channels and users; maps Slack's answers onto SendResult."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.slack.blocks import escape, fallback, text_blocks
from adapters.slack.notices import notice_blocks, notice_text
from adapters.slack.oauth import InstalledTokens
from adapters.slack.settings import SlackSettings, secret
from bot.outreach.notifier import Notice, SendResult

# Errors that will not go away by retrying: the subscription is paused until someone subscribes again.
PAUSE_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived", "account_inactive",
                          "user_not_found", "token_revoked"})
TeamToken = Callable[[str], Awaitable[str | None]]  # team id -> bot token of that workspace's installation


def split_chat_id(chat_id: str) -> tuple[str | None, str]:
    """'T0123:C0456' (a workspace installed through OAuth) or a bare 'C0456' (the bot token's own workspace)."""
    team, _, channel = chat_id.rpartition(":")
    return team or None, channel


def retry_after(error: SlackApiError) -> float:
    headers = error.response.headers or {}
    for key, value in headers.items():
        if key.lower() == "retry-after":
            value = value[0] if isinstance(value, list) else value
            try:
                return max(1.0, float(value))
            except ValueError:
                break
    return 1.0


def classify(error: SlackApiError) -> SendResult:
    """429 -> retry after Retry-After; a dead channel or user -> permanent; 5xx and the rest -> transient."""
    code = str(error.response.get("error") or "")
    if error.response.status_code == 429:
        return SendResult.retry(retry_after(error), error=code or "ratelimited")
    if code in PAUSE_ERRORS:
        return SendResult.permanent(code)
    return SendResult.transient(code or f"HTTP {error.response.status_code}")


class SlackNotifier:
    """The Slack side of the outreach Notifier protocol; the dispatcher paces, retries and pauses."""

    platform = "slack"

    def __init__(self, client: AsyncWebClient, *, team_token: TeamToken | None = None) -> None:
        self.client = client
        self.team_token = team_token

    @classmethod
    def from_settings(cls, settings: SlackSettings, engine: AsyncEngine) -> SlackNotifier:
        """The bot token's client; with OAuth installs, their tokens read through the core's engine."""
        client = AsyncWebClient(token=secret(settings.slack_bot_token), base_url=settings.slack_api_url)
        return cls(client, team_token=InstalledTokens(settings, engine) if settings.slack_client_id else None)

    async def token_for(self, team: str | None) -> str | None:
        if team is None or self.team_token is None:
            return None  # the client's own token
        return await self.team_token(team)

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        """Post the notice; never raises (network trouble is a transient failure)."""
        team, channel = split_chat_id(chat_id)
        try:
            token = await self.token_for(team)
            kwargs = {"token": token} if token else {}
            response = await self.client.chat_postMessage(channel=channel, text=notice_text(notice),
                                                          blocks=notice_blocks(notice), unfurl_links=False, **kwargs)
        except SlackApiError as error:
            return classify(error)
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            return SendResult.transient(f"{type(error).__name__}: {error}"[:300])
        return SendResult.ok(message_id=str(response.get("ts") or ""))

    async def send_text(self, address: str, text: str, *, subject: str, language: str) -> SendResult:
        """A short notice in the catalogue's neutral markup (a support request moved) to a channel or user."""
        team, channel = split_chat_id(address)
        try:
            token = await self.token_for(team)
            kwargs = {"token": token} if token else {}
            response = await self.client.chat_postMessage(channel=channel, text=fallback(text),
                                                          blocks=text_blocks(escape(text)), unfurl_links=False, **kwargs)
        except SlackApiError as error:
            return classify(error)
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            return SendResult.transient(f"{type(error).__name__}: {error}"[:300])
        return SendResult.ok(message_id=str(response.get("ts") or ""))
