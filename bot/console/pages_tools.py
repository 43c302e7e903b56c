"""Capacity-building tools pages: the catalogue with link-check flags, add, edit, retire and restore a
resource, announce a new one to the subscribers of its topics (curators and admins; viewers read); every
change audit-logged in its own transaction."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.console.accounts import record
from bot.console.auth import Staff, flash, guard
from bot.console.web import go, page, text
from bot.tools import store
from bot.tools.announce import announce, cancel
from bot.tools.catalogue import LEVELS, TOPICS, TYPES, Resource, resource_from
from bot.tools.models import ToolResource

TEXT_FIELDS = ("id", "title", "publisher", "type", "audience", "level", "url", "published", "checked",
               "verified_from", "description", "description_fr", "description_es")


def resource_of_form(form: FormData, resource_id: str) -> Resource:
    """The form as a Resource; ValueError naming the field for anything the catalogue format refuses."""
    record_ = {name: text(form, name, 2000) for name in TEXT_FIELDS if text(form, name, 2000)}
    record_["id"] = resource_id
    record_["topics"] = [t for t in form.getlist("topics") if isinstance(t, str)]
    record_["languages"] = text(form, "languages", 100)
    return resource_from(record_)


def form_page(request: Request, staff: Staff, row: ToolResource | None, status_code: int = 200,
              **values: object) -> Response:
    return page(request, "tool_form.html", staff, status_code=status_code, tool=row, topics=TOPICS, types=TYPES,
                levels=LEVELS, values=values)


@guard("viewer")
async def tool_list(request: Request, staff: Staff) -> Response:
    rows = await store.rows(request.app.state.services.db)
    flagged = [r for r in rows if r.link_status in ("dead", "moved", "error") and r.retired_at is None]
    return page(request, "tools.html", staff, tools=rows, flagged=flagged)


@guard("curator")
async def tool_new(request: Request, staff: Staff) -> Response:
    return form_page(request, staff, None)


@guard("curator")
async def tool_edit(request: Request, staff: Staff) -> Response:
    row = await store.get(request.app.state.services.db, resource_id=request.path_params["id"])
    if row is None:
        return page(request, "message.html", staff, status_code=404, message="There is no such resource.")
    return form_page(request, staff, row)


@guard("curator")
async def tool_save(request: Request, staff: Staff) -> Response:
    """Add or change a resource; the change and its audit entry commit together, or neither does."""
    form, db = await request.form(), request.app.state.services.db
    existing = text(form, "existing", 100)
    resource_id = existing or text(form, "id", 100)
    try:
        resource = resource_of_form(form, resource_id)
        async with db.session() as session:
            what = await store.save(session, resource=resource, origin="console", existing=bool(existing))
            await record(session, actor=staff.email, action=f"tool.{'edit' if existing else 'add'}",
                         target=resource.id, result=what)
    except ValueError as error:
        flash(request, str(error), "error")
        row = await store.get(db, resource_id=existing) if existing else None
        return form_page(request, staff, row, status_code=400, **{k: v for k, v in form.items() if isinstance(v, str)})
    flash(request, f"{resource.title}: {what}.")
    return go(request, "/tools")


async def set_retired(request: Request, staff: Staff, retired: bool) -> Response:
    db, resource_id = request.app.state.services.db, request.path_params["id"]
    async with db.session() as session:
        cancelled = 0
        if retired:
            row = await store.retire(session, resource_id=resource_id, actor=staff.email)
            cancelled = await cancel(session, resource_id=resource_id)
        else:
            row = await store.restore(session, resource_id=resource_id)
        if row is not None:
            details = {"cancelled_announcements": cancelled} if retired else {}
            await record(session, actor=staff.email, action="tool.retire" if retired else "tool.restore",
                         target=resource_id, **details)
    if row is None:
        flash(request, "There is no such resource.", "error")
    elif retired:
        plural = "s" if cancelled != 1 else ""
        queued = f"; {cancelled} queued announcement{plural} cancelled" if cancelled else ""
        flash(request, f"{row.title} is retired: the bot no longer recommends it{queued}.")
    else:
        flash(request, f"{row.title} is back in use.")
    return go(request, "/tools")


@guard("curator")
async def tool_retire(request: Request, staff: Staff) -> Response:
    return await set_retired(request, staff, True)


@guard("curator")
async def tool_restore(request: Request, staff: Staff) -> Response:
    return await set_retired(request, staff, False)


@guard("curator")
async def tool_announce(request: Request, staff: Staff) -> Response:
    """Queue the resource's announcement to the subscribers of its topics (once: bot.tools.announce); the
    outreach dispatcher sends it, and the audit log says who asked and to how many it went."""
    db, resource_id = request.app.state.services.db, request.path_params["id"]
    try:
        async with db.session() as session:
            count = await announce(session, resource_id=resource_id)
            await record(session, actor=staff.email, action="tool.announce", target=resource_id,
                         result=f"{count} subscriptions")
    except ValueError as error:
        flash(request, str(error).capitalize(), "error")
        return go(request, "/tools")
    flash(request, f"Announcement queued for {count} subscription{'s' if count != 1 else ''}; "
                   "subscribers get it in their language with the next outreach round.")
    return go(request, "/tools")


routes = [
    Route("/tools", tool_list),
    Route("/tools/new", tool_new),
    Route("/tools/save", tool_save, methods=["POST"]),
    Route("/tools/{id}/edit", tool_edit),
    Route("/tools/{id}/retire", tool_retire, methods=["POST"]),
    Route("/tools/{id}/restore", tool_restore, methods=["POST"]),
    Route("/tools/{id}/announce", tool_announce, methods=["POST"]),
]
