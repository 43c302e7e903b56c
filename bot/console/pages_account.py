"""Your own account: change your password. The current password is asked for (a session left open on a shared
computer must not be enough), counted by the sign-in brake like a sign-in; the change ends every session of the
account, and this browser gets a new one."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.console.accounts import AccountError, audit, password_matches, set_password
from bot.console.auth import Staff, flash, guard, sign_in
from bot.console.pages_home import wait_text
from bot.console.web import go, page, text
from bot.public import client_address


@guard("viewer")
async def account_page(request: Request, staff: Staff) -> Response:
    return page(request, "account.html", staff)


@guard("viewer")
async def change_password(request: Request, staff: Staff) -> Response:
    form, db, limit = await request.form(), request.app.state.services.db, request.app.state.sign_in_limit
    address = client_address(request)
    if wait := await limit.claim(db, email=staff.email, address=address):
        flash(request, f"Too many wrong passwords for this account from your network; try again in "
                       f"{wait_text(wait)}.", "error")
        return go(request, "/account")
    if not await password_matches(db, account_id=staff.id, password=text(form, "current", 1000)):
        await audit(db, actor=staff.email, action="staff.password_failed", target=staff.email, address=address)
        flash(request, "Your current password is not right; nothing was changed.", "error")
        return go(request, "/account")
    await limit.succeeded(db, email=staff.email, address=address)
    new = text(form, "password", 1000)
    if new != text(form, "again", 1000):
        flash(request, "The two new passwords differ; nothing was changed.", "error")
        return go(request, "/account")
    try:
        await set_password(db, email=staff.email, password=new, actor=staff.email)
    except AccountError as error:
        flash(request, f"{str(error).capitalize()}; nothing was changed.", "error")
        return go(request, "/account")
    sign_in(request, staff.id)  # every session of the account ended with the change; this browser gets a new one
    flash(request, "Your password is changed. Every other session of your account is signed out.")
    return go(request, "/account")


routes = [
    Route("/account", account_page),
    Route("/account/password", change_password, methods=["POST"]),
]
