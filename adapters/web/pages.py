"""The public pages: the full page at / (chat, ask staff, upcoming events, email subscription), the compact
/embed for other sites' iframes, and /embed.js that puts that iframe on a page. Server-rendered in the
visitor's language, with one small script file and no inline script or style (strict CSP)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import NoMatchFound
from starlette.templating import Jinja2Templates

from bot.outreach.render import event_layout
from bot.outreach.topics import TOPICS
from bot.public import Visitors
from bot.services import Services
from bot.texts import say, topic_label
from bot.tools.catalogue import Resource
from bot.tools.service import kind_text, languages_text, reason

from adapters.web.languages import NAMES, page_language

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors {ancestors}")
SCRIPT_TEXTS = ("web.more", "web.less", "web.thinking", "web.helpful", "web.yes", "web.no", "web.you", "web.bot",
                "web.staff.title", "answer.sources", "button.staff")


def tool_view(resource: Resource, language: str) -> dict[str, str]:
    """What the page shows of a resource, in the page's language."""
    return {"title": resource.title, "url": resource.url, "publisher": resource.publisher,
            "kind": kind_text(resource, language), "languages": languages_text(resource, language),
            "reason": reason(resource, language)}


def headers(ancestors: str) -> dict[str, str]:
    return {"content-security-policy": CSP.format(ancestors=ancestors), "referrer-policy": "same-origin",
            "x-content-type-options": "nosniff", "cache-control": "no-store"}


@dataclass
class Pages:
    services: Services
    visitors: Visitors
    embed_origins: list[str]

    async def context(self, request: Request, *, embed: bool) -> dict[str, Any]:
        language = page_language(request)
        try:
            subscribe_url: str | None = str(request.app.url_path_for("email-subscribe"))
        except NoMatchFound:  # the email platform is not configured: no subscription form
            subscribe_url = None
        events = [] if embed else await self.services.outreach.upcoming(limit=5)
        tools = [] if embed else await self.services.tools.by_topic(language)
        return {"language": language, "languages": NAMES, "embed": embed, "token": self.visitors.new(),
                "t": lambda key, **values: say(key, language, **values),
                "texts": {key: say(key, language) for key in SCRIPT_TEXTS},
                "events": [event_layout(e, e.timezone, language) for e in events],
                "topics": [(topic, topic_label(topic, language)) for topic in TOPICS],
                "tools": [(label, [tool_view(r, language) for r in found]) for label, found in tools],
                "subscribe_url": subscribe_url, "mailbox": self.services.staff.mailbox is not None,
                "contact": self.services.staff.contact}

    async def page(self, request: Request) -> Response:
        response = templates.TemplateResponse(request, "page.html", await self.context(request, embed=False))
        response.headers.update(headers("'none'"))
        return response

    async def embed(self, request: Request) -> Response:
        response = templates.TemplateResponse(request, "page.html", await self.context(request, embed=True))
        response.headers.update(headers(" ".join(["'self'", *self.embed_origins])))
        return response

    async def embed_script(self, request: Request) -> Response:
        """`<script src="https://bot.example.org/embed.js" async></script>` puts the chat in an iframe where the
        tag is; data-lang="fr" picks its language, data-height its height."""
        base = (self.services.settings.public_url or str(request.base_url)).rstrip("/")
        script = (HERE / "static" / "embed.js").read_text().replace("__BASE__", base)
        return HTMLResponse(script, media_type="text/javascript",
                            headers={"cache-control": "max-age=3600", "x-content-type-options": "nosniff"})
