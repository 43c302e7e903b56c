"""The core's event and notice layout (bot.outreach.render) in Block Kit; Slack's <!date^…> tokens show each
reader the time in their own zone."""

from __future__ import annotations

from datetime import datetime

from adapters.slack.blocks import Block, context, escape, fallback, fit, link, section
from bot.outreach.notice import EventInfo, Notice
from bot.outreach.render import EventLayout, event_layout, notice_layout, render_plain


def slack_date(value: datetime, pattern: str, fallback_text: str) -> str:
    """A time Slack renders in the reader's own zone; the fallback shows where the token is not understood."""
    return f"<!date^{int(value.timestamp())}^{pattern}|{escape(fallback_text)}>"


def reader_time(event: EventInfo, plain: str) -> str:
    """Start (and end) as date tokens; `plain` is the span in the subscription's zone, their fallback."""
    text = slack_date(event.starts_at, "{date_short_pretty} {time}", plain)
    if event.ends_at is not None:
        same_day = (event.ends_at - event.starts_at).total_seconds() < 86400
        text += " – " + slack_date(event.ends_at, "{time}" if same_day else "{date_short_pretty} {time}", plain)
    return text


def layout_section(layout: EventLayout) -> Block:
    """Title (struck through when cancelled), kind, when, where, links. The time field is left as built: date
    tokens around dates, zone names and catalogue words, none of which holds &, < or >."""
    title = f"~{escape(layout.title)}~ *{escape(layout.status)}*" if layout.status else escape(layout.title)
    (when_label, when), (where_label, where) = layout.fields
    lines = [f"*{title}*", escape(layout.kind), f"*{escape(when_label)}:* {when}",
             f"*{escape(where_label)}:* {escape(where)}",
             " · ".join(link(item.url, item.label) for item in layout.links)]
    return section("\n".join(lines)[:3000])


def event_blocks(event: EventInfo, reader_zone: str, language: str) -> list[Block]:
    return [layout_section(event_layout(event, reader_zone, language, local=reader_time))]


def notice_blocks(notice: Notice) -> list[Block]:
    """Heading, one section per event, and the description of a new event as context."""
    layout = notice_layout(notice, local=reader_time)
    body: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": layout.heading[:150]}}]
    body += [layout_section(event) for event in layout.events]
    if layout.description:
        body.append(context(escape(layout.description)))
    return fit(body, [])


def notice_text(notice: Notice) -> str:
    """The notification text (push, screen readers): plain rendering in the subscriber's zone."""
    return fallback(render_plain(notice))
