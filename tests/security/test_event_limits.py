"""Findings 6 and 8 for events: a one-line RRULE cannot expand to millions of events (a cap on steps and on
occurrences, off the event loop), an unknown TZID is refused instead of read as UTC, a field over its limit is
refused with its name in the console form and the CLI, and any uid (with '/', '?', '#') can be opened."""

from __future__ import annotations

import asyncio
import html
import re
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from typer.testing import CliRunner

from bot.bench.hostile import NEVER_RULE, RRULE_BOMB as BOMB, calendar
from bot.cli import app as cli
from bot.outreach.calendar import calendar_routes
from bot.outreach import events as store
from bot.outreach.importer import MAX_EVENTS, EventImportError, import_events, parse
from bot.services import Services
from tests.console.conftest import Client, post_form

NEXT_YEAR = datetime.now(timezone.utc).year + 1
BASE = "http://bot.test"


def test_a_minutely_rule_is_refused_quickly_with_little_memory() -> None:
    assert len(BOMB) < 248
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(EventImportError) as refused:
            parse(BOMB, "ics", "bomb.ics")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 20  # under tracemalloc; about 0.4 s without it
    assert peak < 50_000_000
    assert re.match(r"bomb.ics: event bomb@example.org repeats more than 20,000 times before \d{4}-\d\d-\d\d "
                    r"\(an import takes at most 500 events\)\. End its RRULE with COUNT or UNTIL", str(refused.value))


def test_occurrences_in_the_window_are_capped_and_a_bounded_rule_imports() -> None:
    hourly = calendar("UID:h@example.org", f"DTSTART:{NEXT_YEAR}0101T000000Z", "RRULE:FREQ=HOURLY", "SUMMARY:H")
    with pytest.raises(EventImportError, match=rf"more than {MAX_EVENTS} events between .* at most {MAX_EVENTS}"):
        parse(hourly, "ics", "h.ics")
    weekly = calendar("UID:w@example.org", f"DTSTART:{NEXT_YEAR}0105T090000Z", "RRULE:FREQ=WEEKLY;COUNT=12",
                      "SUMMARY:Weekly clinic")
    specs = parse(weekly, "ics", "w.ics")
    assert len(specs) == 12 and specs[0].uid == f"w@example.org/{NEXT_YEAR}-01-05T09:00:00+00:00"


def test_a_rule_that_never_matches_is_stopped_by_the_cpu_budget() -> None:
    """Found by the property tests: February 30 every second yields nothing to count while dateutil walks
    every day up to the year 9999 (three minutes)."""
    started = time.thread_time()
    with pytest.raises(EventImportError, match=r"never.ics: reading this calendar took more than 3 seconds; a "
                                               r"recurrence rule that matches rarely or never"):
        parse(NEVER_RULE, "ics", "never.ics")
    assert time.thread_time() - started < 6


async def test_the_expansion_runs_off_the_event_loop(tmp_path: Path, services: Services) -> None:
    path = tmp_path / "bomb.ics"
    path.write_bytes(BOMB)
    gaps: list[float] = []

    async def tick() -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.01)
            gaps.append(time.monotonic() - last)
            last = time.monotonic()

    before = [e.uid for e in await store.listing(services.db)]
    ticker = asyncio.create_task(tick())
    with pytest.raises(EventImportError, match="repeats more than"):
        await import_events(services.db, str(path))
    ticker.cancel()
    assert len(gaps) > 5 and max(gaps) < 0.3  # /healthz and chats keep being answered meanwhile
    assert [e.uid for e in await store.listing(services.db)] == before  # nothing half-written


def test_an_unknown_time_zone_is_refused_not_read_as_utc() -> None:
    feed = calendar("UID:tz@example.org", f"DTSTART;TZID=Mars/Olympus_Mons:{NEXT_YEAR}0301T100000", "SUMMARY:T")
    with pytest.raises(EventImportError, match=r"event tz@example.org: unknown time zone 'Mars/Olympus_Mons' in "
                                               r"DTSTART; use an IANA name such as Europe/Paris"):
        parse(feed, "ics", "tz.ics")
    windows = calendar("UID:w@example.org", f"DTSTART;TZID=W. Europe Standard Time:{NEXT_YEAR}0301T100000", "SUMMARY:W")
    assert parse(windows, "ics", "w.ics")[0].timezone == "Europe/Berlin"  # names icalendar knows still work
    with pytest.raises(EventImportError, match="record 1 \\(a\\): I don't know the time zone 'Mars'"):
        parse(b"- uid: a\n  title: A\n  start: 2030-01-01 10:00\n  timezone: Mars\n", "yaml", "e.yaml")


FORM = {"title": "Tracking working group", "start": f"{NEXT_YEAR}-03-12T10:00", "timezone": "UTC",
        "kind": "wg-meeting", "language": "en"}


