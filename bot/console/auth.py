"""Who is asking: the server-side session (bot.console.sessions), its CSRF token, and role guards for endpoints."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from bot.console.accounts import get_staff, rank
from bot.console.sessions import state_of

FLASH_LIMIT = 300  # a message is one short line: never fetched or uploaded text (it lives in the session row)


@dataclass(frozen=True)
class Staff:
    id: int
    email: str
    role: str

    def may(self, role: str) -> bool:
        return rank(self.role) >= rank(role)


Handler = Callable[[Request, Staff], Awaitable[Response]]


def base(request: Request) -> str:
    """Where the console is mounted (/console under `a6bot run`, empty in a bare test app)."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


async def csrf_ok(request: Request) -> bool:
    """The form's (or the X-CSRF-Token header's) token equals this session's token."""
    expected = request.session.get("csrf")
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        sent = (await request.form(max_part_size=2 * 1024 * 1024)).get("csrf")
    return bool(expected) and isinstance(sent, str) and hmac.compare_digest(sent, str(expected))


async def current_staff(request: Request) -> Staff | None:
    """The signed-in staff member, re-read from the database so a removed account or new role applies at once;
    idle and absolute expiry are the session middleware's."""
    state = state_of(request)
    if state.staff_id is None:
        return None
    account = await get_staff(request.app.state.services.db, account_id=state.staff_id)
    if account is None:
        state.end()
        return None
    return Staff(account.id, account.email, account.role)


def sign_in(request: Request, staff_id: int) -> None:
    """A new session (new cookie token, fresh CSRF token); the one used before sign-in is deleted."""
    state_of(request).start(staff_id, secrets.token_urlsafe(32))


def sign_out(request: Request) -> None:
    """Delete the session on the server and the cookie in the browser."""
    state_of(request).end()


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A one-line message for the next page, cut short: error texts can quote what a user or a site sent."""
    if len(message) > FLASH_LIMIT:
        message = message[:FLASH_LIMIT - 1] + "…"
    request.session.setdefault("flash", []).append([kind, message])


def guard(role: str = "viewer") -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Endpoint decorator: signed in, at least `role`, and for anything but GET a valid CSRF token."""
    def decorate(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        @wraps(handler)
        async def endpoint(request: Request) -> Response:
            staff = await current_staff(request)
            if staff is None:
                target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
                return RedirectResponse(f"{base(request)}/login?next={target}", status_code=303)
            if not staff.may(role):
                return PlainTextResponse(f"This needs the {role} role; you are signed in as {staff.role}.",
                                         status_code=403)
            if request.method != "GET" and not await csrf_ok(request):
                return PlainTextResponse("The form has expired or did not come from this console "
                                         "(missing or wrong CSRF token). Reload the page and try again.",
                                         status_code=403)
            return await handler(request, staff)
        return endpoint
    return decorate
