"""Events and outreach notices in Telegram HTML: times in the reader's zone and the organiser's, place, links."""

from __future__ import annotations

from bot.outreach.notifier import EventInfo, Notice
from bot.outreach.render import HEADINGS, when, where
from bot.outreach.topics import KINDS

from adapters.telegram.formatting import esc, link


def event_html(event: EventInfo, reader_zone: str) -> str:
    """One event: title, kind and organiser, when (both zones), where, registration and calendar links."""
    title = f"<b>{esc(event.title)}</b>"
    if event.status in ("cancelled", "postponed"):
        title += f" [{event.status.upper()}]"
    kind = esc(KINDS.get(event.kind, "Event") + (f" · {event.organiser}" if event.organiser else ""))
    lines = [title, kind, f"🕘 {esc(when(event, reader_zone))}", f"📍 {esc(where(event))}"]
    links = [link(event.registration_url, "Register")] if event.registration_url else []
    links.append(link(event.calendar_url, "Add to calendar"))
    lines.append(" · ".join(links))
    return "\n".join(lines)


def notice_html(notice: Notice) -> str:
    """The whole notice: heading (with what changed), each event, and an announcement's description."""
    heading = HEADINGS[notice.kind]
    if notice.kind == "change" and notice.changes:
        heading += f" ({', '.join(c.replace('_', ' ') for c in notice.changes)})"
    parts = [f"<b>{esc(heading)}</b>", *(event_html(e, notice.timezone) for e in notice.events)]
    if notice.kind == "announce" and notice.event.description:
        parts.append(esc(notice.event.description.strip()[:600]))
    return "\n\n".join(parts)


def events_page_html(events: list[EventInfo], *, zone: str, offset: int, topic_label: str | None) -> str:
    """A page of /events; says so plainly when nothing is scheduled."""
    about = f" on {esc(topic_label)}" if topic_label else ""
    if not events:
        return f"No upcoming events{about} are scheduled yet." if offset == 0 else "No more events."
    header = f"<b>Upcoming events{about}</b> (times in {esc(zone)}; change with /timezone)"
    return "\n\n".join([header, *(f"{offset + n}. " + event_html(e, zone) for n, e in enumerate(events, start=1))])
