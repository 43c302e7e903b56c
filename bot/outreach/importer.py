"""Read events from YAML, CSV, iCalendar files or http(s) feeds; all-or-nothing, idempotent by UID."""

from __future__ import annotations

import asyncio
import csv
import io
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.fetch import FetchError, IPNetwork, fetch
from bot.outreach.events import EventSpec, local_datetime, upsert
from bot.outreach.models import Event
from bot.outreach.topics import normalize_kind, normalize_topic
from bot.storage import Database
from knowledge.safe_yaml import load_yaml

MAX_FEED = 5 * 1024 * 1024
EXPAND_BACK, EXPAND_AHEAD = timedelta(days=400), timedelta(days=730)
# At most this many events per import, recurrences included: an A6IP calendar holds a few dozen a year, while
# one line of RRULE:FREQ=MINUTELY would otherwise expand to a million and a half.
MAX_EVENTS = 500
# Steps of all RRULEs together from their DTSTART to the end of the window: expanding walks every one, even
# those before the window, so this bounds the time an import takes (20,000 steps take about a third of a second).
MAX_RULE_STEPS = 20_000
# CPU seconds reading one calendar may take: a rule that matches rarely or never (FREQ=SECONDLY;BYMONTH=2;
# BYMONTHDAY=30) yields nothing to count while dateutil walks every day up to the year 9999.
ICS_SECONDS = 3.0
TRUE = {"1", "true", "yes", "y", "on"}


class EventImportError(ValueError):
    """The file cannot be imported as a whole; the message names the file and the record."""


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _bool(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value or "").strip().lower() in TRUE


def _text(value: Any) -> str | None:
    """An optional text field as text (YAML may give a number, a date or a list), None when empty."""
    return None if value is None or value == "" else str(value)


def _list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
    return [str(v) for v in value]


def spec_from_record(record: dict[str, Any]) -> EventSpec:
    """One YAML mapping or CSV row (start/end as local 'YYYY-MM-DD HH:MM' in `timezone`) -> EventSpec."""
    zone = str(record.get("timezone") or "UTC")
    all_day = _bool(record.get("all_day"))
    start, end = str(record.get("start") or record.get("starts_at") or ""), record.get("end") or record.get("ends_at")
    if not start:
        raise ValueError("missing start")
    starts = local_datetime(start, zone)
    ends = local_datetime(str(end), zone) if end else None
    if all_day and ends is not None and len(str(end).strip()) == 10:
        ends += timedelta(days=1)  # an all-day 'end' names the last day; iCalendar's DTEND is exclusive
    return EventSpec(uid=str(record.get("uid") or ""), title=str(record.get("title") or ""), starts_at=starts,
                     ends_at=ends, timezone=zone, kind=str(record.get("kind") or "other"),
                     topics=_list(record.get("topics")), all_day=all_day, place=_text(record.get("place")),
                     online=_bool(record.get("online")), hybrid=_bool(record.get("hybrid")),
                     organiser=_text(record.get("organiser")), registration_url=_text(record.get("registration_url")),
                     description=_text(record.get("description")), language=str(record.get("language") or "en"),
                     region=_text(record.get("region")), status=str(record.get("status") or "scheduled"),
                     example=_bool(record.get("example")))


def parse_records(records: Iterable[dict[str, Any]], name: str) -> list[EventSpec]:
    specs = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise EventImportError(f"{name}: record {number} is not a mapping of fields")
        try:
            specs.append(spec_from_record(record))
        except (ValueError, TypeError) as error:
            raise EventImportError(f"{name}: record {number} ({record.get('uid') or 'no uid'}): {error}") from error
    return specs


def parse_yaml(text: str, name: str) -> list[EventSpec]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        raise EventImportError(f"{name}: not valid YAML ({error})") from error
    records = data.get("events") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise EventImportError(f"{name}: expected a list of events (or a mapping with an 'events' list)")
    return parse_records(records, name)


def parse_csv(text: str, name: str) -> list[EventSpec]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        if not reader.fieldnames or not {"uid", "title", "start"} <= set(reader.fieldnames):
            raise EventImportError(f"{name}: a CSV needs at least the columns uid, title, start")
        return parse_records(reader, name)
    except csv.Error as error:
        raise EventImportError(f"{name}: not a valid CSV file (line {reader.line_num}: {error})") from error


def _zone_name(value: datetime) -> str:
    key = getattr(value.tzinfo, "key", None)
    return key or ("UTC" if value.utcoffset() == timedelta(0) else "UTC")


def _decoded_time(component: Any, name: str) -> Any:
    """DTSTART or DTEND as icalendar decodes it; ValueError for a TZID that it cannot resolve (icalendar then
    returns a floating time, which would silently be taken as UTC)."""
    value = component.decoded(name)
    tzid = component[name].params.get("TZID") if hasattr(component[name], "params") else None
    if tzid and isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError(f"unknown time zone {str(tzid)[:64]!r} in {name}; use an IANA name such as "
                         "Europe/Paris, or include the calendar's VTIMEZONE")
    return value


