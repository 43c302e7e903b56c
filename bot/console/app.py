"""The console as one Starlette app (session middleware, static files, every page) mounted at /console."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from bot.console import pages_events, pages_home, pages_kb, pages_questions, pages_staff, pages_support, pages_tools
from bot.console.auth import session_secret
from bot.console.curation import Curator
from bot.console.throttle import SignInThrottle
from bot.console.web import HERE
from bot.server import HttpServer
from bot.services import Services

IDLE_SECONDS = 8 * 3600
PREFIX = "/console"


def console_app(services: Services, *, idle_seconds: int = IDLE_SECONDS) -> Starlette:
    """Pages need a signed-in staff member; the cookie is signed, HTTP-only, SameSite=Lax, idle-limited."""
    routes = [*pages_home.routes, *pages_kb.routes, *pages_questions.routes, *pages_staff.routes,
              *pages_events.routes, *pages_support.routes, *pages_tools.routes,
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    middleware = [Middleware(SessionMiddleware, secret_key=session_secret(services.settings),  # type: ignore[arg-type]
                             session_cookie="a6bot_console", max_age=idle_seconds, same_site="lax",
                             https_only=(services.settings.public_url or "").startswith("https://"))]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.services = services
    app.state.curator = Curator(services)
    app.state.throttle = SignInThrottle()
    app.state.idle_seconds = idle_seconds
    return app


def mount_console(services: Services, server: HttpServer) -> Starlette:
    """Serve the console (and its web chat) on the shared server; / is the public web chat's."""
    app = console_app(services)
    server.mount(PREFIX, app)
    return app
