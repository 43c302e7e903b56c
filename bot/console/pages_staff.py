"""Staff management and the audit log (admins only)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.console.accounts import AccountError, add_staff, audit_entries, list_staff, remove_staff, set_role
from bot.console.auth import Staff, flash, guard
from bot.console.models import ROLES
from bot.console.web import go, page, text


@guard("admin")
async def staff_list(request: Request, staff: Staff) -> Response:
    accounts = await list_staff(request.app.state.services.db)
    return page(request, "staff.html", staff, accounts=accounts, roles=ROLES)


@guard("admin")
async def staff_add(request: Request, staff: Staff) -> Response:
    form = await request.form()
    try:
        account = await add_staff(request.app.state.services.db, email=text(form, "email", 320),
                                  role=text(form, "role", 20), password=text(form, "password", 1000),
                                  actor=staff.email)
        flash(request, f"Added {account.email} as {account.role}.")
    except AccountError as error:
        flash(request, str(error), "error")
    return go(request, "/staff")


@guard("admin")
async def staff_change(request: Request, staff: Staff) -> Response:
    """Change a role or remove an account; nobody removes or demotes themselves (no lock-out)."""
    form, db = await request.form(), request.app.state.services.db
    email, action = text(form, "email", 320).lower(), text(form, "action", 20)
    if email == staff.email:
        flash(request, "You cannot change or remove your own account here.", "error")
    elif action == "remove":
        done = await remove_staff(db, email=email, actor=staff.email)
        flash(request, f"Removed {email}." if done else f"No account {email}.", "ok" if done else "error")
    else:
        try:
            done = await set_role(db, email=email, role=text(form, "role", 20), actor=staff.email)
            flash(request, f"{email} is now {text(form, 'role')}." if done else f"No account {email}.",
                  "ok" if done else "error")
        except AccountError as error:
            flash(request, str(error), "error")
    return go(request, "/staff")


@guard("admin")
async def audit_log(request: Request, staff: Staff) -> Response:
    return page(request, "audit.html", staff, entries=await audit_entries(request.app.state.services.db))


routes = [
    Route("/staff", staff_list),
    Route("/staff/add", staff_add, methods=["POST"]),
    Route("/staff/change", staff_change, methods=["POST"]),
    Route("/audit", audit_log),
]
