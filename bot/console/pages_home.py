"""Sign-in, sign-out and the dashboard."""

from __future__ import annotations

from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from bot.console.accounts import audit, authenticate
from bot.console.auth import Staff, base, csrf_ok, current_staff, guard, sign_in, sign_out
from bot.console.models import StaffAccount
from bot.console.stats import day_chart
from bot.public import client_address
from bot.stats import gather
from bot.console.web import go, page, safe_next, text


async def login_form(request: Request) -> Response:
    """The sign-in page; on a fresh install it says how to create the first account."""
    if await current_staff(request) is not None:
        return go(request, "/")
    async with request.app.state.services.db.session() as session:
        accounts = await session.scalar(select(func.count()).select_from(StaffAccount))
    return page(request, "login.html", None, next=request.query_params.get("next", ""), no_accounts=not accounts)


def wait_text(seconds: int) -> str:
    return f"{seconds} second(s)" if seconds < 120 else f"{-(-seconds // 60)} minute(s)"


async def login(request: Request) -> Response:
    """The attempt is counted before the password is checked, so sending many at once gains nothing."""
    if not await csrf_ok(request):
        return PlainTextResponse("The sign-in form has expired; reload the page and try again.", status_code=403)
    form = await request.form()
    email, address, db = text(form, "email", 320), client_address(request), request.app.state.services.db
    limit = request.app.state.sign_in_limit
    if wait := await limit.claim(db, email=email, address=address):
        response = page(request, "login.html", None, status_code=429, next=text(form, "next"), email=email,
                        error="Too many sign-in attempts for this account from your network. "
                              f"For your security, try again in {wait_text(wait)}.")
        response.headers["Retry-After"] = str(wait)
        return response
    account = await authenticate(db, email=email, password=text(form, "password", 1000))
    if account is None:
        await audit(db, actor=f"address:{address}", action="staff.sign_in_failed", target=email.lower())
        return page(request, "login.html", None, status_code=401, next=text(form, "next"),
                    error="Wrong email or password.", email=email)
    await limit.succeeded(db, email=email, address=address)
    sign_in(request, account.id)
    return RedirectResponse(safe_next(text(form, "next"), base(request) + "/"), status_code=303)


@guard("viewer")
async def logout(request: Request, staff: Staff) -> Response:
    """Ends the session on the server: the cookie, wherever it was copied, no longer signs anyone in."""
    sign_out(request)
    return go(request, "/login")


@guard("viewer")
async def dashboard(request: Request, staff: Staff) -> Response:
    stats = await gather(request.app.state.services.db)
    return page(request, "dashboard.html", staff, stats=stats, chart=day_chart(stats.days))


routes = [
    Route("/", dashboard, name="dashboard"),
    Route("/login", login_form, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
