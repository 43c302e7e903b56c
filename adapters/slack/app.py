"""The Bolt app: authorization (bot token, or OAuth installs), request checks, and thin listeners."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qs

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import ESCALATE, HELPFUL, MORE, NOT_HELPFUL
from adapters.slack.handlers import SlackBot
from adapters.slack.support import ACTION as SUPPORT_ACTION
from adapters.slack.oauth import home_or_installed, oauth_settings
from adapters.slack.settings import SlackSettings, secret
from bot.services import Services

log = logging.getLogger("adapters.slack")


def web_client(settings: SlackSettings, token: str | None) -> AsyncWebClient:
    """A client on A6BOT_SLACK_API_URL that waits out a 429's Retry-After (twice at most) instead of failing."""
    return AsyncWebClient(token=token, base_url=settings.slack_api_url,
                          retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)])


def build_app(services: Services, *, socket_mode: bool) -> AsyncApp:
    """Single-workspace with the bot token, or OAuth installs (plus the bot token's own workspace)."""
    settings = services.settings.section(SlackSettings)
    token = secret(settings.slack_bot_token)
    common: dict[str, Any] = {"signing_secret": secret(settings.slack_signing_secret) or "",
                              "request_verification_enabled": not socket_mode, "logger": log}
    if settings.multi_workspace:
        client = web_client(settings, None)
        oauth = oauth_settings(settings, services.db.engine, public_url=services.settings.public_url)
        app = AsyncApp(client=client, oauth_settings=oauth, **common,
                       authorize=home_or_installed(settings, oauth.installation_store, client, log))
        app.enable_token_revocation_listeners()  # an uninstalled workspace's tokens leave the store
    else:
        app = AsyncApp(client=web_client(settings, token), **common)
    # Bolt logs the whole body of a badly signed request at INFO: anyone could fill the log with anything.
    for name in ("slack_bolt.RequestVerification", "slack_bolt.AsyncRequestVerification"):
        logging.getLogger(name).setLevel(logging.WARNING)
    bot = SlackBot(services, settings, staff_client=web_client(settings, token) if token else None)
    register(app, bot)
    return app


def body_problem(body: bytes, content_type: str) -> str | None:
    """Why Bolt could not parse this body (JSON, or a form whose `payload` is JSON), or None when it can."""
    try:
        text = body.decode()
        if content_type.startswith("application/json"):
            json.loads(text)
        elif payload := parse_qs(text).get("payload"):
            json.loads(payload[0])
    except ValueError:  # UnicodeDecodeError and JSONDecodeError alike
        return "The request body is not valid JSON (or a form with a JSON payload)."
    return None


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Listeners only translate: Bolt's arguments in, a SlackBot method called."""

    @app.middleware
    async def single_use(req: AsyncBoltRequest, body: dict[str, Any], next: Any) -> BoltResponse | None:
        """Runs after Bolt checked the signature: a replayed signature or a retried event_id does nothing."""
        if await bot.first_use(req.headers) and await bot.first_sight(body):
            return await next()  # type: ignore[no-any-return]
        return BoltResponse(status=200, body="")

    @app.event("app_mention")
    async def mention(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        await bot.on_mention(client, event, context.team_id or "")

    @app.event("message")
    async def message(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        await bot.on_message(client, event, context.team_id or "", context.bot_user_id)

    @app.command("/a6")
    async def command(ack: Any, command: dict[str, Any], client: AsyncWebClient, respond: Any) -> None:
        await ack()
        await bot.on_command(client, command, respond)

    @app.action(MORE)
    async def more(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any) -> None:
        await ack()
        await bot.on_more(client, body, respond)

    @app.action(HELPFUL)
    async def helpful(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any) -> None:
        await ack()
        await bot.on_feedback(client, body, respond, helpful=True)

    @app.action(NOT_HELPFUL)
    async def not_helpful(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any) -> None:
        await ack()
        await bot.on_feedback(client, body, respond, helpful=False)

    @app.action(ESCALATE)
    async def escalate(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any) -> None:
        await ack()
        await bot.on_escalate(client, body, respond)

    @app.action(SUPPORT_ACTION)
    async def support(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any) -> None:
        await ack()
        await bot.on_support_click(client, body, respond)
