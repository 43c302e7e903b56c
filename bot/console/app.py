"""The console as one Starlette app (server-side sessions, body limits, static files, every page) at /console."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from bot.console import pages_account, pages_events, pages_home, pages_kb, pages_questions, pages_staff, pages_support
from bot.console import pages_tools, pages_watch
from bot.console.curation import MAX_UPLOAD, Curator
from bot.console.sessions import ABSOLUTE, IDLE, ServerSessions
from bot.console.signin_limit import SignInLimit
from bot.console.web import HERE
from bot.server import FORM_BODY, BodyLimit, HttpServer
from bot.services import Services

PREFIX = "/console"
UPLOAD_BODY = MAX_UPLOAD + 64 * 1024  # the file plus the form around it
LONG_FORM = 512 * 1024  # an FAQ entry or event with its French and Spanish text
LIMITS = {"/kb/upload": UPLOAD_BODY, "/events/import": UPLOAD_BODY, "/faq/save": LONG_FORM, "/events/save": LONG_FORM}


def body_limit(path: str) -> int:
    """Uploads take 20 MB, the long forms 512 KB; sign-in and every other console form 64 KB."""
    return LIMITS.get(path, FORM_BODY)


def console_app(services: Services, *, idle_seconds: int = IDLE, absolute_seconds: int = ABSOLUTE) -> Starlette:
    """Pages need a signed-in staff member; the cookie is a random token (HTTP-only, SameSite=Lax), the session
    a row that logout, a password change and expiry delete."""
    routes = [*pages_home.routes, *pages_kb.routes, *pages_questions.routes, *pages_staff.routes,
              *pages_events.routes, *pages_support.routes, *pages_watch.routes, *pages_tools.routes,
              *pages_account.routes,
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    middleware = [Middleware(BodyLimit, limit_for=body_limit),  # type: ignore[arg-type]
                  Middleware(ServerSessions, db=services.db, idle=idle_seconds, absolute=absolute_seconds,  # type: ignore[arg-type]
                             https_only=(services.settings.public_url or "").startswith("https://"))]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.services = services
    app.state.curator = Curator(services)
    app.state.sign_in_limit = SignInLimit()
    return app


def mount_console(services: Services, server: HttpServer) -> Starlette:
    """Serve the console (and its web chat) on the shared server; / is the public web chat's."""
    app = console_app(services)
    server.mount(PREFIX, app, max_body=body_limit)
    return app
