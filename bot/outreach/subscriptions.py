"""Who wants which events: keyword-only functions the adapters' subscribe commands call."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from bot.outreach.models import Delivery, Subscription
from bot.outreach.topics import normalize_kind, normalize_topic
from bot.outreach.zones import resolve_timezone
from bot.storage import Database
from bot.texts import UserError

LANGUAGES = ("en", "fr", "es")


def _topics(values: list[str] | None) -> list[str]:
    return sorted({normalize_topic(v) for v in values or []})


async def subscribe(db: Database, *, platform: str, chat_id: str, topics: list[str] | None,
                    kinds: list[str] | None = None, timezone: str | None = None, language: str | None = None,
                    digest: bool | None = None, replace_topics: bool = False) -> Subscription:
    """Create or extend a subscription (topics are added, or replace the old ones with `replace_topics`;
    empty means all); resubscribing un-pauses it."""
    wanted = _topics(topics)
    wanted_kinds = sorted({normalize_kind(k) for k in kinds}) if kinds is not None else None
    zone = resolve_timezone(timezone) if timezone else None
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {', '.join(LANGUAGES)}")
    async with db.session() as session:
        row = await session.scalar(select(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == str(chat_id)))
        if row is None:
            row = Subscription(platform=platform, chat_id=str(chat_id), topics=wanted, kinds=wanted_kinds or [],
                               timezone=zone or "UTC", language=language or "en", digest=bool(digest),
                               paused=False, sent_count=0, failed_count=0)
            session.add(row)
        else:
            row.topics = [] if not wanted or (not row.topics and not replace_topics) else \
                wanted if replace_topics else sorted(set(row.topics) | set(wanted))
            if wanted_kinds is not None:
                row.kinds = wanted_kinds
            row.timezone = zone or row.timezone
            row.language = language or row.language
            row.digest = row.digest if digest is None else digest
            row.paused, row.paused_reason = False, None
        await session.flush()
        return row


async def unsubscribe(db: Database, *, platform: str, chat_id: str, topics: list[str] | None = None) -> Subscription | None:
    """Drop some topics, or everything (None, or when no topic is left); returns what remains."""
    drop = _topics(topics) if topics is not None else None
    async with db.session() as session:
        row = await session.scalar(select(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == str(chat_id)))
        if row is None:
            return None
        remaining = [t for t in row.topics if drop is not None and t not in drop]
        if drop is None or not remaining:
            await session.execute(delete(Delivery).where(Delivery.subscription_id == row.id))
            await session.delete(row)
            return None
        row.topics = remaining
        return row


async def get(db: Database, *, platform: str, chat_id: str) -> Subscription | None:
    async with db.session() as session:
        return await session.scalar(select(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == str(chat_id)))


async def set_timezone(db: Database, *, platform: str, chat_id: str, timezone: str) -> Subscription:
    """Set the zone times are shown in; ValueError with a helpful message for an unknown zone or chat."""
    zone = resolve_timezone(timezone)
    async with db.session() as session:
        row = await session.scalar(select(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == str(chat_id)))
        if row is None:
            raise UserError("error.not_subscribed")
        row.timezone = zone
        return row


async def migrate_chat(db: Database, *, platform: str, old_chat_id: str, new_chat_id: str) -> bool:
    """Follow a chat that changed id (a Telegram group upgraded to a supergroup)."""
    async with db.session() as session:
        result = await session.execute(update(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == str(old_chat_id)).values(chat_id=str(new_chat_id)))
        return bool(result.rowcount)  # type: ignore[attr-defined]


async def pause(db: Database, *, platform: str, chat_id: str, reason: str) -> bool:
    """Stop sending to a chat (bot blocked, removed from the channel) until it subscribes again."""
    async with db.session() as session:
        result = await session.execute(update(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == str(chat_id))
            .values(paused=True, paused_reason=reason[:500]))
        return bool(result.rowcount)  # type: ignore[attr-defined]
