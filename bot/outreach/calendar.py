"""iCalendar output: one .ics per event, a feed of upcoming events per topic, and the HTTP routes serving them."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as VEvent
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.outreach import events as store
from bot.outreach.models import Event
from bot.outreach.topics import TOPICS
from bot.storage import Database

PRODID = "-//A6IP//a6bot outreach//EN"
SAFE_UID = re.compile(r"^[A-Za-z0-9._@:/+-]{1,255}$")


def vevent(row: Event, *, base_url: str) -> VEvent:
    component = VEvent()
    component.add("uid", row.uid)
    component.add("summary", row.title)
    component.add("dtstamp", row.updated_at or datetime.now(timezone.utc))
    zone = ZoneInfo(row.timezone)
    if row.all_day:
        component.add("dtstart", row.starts_at.astimezone(zone).date())
        if row.ends_at:
            component.add("dtend", row.ends_at.astimezone(zone).date())
    else:
        component.add("dtstart", row.starts_at.astimezone(zone))
        if row.ends_at:
            component.add("dtend", row.ends_at.astimezone(zone))
    component.add("sequence", row.revision - 1)
    component.add("status", "CANCELLED" if row.status == "cancelled" else "CONFIRMED")
    if row.place or row.online:
        component.add("location", row.place or "Online")
    if row.registration_url:
        component.add("url", row.registration_url)
    if row.description:
        component.add("description", row.description)
    if row.organiser:
        component.add("organizer", "mailto:outreach@a6ip.invalid", parameters={"CN": row.organiser})
    if row.topics:
        component.add("categories", list(row.topics))
    return component


def to_ics(rows: list[Event], *, base_url: str, name: str = "A6IP events") -> bytes:
    """A calendar with VTIMEZONE blocks for every zone used, so clients show the right local times."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for row in rows:
        calendar.add_component(vevent(row, base_url=base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def ics_response(body: bytes, filename: str) -> Response:
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="{filename}"'})


def calendar_routes(db: Database, *, base_url: str) -> list[tuple[str, object]]:
    """(path, endpoint) pairs for bot.server.HttpServer.add_route."""

    async def all_upcoming(_request: Request) -> Response:
        rows = await store.upcoming(db, limit=500)
        return ics_response(to_ics(rows, base_url=base_url), "a6ip-events.ics")

    async def one(request: Request) -> Response:
        name = request.path_params["name"]
        if name in TOPICS:
            rows = await store.upcoming(db, topic=name, limit=500)
            return ics_response(to_ics(rows, base_url=base_url, name=f"A6IP events: {TOPICS[name]}"), f"{name}.ics")
        if not SAFE_UID.match(name):
            return PlainTextResponse("not found", status_code=404)
        row = await store.get(db, uid=name)
        if row is None:
            return PlainTextResponse("no such event", status_code=404)
        return ics_response(to_ics([row], base_url=base_url, name=row.title), "event.ics")

    return [("/calendar.ics", all_upcoming), ("/calendar/{name:path}.ics", one)]
