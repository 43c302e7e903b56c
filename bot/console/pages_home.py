"""Sign-in, sign-out and the dashboard."""

from __future__ import annotations

from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from bot.console.accounts import audit, authenticate
from bot.console.auth import Staff, base, csrf_ok, current_staff, guard, sign_in
from bot.console.models import StaffAccount
from bot.console.stats import day_chart
from bot.stats import gather
from bot.console.web import go, page, safe_next, text


async def login_form(request: Request) -> Response:
    """The sign-in page; on a fresh install it says how to create the first account."""
    if await current_staff(request) is not None:
        return go(request, "/")
    async with request.app.state.services.db.session() as session:
        accounts = await session.scalar(select(func.count()).select_from(StaffAccount))
    return page(request, "login.html", None, next=request.query_params.get("next", ""), no_accounts=not accounts)


async def login(request: Request) -> Response:
    if not await csrf_ok(request):
        return PlainTextResponse("The sign-in form has expired; reload the page and try again.", status_code=403)
    form = await request.form()
    email, address = text(form, "email", 320), request.client.host if request.client else "unknown"
    throttle, db = request.app.state.throttle, request.app.state.services.db
    if wait := throttle.retry_after(email=email, address=address):
        response = page(request, "login.html", None, status_code=429, next=text(form, "next"), email=email,
                        error="Too many failed sign-in attempts for this account or from your network. "
                              f"For your security, try again in {-(-wait // 60)} minute(s).")
        response.headers["Retry-After"] = str(wait)
        return response
    account = await authenticate(db, email=email, password=text(form, "password", 1000))
    if account is None:
        throttle.failed(email=email, address=address)
        await audit(db, actor=f"address:{address}", action="staff.sign_in_failed", target=email.lower())
        return page(request, "login.html", None, status_code=401, next=text(form, "next"),
                    error="Wrong email or password.", email=email)
    throttle.succeeded(email=email)
    sign_in(request, account.id)
    return RedirectResponse(safe_next(text(form, "next"), base(request) + "/"), status_code=303)


@guard("viewer")
async def logout(request: Request, staff: Staff) -> Response:
    request.session.clear()
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
