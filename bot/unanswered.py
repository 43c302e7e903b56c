"""Questions the bot could not answer (or that readers found unhelpful), grouped by meaning for curation."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import or_, select

from bot.storage import Database, QuestionLog
from index import Encoder

SIMILAR = 0.75  # cosine between two phrasings of one need (all-MiniLM-L6-v2, normalised vectors)


@dataclass
class Group:
    """Questions that ask the same thing: the most recent phrasing leads, the rest are variants."""

    questions: list[QuestionLog] = field(default_factory=list)

    @property
    def lead(self) -> str:
        return self.questions[0].question

    @property
    def ids(self) -> list[int]:
        return [q.id for q in self.questions]

    @property
    def variants(self) -> list[str]:
        seen, out = {self.lead.lower()}, []
        for q in self.questions[1:]:
            if q.question.lower() not in seen:
                seen.add(q.question.lower())
                out.append(q.question)
        return out

    @property
    def escalated(self) -> int:
        return sum(bool(q.escalated) for q in self.questions)

    @property
    def disliked(self) -> int:
        return sum(q.feedback == "not_helpful" for q in self.questions)

    def best_sources(self, limit: int = 3) -> list[dict[str, Any]]:
        """The passages retrieval found closest, by best score, one per citation."""
        best: dict[str, dict[str, Any]] = {}
        for q in self.questions:
            for source in q.sources or []:
                key = str(source.get("citation"))
                if key not in best or float(source.get("score") or 0) > float(best[key].get("score") or 0):
                    best[key] = source
        return sorted(best.values(), key=lambda s: -float(s.get("score") or 0))[:limit]


def cluster(vectors: np.ndarray, threshold: float = SIMILAR) -> list[list[int]]:
    """Greedy single pass: each row joins the first group whose leader is at least `threshold` similar."""
    leaders: list[int] = []
    groups: list[list[int]] = []
    for row in range(len(vectors)):
        if leaders:
            similarity = vectors[leaders] @ vectors[row]
            best = int(np.argmax(similarity))
            if similarity[best] >= threshold:
                groups[best].append(row)
                continue
        leaders.append(row)
        groups.append([row])
    return groups


async def open_questions(db: Database, *, limit: int = 500) -> list[QuestionLog]:
    """Unresolved questions that were not answered, were marked not helpful or were sent to staff, newest first."""
    query = (select(QuestionLog)
             .where(QuestionLog.resolved.is_(False),
                    or_(QuestionLog.answered.is_(False), QuestionLog.feedback == "not_helpful",
                        QuestionLog.escalated.is_(True)))
             .order_by(QuestionLog.id.desc()).limit(limit))
    async with db.session() as session:
        return list((await session.scalars(query)).all())


async def grouped(db: Database, encoder: Encoder, *, limit: int = 500) -> list[Group]:
    """Open questions grouped by similarity, the most asked group first."""
    rows = await open_questions(db, limit=limit)
    if not rows:
        return []
    vectors = await asyncio.to_thread(encoder.encode_queries, [r.question for r in rows])
    groups = [Group([rows[i] for i in members]) for members in cluster(np.asarray(vectors))]
    return sorted(groups, key=lambda g: (-len(g.questions), -g.questions[0].id))


async def by_ids(db: Database, ids: Sequence[int]) -> Group:
    """The questions of one group, as the FAQ form received them."""
    async with db.session() as session:
        rows = (await session.scalars(select(QuestionLog).where(QuestionLog.id.in_(list(ids)))
                                      .order_by(QuestionLog.id.desc()))).all()
    return Group(list(rows))
