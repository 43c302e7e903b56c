"""The Slack platform (slack-bolt): questions in channels, threads and DMs, the /a6 command, feedback
buttons, OAuth installs, and outreach notices. Bolt is imported only when the platform starts, so an
install without Slack never loads it, and a broken install fails `a6bot run` loudly, naming Slack."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from adapters.slack.settings import SlackSettings, secret
from bot.outreach.ratelimit import Rate
from bot.platform import Runner

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.outreach.notifier import Notifier
    from bot.server import HttpServer
    from bot.services import Backend, Services

log = logging.getLogger("adapters.slack")
EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH = "/slack/events", "/slack/install", "/slack/oauth_redirect"


class SlackPlatform:
    """Socket Mode when A6BOT_SLACK_APP_TOKEN is set, else signed HTTP requests at /slack/events."""

    name = "slack"
    section = SlackSettings
    rate = Rate(overall=None, per_chat=1.0)  # chat.postMessage: about one message per second per channel
    migrations: Path | None = Path(__file__).resolve().parent / "migrations"

    def configured(self, settings: Settings) -> bool:
        section = settings.section(SlackSettings)
        return section.slack_bot_token is not None or section.multi_workspace

    async def start(self, services: Services, server: HttpServer) -> Runner:
        from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
        from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
        from starlette.requests import Request
        from starlette.responses import Response

        from adapters.slack.app import body_problem, build_app
        from bot.server import WEBHOOK_BODY

        settings = services.settings.section(SlackSettings)
        app_token = secret(settings.slack_app_token)
        if not app_token and not secret(settings.slack_signing_secret):
            raise RuntimeError("Slack over HTTP needs A6BOT_SLACK_SIGNING_SECRET "
                               "(or A6BOT_SLACK_APP_TOKEN for Socket Mode)")
        app = build_app(services, socket_mode=bool(app_token))
        handler = AsyncSlackRequestHandler(app)

        async def endpoint(request: Request) -> Response:
            """A body Bolt cannot parse gets 400 here (Bolt would fail with 500); the size limit came first."""
            if problem := body_problem(await request.body(), request.headers.get("content-type", "")):
                return Response(problem, status_code=400, media_type="text/plain")
            return await handler.handle(request)

        if settings.multi_workspace:
            server.add_route(INSTALL_PATH, endpoint, methods=["GET"], name="slack-install")
            server.add_route(REDIRECT_PATH, endpoint, methods=["GET"], name="slack-oauth-redirect")
        if app_token:
            socket = AsyncSocketModeHandler(app, app_token, web_client=app.client)
            await socket.connect_async()
            log.info("Slack adapter connected in Socket Mode")
            return Runner(self.name, "socket", socket.close_async)
        server.add_route(EVENTS_PATH, endpoint, methods=["POST"], name="slack-events", max_body=WEBHOOK_BODY)
        log.info("Slack adapter listening at %s", EVENTS_PATH)
        return Runner(self.name, "http", nothing_to_stop)

    def notifier(self, services: Backend) -> Notifier:
        from adapters.slack.notifier import SlackNotifier

        return SlackNotifier.from_settings(services.settings.section(SlackSettings), services.db.engine)


async def nothing_to_stop() -> None:
    """HTTP mode holds no connection of its own: the shared server stops taking requests."""


PLATFORM = SlackPlatform()
