"""The email platform's HTTP endpoints: the subscription form's JSON endpoint (for the public page), the
confirmation link (a page with a button, so a mail scanner that follows links confirms nothing) and the
unsubscribe link (the same, plus RFC 8058's one-click POST that mail providers send)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from bot.public import ClientLimits, PublicError, Visitors, client_address, json_body, same_origin, text_field
from bot.texts import UserError, say, topics_text

from adapters.email.links import CONFIRM_PATH, SUBSCRIBE_PATH, UNSUBSCRIBE_PATH
from adapters.email.subscribers import Subscribers

PAGES = Environment(loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
                    autoescape=select_autoescape(["html"]))
# The pages hold no script or style of their own; nothing may frame them, they send no referrer (the token).
HEADERS = {"content-security-policy": "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
           "referrer-policy": "no-referrer", "cache-control": "no-store"}
LIMITS = {"subscribe": "5/hour;20/day"}


def page(language: str, title: str, message: str, *, action: str | None = None, button: str = "",
         status: int = 200) -> HTMLResponse:
    html = PAGES.get_template("page.html").render(language=language, title=title, message=message, action=action,
                                                  button=button)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def token_of(request: Request) -> str:
    return request.query_params.get("t", "")[:500]


def routes(subscribers: Subscribers, visitors: Visitors, *, public_url: str | None,
           limits: ClientLimits | None = None) -> list[tuple[str, object, list[str], str]]:
    """(path, endpoint, methods, name) for bot.server.HttpServer.add_route."""
    limits = limits or ClientLimits(LIMITS)

    async def subscribe(request: Request) -> Response:
        """JSON {token, email, topics, language, timezone} from the public page; JSON {message} back."""
        language = "en"
        try:
            if not same_origin(request, public_url):
                raise PublicError(403, "public.error.expired")
            body = await json_body(request)
            language = body.get("language") if body.get("language") in ("en", "fr", "es") else "en"
            visitors.visitor(body.get("token"))
            await limits.hit("subscribe", client_address(request))
            topics = body.get("topics") or []
            if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
                raise PublicError(400, "public.error.field", field="topics")
            message = await subscribers.request(
                address=text_field(body, "email", limit=254), topics=topics, language=language,
                timezone=text_field(body, "timezone", limit=64, required=False) or None, source="form")
        except PublicError as error:
            headers = {"retry-after": str(error.retry_after)} if error.retry_after else None
            return JSONResponse({"error": say(error.key, language, **error.values)}, error.status, headers=headers)
        except UserError as error:
            return JSONResponse({"error": error.say(language)}, 400)
        return JSONResponse({"message": message})

    async def confirm(request: Request) -> Response:
        token = token_of(request)
        pending = await subscribers.pending(token)
        if pending is None:
            return page("en", say("email.confirm.title"), say("email.link_invalid"), status=400)
        language, topics = pending.language, topics_text(pending.topics, pending.language)
        if request.method == "GET":
            return page(language, say("email.confirm.title", language),
                        say("email.confirm.question", language, topics=topics, zone=pending.timezone),
                        action=f"{CONFIRM_PATH}?t={token}", button=say("email.confirm.button", language))
        if not same_origin(request, public_url) or await subscribers.confirm(token) is None:
            return page(language, say("email.confirm.title", language), say("email.link_invalid", language),
                        status=400)
        return page(language, say("email.confirm.title", language), say("email.confirmed", language, topics=topics))

    async def unsubscribe(request: Request) -> Response:
        """GET: a page with the button. POST: the button, or a mail provider's one-click request (RFC 8058),
        which comes from no page of ours: the signed link alone authorises it. Done twice, still done."""
        token = token_of(request)
        chat_id = subscribers.links.unsubscriber(token)
        if chat_id is None:
            return page("en", say("email.unsubscribe.title"), say("email.link_invalid"), status=400)
        if request.method == "GET":
            row = await subscribers.address(chat_id)
            language = row.language if row else "en"
            if row is None:
                return page(language, say("email.unsubscribe.title"), say("email.unsubscribed"))
            return page(language, say("email.unsubscribe.title", language), say("email.unsubscribe.question", language),
                        action=f"{UNSUBSCRIBE_PATH}?t={token}", button=say("email.unsubscribe.button", language))
        row = await subscribers.unsubscribe(token)
        language = row.language if row else "en"
        return page(language, say("email.unsubscribe.title", language), say("email.unsubscribed", language))

    return [(SUBSCRIBE_PATH, subscribe, ["POST"], "email-subscribe"),
            (CONFIRM_PATH, confirm, ["GET", "POST"], "email-confirm"),
            (UNSUBSCRIBE_PATH, unsubscribe, ["GET", "POST"], "email-unsubscribe")]