async def test_an_overlong_field_is_named_in_the_console(client: Client, services: Services) -> None:
    c = await client("curator")
    before = [e.uid for e in await store.listing(services.db)]
    for field, limit in (("title", 500), ("place", 300), ("organiser", 300), ("description", 5000), ("uid", 255)):
        form = {**FORM, "uid": "long-1", field: "x" * (limit + 100)}
        response = await post_form(c, "/events/new", "/events/save", form)
        assert response.status_code == 400
        assert f"{field} is {limit + 100:,} characters long; at most {limit:,} are allowed." in html.unescape(response.text)
    assert [e.uid for e in await store.listing(services.db)] == before


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("A6BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("A6BOT_DATABASE_URL", "")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_cli_names_the_field_and_opens_any_uid(env: Path) -> None:
    runner = CliRunner()
    base = ["events", "add", "--start", f"{NEXT_YEAR}-03-12 10:00"]
    long = runner.invoke(cli, [*base, "--uid", "a", "--title", "t" * 600])
    assert long.exit_code == 2 and "title is 600 characters long; at most 500 are allowed." in long.output
    assert "Traceback" not in long.output
    added = runner.invoke(cli, [*base, "--uid", "wg/3?x#y", "--title", "Working group 3"])
    assert added.exit_code == 0, added.output
    edited = runner.invoke(cli, ["events", "edit", "wg/3?x#y", "--title", "Working group 3 (moved)"])
    assert edited.exit_code == 0 and "changed: wg/3?x#y" in edited.output
    assert runner.invoke(cli, ["events", "cancel", "wg/3?x#y"]).exit_code == 0


async def test_any_uid_opens_in_the_console(client: Client, services: Services) -> None:
    c = await client("curator")
    uid = "wg/3?x#y z"
    created = await post_form(c, "/events/new", "/events/save", {**FORM, "uid": uid})
    assert created.status_code == 303 and created.headers["location"] == "/events/view?uid=wg%2F3%3Fx%23y%20z"
    # "." and ".." would vanish from a path (browsers resolve them, even as %2E); "new" and "x/edit" would name
    # other pages; "./x" and "a/../b" would lose a segment. Each opens, edits and cancels as its own event.
    awkward = [".", "..", "new", "x/edit", "./x", "a/../b"]
    for n, name in enumerate(awkward):
        title = f"Awkward uid {n}"
        assert (await post_form(c, "/events/new", "/events/save", {**FORM, "uid": name, "title": title})).status_code == 303
    listing = (await c.get("/events")).text
    for n, name in enumerate([uid, *awkward]):
        title = "Tracking working group" if n == 0 else f"Awkward uid {n - 1}"
        link = re.search(rf'<a href="([^"]+)">{title}</a>', listing)
        assert link is not None, name
        page = await c.get(html.unescape(link.group(1)))
        assert page.status_code == 200 and f"<h1>{title}</h1>" in page.text, name
        edit = re.search(r'href="([^"]+)">Edit</a>', page.text)
        assert edit is not None
        form = (await c.get(html.unescape(edit.group(1)))).text
        assert f'name="existing" value="{html.escape(name)}"' in form, name
        cancel = re.search(r'<form method="post" action="([^"]+)" class="inline"', page.text)
        assert cancel is not None
        await post_form(c, html.unescape(link.group(1)), html.unescape(cancel.group(1)))
        row = await store.get(services.db, uid=name)
        assert row is not None and row.status == "cancelled", name
    weekly = calendar("UID:clinic@example.org", f"DTSTART:{NEXT_YEAR}0105T090000Z", "RRULE:FREQ=WEEKLY;COUNT=2",
                      "SUMMARY:Clinic")
    await post_form(c, "/events", "/events/import", files={"file": ("feed.ics", weekly, "text/calendar")})
    occurrence = f"clinic@example.org/{NEXT_YEAR}-01-05T09:00:00+00:00"
    assert await store.get(services.db, uid=occurrence) is not None
    links = re.findall(r'href="(/events/view\?uid=clinic[^"]+)"', (await c.get("/events")).text)
    assert len(links) == 2
    for href in links:
        opened = await c.get(html.unescape(href))
        assert opened.status_code == 200 and "Clinic" in opened.text
    feed = Starlette(routes=[Route(path, endpoint) for path, endpoint in calendar_routes(services.db, base_url=BASE)])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=feed), base_url=BASE) as web:
        for name, title in ((uid, "Tracking working group"), (occurrence, "Clinic"),
                            *((name, f"Awkward uid {n}") for n, name in enumerate(awkward))):
            ics = await web.get(store.calendar_url(BASE, name))
            assert ics.status_code == 200 and f"SUMMARY:{title}" in ics.text, name  # that event's, no other's