def spec_from_vevent(component: Any, uid: str) -> EventSpec:
    start = _decoded_time(component, "DTSTART")
    end = _decoded_time(component, "DTEND") if "DTEND" in component else None
    all_day = isinstance(start, date) and not isinstance(start, datetime)
    zone = "UTC" if all_day else _zone_name(start if start.tzinfo else start.replace(tzinfo=timezone.utc))
    if all_day:
        starts = datetime.combine(start, datetime.min.time(), ZoneInfo(zone))
        ends = datetime.combine(end, datetime.min.time(), ZoneInfo(zone)) if end else starts + timedelta(days=1)
    else:
        starts = start if start.tzinfo else start.replace(tzinfo=timezone.utc)
        ends = (end if end.tzinfo else end.replace(tzinfo=timezone.utc)) if end else None
    categories: list[str] = []
    for value in component.get("CATEGORIES", []) if isinstance(component.get("CATEGORIES"), list) else [component.get("CATEGORIES")]:
        if value is not None:
            categories += [str(c) for c in value.cats]
    topics, kind = [], "other"
    for category in categories:
        try:
            topics.append(normalize_topic(category))
        except ValueError:
            try:
                kind = normalize_kind(category)
            except ValueError:
                pass  # a category that is neither a topic nor a kind is the feed's own label
    place = str(component.get("LOCATION") or "") or None
    organiser = component.get("ORGANIZER")
    organiser_name = (organiser.params.get("CN") or str(organiser).removeprefix("mailto:")) if organiser else None
    online = bool(place and any(w in place.lower() for w in ("online", "zoom", "teams", "webex", "virtual")))
    return EventSpec(uid=uid, title=str(component.get("SUMMARY") or ""), starts_at=starts, ends_at=ends,
                     timezone=zone, kind=kind, topics=topics, all_day=all_day, place=place, online=online,
                     organiser=organiser_name, registration_url=str(component.get("URL") or "") or None,
                     description=str(component.get("DESCRIPTION") or "") or None,
                     status="cancelled" if str(component.get("STATUS") or "").upper() == "CANCELLED" else "scheduled")


def check_rules(calendar: Any, name: str, start: datetime, stop: datetime) -> None:
    """EventImportError for a VEVENT whose time zone is unknown, for RRULEs that take more than MAX_RULE_STEPS
    steps to reach `stop` and for more than MAX_EVENTS occurrences from `start` to `stop`, counted with
    dateutil before anything is expanded (times compared as written: a day's margin covers the zones)."""
    from dateutil.rrule import rrulestr

    steps = found = 0
    low, high = start.replace(tzinfo=None) - timedelta(days=1), stop.replace(tzinfo=None) + timedelta(days=1)
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID") or "no UID")[:80]
        try:
            when = _decoded_time(component, "DTSTART")
            if "DTEND" in component:
                _decoded_time(component, "DTEND")
        except ValueError as error:
            raise EventImportError(f"{name}: event {uid}: {error}") from error
        rules = component.get("RRULE")
        if rules is None:
            continue
        first = (when.replace(tzinfo=None) if isinstance(when, datetime)
                 else datetime.combine(when, datetime.min.time()))
        for rule in rules if isinstance(rules, list) else [rules]:
            try:
                occurrences = rrulestr(rule.to_ical().decode(), dtstart=first, ignoretz=True)
            except (ValueError, TypeError) as error:
                raise EventImportError(f"{name}: event {uid}: its RRULE cannot be read ({error})") from error
            for occurrence in occurrences:
                steps += 1
                if occurrence > high:
                    break
                found += occurrence >= low
                if found > MAX_EVENTS:
                    raise too_many(name, start, stop)
                if steps > MAX_RULE_STEPS:
                    raise EventImportError(
                        f"{name}: event {uid} repeats more than {MAX_RULE_STEPS:,} times before {stop:%Y-%m-%d} "
                        f"(an import takes at most {MAX_EVENTS} events). End its RRULE with COUNT or UNTIL, or "
                        "repeat it less often.")


def too_many(name: str, start: datetime, stop: datetime) -> EventImportError:
    return EventImportError(f"{name}: more than {MAX_EVENTS} events between {start:%Y-%m-%d} and {stop:%Y-%m-%d} "
                            f"(recurrences included); an import takes at most {MAX_EVENTS}. End the RRULE with "
                            "COUNT or UNTIL, or split the calendar.")


class _OverBudget(BaseException):
    """Raised inside the calendar libraries when the CPU budget is spent (a BaseException, so that their own
    `except Exception` clauses cannot swallow it)."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Interrupt the code inside at its next function call once this thread has used `seconds` of CPU time."""
    limit = time.thread_time() + seconds

    def check(frame: object, event: str, arg: object) -> None:
        if event == "call" and time.thread_time() > limit:
            raise _OverBudget
        return None

    previous = sys.gettrace()
    sys.settrace(check)  # type: ignore[arg-type]
    try:
        yield
    finally:
        sys.settrace(previous)


