"""Pure Block Kit building: answers with sources and feedback buttons, within Slack's limits, user text escaped."""

from __future__ import annotations

from typing import Any

from bot.answering import Answer
from bot.texts import say

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_FALLBACK_CHARS = 3000
HELPFUL, NOT_HELPFUL, ESCALATE, MORE = "a6_helpful", "a6_not_helpful", "a6_escalate", "a6_more"


def escape(text: str) -> str:
    """mrkdwn treats only &, < and > as control characters; everything else shows as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A mrkdwn link; a '|' or '>' in the URL would end it early, so they are percent-encoded."""
    safe = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"<{safe}|{escape(label).replace('|', '¦')}>"


def split_text(text: str, limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Cut text into pieces of at most `limit` characters, at paragraph, line or word breaks when possible."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        # never cut inside an escape such as &amp;
        amp = window.rfind("&", 0, cut)
        if amp != -1 and ";" not in window[amp:cut] and cut - amp < 6:
            cut = amp
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:MAX_SECTION_CHARS]}]}


def sections(text: str) -> list[Block]:
    """Escaped text as as many sections as the 3000-character limit needs."""
    return [section(piece) for piece in split_text(escape(text))]


def source_line(number: int, title: str, citation: str, url: str | None) -> str:
    label = citation or title
    return f"[{number}] " + (link(url, label) if url else escape(label))


def buttons(log_id: int, language: str, *, more: bool = False) -> Block:
    """"More" (when the answer has a rest), helpful, not helpful and 'ask A6IP staff', each carrying the
    question log id."""
    value = str(log_id)

    def button(action: str, key: str) -> Block:
        return {"type": "button", "action_id": action, "value": value,
                "text": {"type": "plain_text", "text": say(key, language)}}

    return {"type": "actions", "block_id": f"a6_feedback_{value}", "elements": [
        *([button(MORE, "button.more")] if more else []),
        button(HELPFUL, "button.helpful"), button(NOT_HELPFUL, "button.not_helpful"),
        {**button(ESCALATE, "button.staff"), "style": "primary"}]}


def without_more(blocks: list[Block]) -> list[Block]:
    """An answer's blocks once its "More" was pressed: the same, without that button."""
    return [{**b, "elements": [e for e in b["elements"] if e.get("action_id") != MORE]} if b.get("type") == "actions"
            else b for b in blocks]


def fit(body: list[Block], tail: list[Block], language: str = "en") -> list[Block]:
    """Keep the tail (sources, buttons) and as much of the body as 50 blocks allow, saying when cut."""
    room = MAX_BLOCKS - len(tail)
    if len(body) > room:
        body = [*body[:room - 1], context(f"_{escape(say('answer.shortened', language))}_")]
    return [*body, *tail][:MAX_BLOCKS]


def answer_blocks(answer: Answer, language: str = "en", *, more: bool = False) -> list[Block]:
    """The answer (or, with more, the rest of it): the question as understood when a follow-up was spelled
    out, the text, an optional footer, one context line per source it cites, then the buttons (their labels in
    the reader's `language`; none under the rest)."""
    understood = None if more else answer.understood()
    body = [context(f"_{escape(understood)}_")] if understood else []
    body += sections(answer.more if more else answer.text)
    if answer.footer and not more:
        body.append(context(escape(answer.footer)))
    tail = [context(source_line(n, answer.sources[n - 1].title, answer.sources[n - 1].citation,
                                answer.sources[n - 1].url)) for n in answer.shown_sources(more=more)]
    if answer.log_id is not None and not more:
        tail.append(buttons(answer.log_id, language, more=bool(answer.more)))
    return fit(body, tail[-(MAX_BLOCKS // 2):], language)


def fallback(text: str) -> str:
    """The notification / screen-reader text of a message: plain, escaped, bounded."""
    text = escape(text)
    return text if len(text) <= MAX_FALLBACK_CHARS else text[:MAX_FALLBACK_CHARS - 1] + "…"


def text_blocks(text: str) -> list[Block]:
    """A plain reply (help, errors, lists) as sections; the caller's text is already mrkdwn."""
    return fit([section(piece) for piece in split_text(text)], [])
