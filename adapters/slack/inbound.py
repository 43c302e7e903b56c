"""Pure reading of Slack events: which messages are questions for the bot, and their text as the user typed it."""

from __future__ import annotations

import re
from typing import Any

MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
SPECIAL = re.compile(r"<[#!][^|>]*(?:\|([^>]*))?>")


def unescape(text: str) -> str:
    """Slack sends &, < and > escaped in event text; undo it (&amp; last, so '&amp;lt;' stays '&lt;')."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def question_text(text: str | None) -> str:
    """Drop @-mentions, turn links and channel references into their labels, unescape."""
    text = MENTION.sub(" ", text or "")
    text = LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = SPECIAL.sub(lambda m: m.group(1) or "", text)
    return " ".join(unescape(text).split())


def is_from_person(event: dict[str, Any]) -> bool:
    """Plain messages from people only: no bots, no edits, joins or other subtypes."""
    return not event.get("subtype") and not event.get("bot_id") and bool(event.get("user"))


def is_dm(event: dict[str, Any]) -> bool:
    return event.get("channel_type") == "im" or str(event.get("channel", "")).startswith("D")


def mentions(event: dict[str, Any], bot_user_id: str | None) -> bool:
    return bool(bot_user_id) and f"<@{bot_user_id}" in (event.get("text") or "")


def thread_of(event: dict[str, Any]) -> str | None:
    """The thread a message is a reply in; None for a top-level message."""
    thread = event.get("thread_ts")
    return thread if thread and thread != event.get("ts") else None
