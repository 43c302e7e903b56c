"""What a channel may do with events and subscriptions, in one place: every result is a frozen snapshot
(EventInfo, SubscriptionView), never a database row, so adapters need nothing from bot.storage.

Errors a person can fix (unknown topic or time zone, no subscription yet) are bot.texts.UserError: the
adapter shows `error.say(language)` and nothing has changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.outreach import events as store
from bot.outreach import subscriptions
from bot.outreach.models import Subscription
from bot.outreach.notice import EventInfo
from bot.outreach.topics import TOPICS, normalize_topic
from bot.storage import Database
from bot.texts import LANGUAGES, say, topics_text


@dataclass(frozen=True)
class SubscriptionView:
    """Who gets which event notices, in which zone and language; empty topics mean every topic."""

    platform: str
    chat_id: str
    topics: tuple[str, ...]
    timezone: str
    language: str
    digest: bool
    paused: bool
    paused_reason: str | None

    @classmethod
    def of(cls, row: Subscription | None) -> SubscriptionView | None:
        if row is None:
            return None
        return cls(platform=row.platform, chat_id=row.chat_id, topics=tuple(row.topics), timezone=row.timezone,
                   language=row.language, digest=row.digest, paused=row.paused, paused_reason=row.paused_reason)


def summary(view: SubscriptionView | None, language: str, *, subscribe: str) -> str:
    """What a chat receives, in the reader's language (neutral markup); `subscribe` is the channel's command."""
    if view is None:
        return say("sub.none", language, subscribe=subscribe)
    text = say("sub.summary", language, topics=topics_text(view.topics, language), zone=view.timezone)
    if view.paused:
        reason = view.paused_reason or "delivery failed"
        text += "\n" + say("sub.paused", language, reason=reason, subscribe=subscribe)
    return text


class Outreach:
    """Events and subscriptions for chat platforms; keyword-only, like the storage functions it wraps."""

    def __init__(self, db: Database, *, base_url: str) -> None:
        self.db = db
        self.base_url = base_url

    async def upcoming(self, *, topic: str | None = None, limit: int = 5, offset: int = 0) -> list[EventInfo]:
        """Published events not over yet, soonest first; `topic` as typed (UserError if it is no topic)."""
        topic_id = normalize_topic(topic) if topic else None
        rows = await store.upcoming(self.db, topic=topic_id, limit=limit, offset=offset)
        return [store.info(row, base_url=self.base_url) for row in rows]

    async def subscription(self, *, platform: str, chat_id: str) -> SubscriptionView | None:
        return SubscriptionView.of(await subscriptions.get(self.db, platform=platform, chat_id=chat_id))

    async def subscribe(self, *, platform: str, chat_id: str, topics: Sequence[str], language: str | None = None,
                        timezone: str | None = None, replace: bool = False) -> SubscriptionView:
        """Add topics ([] = every topic), or with `replace` follow exactly these; a paused subscription
        resumes. `language` is the subscriber's, for their notices (kept as it was when not one the bot speaks)."""
        row = await subscriptions.subscribe(self.db, platform=platform, chat_id=chat_id, topics=list(topics),
                                            timezone=timezone, language=language if language in LANGUAGES else None,
                                            replace_topics=replace)
        return SubscriptionView.of(row)  # type: ignore[return-value]

    async def unsubscribe(self, *, platform: str, chat_id: str,
                          topics: Sequence[str] | None = None) -> SubscriptionView | None:
        """Drop some topics, or everything (None or []); what remains, None when nothing does."""
        row = await subscriptions.unsubscribe(self.db, platform=platform, chat_id=chat_id,
                                              topics=list(topics) if topics else None)
        return SubscriptionView.of(row)

    async def toggle_topic(self, *, platform: str, chat_id: str, topic: str,
                           language: str | None = None) -> SubscriptionView | None:
        """One tap on a topic keyboard: follow it, or stop following it; '*' follows every topic."""
        current = await self.subscription(platform=platform, chat_id=chat_id)
        if topic == "*" or current is None or (current.topics and topic not in current.topics):
            return await self.subscribe(platform=platform, chat_id=chat_id, topics=[] if topic == "*" else [topic],
                                        language=language)
        if not current.topics:  # following everything: a tap on one topic narrows to all the others
            await self.unsubscribe(platform=platform, chat_id=chat_id)
            return await self.subscribe(platform=platform, chat_id=chat_id, topics=[t for t in TOPICS if t != topic],
                                        timezone=current.timezone, language=current.language)
        return await self.unsubscribe(platform=platform, chat_id=chat_id, topics=[topic])

    async def set_timezone(self, *, platform: str, chat_id: str, timezone: str) -> SubscriptionView:
        """An IANA zone or a city; UserError for an unknown zone or a chat with no subscription."""
        row = await subscriptions.set_timezone(self.db, platform=platform, chat_id=chat_id, timezone=timezone)
        return SubscriptionView.of(row)  # type: ignore[return-value]

    async def moved(self, *, platform: str, old_chat_id: str, new_chat_id: str) -> bool:
        """A chat changed id (a Telegram group became a supergroup): its subscription follows."""
        return await subscriptions.migrate_chat(self.db, platform=platform, old_chat_id=old_chat_id,
                                                new_chat_id=new_chat_id)

    async def pause(self, *, platform: str, chat_id: str, reason: str) -> bool:
        """The bot was blocked or removed: stop sending until the chat subscribes again."""
        return await subscriptions.pause(self.db, platform=platform, chat_id=chat_id, reason=reason)
