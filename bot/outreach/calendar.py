"""iCalendar output: one .ics per event, a feed of upcoming events per topic, and the HTTP routes serving them.

Built from `EventInfo` snapshots, so a channel that attaches the event's file to a notice (email) makes
the very file the calendar links serve."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as VEvent
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.outreach import events as store
from bot.outreach.notice import EventInfo
from bot.outreach.topics import TOPICS
from bot.storage import Database

PRODID = "-//A6IP//a6bot outreach//EN"
SAFE_UID = re.compile(r"^[^\x00-\x1f\x7f]{1,255}$")  # any uid an event can have (looked up, never a path)


def vevent(event: EventInfo) -> VEvent:
    component = VEvent()
    component.add("uid", event.uid)
    component.add("summary", event.title)
    component.add("dtstamp", event.updated_at or datetime.now(timezone.utc))
    zone = ZoneInfo(event.timezone)
    if event.all_day:
        component.add("dtstart", event.starts_at.astimezone(zone).date())
        if event.ends_at:
            component.add("dtend", event.ends_at.astimezone(zone).date())
    else:
        component.add("dtstart", event.starts_at.astimezone(zone))
        if event.ends_at:
            component.add("dtend", event.ends_at.astimezone(zone))
    component.add("sequence", event.revision - 1)
    component.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    if event.place or event.online:
        component.add("location", event.place or "Online")
    if event.registration_url:
        component.add("url", event.registration_url)
    if event.description:
        component.add("description", event.description)
    if event.organiser:
        component.add("organizer", "mailto:outreach@a6ip.invalid", parameters={"CN": event.organiser})
    if event.topics:
        component.add("categories", list(event.topics))
    return component


def to_ics(events: Sequence[EventInfo], *, name: str = "A6IP events") -> bytes:
    """A calendar with VTIMEZONE blocks for every zone used, so clients show the right local times."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(vevent(event))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def ics_response(body: bytes, filename: str) -> Response:
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="{filename}"'})


def calendar_routes(db: Database, *, base_url: str) -> list[tuple[str, object]]:
    """(path, endpoint) pairs for bot.server.HttpServer.add_route. Events live at /calendar/event/<uid>.ics
    and topic feeds at /calendar/topic/<topic>.ics, so an event whose uid is a topic name ("tracking") has an
    address of its own. The older /calendar/<name>.ics, which both shared, keeps answering for links already
    handed out: a topic name is the topic's feed (calendar apps subscribed to it), anything else the event."""

    async def all_upcoming(_request: Request) -> Response:
        rows = await store.upcoming(db, limit=500)
        return ics_response(to_ics([store.info(r, base_url=base_url) for r in rows]), "a6ip-events.ics")

    async def topic_feed(name: str) -> Response:
        rows = await store.upcoming(db, topic=name, limit=500)
        return ics_response(to_ics([store.info(r, base_url=base_url) for r in rows],
                                   name=f"A6IP events: {TOPICS[name]}"), f"{name}.ics")

    async def event_file(uid: str) -> Response:
        row = await store.get(db, uid=uid) if SAFE_UID.match(uid) else None
        if row is None:
            return PlainTextResponse("no such event", status_code=404)
        return ics_response(to_ics([store.info(row, base_url=base_url)], name=row.title), "event.ics")

    async def topic(request: Request) -> Response:
        name = request.path_params["topic"]
        if name not in TOPICS:
            return PlainTextResponse("no such topic", status_code=404)
        return await topic_feed(name)

    async def event(request: Request) -> Response:
        return await event_file(request.path_params["uid"])

    async def legacy(request: Request) -> Response:
        name = request.path_params["name"]
        return await topic_feed(name) if name in TOPICS else await event_file(name)

    return [("/calendar.ics", all_upcoming), ("/calendar/topic/{topic}.ics", topic),
            ("/calendar/event/{uid:path}.ics", event), ("/calendar/{name:path}.ics", legacy)]
