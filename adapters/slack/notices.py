"""Pure Block Kit for event notices: Slack's <!date^…> tokens show every reader the time in their own zone."""

from __future__ import annotations

from datetime import datetime

from adapters.slack.blocks import Block, context, escape, fallback, fit, link, section
from bot.outreach.notifier import EventInfo, Notice
from bot.outreach.render import HEADINGS, span, when_all_day, where
from bot.outreach.topics import KINDS


def slack_date(value: datetime, pattern: str, fallback_text: str) -> str:
    """A time Slack renders in the reader's own zone; the fallback shows where the token is not understood."""
    return f"<!date^{int(value.timestamp())}^{pattern}|{escape(fallback_text)}>"


def slack_when(event: EventInfo, reader_zone: str) -> str:
    """Start (and end) in each reader's zone, plus the organiser's own local time for reference."""
    if event.all_day:
        return escape(when_all_day(event))  # an all-day date is the same calendar date everywhere
    text = slack_date(event.starts_at, "{date_short_pretty} {time}", span(event, reader_zone))
    if event.ends_at is not None:
        same_day = (event.ends_at - event.starts_at).total_seconds() < 86400
        text += " – " + slack_date(event.ends_at, "{time}" if same_day else "{date_short_pretty} {time}",
                                   span(event, reader_zone))
    return f"{text} (your time) · organiser: {escape(span(event, event.timezone))} ({escape(event.timezone)})"


def event_blocks(event: EventInfo, reader_zone: str) -> list[Block]:
    title = escape(event.title)
    if event.status in ("cancelled", "postponed"):
        title = f"~{title}~ *{event.status.upper()}*"
    kind = KINDS.get(event.kind, "Event") + (f" · {event.organiser}" if event.organiser else "")
    lines = [f"*{title}*", escape(kind), f"*When:* {slack_when(event, reader_zone)}",
             f"*Where:* {escape(where(event))}"]
    if event.registration_url:
        lines.append(f"*Register:* {link(event.registration_url, event.registration_url)}")
    lines.append(f"{link(event.calendar_url, 'Add to calendar (.ics)')}")
    return [section("\n".join(lines)[:3000])]


def notice_blocks(notice: Notice) -> list[Block]:
    """Heading, one section per event, and the description of a new event as context."""
    heading = HEADINGS[notice.kind]
    if notice.kind == "change" and notice.changes:
        heading += f" ({', '.join(c.replace('_', ' ') for c in notice.changes)})"
    body: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": heading[:150]}}]
    for event in notice.events:
        body += event_blocks(event, notice.timezone)
    if notice.kind == "announce" and notice.event.description:
        body.append(context(escape(notice.event.description.strip()[:600])))
    return fit(body, [])


def notice_text(notice: Notice) -> str:
    """The notification text (push, screen readers): plain rendering in the subscriber's zone."""
    return fallback(notice.plain())
