"""Subscription commands on top of bot.outreach.subscriptions: parsing topics, toggling, summaries."""

from __future__ import annotations

import re

from bot.outreach import subscriptions
from bot.outreach.models import Subscription
from bot.outreach.topics import TOPICS, normalize_topic
from bot.storage import Database

from adapters.telegram.formatting import esc

PLATFORM = "telegram"


def parse_topics(text: str) -> list[str] | None:
    """Topic ids from '/subscribe reporting, 6.2'; [] for 'all'; None when nothing was given.
    ValueError (listing the known topics) for a word that is no topic."""
    words = [w for w in re.split(r"[\s,;]+", text.strip()) if w]
    if not words:
        return None
    if [w.lower() for w in words] == ["all"]:
        return []
    return sorted({normalize_topic(w) for w in words})


def summary_html(row: Subscription | None) -> str:
    """What a chat receives, in one short message."""
    if row is None:
        return "This chat has no event subscriptions. Use /subscribe to choose topics."
    topics = ", ".join(TOPICS.get(t, t) for t in row.topics) if row.topics else "every topic"
    text = f"This chat gets announcements and reminders on: <b>{esc(topics)}</b>.\nTimes are shown in {esc(row.timezone)}."
    if row.paused:
        text += f"\n⏸ Paused ({esc(row.paused_reason or 'delivery failed')}); /subscribe again to resume."
    return text


async def toggle_topic(db: Database, *, chat_id: str, topic: str) -> Subscription | None:
    """A keyboard tap: follow the topic, or stop following it; '*' means every topic."""
    row = await subscriptions.get(db, platform=PLATFORM, chat_id=chat_id)
    if topic == "*":  # an empty topic list means every topic, and widens an existing subscription
        return await subscriptions.subscribe(db, platform=PLATFORM, chat_id=chat_id, topics=[])
    if row is None or (row.topics and topic not in row.topics):
        return await subscriptions.subscribe(db, platform=PLATFORM, chat_id=chat_id, topics=[topic])
    if not row.topics:  # following everything: a tap on one topic narrows to all the others
        others = [t for t in TOPICS if t != topic]
        await subscriptions.unsubscribe(db, platform=PLATFORM, chat_id=chat_id)
        return await subscriptions.subscribe(db, platform=PLATFORM, chat_id=chat_id, topics=others,
                                             timezone=row.timezone, language=row.language)
    return await subscriptions.unsubscribe(db, platform=PLATFORM, chat_id=chat_id, topics=[topic])
