"""The core's catalogue (bot.texts) as Telegram shows it: its command spellings and HTML for the markup."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.outreach.topics import TOPICS
from bot.texts import language_of, say

from adapters.telegram.formatting import markup_html

COMMANDS = ("start", "help", "ask", "events", "subscribe", "unsubscribe", "subscriptions", "timezone", "support",
            "tools")
SPELLED = {name: f"/{name}" for name in COMMANDS}


def language(update: Update) -> str:
    """The person's language as their Telegram app reports it; English when unknown or not one we speak."""
    user = update.effective_user
    return language_of(user.language_code if user else None)


def html(key: str, lang: str, **values: Any) -> str:
    """A catalogue text in Telegram HTML, commands spelled the Telegram way."""
    return markup_html(say(key, lang, **{**SPELLED, **values}))


def plain(key: str, lang: str, **values: Any) -> str:
    """A catalogue text without markup (button pop-ups, plain replies)."""
    return say(key, lang, **{**SPELLED, **values}).replace("*", "").replace("`", "")


def help_html(lang: str) -> str:
    return html("help", lang, topics=", ".join(f"`{t}`" for t in TOPICS))
