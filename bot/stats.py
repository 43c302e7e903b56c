"""Figures for the console dashboard and the /stats chat command: questions, answer rate, feedback, topics,
outreach. The core owns them; the console only draws them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from bot.outreach.models import Delivery, Subscription
from bot.storage import ChunkRow, Database, QuestionLog


@dataclass
class Stats:
    days: list[tuple[date, int, int]]  # day, answered, not answered
    helpful: int = 0
    not_helpful: int = 0
    open_questions: int = 0
    topics: list[tuple[str, int]] = field(default_factory=list)
    subscribers: dict[str, int] = field(default_factory=dict)
    subscriber_topics: list[tuple[str, int]] = field(default_factory=list)
    deliveries: dict[str, int] = field(default_factory=dict)

    @property
    def asked(self) -> int:
        return sum(a + u for _, a, u in self.days)

    @property
    def answered(self) -> int:
        return sum(a for _, a, _ in self.days)

    @property
    def answer_rate(self) -> float:
        return self.answered / self.asked if self.asked else 0.0

    def summary(self) -> str:
        """The few lines /stats shows in a chat."""
        period = len(self.days)
        lines = [f"Last {period} days: {self.asked} questions, {self.answered} answered "
                 f"({self.answer_rate:.0%}); feedback {self.helpful} helpful / {self.not_helpful} not helpful.",
                 f"Open unanswered or disliked questions: {self.open_questions}."]
        if self.topics:
            lines.append("Top topics: " + ", ".join(f"{t} ({n})" for t, n in self.topics[:5]) + ".")
        subs = sum(self.subscribers.values())
        if subs:
            lines.append(f"Subscribers: {subs} (" + ", ".join(f"{p} {n}" for p, n in sorted(self.subscribers.items())) + ").")
        if self.deliveries:
            lines.append("Deliveries: " + ", ".join(f"{s} {n}" for s, n in sorted(self.deliveries.items())) + ".")
        return "\n".join(lines)


async def gather(db: Database, *, days: int = 30, now: datetime | None = None) -> Stats:
    now = now or datetime.now(timezone.utc)
    first = (now - timedelta(days=days - 1)).date()
    since = datetime.combine(first, datetime.min.time(), tzinfo=timezone.utc)
    async with db.session() as session:
        rows = (await session.execute(select(QuestionLog.asked_at, QuestionLog.answered, QuestionLog.feedback,
                                             QuestionLog.sources).where(QuestionLog.asked_at >= since))).all()
        open_count = await session.scalar(select(func.count()).select_from(QuestionLog).where(
            QuestionLog.resolved.is_(False),
            (QuestionLog.answered.is_(False)) | (QuestionLog.feedback == "not_helpful")))
        lead_chunks = [int(s[0]["chunk_id"]) for _, ok, _, s in rows if ok and s and s[0].get("chunk_id")]
        chunk_topics = dict((await session.execute(
            select(ChunkRow.id, ChunkRow.topics).where(ChunkRow.id.in_(lead_chunks)))).all()) if lead_chunks else {}
        subs = (await session.scalars(select(Subscription).where(Subscription.paused.is_(False)))).all()
        deliveries = dict((await session.execute(select(Delivery.state, func.count()).group_by(Delivery.state))).all())
    per_day = {first + timedelta(days=n): [0, 0] for n in range(days)}
    for asked_at, ok, _, _ in rows:
        day = (asked_at if asked_at.tzinfo else asked_at.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).date()
        if day in per_day:
            per_day[day][0 if ok else 1] += 1
    topics = Counter(t for c in lead_chunks for t in chunk_topics.get(c, []))
    sub_topics = Counter(t for s in subs for t in (s.topics or ["(all topics)"]))
    return Stats(days=[(d, a, u) for d, (a, u) in per_day.items()],
                 helpful=sum(f == "helpful" for _, _, f, _ in rows),
                 not_helpful=sum(f == "not_helpful" for _, _, f, _ in rows),
                 open_questions=int(open_count or 0), topics=topics.most_common(10),
                 subscribers=dict(Counter(s.platform for s in subs)), subscriber_topics=sub_topics.most_common(),
                 deliveries={str(k): int(v) for k, v in deliveries.items()})
