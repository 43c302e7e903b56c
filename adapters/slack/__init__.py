"""Slack adapter: questions in channels, threads and DMs, the /a6 command, feedback buttons, OAuth installs."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from starlette.requests import Request
from starlette.responses import Response

from adapters.slack.app import build_app, multi_workspace, secret
from adapters.slack.handlers import SlackBot
from bot.server import HttpServer
from bot.services import Services

log = logging.getLogger("adapters.slack")
EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH = "/slack/events", "/slack/install", "/slack/oauth_redirect"


@dataclass
class Runner:
    """Handle on the running adapter; `a6bot run` calls stop() on shutdown."""

    app: AsyncApp
    bot: SlackBot
    socket: AsyncSocketModeHandler | None = None

    async def stop(self) -> None:
        if self.socket is not None:
            await self.socket.close_async()


async def start_slack(services: Services, server: HttpServer) -> Runner:
    """Socket Mode when A6BOT_SLACK_APP_TOKEN is set, else signed HTTP requests at /slack/events."""
    settings = services.settings
    app_token = secret(settings.slack_app_token)
    if not app_token and not secret(settings.slack_signing_secret):
        raise RuntimeError("Slack over HTTP needs A6BOT_SLACK_SIGNING_SECRET (or A6BOT_SLACK_APP_TOKEN for Socket Mode)")
    app, bot = build_app(services, socket_mode=bool(app_token))
    handler = AsyncSlackRequestHandler(app)

    async def endpoint(request: Request) -> Response:
        return await handler.handle(request)

    if multi_workspace(settings):
        server.add_route(INSTALL_PATH, endpoint, methods=["GET"], name="slack-install")
        server.add_route(REDIRECT_PATH, endpoint, methods=["GET"], name="slack-oauth-redirect")
    if app_token:
        socket = AsyncSocketModeHandler(app, app_token, web_client=app.client)
        await socket.connect_async()
        log.info("Slack adapter connected in Socket Mode")
        return Runner(app, bot, socket)
    server.add_route(EVENTS_PATH, endpoint, methods=["POST"], name="slack-events")
    log.info("Slack adapter listening at %s", EVENTS_PATH)
    return Runner(app, bot)
