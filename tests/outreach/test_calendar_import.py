"""iCalendar out (per event, per topic, all) and events in (YAML, CSV, .ics with RRULE, malformed files)."""

from __future__ import annotations

from datetime import datetime, timezone

import httpx
import icalendar
import pytest

from bot.outreach import events as store
from bot.outreach.calendar import calendar_routes
from bot.outreach.importer import SHIPPED, EventImportError, import_events, load_shipped
from bot.server import HttpServer

from .conftest import add_event

ICS = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:series-1
SUMMARY:Monthly 6.4 methodology clinic
DTSTART;TZID=Europe/Paris:20270105T140000
DTEND;TZID=Europe/Paris:20270105T150000
RRULE:FREQ=MONTHLY;COUNT=3
CATEGORIES:Methodology,6.4,Webinar
LOCATION:Online (Zoom)
URL:https://example.org/clinic
END:VEVENT
BEGIN:VEVENT
UID:one-off
SUMMARY:CA training
DTSTART;VALUE=DATE:20270301
DTEND;VALUE=DATE:20270303
CATEGORIES:Corresponding Adjustments,Training
END:VEVENT
END:VCALENDAR
"""


async def test_served_calendars(db):
    await add_event(db, uid="ev-tokyo", start="2099-03-12 10:00", end="2099-03-12 12:00", zone="Asia/Tokyo",
                    topics=["tracking"], title="Tracking WG")
    server = HttpServer("127.0.0.1", 0)
    for path, endpoint in calendar_routes(db, base_url="http://bot.test"):
        server.add_route(path, endpoint)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=server.app()), base_url="http://t") as client:
        one = await client.get("/calendar/ev-tokyo.ics")
        topic = await client.get("/calendar/tracking.ics")
        other_topic = await client.get("/calendar/reporting.ics")
        everything = await client.get("/calendar.ics")
        missing = await client.get("/calendar/nope.ics")
    assert one.status_code == 200 and one.headers["content-type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(one.content)
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    event = parsed.walk("VEVENT")[0]
    assert event.decoded("DTSTART").astimezone(timezone.utc) == datetime(2099, 3, 12, 1, tzinfo=timezone.utc)
    assert b"Tracking WG" in topic.content and b"Tracking WG" in everything.content
    assert b"VEVENT" not in other_topic.content
    assert missing.status_code == 404


async def test_an_event_named_like_a_topic_has_its_own_calendar_and_old_topic_links_still_work(db):
    """An event whose uid is a topic name ("tracking"): the .ics link its notices carry gives that event alone,
    not the topic's feed; a calendar app subscribed to the topic's old address keeps getting the topic's
    events, and an event's old address still gives the event."""
    await add_event(db, uid="tracking", start="2099-04-01 09:00", zone="UTC", topics=["reporting"],
                    title="Tracking deep dive")
    await add_event(db, uid="ev-tokyo", start="2099-03-12 10:00", zone="Asia/Tokyo", topics=["tracking"],
                    title="Tracking WG")
    link = store.info(await store.get(db, uid="tracking"), base_url="http://t").calendar_url
    server = HttpServer("127.0.0.1", 0)
    for path, endpoint in calendar_routes(db, base_url="http://t"):
        server.add_route(path, endpoint)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=server.app()), base_url="http://t") as client:
        own = await client.get(link)
        old_topic = await client.get("/calendar/tracking.ics")
        topic = await client.get("/calendar/topic/tracking.ics")
        old_event = await client.get("/calendar/ev-tokyo.ics")

    def uids(response: httpx.Response) -> list[str]:
        assert response.status_code == 200, response.text
        return [str(e["UID"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")]

    assert uids(own) == ["tracking"]
    assert uids(old_topic) == uids(topic) == ["ev-tokyo"]
    assert uids(old_event) == ["ev-tokyo"]


async def test_ics_import_expands_rrule_and_reads_categories(db, tmp_path):
    path = tmp_path / "feed.ics"
    path.write_bytes(ICS)
    report = await import_events(db, str(path))
    assert len(report.added) == 4
    rows = await store.listing(db)
    clinics = [r for r in rows if r.uid.startswith("series-1/")]
    assert len(clinics) == 3 and clinics[0].topics == ["6.4", "methodology"] and clinics[0].kind == "webinar"
    assert clinics[1].starts_at == datetime(2027, 2, 5, 13, tzinfo=timezone.utc) and clinics[0].online
    ca = await store.get(db, uid="one-off")
    assert ca.all_day and ca.kind == "training" and ca.topics == ["corresponding-adjustments"]
    again = await import_events(db, str(path))  # idempotent by UID
    assert len(again.unchanged) == 4 and not again.added and not again.changed


async def test_malformed_files_change_nothing(db, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("events:\n- {uid: a, title: A, start: '2027-01-01 10:00', timezone: UTC, topics: [tracking]}\n")
    await import_events(db, str(good))
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("events:\n- {uid: b, title: B, start: '2027-01-02 10:00'}\n- {uid: c, title: C, start: 'soon'}\n")
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("uid,title,start,topics\nd,D,2027-01-03 10:00,astrology\n")
    bad_ics = tmp_path / "bad.ics"
    bad_ics.write_bytes(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\n")
    for path, message in ((bad_yaml, "record 2"), (bad_csv, "unknown topic"), (bad_ics, "iCalendar"),
                          (tmp_path / "missing.yaml", "no such file")):
        with pytest.raises(EventImportError, match=message):
            await import_events(db, str(path))
    assert [r.uid for r in await store.listing(db)] == ["a"]


async def test_csv_import(db, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("uid,title,start,end,timezone,kind,topics,online\n"
                    "w1,Reporting WG,2027-02-17 13:00,2027-02-17 15:00,Europe/Paris,wg,reporting;6.2,yes\n")
    assert (await import_events(db, str(path))).added == ["w1"]
    row = await store.get(db, uid="w1")
    assert row.online and row.topics == ["6.2", "reporting"] and row.starts_at.hour == 12


async def test_shipped_events_load_idempotently(db):
    first = await load_shipped(db)
    assert len(first.added) >= 10 and SHIPPED.is_dir()
    second = await load_shipped(db)
    assert not second.added
    examples = [r for r in await store.listing(db) if r.example]
    assert examples and all(r.title.startswith("[EXAMPLE]") for r in examples)
    history = await store.get(db, uid="a6ip-2024-sb60-side-event")
    assert history.place == "Bonn, Germany" and history.all_day
