"""The one layout of an event and of a notice, in the reader's language and time zone: every channel renders
this skeleton in its own markup (Telegram HTML, Slack Block Kit, plain text, email), and only that.

Times show in the reader's zone and the organiser's; an all-day event keeps its calendar date everywhere.
A channel that can show each reader their own time (Slack's date tokens) passes `local`, which renders the
reader's span from the event and the plain fallback text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_date

from bot.outreach.notice import EventInfo, Notice, ResourceInfo
from bot.texts import any_topic_label, kind_label, say

LocalTime = Callable[[EventInfo, str], str]  # (event, the reader's span as plain text) -> the channel's rendering


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class EventLayout:
    """One event: title (and status), what kind and who organises, when and where, links."""

    title: str
    status: str | None  # "CANCELLED", "POSTPONED" in the reader's language; None otherwise
    kind: str
    fields: tuple[tuple[str, str], ...]  # (label, value): when, where
    links: tuple[Link, ...]  # registration (when there is one), then the calendar file

    @property
    def cancelled(self) -> bool:
        return self.status is not None


@dataclass(frozen=True)
class NoticeLayout:
    heading: str  # what happened ("New event", "Event changed (starts at)")
    events: tuple[EventLayout, ...]
    description: str | None  # an announcement's description, bounded


def format_date(value: datetime, language: str = "en") -> str:
    """'Thu 12 Mar 2026' / 'jeu. 12 mars 2026' / 'jue, 12 mar 2026'."""
    return babel_date(value, "EEE d MMM y", locale=language)


def format_time(value: datetime) -> str:
    return f"{value:%H:%M} {value.tzname()}"


def when_all_day(event: EventInfo, language: str = "en") -> str:
    """An all-day event keeps its calendar date everywhere (12 March in Tokyo is 12 March in Nassau)."""
    zone = ZoneInfo(event.timezone)
    first = event.starts_at.astimezone(zone)
    last = (event.ends_at.astimezone(zone) - timedelta(days=1)) if event.ends_at else first
    all_day = say("notice.all_day", language)
    if last.date() <= first.date():
        return f"{format_date(first, language)} ({all_day})"
    return f"{format_date(first, language)} – {format_date(last, language)} ({all_day})"


def span(event: EventInfo, zone_name: str, language: str = "en") -> str:
    zone = ZoneInfo(zone_name)
    start = event.starts_at.astimezone(zone)
    text = f"{format_date(start, language)}, {format_time(start)}"
    if event.ends_at is not None:
        end = event.ends_at.astimezone(zone)
        same_day = end.date() == start.date()
        text += f" – {format_time(end) if same_day else format_date(end, language) + ', ' + format_time(end)}"
    return text


def when(event: EventInfo, reader_zone: str, language: str = "en", local: LocalTime | None = None) -> str:
    """'Thu 12 Mar 2026, 09:00 EST – 11:00 EST (your time) · Thu 12 Mar 2026, 23:00 JST … (Asia/Tokyo, organiser)'."""
    if event.all_day:
        return when_all_day(event, language)
    organiser = f"{span(event, event.timezone, language)} ({event.timezone}, {say('notice.organiser', language)})"
    if local is None:
        same = event.starts_at.astimezone(ZoneInfo(reader_zone)).utcoffset() == \
            event.starts_at.astimezone(ZoneInfo(event.timezone)).utcoffset()
        if same:
            return f"{span(event, event.timezone, language)} ({event.timezone})"
    reader = span(event, reader_zone, language)
    return f"{local(event, reader) if local else reader} ({say('notice.your_time', language)}) · {organiser}"


def where(event: EventInfo, language: str = "en") -> str:
    if event.hybrid:
        return say("where.hybrid", language, place=event.place or say("where.in_person", language))
    if event.online:
        return say("where.online", language)
    return event.place or say("where.tba", language)


def event_layout(event: EventInfo, reader_zone: str, language: str = "en", local: LocalTime | None = None) -> EventLayout:
    status = say(f"status.{event.status}", language) if event.status in ("cancelled", "postponed") else None
    kind = kind_label(event.kind, language) + (f" · {event.organiser}" if event.organiser else "")
    fields = ((say("notice.when", language), when(event, reader_zone, language, local)),
              (say("notice.where", language), where(event, language)))
    links = (Link(say("notice.register", language), event.registration_url),) if event.registration_url else ()
    return EventLayout(event.title, status, kind, fields, (*links, Link(say("notice.calendar", language),
                                                                      event.calendar_url)))


def resource_layout(resource: ResourceInfo, language: str = "en") -> EventLayout:
    """A new resource in the same skeleton as an event, so every channel shows it without markup of its own:
    its kind and publisher, topics and languages where an event has when and where, and its link."""
    languages = ", ".join(say(f"language.{code}", language) if code in ("en", "fr", "es", "ar") else code
                          for code in resource.languages)
    fields = ((say("notice.topics", language), ", ".join(any_topic_label(t, language) for t in resource.topics)),
              (say("notice.languages", language), languages))
    return EventLayout(resource.title, None, f"{say(f'tools.type.{resource.type}', language)} · {resource.publisher}",
                       fields, (Link(say("notice.open", language), resource.url),))


def notice_layout(notice: Notice, local: LocalTime | None = None) -> NoticeLayout:
    """The whole notice in the subscriber's language and zone: heading (with what changed), each event, and a
    new event's description; a new resource's own layout and description."""
    language = notice.language
    if notice.resource is not None:
        return NoticeLayout(say("tools.announce", language), (resource_layout(notice.resource, language),),
                            notice.resource.describe(language)[:600])
    heading = say(f"notice.{notice.kind}", language)
    if notice.kind == "change" and notice.changes:
        heading += f" ({', '.join(say(f'field.{c}', language) for c in notice.changes)})"
    description = notice.event.description if notice.kind == "announce" else None
    return NoticeLayout(heading, tuple(event_layout(e, notice.timezone, language, local) for e in notice.events),
                        description.strip()[:600] if description and description.strip() else None)


def plain_event(layout: EventLayout) -> list[str]:
    lines = [layout.title + (f" [{layout.status}]" if layout.status else ""), layout.kind]
    lines += [f"{label}: {value}" for label, value in layout.fields]
    lines += [f"{link.label}: {link.url}" for link in layout.links]
    return lines


def render_plain(notice: Notice) -> str:
    """The whole message as plain text: what any channel can fall back to."""
    layout = notice_layout(notice)
    lines = [layout.heading]
    for event in layout.events:
        lines += ["", *plain_event(event)]
    if layout.description:
        lines += ["", layout.description]
    return "\n".join(lines)
