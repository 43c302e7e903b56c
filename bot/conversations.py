"""Short conversation contexts kept in the database, so every worker sees the same conversation: the last
question as answered (for follow-ups such as "and for 6.4?") and the rest of the last answer ("More")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite

from bot.storage import Conversation, Database
from bot.storage.models import utcnow

LIFETIME = timedelta(minutes=30)  # a conversation silent this long is over: the next message starts afresh
PURGE_EVERY = 200  # saves between two deletions of expired contexts (each worker counts its own)
MAX_ID = 200


@dataclass
class Context:
    """What a conversation remembers between two messages."""

    question: str
    language: str = "en"
    faq_id: str | None = None
    topics: list[str] = field(default_factory=list)
    more: str = ""
    turns: int = 1


class ConversationStore:
    """Contexts by conversation id (`telegram:<chat>`, `slack:<team>:<channel>:<thread>`, `web:<session>`,
    `cli:<random>`); each id sees only its own context, and only while it is fresh."""

    def __init__(self, db: Database, *, lifetime: timedelta = LIFETIME) -> None:
        self.db = db
        self.lifetime = lifetime
        self.saves = 0

    async def get(self, conversation: str, *, now: datetime | None = None) -> Context | None:
        """The conversation's context, or None when there is none or it expired."""
        now = now or utcnow()
        async with self.db.session() as session:
            row = await session.get(Conversation, conversation[:MAX_ID])
            if row is None or _aware(row.updated_at) < now - self.lifetime:
                return None
            return Context(question=row.question, language=row.language, faq_id=row.faq_id,
                           topics=list(row.topics or []), more=row.more, turns=row.turns)

    async def save(self, conversation: str, context: Context, *, now: datetime | None = None) -> None:
        """Insert or replace the context in one statement, so two workers never collide on a new id."""
        values = {"id": conversation[:MAX_ID], "language": context.language, "question": context.question,
                  "faq_id": context.faq_id, "topics": context.topics, "more": context.more,
                  "turns": context.turns, "updated_at": now or utcnow()}
        dialect = postgresql if self.db.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(Conversation).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=[Conversation.id], set_={k: v for k, v in values.items() if k != "id"})
        async with self.db.session() as session:
            await session.execute(statement)
        self.saves += 1
        if self.saves % PURGE_EVERY == 0:
            await self.purge(now=now)

    async def purge(self, *, now: datetime | None = None) -> int:
        """Delete expired contexts; returns how many."""
        cutoff = (now or utcnow()) - self.lifetime
        async with self.db.session() as session:
            result = await session.execute(delete(Conversation).where(Conversation.updated_at < cutoff))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
