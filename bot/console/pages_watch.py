"""Source watch pages: the watched sources and the review queue; a curator approves a change (imported and
indexed like a URL import, audit-logged) or dismisses it; viewers read."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot import watch
from bot.console.accounts import audit
from bot.console.auth import Staff, flash, guard
from bot.console.curation import CurationError
from bot.console.web import brief, go, page, text

SHOWN_DIFF_LINES = 3000


@guard("viewer")
async def overview(request: Request, staff: Staff) -> Response:
    db = request.app.state.services.db
    return page(request, "watch.html", staff, sources=await watch.list_sources(db),
                pending=await watch.changes(db), approved=await watch.changes(db, status="approved", limit=20),
                dismissed=await watch.changes(db, status="dismissed", limit=20))


@guard("viewer")
async def change_detail(request: Request, staff: Staff) -> Response:
    found = await watch.get_change(request.app.state.services.db, request.path_params["change_id"])
    if found is None:
        return page(request, "message.html", staff, status_code=404, message="There is no such change.")
    change, source = found
    diff = change.diff.splitlines()
    return page(request, "watch_change.html", staff, change=change, source=source, diff=diff[:SHOWN_DIFF_LINES],
                cut=max(0, len(diff) - SHOWN_DIFF_LINES))


@guard("curator")
async def approve(request: Request, staff: Staff) -> Response:
    """Import what the change holds through the knowledge base's own path, then close the change."""
    services, change_id = request.app.state.services, request.path_params["change_id"]
    try:
        change, source = await watch.pending_change(services.db, change_id)
        results = [await request.app.state.curator.store_fetched(
                       doc.content, doc.suffix, source=doc.source, url=doc.url, actor=staff.email,
                       action="watch.approve") for doc in watch.documents(change, source)]
    except (watch.WatchError, CurationError) as error:
        flash(request, brief(str(error)), "error")
        return go(request, f"/watch/changes/{change_id}")
    await watch.decide(services.db, change_id, status="approved", actor=staff.email, result="; ".join(results))
    flash(request, brief(f"Approved {source.name}: " + "; ".join(results)))
    return go(request, "/watch")


@guard("curator")
async def dismiss(request: Request, staff: Staff) -> Response:
    db, change_id = request.app.state.services.db, request.path_params["change_id"]
    try:
        _, source = await watch.pending_change(db, change_id)
    except watch.WatchError as error:
        flash(request, str(error), "error")
        return go(request, "/watch")
    if await watch.decide(db, change_id, status="dismissed", actor=staff.email):
        await audit(db, actor=staff.email, action="watch.dismiss", target=source.url, change=change_id)
    flash(request, brief(f"Dismissed the change to {source.name}; nothing was imported."))
    return go(request, "/watch")


@guard("curator")
async def add(request: Request, staff: Staff) -> Response:
    form, db = await request.form(), request.app.state.services.db
    try:
        source = await watch.add_source(db, url=text(form, "url", 2100), name=text(form, "name", 200),
                                        actor=staff.email)
    except watch.WatchError as error:
        flash(request, str(error), "error")
        return go(request, "/watch")
    await audit(db, actor=staff.email, action="watch.add", target=source.url, name=source.name)
    flash(request, brief(f"Watching {source.name}; the next check records it."))
    return go(request, "/watch")


@guard("curator")
async def remove(request: Request, staff: Staff) -> Response:
    db = request.app.state.services.db
    try:
        source = await watch.remove_source(db, request.path_params["source_id"])
    except watch.WatchError as error:
        flash(request, str(error), "error")
        return go(request, "/watch")
    await audit(db, actor=staff.email, action="watch.remove", target=source.url)
    flash(request, brief(f"Stopped watching {source.name}."))
    return go(request, "/watch")


@guard("curator")
async def check_now(request: Request, staff: Staff) -> Response:
    services = request.app.state.services
    results = await watch.check_all(services.db, allow=services.settings.fetch_allow)
    found = sum(result.change_id is not None for result in results)
    flash(request, f"Checked {len(results)} source(s); {found} new change(s) waiting for review.")
    return go(request, "/watch")


routes = [
    Route("/watch", overview),
    Route("/watch/add", add, methods=["POST"]),
    Route("/watch/check", check_now, methods=["POST"]),
    Route("/watch/sources/{source_id:int}/remove", remove, methods=["POST"]),
    Route("/watch/changes/{change_id:int}", change_detail),
    Route("/watch/changes/{change_id:int}/approve", approve, methods=["POST"]),
    Route("/watch/changes/{change_id:int}/dismiss", dismiss, methods=["POST"]),
]
