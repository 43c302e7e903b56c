"""Who is asking: signed session cookie, idle expiry, per-session CSRF token, and role guards for endpoints."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from bot.config import Settings
from bot.console.accounts import get_staff, rank
from bot.shared_secrets import SESSION

MAX_BODY = 21 * 1024 * 1024  # an upload of 20 MB plus the form around it


@dataclass(frozen=True)
class Staff:
    id: int
    email: str
    role: str

    def may(self, role: str) -> bool:
        return rank(self.role) >= rank(role)


Handler = Callable[[Request, Staff], Awaitable[Response]]


def session_secret(settings: Settings) -> str:
    """A6BOT_SESSION_SECRET, else the install's own secret from the database (shared by every worker, so a
    session signed by one is valid on the others), else one kept under the data dir."""
    if settings.session_secret is not None and settings.session_secret.get_secret_value():
        return settings.session_secret.get_secret_value()
    shared = settings.shared_secret(SESSION)
    if shared is not None:
        return shared
    path = settings.data_dir / ".session-secret"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


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
    """The signed-in staff member, re-read from the database so a removed account or new role applies at once."""
    staff_id, seen = request.session.get("staff_id"), request.session.get("seen", 0)
    if staff_id is None:
        return None
    if time.time() - float(seen) > request.app.state.idle_seconds:
        request.session.clear()
        return None
    account = await get_staff(request.app.state.services.db, account_id=int(staff_id))
    if account is None:
        request.session.clear()
        return None
    request.session["seen"] = int(time.time())
    return Staff(account.id, account.email, account.role)


def sign_in(request: Request, staff_id: int) -> None:
    """A fresh session (and CSRF token) at sign-in, so a token planted before cannot be reused."""
    request.session.clear()
    request.session.update({"staff_id": staff_id, "seen": int(time.time()), "csrf": secrets.token_urlsafe(32)})


def flash(request: Request, message: str, kind: str = "ok") -> None:
    request.session.setdefault("flash", []).append([kind, message])


def guard(role: str = "viewer") -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Endpoint decorator: signed in, at least `role`, and for anything but GET a valid CSRF token."""
    def decorate(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        @wraps(handler)
        async def endpoint(request: Request) -> Response:
            if int(request.headers.get("content-length") or 0) > MAX_BODY:
                return PlainTextResponse("The upload is larger than 20 MB.", status_code=413)
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
