"""Events pages: create, edit, cancel, import a calendar, and see per event who was notified and what failed."""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update

from bot.console.models import AuditEntry
from bot.outreach import events as store
from bot.outreach import outbox, subscriptions
from bot.outreach.models import Delivery
from bot.services import Services
from tests.console.conftest import Client, post_form

NEXT_YEAR = datetime.now(timezone.utc).year + 1
ICS = f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//A6IP test//EN
BEGIN:VEVENT
UID:ics-webinar-1@a6ip.test
SUMMARY:Webinar on corresponding adjustments
DTSTART:{NEXT_YEAR}0310T090000Z
DTEND:{NEXT_YEAR}0310T103000Z
CATEGORIES:corresponding-adjustments
END:VEVENT
END:VCALENDAR
""".replace("\n", "\r\n").encode()


def message(page: str) -> str:
    return html.unescape(page.split('class="flash', 1)[1].split("</p>", 1)[0])


async def test_create_edit_cancel_with_notices_and_failures(client: Client, services: Services) -> None:
    c = await client("curator")
    db = services.db
    await subscriptions.subscribe(db, platform="telegram", chat_id="1001", topics=["tracking"])
    await subscriptions.subscribe(db, platform="slack", chat_id="C42", topics=[])
    form = {"uid": "tracking-wg-9", "title": "Tracking working group 9", "start": f"{NEXT_YEAR}-03-12T10:00",
            "end": f"{NEXT_YEAR}-03-12T12:00", "timezone": "Tokyo", "kind": "wg-meeting", "topics": ["tracking"],
            "place": "Bonn", "language": "en"}
    response = await post_form(c, "/events/new", "/events/save", form)
    assert response.headers["location"] == "/events/view?uid=tracking-wg-9"
    row = await store.get(db, uid="tracking-wg-9")
    assert row is not None and row.timezone == "Asia/Tokyo" and row.starts_at.hour == 1  # 10:00 Tokyo = 01:00 UTC

    assert await outbox.plan_due(db, now=datetime.now(timezone.utc)) >= 2  # both subscribers get the announcement
    async with db.session() as session:
        await session.execute(update(Delivery).where(Delivery.subscription_id == 2)
                              .values(state="failed", attempts=3, last_error="channel_not_found"))
    page = html.unescape((await c.get("/events/view?uid=tracking-wg-9")).text)
    assert "telegram:1001" in page and "slack:C42" in page and "channel_not_found" in page and "announce" in page

    edit = {**form, "existing": "tracking-wg-9", "start": f"{NEXT_YEAR}-03-12T11:00", "status": "scheduled"}
    await post_form(c, "/events/edit?uid=tracking-wg-9", "/events/save", edit)
    row = await store.get(db, uid="tracking-wg-9")
    assert row is not None and row.revision == 2 and "starts_at" in row.last_changes

    duplicate = await post_form(c, "/events/new", "/events/save", form)
    assert duplicate.status_code == 400 and "exists already" in duplicate.text
    bad = await post_form(c, "/events/new", "/events/save", {**form, "uid": "x", "topics": ["astrology"]})
    assert bad.status_code == 400 and "unknown topic" in html.unescape(bad.text)
    backwards = await post_form(c, "/events/new", "/events/save", {**form, "uid": "y", "end": f"{NEXT_YEAR}-03-11T10:00"})
    assert backwards.status_code == 400 and "ends before it starts" in backwards.text

    response = await post_form(c, "/events/view?uid=tracking-wg-9", "/events/cancel?uid=tracking-wg-9")
    assert "is cancelled" in message((await c.get(response.headers["location"])).text)
    row = await store.get(db, uid="tracking-wg-9")
    assert row is not None and row.status == "cancelled" and row.revision == 3
    async with db.session() as session:
        actions = (await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id))).all()
    assert [a for a in actions if a.startswith("event.")] == ["event.add", "event.edit", "event.cancel"]


async def test_import_ics_file_and_refuse_bad_ones(client: Client, services: Services) -> None:
    c = await client("curator")
    response = await post_form(c, "/events", "/events/import", files={"file": ("feed.ics", ICS, "text/calendar")})
    assert "1 added" in message((await c.get(response.headers["location"])).text)
    assert await store.get(services.db, uid="ics-webinar-1@a6ip.test") is not None
    assert "Webinar on corresponding adjustments" in (await c.get("/events")).text
    before = len(await store.listing(services.db))
    for name, data, expected in (("feed.ics", b"not a calendar", "not a valid iCalendar"),
                                 ("evil.exe", b"MZ", "use an .ics"),
                                 ("events.yaml", b"- uid: a\n  title: t\n  start: nonsense\n", "events.yaml")):
        response = await post_form(c, "/events", "/events/import", files={"file": (name, data, "text/plain")})
        text = message((await c.get(response.headers["location"])).text)
        assert "error" in text and expected in text, text
        assert "/tmp" not in text  # server paths are not shown
    none = await post_form(c, "/events", "/events/import", {"url": "ftp://example.org/feed.ics"})
    assert "only http:// and https://" in message((await c.get(none.headers["location"])).text)
    assert len(await store.listing(services.db)) == before


async def test_event_form_shows_times_in_the_event_zone(client: Client, services: Services) -> None:
    spec = store.EventSpec(uid="tz-1", title="Zone check", starts_at=datetime(NEXT_YEAR, 6, 1, 7, tzinfo=timezone.utc),
                           ends_at=datetime(NEXT_YEAR, 6, 1, 7, tzinfo=timezone.utc) + timedelta(hours=1),
                           timezone="Europe/Berlin")
    async with services.db.session() as session:
        await store.upsert(session, spec, source="test")
    page = (await (await client("curator")).get("/events/edit?uid=tz-1")).text
    assert f'value="{NEXT_YEAR}-06-01T09:00"' in page  # 07:00 UTC is 09:00 in Berlin in summer
