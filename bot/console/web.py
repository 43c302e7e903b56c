"""Rendering helpers every console page shares: the Jinja environment, page context, redirects, form fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from bot.console.auth import Staff, base, csrf_token
from knowledge.links import safe_link

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")  # autoescape on for .html
templates.env.globals["tz"] = ZoneInfo  # event forms show times in the event's own zone
templates.env.filters["link"] = safe_link  # a stored link is only ever rendered as http(s) or mailto


def page(request: Request, name: str, staff: Staff | None, status_code: int = 200, **context: Any) -> Response:
    """Render a template with what the layout needs: who is signed in, the CSRF token, pending messages."""
    messages = request.session.pop("flash", [])
    context.update(staff=staff, csrf=csrf_token(request), base=base(request), messages=messages)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def go(request: Request, path: str) -> RedirectResponse:
    """Post/redirect/get: after a change, show the page the change belongs to."""
    return RedirectResponse(base(request) + path, status_code=303)


def text(form: FormData, name: str, limit: int = 5000) -> str:
    """A text field, trimmed and capped; a file where text is expected counts as empty."""
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def brief(message: str, limit: int = 500) -> str:
    """A message short enough for the flash (it travels in the session cookie): an error about a fetched
    document may quote the document's own text, which can be megabytes."""
    return message if len(message) <= limit else message[:limit - 1] + "…"


def lines(form: FormData, name: str) -> list[str]:
    return [line.strip() for line in text(form, name, 20000).splitlines() if line.strip()]


def safe_next(target: str | None, fallback: str) -> str:
    """Only a path on this site (no scheme, no //host) may be a redirect target after sign-in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return fallback
