"""The core's event and notice layout (bot.outreach.render) in Telegram HTML; nothing but markup here."""

from __future__ import annotations

from bot.outreach.notice import EventInfo, Notice
from bot.outreach.render import EventLayout, event_layout, notice_layout
from bot.texts import say

from adapters.telegram.formatting import esc, link, markup_html


def layout_html(layout: EventLayout) -> str:
    """One event: title (and status), kind and organiser, when and where, then its links on one line."""
    title = f"<b>{esc(layout.title)}</b>" + (f" [{esc(layout.status)}]" if layout.status else "")
    lines = [title, esc(layout.kind), *(f"<b>{esc(label)}:</b> {esc(value)}" for label, value in layout.fields)]
    lines.append(" · ".join(link(item.url, item.label) for item in layout.links))
    return "\n".join(lines)


def notice_html(notice: Notice) -> str:
    layout = notice_layout(notice)
    parts = [f"<b>{esc(layout.heading)}</b>", *(layout_html(e) for e in layout.events)]
    if layout.description:
        parts.append(esc(layout.description))
    return "\n\n".join(parts)


def events_page_html(events: list[EventInfo], *, zone: str, offset: int, topic_label: str | None, language: str) -> str:
    """A page of /events in the reader's language and zone; says so plainly when nothing is scheduled."""
    about = say("events.about", language, topic=topic_label) if topic_label else ""
    if not events:
        return esc(say("events.none", language, about=about) if offset == 0 else say("events.no_more", language))
    header = markup_html(say("events.header", language, about=about, zone=zone, timezone="/timezone"))
    return "\n\n".join([header, *(f"{offset + n}. " + layout_html(event_layout(e, zone, language))
                                  for n, e in enumerate(events, start=1))])
