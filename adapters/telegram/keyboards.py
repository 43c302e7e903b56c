"""Inline keyboards and their callback data: short (<= 64 bytes) and signed, so a forged button press is refused."""

from __future__ import annotations

import base64
import hashlib
import hmac

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.outreach.topics import TOPICS
from bot.texts import say, topic_label

MAX_CALLBACK_BYTES = 64
SIGNATURE_CHARS = 8


def callback_key(token: str) -> bytes:
    """A key derived from the bot token: stable across restarts, so buttons on old messages keep working."""
    return hashlib.sha256(b"a6bot-telegram-callback:" + token.encode()).digest()


def pack(key: bytes, *parts: str | int) -> str:
    payload = ":".join(str(p) for p in parts)
    signature = base64.urlsafe_b64encode(hmac.new(key, payload.encode(), hashlib.sha256).digest())[:SIGNATURE_CHARS]
    data = f"{payload}|{signature.decode()}"
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data too long: {data!r}")
    return data


def unpack(key: bytes, data: str | None) -> list[str] | None:
    """The parts of a callback we issued; None for anything forged, truncated or unknown."""
    payload, _, signature = (data or "").rpartition("|")
    if not payload or not hmac.compare_digest(pack(key, payload).rpartition("|")[2], signature):
        return None
    return payload.split(":")


def answer_keyboard(key: bytes, log_id: int | None, language: str, *, more: bool = False, rated: bool = False,
                    escalated: bool = False) -> InlineKeyboardMarkup | None:
    """"More" (when the answer has a rest), 👍 / 👎 and 'ask A6IP staff' under an answer, in the reader's
    language; each row disappears once used."""
    if log_id is None:
        return None
    rows = []
    if more:
        rows.append([InlineKeyboardButton(say("button.more", language), callback_data=pack(key, "mo", log_id))])
    if not rated:
        rows.append([InlineKeyboardButton(say("button.helpful", language), callback_data=pack(key, "fb", log_id, 1)),
                     InlineKeyboardButton(say("button.not_helpful", language), callback_data=pack(key, "fb", log_id, 0))])
    if not escalated:
        rows.append([InlineKeyboardButton(say("button.staff", language), callback_data=pack(key, "st", log_id))])
    return InlineKeyboardMarkup(rows) if rows else None


def events_keyboard(key: bytes, language: str, *, offset: int, page: int, more: bool,
                    topic: str | None) -> InlineKeyboardMarkup | None:
    buttons = []
    if offset > 0:
        buttons.append(InlineKeyboardButton(say("button.earlier", language),
                                            callback_data=pack(key, "ev", max(0, offset - page), topic or "")))
    if more:
        buttons.append(InlineKeyboardButton(say("button.later", language),
                                            callback_data=pack(key, "ev", offset + page, topic or "")))
    return InlineKeyboardMarkup([buttons]) if buttons else None


def topics_keyboard(key: bytes, chosen: tuple[str, ...] | None, language: str) -> InlineKeyboardMarkup:
    """Two topics per row, ticked when followed (None: not subscribed, (): every topic)."""
    def label(topic: str) -> str:
        return ("✅ " if chosen is not None and (not chosen or topic in chosen) else "") + topic_label(topic, language)
    buttons = [InlineKeyboardButton(label(t), callback_data=pack(key, "sub", t)) for t in TOPICS]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([InlineKeyboardButton(say("button.all_topics", language), callback_data=pack(key, "sub", "*")),
                 InlineKeyboardButton(say("button.done", language), callback_data=pack(key, "sub", "."))])
    return InlineKeyboardMarkup(rows)
