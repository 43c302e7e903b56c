"""Events pages: list, create, edit, cancel, import (.ics/.yaml/.csv file or feed), and who was notified."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, urlencode

from sqlalchemy import select
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.console.accounts import record
from bot.console.auth import Staff, flash, guard
from bot.console.curation import CurationError, check_url, save_limited
from bot.console.faq import slug
from bot.console.web import brief, go, page, text
from bot.fetch import IPNetwork
from bot.outreach import events as store
from bot.outreach.importer import EventImportError, ImportReport, import_events
from bot.outreach.models import EVENT_STATUSES, Delivery, Event, Subscription
from bot.outreach.topics import KINDS, TOPICS
from bot.storage import Database

EVENT_FILES = {".ics", ".ical", ".yaml", ".yml", ".csv"}
FIELD_CAP = 100_000  # read generously: EventSpec refuses a field over its limit by name, nothing is cut silently


def event_path(uid: str, page: str = "view") -> str:
    """An event's page (view, edit, cancel). The uid goes in the query string, where any uid can: in the path,
    browsers resolve a uid "." or ".." (even as %2E) away, and one such as "x/edit" or "new" names another page."""
    return f"/events/{page}?{urlencode({'uid': uid}, quote_via=quote)}"


def uid_of(request: Request) -> str:
    return request.query_params.get("uid", "")


def spec_from(form: FormData, uid: str) -> store.EventSpec:
    """The form as an EventSpec; ValueError (shown to staff) for a missing title, bad time or topic."""
    zone = text(form, "timezone", 64) or "UTC"
    start, end = text(form, "start", 40), text(form, "end", 40)
    if not start:
        raise ValueError("Give the start date and time.")
    return store.EventSpec(
        uid=uid, title=text(form, "title", FIELD_CAP), starts_at=store.local_datetime(start, zone),
        ends_at=store.local_datetime(end, zone) if end else None, timezone=zone, kind=text(form, "kind", 30) or "other",
        topics=[t for t in form.getlist("topics") if isinstance(t, str)], all_day=bool(form.get("all_day")),
        place=text(form, "place", FIELD_CAP) or None, online=bool(form.get("online")), hybrid=bool(form.get("hybrid")),
        organiser=text(form, "organiser", FIELD_CAP) or None,
        registration_url=text(form, "registration_url", FIELD_CAP) or None,
        description=text(form, "description", FIELD_CAP) or None, language=text(form, "language", FIELD_CAP) or "en",
        status=text(form, "status", 20) or "scheduled")


def form_page(request: Request, staff: Staff, event: Event | None, status_code: int = 200, **values: object) -> Response:
    return page(request, "event_form.html", staff, status_code=status_code, event=event, topics=TOPICS, kinds=KINDS,
                statuses=[s for s in EVENT_STATUSES if s != "cancelled"], values=values)


@guard("viewer")
async def event_list(request: Request, staff: Staff) -> Response:
    rows = await store.listing(request.app.state.services.db)
    return page(request, "events.html", staff, events=rows)


@guard("viewer")
async def event_detail(request: Request, staff: Staff) -> Response:
    """One event and every delivery planned for it: to whom, in which state, and the last error."""
    db = request.app.state.services.db
    row = await store.get(db, uid=uid_of(request))
    if row is None:
        return page(request, "message.html", staff, status_code=404, message="There is no such event.")
    async with db.session() as session:
        deliveries = (await session.execute(
            select(Delivery, Subscription).join(Subscription, Subscription.id == Delivery.subscription_id)
            .where(Delivery.event_id == row.id).order_by(Delivery.due_at, Delivery.id))).all()
    return page(request, "event.html", staff, event=row, deliveries=deliveries)


@guard("curator")
async def event_new(request: Request, staff: Staff) -> Response:
    return form_page(request, staff, None)


@guard("curator")
async def event_edit(request: Request, staff: Staff) -> Response:
    row = await store.get(request.app.state.services.db, uid=uid_of(request))
    if row is None:
        return page(request, "message.html", staff, status_code=404, message="There is no such event.")
    return form_page(request, staff, row)


@guard("curator")
async def event_save(request: Request, staff: Staff) -> Response:
    """Create or change an event; a material change bumps its revision so subscribers hear of it."""
    form, db = await request.form(), request.app.state.services.db
    existing = text(form, "existing", FIELD_CAP)
    uid = existing or text(form, "uid", FIELD_CAP) or slug(text(form, "title", 200))
    try:
        spec = spec_from(form, uid)
        async with db.session() as session:
            if not existing and await session.scalar(select(Event.id).where(Event.uid == uid)) is not None:
                raise ValueError(f"An event with the id {uid} exists already; edit it instead.")
            row, what = await store.upsert(session, spec, source=f"console:{staff.email}"[:300])
            await record(session, actor=staff.email, action=f"event.{'edit' if existing else 'add'}", target=uid,
                         result=what, changes=list(row.last_changes))
    except ValueError as error:
        flash(request, str(error), "error")
        return form_page(request, staff, await store.get(db, uid=existing) if existing else None, status_code=400,
                         **{k: v for k, v in form.items() if isinstance(v, str)})
    flash(request, f"{spec.title}: {what}.")
    return go(request, event_path(uid))


@guard("curator")
async def event_cancel(request: Request, staff: Staff) -> Response:
    db, uid = request.app.state.services.db, uid_of(request)
    async with db.session() as session:
        row = await store.cancel(db, uid=uid, session=session)
        if row is not None:
            await record(session, actor=staff.email, action="event.cancel", target=uid)
    if row is None:
        flash(request, "There is no such event.", "error")
        return go(request, "/events")
    flash(request, f"{row.title} is cancelled; subscribers who heard of it will be told.")
    return go(request, event_path(uid))


async def import_audited(db: Database, source: str, *, shown: str, actor: str,
                         allow: Sequence[IPNetwork] = ()) -> ImportReport:
    """Import a calendar and write its audit entry in one transaction: both are kept, or neither."""
    async with db.session() as session:
        report = await import_events(db, source, origin="console", session=session, allow=allow)
        await record(session, actor=actor, action="event.import", target=shown, added=report.added,
                     changed=report.changed)
    return report


async def import_upload(db: Database, file: UploadFile, *, actor: str) -> ImportReport:
    """A calendar file saved under a neutral temporary name; errors name the file as staff chose it."""
    name = file.filename or ""
    suffix = Path(name).suffix.lower()
    if suffix not in EVENT_FILES or "/" in name or "\\" in name:
        raise CurationError(f"{name}: use an .ics, .yaml or .csv file.")
    with tempfile.TemporaryDirectory(prefix="a6bot-events-") as folder:
        path = Path(folder) / f"upload{suffix}"
        await save_limited(file, path)
        try:
            return await import_audited(db, str(path), shown=name, actor=actor)
        except (EventImportError, ValueError) as error:
            raise CurationError(str(error).replace(str(path), name)) from error


@guard("curator")
async def event_import(request: Request, staff: Staff) -> Response:
    """An uploaded calendar file or a feed URL; a bad record anywhere imports nothing."""
    form, db = await request.form(), request.app.state.services.db
    file, url = form.get("file"), text(form, "url", 2000)
    try:
        if isinstance(file, UploadFile) and file.filename:
            source, report = file.filename, await import_upload(db, file, actor=staff.email)
        elif url:
            source = check_url(url)
            report = await import_audited(db, source, shown=source, actor=staff.email,
                                          allow=request.app.state.services.settings.fetch_allow)
        else:
            raise CurationError("Choose a calendar file or give a feed URL.")
    except (CurationError, EventImportError, ValueError) as error:
        flash(request, brief(str(error)), "error")
        return go(request, "/events")
    flash(request, f"Imported {brief(source, 200)}: {len(report.added)} added, {len(report.changed)} changed, "
                   f"{len(report.unchanged)} unchanged.")
    return go(request, "/events")


routes = [
    Route("/events", event_list),
    Route("/events/new", event_new),
    Route("/events/save", event_save, methods=["POST"]),
    Route("/events/import", event_import, methods=["POST"]),
    Route("/events/view", event_detail),  # ?uid=: see event_path
    Route("/events/edit", event_edit),
    Route("/events/cancel", event_cancel, methods=["POST"]),
]
