"""Plain-text rendering of a Notice: the time in the reader's zone and the organiser's, place, links."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.outreach.notifier import EventInfo, Notice
from bot.outreach.topics import KINDS

HEADINGS = {
    "announce": "New event", "reminder-7d": "In one week", "reminder-1d": "Tomorrow",
    "change": "Event changed", "cancel": "Event cancelled", "digest": "This week's events",
}


def format_date(value: datetime) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def format_time(value: datetime) -> str:
    return f"{value:%H:%M} {value.tzname()}"


def when_all_day(event: EventInfo) -> str:
    """An all-day event keeps its calendar date everywhere (12 March in Tokyo is 12 March in Nassau)."""
    zone = ZoneInfo(event.timezone)
    first = event.starts_at.astimezone(zone)
    last = (event.ends_at.astimezone(zone) - timedelta(days=1)) if event.ends_at else first
    if last.date() <= first.date():
        return f"{format_date(first)} (all day)"
    return f"{format_date(first)} – {format_date(last)} (all day)"


def span(event: EventInfo, zone_name: str) -> str:
    zone = ZoneInfo(zone_name)
    start = event.starts_at.astimezone(zone)
    text = f"{format_date(start)}, {format_time(start)}"
    if event.ends_at is not None:
        end = event.ends_at.astimezone(zone)
        text += f" – {format_time(end) if end.date() == start.date() else format_date(end) + ', ' + format_time(end)}"
    return text


def when(event: EventInfo, reader_zone: str) -> str:
    """'Thu 12 Mar 2026, 09:00 EST – 11:00 EST (your time) · Thu 12 Mar 2026, 23:00 JST … (Asia/Tokyo, organiser)'."""
    if event.all_day:
        return when_all_day(event)
    same = event.starts_at.astimezone(ZoneInfo(reader_zone)).utcoffset() == \
        event.starts_at.astimezone(ZoneInfo(event.timezone)).utcoffset()
    if same:
        return f"{span(event, event.timezone)} ({event.timezone})"
    return f"{span(event, reader_zone)} (your time) · {span(event, event.timezone)} ({event.timezone}, organiser)"


def where(event: EventInfo) -> str:
    if event.hybrid:
        return f"{event.place or 'in person'} and online (hybrid)"
    if event.online:
        return "Online"
    return event.place or "to be announced"


def event_block(event: EventInfo, reader_zone: str) -> list[str]:
    title = f"{event.title} [{event.status.upper()}]" if event.status in ("cancelled", "postponed") else event.title
    lines = [title, f"{KINDS.get(event.kind, 'Event')}" + (f" · {event.organiser}" if event.organiser else ""),
             f"When: {when(event, reader_zone)}", f"Where: {where(event)}"]
    if event.registration_url:
        lines.append(f"Register: {event.registration_url}")
    lines.append(f"Add to calendar: {event.calendar_url}")
    return lines


def render_plain(notice: Notice) -> str:
    """The whole message as plain text."""
    lines = [HEADINGS[notice.kind]]
    if notice.kind == "change" and notice.changes:
        lines[0] += f" ({', '.join(c.replace('_', ' ') for c in notice.changes)})"
    for event in notice.events:
        lines += ["", *event_block(event, notice.timezone)]
    if notice.kind in ("announce",) and notice.event.description:
        lines += ["", notice.event.description.strip()[:600]]
    return "\n".join(lines)
