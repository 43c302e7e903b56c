"""The public web chat: anonymous questions at / in English, French or Spanish, with the conversation kept per
visitor, "More", feedback, "ask A6IP staff", the upcoming events and (with email) the subscription form;
/embed for other sites. It takes no outreach notices. The staff console stays at /console."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from bot.outreach.ratelimit import Rate
from bot.platform import Runner

from adapters.web.settings import WebSettings

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.outreach.notifier import Notifier
    from bot.server import HttpServer
    from bot.services import Backend, Services

log = logging.getLogger("adapters.web")
ASK_PATH, FEEDBACK_PATH, STAFF_PATH, SUPPORT_PATH = "/web/ask", "/web/feedback", "/web/staff", "/web/support"


class WebPlatform:
    name = "web"
    section = WebSettings
    rate = Rate(overall=None, per_chat=None)
    migrations: Path | None = None

    def configured(self, settings: Settings) -> bool:
        return settings.section(WebSettings).web_enabled

    async def start(self, services: Services, server: HttpServer) -> Runner:
        from starlette.staticfiles import StaticFiles

        from bot.public import ClientLimits, Visitors, signing_key

        from adapters.web.chat import Chat
        from adapters.web.pages import HERE, Pages

        settings = services.settings.section(WebSettings)
        visitors = Visitors(signing_key(services.settings, "visitor"))
        pages = Pages(services, visitors, settings.web_embed_origins)
        chat = Chat(services, visitors, ClientLimits({"ask": settings.web_ask_limit, "staff": settings.web_staff_limit,
                                               "support": settings.web_support_limit}),
                    settings.web_answer_seconds)
        server.add_route("/", pages.page, name="web-page")
        server.add_route("/embed", pages.embed, name="web-embed")
        server.add_route("/embed.js", pages.embed_script, name="web-embed-script")
        server.add_route(ASK_PATH, chat.ask, methods=["POST"], name="web-ask")
        server.add_route(FEEDBACK_PATH, chat.feedback, methods=["POST"], name="web-feedback")
        server.add_route(STAFF_PATH, chat.escalate, methods=["POST"], name="web-staff")
        server.add_route(SUPPORT_PATH, chat.support, methods=["POST"], name="web-support")
        server.mount("/web/static", StaticFiles(directory=HERE / "static"), name="web-static")
        log.info("public web chat at /")
        return Runner(self.name, "http", nothing_to_stop)

    def notifier(self, services: Backend) -> Notifier | None:
        return None  # people read the page; nothing is pushed to it


async def nothing_to_stop() -> None:
    """The shared HTTP server stops taking requests; the chat holds nothing of its own."""


PLATFORM = WebPlatform()
