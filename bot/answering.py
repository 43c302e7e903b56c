"""The answering service: a question in, a short cited answer out, every question logged for curation."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.compose import CROSS_SCALE, MAIN_SCALE, MESSAGES, Source, confidence, overlap, pick_sources, render
from bot.config import Settings
from bot.escalation import Escalation
from bot.language import detect_language
from bot.storage import Database, QuestionLog
from index import Hit, SearchIndex

MAX_QUESTION_CHARS = 1000
AGREEMENT_DEPTH = 3  # the best-matching FAQ "agrees" with retrieval when it is among this many fused hits


class QuestionError(ValueError):
    """The message cannot be answered as a question (empty, too long); the text says why, for the user."""


@dataclass
class Answer:
    """What the core returns to every adapter; adapters only format it."""

    question: str
    text: str
    answered: bool
    confidence: float
    sources: list[Source]
    language: str = "en"
    faq_id: str | None = None
    log_id: int | None = None
    topics: list[str] = field(default_factory=list)
    footer: str | None = None  # e.g. the next upcoming event on the answer's topic

    def to_json(self) -> dict[str, object]:
        return {"question": self.question, "answer": self.text, "answered": self.answered,
                "confidence": self.confidence, "sources": [s.to_json() for s in self.sources],
                "language": self.language, "log_id": self.log_id}

    def plain(self) -> str:
        """Answer and numbered sources as plain text (terminal, logs)."""
        lines = [self.text]
        if self.footer:
            lines += ["", self.footer]
        if self.sources:
            lines += ["", "Sources:"]
            lines += [f"[{n}] {s.citation}" + (f" — {s.url}" if s.url else "")
                      for n, s in enumerate(self.sources, start=1)]
        return "\n".join(lines)


Responder = Callable[[str, str], Awaitable["Answer | None"]]
FooterHint = Callable[[list[str], str], Awaitable["str | None"]]
Observer = Callable[["Answer"], None]


def validate_question(text: str | None) -> str:
    question = " ".join((text or "").split())
    if not question:
        raise QuestionError("Please type a question, for example: When is annual information under Article 6.2 due?")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(f"That message is {len(question):,} characters long; please ask a question of at "
                            f"most {MAX_QUESTION_CHARS:,} characters.")
    return question


class Answerer:
    """Retrieves, decides whether it is confident, composes, logs. Platform-neutral."""

    def __init__(self, settings: Settings, db: Database, index: SearchIndex, *, salt: bytes = b"",
                 responders: Sequence[Responder] = (), footer_hint: FooterHint | None = None,
                 observers: Sequence[Observer] = ()) -> None:
        self.settings = settings
        self.db = db
        self.index = index
        self.salt = salt
        self.responders = tuple(responders)  # tried first, e.g. questions about events
        self.footer_hint = footer_hint
        self.observers = tuple(observers)  # told of every answer once it is logged, e.g. metrics

    def user_hash(self, channel: str, user_id: str | None) -> str | None:
        if user_id is None:
            return None
        return hmac.new(self.salt, f"{channel}:{user_id}".encode(), hashlib.sha256).hexdigest()

    def faq_lead(self, hits: list[Hit], faq_matches: list[tuple[int, float]], crosslingual: bool) -> Hit | None:
        """The curated FAQ entry that should lead the answer, if its question is close enough."""
        if not faq_matches or faq_matches[0][0] not in self.index.store:
            return None
        scale = CROSS_SCALE if crosslingual else MAIN_SCALE
        faq_id, similarity = faq_matches[0]
        agrees = faq_id in {hit.id for hit in hits[:AGREEMENT_DEPTH]}
        if similarity >= scale.lead or (agrees and similarity >= scale.lead_agreeing):
            return Hit(faq_id, similarity, similarity, 0.0, self.index.store[faq_id])
        return None

    def retrieve(self, question: str, language: str) -> Answer:
        """The synchronous part (embedding, search, composition); runs in a worker thread."""
        vector = self.index.query_vector(question, language)
        hits = self.index.search(question, k=12, vector=vector)
        faq_matches = self.index.match_questions(vector, k=3)
        lead = self.faq_lead(hits, faq_matches, vector.crosslingual)
        faq_similarity = faq_matches[0][1] if faq_matches else 0.0
        # Only passages on the bot's subject vouch for an answer: a global-stocktake paragraph that names the
        # biodiversity framework must not make "what are the biodiversity targets?" look answered.
        evidence = [h for h in hits if h.meta.get("in_scope", True)][:3]
        top_dense = max((h.dense for h in evidence), default=0.0)
        lexical_overlap = max((overlap(question, h.meta.get("text", "") + " " + (h.meta.get("question") or ""))
                               for h in evidence), default=0.0)
        agreement = bool(faq_matches) and faq_matches[0][0] in {hit.id for hit in hits[:AGREEMENT_DEPTH]}
        score = confidence(faq_similarity=faq_similarity, dense=top_dense, lexical_overlap=lexical_overlap,
                           agreement=agreement, scale=CROSS_SCALE if vector.crosslingual else MAIN_SCALE)
        answered = score >= self.settings.confidence_threshold
        relevance = (lambda sentences: self.index.sentence_scores(vector, sentences)) if vector.crosslingual else None
        sources = pick_sources(hits, question, lead=lead if answered else None,
                               max_words=self.settings.max_answer_words, relevance=relevance)
        top = lead or (hits[0] if hits else None)
        text = render(sources, language=language, answered=answered, contact=self.settings.staff_email)
        return Answer(question=question, text=text,
                      answered=answered, confidence=score, sources=sources, language=language,
                      faq_id=lead.meta.get("key") if lead else None,
                      topics=list(top.meta.get("topics") or []) if top else [])

    async def ask(self, text: str, *, channel: str = "cli", user_id: str | None = None) -> Answer:
        """Answer one question and log it; raises QuestionError for empty or oversized messages."""
        question = validate_question(text)
        language = detect_language(question)
        answer = None
        for responder in self.responders:
            answer = await responder(question, language)
            if answer is not None:
                break
        if answer is None:
            answer = await asyncio.to_thread(self.retrieve, question, language)
            if answer.answered and self.footer_hint and answer.topics:
                answer.footer = await self.footer_hint(answer.topics, language)
        answer.log_id = await self.log(answer, channel=channel, user_id=user_id)
        for observe in self.observers:
            observe(answer)
        return answer

    async def log(self, answer: Answer, *, channel: str, user_id: str | None) -> int:
        async with self.db.session() as session:
            row = QuestionLog(channel=channel[:20], user_hash=self.user_hash(channel, user_id),
                              question=answer.question, language=answer.language, answer=answer.text,
                              answered=answer.answered, confidence=answer.confidence,
                              sources=[{**s.to_json(), "chunk_id": s.chunk_id} for s in answer.sources],
                              faq_id=answer.faq_id)
            session.add(row)
            await session.flush()
            return row.id

    async def feedback(self, log_id: int, *, helpful: bool) -> bool:
        """Record 'helpful' / 'not helpful' on a logged question; False if the id is unknown."""
        async with self.db.session() as session:
            row = await session.get(QuestionLog, log_id)
            if row is None:
                return False
            row.feedback = "helpful" if helpful else "not_helpful"
            return True

    async def escalate(self, log_id: int) -> Escalation | None:
        """Mark a logged question as sent to staff; what forwarding needs to know of it, or None if unknown."""
        async with self.db.session() as session:
            row = await session.get(QuestionLog, log_id)
            if row is None:
                return None
            row.escalated = True
            return Escalation(log_id=row.id, question=row.question, answered=row.answered,
                              confidence=row.confidence, channel=row.channel, language=row.language,
                              asked_at=row.asked_at)

    async def recent_unanswered(self, limit: int = 10) -> list[QuestionLog]:
        async with self.db.session() as session:
            query = (select(QuestionLog).where(QuestionLog.answered.is_(False))
                     .order_by(QuestionLog.id.desc()).limit(limit))
            return list((await session.scalars(query)).all())


__all__ = ["MESSAGES", "Answer", "Answerer", "QuestionError", "Source", "validate_question"]