def parse_ics(data: bytes, name: str, *, now: datetime | None = None) -> list[EventSpec]:
    """VEVENTs with RRULEs expanded (one event per occurrence, UID/occurrence-start) within EXPAND_BACK and
    EXPAND_AHEAD of now and at most MAX_EVENTS of them, CATEGORIES as topics."""
    import icalendar
    import recurring_ical_events

    try:
        with cpu_budget(ICS_SECONDS):
            calendar = icalendar.Calendar.from_ical(data)
            recurring = {str(c.get("UID")) for c in calendar.walk("VEVENT") if "RRULE" in c or "RECURRENCE-ID" in c}
            now = now or datetime.now(timezone.utc)
            start, stop = now - EXPAND_BACK, now + EXPAND_AHEAD
            check_rules(calendar, name, start, stop)
            occurrences = recurring_ical_events.of(calendar).between(start, stop)
        if len(occurrences) > MAX_EVENTS:  # events without RRULE, or RDATE lists, can still be too many
            raise too_many(name, start, stop)
    except _OverBudget:
        raise EventImportError(f"{name}: reading this calendar took more than {ICS_SECONDS:.0f} seconds; a recurrence "
                               "rule that matches rarely or never (such as February 30) or a very large file. "
                               "Simplify its RRULEs or split it.") from None
    except EventImportError:
        raise
    except Exception as error:  # icalendar raises ValueError, KeyError and others on broken input
        raise EventImportError(f"{name}: not a valid iCalendar file ({error})") from error
    specs = []
    for number, component in enumerate(occurrences, start=1):
        uid = str(component.get("UID") or "")
        try:
            if uid in recurring:
                uid = f"{uid}/{component.decoded('DTSTART').isoformat()}"
            specs.append(spec_from_vevent(component, uid))
        except (ValueError, TypeError, KeyError) as error:
            raise EventImportError(f"{name}: event {number} ({uid or 'no UID'}): {error}") from error
    if not specs and b"BEGIN:VCALENDAR" not in data[:2000]:
        raise EventImportError(f"{name}: not a valid iCalendar file")
    return specs


async def read_source(source: str, *, allow: Sequence[IPNetwork] = ()) -> tuple[bytes, str]:
    """The bytes of a file or an http(s) URL (fetched under bot.fetch's rules, at most MAX_FEED), and the format
    guessed from its name or content type. `allow`: the networks an administrator allowed fetching from."""
    if source.startswith(("http://", "https://")):
        try:
            response = await fetch(source, limit=MAX_FEED, allow=allow)
        except FetchError as error:
            raise EventImportError(f"{source[:200]}: {error}") from error
        kind = response.content_type
        fmt = "ics" if "calendar" in kind or source.endswith(".ics") else "csv" if "csv" in kind else "yaml"
        return response.content, fmt
    path = Path(source)
    if not path.is_file():
        raise EventImportError(f"{source}: no such file")
    suffix = path.suffix.lower()
    fmt = {".ics": "ics", ".ical": "ics", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}.get(suffix)
    if fmt is None:
        raise EventImportError(f"{source}: unknown format; use .yaml, .csv or .ics")
    return path.read_bytes(), fmt


def parse(data: bytes, fmt: str, name: str) -> list[EventSpec]:
    if fmt == "ics":
        return parse_ics(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EventImportError(f"{name}: not UTF-8 text") from error
    specs = parse_csv(text, name) if fmt == "csv" else parse_yaml(text, name)
    if len(specs) > MAX_EVENTS:
        raise EventImportError(f"{name}: {len(specs)} events; an import takes at most {MAX_EVENTS}, split the file")
    uids = [s.uid for s in specs]
    if len(set(uids)) != len(uids):
        raise EventImportError(f"{name}: the same uid appears twice")
    return specs


async def import_events(db: Database, source: str, *, origin: str = "import", only_new: bool = False,
                        session: AsyncSession | None = None, allow: Sequence[IPNetwork] = ()) -> ImportReport:
    """Parse everything first (fetching a feed through bot.fetch, within `allow`), then write it in one transaction
    (the caller's `session` when given): a bad record changes nothing."""
    data, fmt = await read_source(source, allow=allow)
    specs = await asyncio.to_thread(parse, data, fmt, source)  # a large calendar must not stall the event loop
    report = ImportReport()
    async with db.session(within=session) as session:
        for spec in specs:
            if only_new:
                if await session.scalar(select(Event.id).where(Event.uid == spec.uid)) is not None:
                    report.unchanged.append(spec.uid)
                    continue
            _, what = await upsert(session, spec, source=f"{origin}:{source}"[:300])
            getattr(report, what).append(spec.uid)
    return report


SHIPPED = Path(__file__).resolve().parents[2] / "knowledge" / "events"


async def load_shipped(db: Database, folder: Path = SHIPPED) -> ImportReport:
    """Add the bundled events on start; existing ones are left alone so staff edits and cancellations stick."""
    if not folder.is_dir():
        raise EventImportError(f"the events folder {folder} does not exist (A6BOT_EVENTS_DIR)")
    total = ImportReport()
    for path in sorted(folder.glob("*.yaml")):
        report = await import_events(db, str(path), origin="shipped", only_new=True)
        total.added += report.added
        total.unchanged += report.unchanged
    return total
