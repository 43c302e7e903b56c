"""Support requests: the pipeline board by step, one request's page (details, history, notes, assignee,
notices, the country's questions), moving it along the offer process, and the CSV export. Everyone signed
in reads; curators and admins change. Every change is audit-logged in its own transaction; a step move's
notices to the requester are recorded there too and sent once the move is committed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.console.accounts import record
from bot.console.auth import Staff, flash, guard
from bot.console.web import go, page, text
from bot.support import pipeline
from bot.support.pipeline import STEP_NAMES, STEPS, SupportError
from bot.texts import say

Change = Callable[[AsyncSession, str, Staff], Awaitable[str]]  # (session, reference, staff) -> what was done


def area_names(areas: list[str]) -> str:
    return ", ".join(say(f"support.area.{a}", "en") for a in areas)


@guard("viewer")
async def support_board(request: Request, staff: Staff) -> Response:
    columns = await pipeline.board(request.app.state.services.db)
    return page(request, "support.html", staff, columns=columns, names=STEP_NAMES, area_names=area_names)


@guard("viewer")
async def support_export(request: Request, staff: Staff) -> Response:
    """Every request as CSV (contact details included: the file is for staff only)."""
    rows = await pipeline.listing(request.app.state.services.db)
    return Response(pipeline.to_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="support-requests.csv"'})


@guard("viewer")
async def support_request(request: Request, staff: Staff) -> Response:
    db = request.app.state.services.db
    row = await pipeline.get(db, reference=request.path_params["reference"])
    if row is None:
        return page(request, "message.html", staff, status_code=404, message="There is no such support request.")
    return page(request, "support_request.html", staff, r=row, names=STEP_NAMES, steps=STEPS,
                notices=await pipeline.notices(db, request_id=row.id), area_names=area_names,
                questions=await pipeline.country_questions(db, country=row.country, limit=20),
                events=await pipeline.events_to_register(db, areas=row.areas))


@guard("viewer")
async def country_questions(request: Request, staff: Staff) -> Response:
    """The question log filtered to questions naming a country (in English, French or Spanish)."""
    country = request.query_params.get("country", "").strip()[:100]
    rows = await pipeline.country_questions(request.app.state.services.db, country=country, limit=200) if country else []
    return page(request, "support_questions.html", staff, country=country, questions=rows,
                names=pipeline.country_names(country) if country else [])


async def change(request: Request, staff: Staff, action: str, do: Change) -> Response:
    """Run one change and its audit entry in one transaction; a refused change is explained and changes nothing."""
    services, reference = request.app.state.services, request.path_params["reference"]
    try:
        async with services.db.session() as session:
            done = await do(session, reference, staff)
            await record(session, actor=staff.email, action=action, target=reference, result=done)
    except SupportError as error:
        flash(request, str(error).capitalize() + ".", "error")
        return go(request, f"/support/{reference}")
    if action == "support.step":
        await services.support.deliver()  # after the commit: the notices exist only if the move does
    flash(request, f"{reference}: {done}.")
    return go(request, f"/support/{reference}")


@guard("curator")
async def move_step(request: Request, staff: Staff) -> Response:
    step = text(await request.form(), "step", 20)

    async def do(session: AsyncSession, reference: str, who: Staff) -> str:
        moved = await pipeline.move(session, reference=reference, step=step, actor=who.email)
        return f"moved to {STEP_NAMES[moved.step]}"
    return await change(request, staff, "support.step", do)


@guard("curator")
async def assign(request: Request, staff: Staff) -> Response:
    assignee = text(await request.form(), "assignee", 320)

    async def do(session: AsyncSession, reference: str, who: Staff) -> str:
        row = await pipeline.assign(session, reference=reference, assignee=assignee, actor=who.email)
        return f"assigned to {row.assignee}" if row.assignee else "unassigned"
    return await change(request, staff, "support.assign", do)


@guard("curator")
async def add_note(request: Request, staff: Staff) -> Response:
    note = text(await request.form(), "note")

    async def do(session: AsyncSession, reference: str, who: Staff) -> str:
        await pipeline.note(session, reference=reference, text=note, actor=who.email)
        return "note added"
    return await change(request, staff, "support.note", do)


routes = [
    Route("/support", support_board),
    Route("/support/export.csv", support_export),
    Route("/support/questions", country_questions),
    Route("/support/{reference}", support_request),
    Route("/support/{reference}/step", move_step, methods=["POST"]),
    Route("/support/{reference}/assign", assign, methods=["POST"]),
    Route("/support/{reference}/note", add_note, methods=["POST"]),
]

