"""Telegram HTML from the core's plain results: every piece of text escaped, links only to safe URLs,
long messages split where Telegram will accept them (balanced tags, at most 4096 characters)."""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

from telegram import Chat, User

from bot.answering import Answer
from bot.escalation import Escalation
from bot.texts import say

MAX_MESSAGE = 4096
EXCERPT_CHARS = 300
SAFE_SCHEMES = ("http", "https", "mailto", "tg")
TOKEN = re.compile(r"<[^>]*>|&#?\w+;|\s+|[^<&\s]+|[<&]")
TAG = re.compile(r"<(/?)([a-zA-Z-]+)")
BOLD = re.compile(r"\*([^*\n]+)\*")
CODE = re.compile(r"`([^`\n]+)`")


def esc(text: str | None) -> str:
    """Escape text for Telegram HTML (it knows only &lt; &gt; &amp; &quot; and numeric entities)."""
    return html.escape(text or "", quote=False)


def markup_html(text: str) -> str:
    """The catalogue's neutral markup (*bold*, `code`) as Telegram HTML, everything else escaped."""
    return CODE.sub(r"<code>\1</code>", BOLD.sub(r"<b>\1</b>", esc(text)))


def link(url: str | None, label: str) -> str:
    """An <a href> for http(s)/mailto/tg URLs; anything else (javascript:, junk) stays plain escaped text."""
    if url and urlparse(url.strip()).scheme.lower() in SAFE_SCHEMES:
        return f'<a href="{html.escape(url.strip(), quote=True)}">{esc(label)}</a>'
    return esc(label)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def answer_html(answer: Answer, *, more: bool = False) -> str:
    """The answer (or, with more, the rest of it behind "More"): the question as understood when a follow-up was
    spelled out, the body, the footer and the sources it cites as links; excerpts shown when not confident."""
    understood = None if more else answer.understood()
    parts = [f"<i>{esc(understood)}</i>"] if understood else []
    parts.append(esc(answer.more if more else answer.text))
    if answer.footer and not more:
        parts.append(f"<i>{esc(answer.footer)}</i>")
    shown = answer.shown_sources(more=more)
    if shown:
        lines = [f"<b>{esc(say('answer.sources', answer.language))}</b>"]
        for n in shown:
            source = answer.sources[n - 1]
            line = f"[{n}] {link(source.url, source.citation or source.title or 'source')}"
            if not answer.answered and source.excerpt:
                line += f"\n<i>{esc(shorten(source.excerpt, EXCERPT_CHARS))}</i>"
            lines.append(line)
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Chunks of at most `limit`, cut at paragraph boundaries when possible, tags closed and reopened at cuts."""
    chunks: list[str] = []
    current = ""
    for paragraph in text.strip().split("\n\n"):
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        if utf16_len(paragraph) <= limit:
            current = paragraph
        else:
            *whole, current = split_tokens(paragraph, limit)
            chunks += whole
    if current.strip():
        chunks.append(current)
    return chunks


def split_tokens(text: str, limit: int) -> list[str]:
    """Hard split of one oversized paragraph, at whitespace, never inside a tag or an entity."""
    chunks: list[str] = []
    current, opened = "", []  # opened: the start tags in force, to close and reopen across a cut
    for token in pieces(text, limit // 2):
        closing = "".join(f"</{TAG.match(t)[2]}>" for t in reversed(opened))  # type: ignore[index]
        if current and utf16_len(current + token + closing) > limit:
            chunks.append((current + closing).strip())
            current = "".join(opened)
        current += token
        match = TAG.match(token)
        if match and match[1]:
            opened = opened[:-1]
        elif match:
            opened.append(token)
    chunks.append(current)
    return [c for c in chunks if c.strip()]


def pieces(text: str, size: int) -> list[str]:
    """Tags, entities, whitespace and words, with words longer than `size` cut into parts."""
    out: list[str] = []
    for token in TOKEN.findall(text):
        out += [token[i:i + size] for i in range(0, len(token), size)] if len(token) > size else [token]
    return out


def staff_html(row: Escalation, user: User | None, chat: Chat) -> str:
    """The message to the staff chat (staff read English): who asked, where, the question and how the bot did."""
    who = user.mention_html() if user else "someone"
    if user and user.username:
        who += f" (@{esc(user.username)})"
    where = "a private chat" if chat.type == "private" else f"the group {esc(chat.title or str(chat.id))}"
    status = "answered" if row.answered else "not answered"
    return (f"🙋 <b>Question for A6IP staff</b> from {who} in {where}:\n\n<blockquote>{esc(row.question)}</blockquote>\n"
            f"The bot {status} it (confidence {row.confidence:.2f}; question log #{row.log_id}).")
