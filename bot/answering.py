"""The answering service: a question in, a short cited answer out, every question logged for curation."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import exc, select

from bot.capacity import Busy, Capacity
from bot.compose import CROSS_SCALE, MAIN_SCALE, Source, confidence, overlap
from bot.composition import compose
from bot.config import Settings
from bot.conversations import Context, ConversationStore
from bot.escalation import Escalation
from bot.followup import readings
from bot.horizon import Horizon, load_horizon
from bot.inputs import MAX_QUESTION_CHARS, QuestionError, validate_question
from bot.language import detect_language
from bot.rerank import contenders, needs_second_look, rerank, second_look
from bot.scope import declined, declined_name, neighbour_topic, unknown_name, vocabulary
from bot.smalltalk import command, greeting, small_talk, without_greeting
from bot.storage import Database, QuestionLog
from bot.texts import UserError, say
from index import Hit, QueryVector, SearchIndex
from knowledge.glossary import CONTENT

AGREEMENT_DEPTH = 3  # the best-matching FAQ "agrees" with retrieval when it is among this many fused hits
# ...and scores at least this share of the best hit: a general FAQ ("What is a cooperative approach?") must not
# push aside a passage that matches the whole question far better ("the Baa Atoll solar cooperative approach").
AGREEMENT_SHARE = 0.75
WEAK_READING = 0.65  # a follow-up's likeliest reading answered less confidently than this: try its other readings


@dataclass
class Answer:
    """What the core returns to every adapter; adapters only format it."""

    question: str
    text: str  # the chat-sized answer (about 150 words at most) with its [n] citation markers
    answered: bool
    confidence: float
    sources: list[Source]
    language: str = "en"
    faq_id: str | None = None
    log_id: int | None = None
    topics: list[str] = field(default_factory=list)
    footer: str | None = None  # e.g. the next upcoming event on the answer's topic
    resolved_question: str = ""  # the question as answered (a follow-up spelled out); the question by default
    more: str = ""  # the rest of the answer, behind "More"
    kind: str = "answer"  # answer, declined, smalltalk, command, event, tools, starting (index still loading)

    def __post_init__(self) -> None:
        self.resolved_question = self.resolved_question or self.question

    def to_json(self) -> dict[str, object]:
        return {"question": self.question, "answer": self.text, "answered": self.answered,
                "confidence": self.confidence, "sources": [s.to_json() for s in self.sources],
                "language": self.language, "log_id": self.log_id, "resolved_question": self.resolved_question,
                "more": self.more, "kind": self.kind}

    def understood(self) -> str | None:
        """"Answering: <question as understood>" when a follow-up was spelled out, else None."""
        if self.resolved_question == self.question:
            return None
        return say("reply.answering", self.language, question=self.resolved_question)

    def shown_sources(self, *, more: bool = False) -> list[int]:
        """The numbers of the sources to list under the answer (more=False) or under its rest: those the text
        cites, or every source when it cites none (the closest sources of an unsure answer)."""
        body = self.more if more else self.text
        cited = [n for n in range(1, len(self.sources) + 1) if f"[{n}]" in body] if self.answered else []
        return cited or ([] if more else list(range(1, len(self.sources) + 1)))

    def plain(self, *, more: bool = False) -> str:
        """The chat-sized answer (or, with more, the rest of it) and the sources it cites, as plain text."""
        body = self.more if more else self.text
        lines = [] if more or not self.understood() else [str(self.understood()), ""]
        lines.append(body)
        if self.footer and not more:
            lines += ["", self.footer]
        shown = self.shown_sources(more=more)
        if shown:
            lines += ["", say("answer.sources", self.language) + ":"]
            lines += [f"[{n}] {self.sources[n - 1].citation}" + (f" — {self.sources[n - 1].url}"
                                                                 if self.sources[n - 1].url else "") for n in shown]
        return "\n".join(lines)


Responder = Callable[[str, str], Awaitable["Answer | None"]]
FooterHint = Callable[[list[str], str], Awaitable["str | None"]]
# (question as answered, topics, language) -> one more closing line for a rulebook answer, e.g. a fitting tool
Closer = Callable[[str, list[str], str], Awaitable["str | None"]]
Observer = Callable[["Answer"], None]


@dataclass(frozen=True)
class RuleMatch:
    """How closely the knowledge base answers a question, for a responder that must decide whether the rule
    or something else answers it (bot.tools): a curated FAQ entry would lead the answer, or the closest
    curated question is at least near (the encoder's `lead_agreeing` cosine). `closeness` is the cosine, by
    the multilingual encoder, of the closest curated question or passage (None without that encoder), so a
    responder embedding its own material with the same encoder can compare like with like."""

    lead: bool
    near: bool
    closeness: float | None = None


class Answerer:
    """Understands the message in its conversation, retrieves, decides whether it is confident or should
    decline, composes in the asker's language, remembers the context, logs. Platform-neutral."""

    def __init__(self, settings: Settings, db: Database, index: SearchIndex, *, salt: bytes = b"",
                 responders: Sequence[Responder] = (), footer_hint: FooterHint | None = None,
                 observers: Sequence[Observer] = (), starting: Callable[[], bool] | None = None,
                 capacity: Capacity | None = None, closers: Sequence[Closer] = ()) -> None:
        self.settings = settings
        self.db = db
        self.index = index
        self.salt = salt
        self.responders = tuple(responders)  # tried first, e.g. questions about events
        self.footer_hint = footer_hint
        self.observers = tuple(observers)  # told of every answer once it is logged, e.g. metrics
        self.starting = starting  # true while start-up indexing runs: questions get a "still starting" reply
        self.capacity = capacity  # questions answered at once and waiting, per worker (bot.capacity)
        self.closers = tuple(closers)  # lines under a rulebook answer, after the footer (never replacing it)
        self.conversations = ConversationStore(db)
        self.horizon: Horizon | None = load_horizon((settings.knowledge_dir or CONTENT) / "horizon.yaml")
        self._vocabulary: tuple[tuple[int, int], frozenset[str]] = ((0, 0), frozenset())

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
        best = hits[0].score if hits else 0.0
        agrees = any(hit.id == faq_id and hit.score >= AGREEMENT_SHARE * best for hit in hits[:AGREEMENT_DEPTH])
        if similarity >= scale.lead or (agrees and similarity >= scale.lead_agreeing):
            return Hit(faq_id, similarity, similarity, 0.0, self.index.store[faq_id])
        return None

    def lookup(self, question: str, language: str) -> tuple[QueryVector, list[Hit], list[tuple[int, float]],
                                                            Hit | None]:
        """The question's vector, passages, closest curated questions and the FAQ entry that would lead. The
        index is held still (read lock) from the search to the FAQ lead, so a change cannot slip in."""
        vector = self.index.query_vector(question, language)
        with self.index.reading():
            hits = self.index.search(question, k=12, vector=vector)
            faq_matches = self.index.match_questions(vector, k=3)
            hits, faq_matches = rerank(hits, faq_matches, self.index.store, question)
            return vector, hits, faq_matches, self.faq_lead(hits, faq_matches, vector.crosslingual)

    def answer_lead(self, question: str, vector: QueryVector, hits: list[Hit], faq_matches: list[tuple[int, float]],
                    faq_lead: Hit | None) -> Hit | None:
        """The passage that leads the answer: the first stage's FAQ lead (or, with none, retrieval's order),
        unless a second look with the multilingual model (bot.rerank) picks another contender."""
        scale = CROSS_SCALE if vector.crosslingual else MAIN_SCALE
        strong = faq_lead is not None and faq_lead.score >= scale.lead
        if not needs_second_look(hits, faq_lead, crosslingual=vector.crosslingual, strong_lead=strong):
            return faq_lead
        query = self.index.multilingual_query(question, vector)
        if query is None:
            return faq_lead
        scores = self.index.multilingual_scores(query, contenders(hits, faq_matches))
        return second_look(hits, faq_matches, self.index.store, scores) or faq_lead

    def rulebook_match(self, question: str, language: str) -> RuleMatch:
        """How close the rulebook comes to a question: the retrieval behind an answer, composing nothing."""
        question = self.index.corrected(question, language)  # typos corrected for retrieval (index.spelling)
        vector, hits, faq_matches, lead = self.lookup(question, language)
        scale = CROSS_SCALE if vector.crosslingual else MAIN_SCALE
        near = bool(faq_matches) and faq_matches[0][1] >= scale.lead_agreeing
        return RuleMatch(lead=lead is not None, near=near, closeness=self.closeness(question, vector, hits,
                                                                                     faq_matches))

    def closeness(self, question: str, vector: QueryVector, hits: list[Hit],
                  faq_matches: list[tuple[int, float]]) -> float | None:
        """The multilingual encoder's cosine of the closest curated question or passage (RuleMatch)."""
        if self.index.crosslingual is None:
            return None
        if not vector.crosslingual:
            vector = QueryVector(self.index.crosslingual.encode_queries([question])[0], crosslingual=True)
            with self.index.reading():
                hits = self.index.search(question, k=5, vector=vector)
                faq_matches = self.index.match_questions(vector, k=1)
        return max([h.dense for h in hits[:5]] + [score for _, score in faq_matches[:1]], default=None)

    def retrieve(self, question: str, language: str) -> Answer:
        """The synchronous part (embedding, search, composition); runs in a worker thread. Retrieval and
        composition see the question with its typos corrected (index.spelling); the answer keeps it as asked."""
        asked, question = question, self.index.corrected(question, language)
        vector, hits, faq_matches, faq_lead = self.lookup(question, language)
        lead = self.answer_lead(question, vector, hits, faq_matches, faq_lead)
        faq_similarity = faq_matches[0][1] if faq_matches else 0.0
        scale = CROSS_SCALE if vector.crosslingual else MAIN_SCALE
        # Only passages on the bot's subject vouch for an answer: a global-stocktake paragraph that names the
        # biodiversity framework must not make "what are the biodiversity targets?" look answered.
        evidence = [h for h in hits if h.meta.get("in_scope", True)][:3]
        top_dense = max((h.dense for h in evidence), default=0.0)
        lexical_overlap = max((overlap(question, h.meta.get("text", "") + " " + (h.meta.get("question") or ""))
                               for h in evidence), default=0.0)
        agreement = bool(faq_matches) and faq_matches[0][0] in {hit.id for hit in hits[:AGREEMENT_DEPTH]}
        score = confidence(faq_similarity=faq_similarity, dense=top_dense, lexical_overlap=lexical_overlap,
                           agreement=agreement, scale=scale)
        answered = score >= self.settings.confidence_threshold
        relevance = (lambda sentences: self.index.sentence_scores(vector, sentences)) if vector.crosslingual else None
        # A lead FAQ gets its own question as a heading unless the question asked is nearly that one, so an
        # answer such as "No. Under Article 6.2 ..." never reads as a reply to something else.
        curated = lead is not None and lead.meta.get("kind") == "faq"
        lead_similarity = dict(faq_matches).get(lead.id, 0.0) if curated else 1.0
        composed = compose(hits, question, lead=lead if answered else None, lead_heading=lead_similarity < scale.same,
                           language=language, answered=answered, relevance=relevance,
                           contact=self.settings.staff_email)
        top = lead or (hits[0] if hits else None)
        return Answer(question=asked, text=composed.text, more=composed.more, answered=answered,
                      confidence=score, sources=composed.sources, language=language,
                      faq_id=lead.meta.get("key") if lead else None,
                      topics=list(top.meta.get("topics") or []) if top else [])

    def best_reading(self, candidates: list[str], language: str) -> Answer:
        """The answer to the likeliest reading of a follow-up, unless the sources answer it only weakly and
        another reading better. One retrieval when the follow-up has a single reading, as almost all have.
        Not simply the most confident reading: a reading that keeps the whole previous question ("... initial
        report be submitted for annual information?") is always answered confidently, by the previous answer."""
        first = self.retrieve(candidates[0], language)
        if first.confidence >= WEAK_READING:
            return first
        others = [self.retrieve(candidate, language) for candidate in candidates[1:]]
        return max([first, *others], key=lambda answer: answer.confidence)

    def reply(self, question: str, language: str) -> Answer | None:
        """Messages answered without retrieval: commands, small talk, later sessions, neighbouring subjects."""
        if command(question):
            return Answer(question=question, text=say("reply.farewell", language), answered=False, confidence=0.0,
                          sources=[], language=language, kind="command")
        talk = small_talk(question)
        if talk:
            return Answer(question=question, text=greeting(talk, language), answered=False, confidence=0.0,
                          sources=[], language=language, kind="smalltalk")
        return None

    def decline(self, question: str, language: str) -> Answer | None:
        """An honest "not my subject" for a later session or a neighbouring subject; None when in scope."""
        if self.horizon is not None and self.horizon.later_session(question):
            text = self.horizon.reply(language)
        elif topic := neighbour_topic(question):
            text = declined(topic, language)
        else:
            return None
        return Answer(question=question, text=text, answered=False, confidence=0.0, sources=[], language=language,
                      kind="declined")

    def known_words(self) -> frozenset[str]:
        """The knowledge base's vocabulary (passages, curated questions and their translations), rebuilt when
        passages change: an edit removes a chunk and adds one under a new id, so count and highest id move."""
        store = self.index.store
        key = (len(store), max(store, default=0))
        if key != self._vocabulary[0]:
            texts = [str(value) for meta in list(store.values()) for value in _texts_of(meta)]
            self._vocabulary = (key, vocabulary(texts))
        return self._vocabulary[1]

    async def ask(self, text: str, *, channel: str = "cli", user_id: str | None = None,
                  conversation: str | None = None, busy: Callable[[str], Awaitable[object]] | None = None,
                  retries: int = 3) -> Answer:
        """Answer one message in its conversation and log it; raises QuestionError for empty or oversized
        messages. Greetings, thanks and commands are answered but never logged as questions.

        Beyond the worker's capacity: Busy (the web chat answers 503), or, with `busy` (chat channels), that
        callback gets a "busy, retrying" text in the asker's language once and the question is retried up
        to `retries` times after the suggested wait."""
        asked = validate_question(text)
        attempt = 0
        while True:
            try:
                return await self._ask_within_capacity(asked, channel, user_id, conversation)
            except Busy as error:
                if busy is None or attempt >= retries:
                    raise
                if attempt == 0:
                    await busy(say("answer.busy", detect_language(asked)))
                attempt += 1
                await asyncio.sleep(error.retry_after)

    async def _ask_within_capacity(self, asked: str, channel: str, user_id: str | None,
                                   conversation: str | None) -> Answer:
        if self.capacity is None:
            return await self._answer(asked, channel, user_id, conversation)
        async with self.capacity.slot():
            try:
                return await self._answer(asked, channel, user_id, conversation)
            except exc.TimeoutError as error:  # no database connection in time: busy, not broken
                raise Busy(self.capacity.retry_after) from error

    async def _answer(self, asked: str, channel: str, user_id: str | None, conversation: str | None) -> Answer:
        context = await self.conversations.get(conversation) if conversation else None
        language = detect_language(asked, default=context.language if context else "en")
        answer = self.reply(asked, language)
        if answer is not None:
            return answer
        if self.starting is not None and self.starting():
            return Answer(question=asked, text=say("answer.starting", language), answered=False, confidence=0.0,
                          sources=[], language=language, kind="starting")
        question = without_greeting(asked)
        candidates = readings(question, context, language) if context else [question]
        resolved = candidates[0]
        # The message as typed is checked too: "what about the EU ETS?" is declined whatever it follows; and with
        # its typos corrected: "Who manages the Special Climaate Chaange Fund?" is not on the bot's subject either.
        corrected = self.index.corrected(question, language)
        checked = dict.fromkeys([question, resolved, corrected])
        answer = next(filter(None, (self.decline(text, language) for text in checked)), None)
        for responder in [] if answer else self.responders:
            answer = await responder(resolved, language)
            if answer is not None:
                break
        if answer is None and (name := unknown_name(corrected, self.known_words())):
            # After the responders: an event or a tool may bear a name the rulebook never uses (a workshop's city).
            # Typos corrected: "the Supervisroy Body" is not a name the sources never use.
            answer = Answer(question=question, text=declined_name(name, language), answered=False, confidence=0.0,
                            sources=[], language=language, kind="declined")
        if answer is None:
            answer = await asyncio.to_thread(self.best_reading, candidates, language)
            resolved = answer.resolved_question
            if answer.answered and self.footer_hint and answer.topics:
                answer.footer = await self.footer_hint(answer.topics, language)
            if answer.answered and self.closers:
                lines = [answer.footer, *[await close(resolved, answer.topics, language) for close in self.closers]]
                answer.footer = "\n".join(line for line in lines if line) or None
        answer.question, answer.resolved_question = asked, resolved
        if conversation:
            await self.conversations.save(conversation, Context(
                question=resolved, language=language, faq_id=answer.faq_id, topics=answer.topics, more=answer.more,
                turns=(context.turns + 1) if context else 1))
        answer.log_id = await self.log(answer, channel=channel, user_id=user_id)
        for observe in self.observers:
            observe(answer)
        return answer

    async def log(self, answer: Answer, *, channel: str, user_id: str | None) -> int:
        async with self.db.session() as session:
            row = QuestionLog(channel=channel[:20], user_hash=self.user_hash(channel, user_id),
                              question=answer.resolved_question, language=answer.language, answer=answer.text,
                              more=answer.more, answered=answer.answered, confidence=answer.confidence,
                              sources=[{**s.to_json(), "chunk_id": s.chunk_id} for s in answer.sources],
                              faq_id=answer.faq_id)
            session.add(row)
            await session.flush()
            return row.id

    async def logged(self, log_id: int) -> Answer | None:
        """A logged answer as it was given (text, more, sources), for a "More" button pressed on it later;
        None if the id is unknown."""
        async with self.db.session() as session:
            row = await session.get(QuestionLog, log_id)
            if row is None:
                return None
            sources = [Source(title=s.get("title") or "", citation=s.get("citation") or "", url=s.get("url"),
                              excerpt=s.get("excerpt") or "", score=float(s.get("score") or 0.0),
                              chunk_id=s.get("chunk_id")) for s in row.sources or []]
            return Answer(question=row.question, text=row.answer, more=row.more or "", answered=row.answered,
                          confidence=row.confidence, sources=sources, language=row.language, faq_id=row.faq_id,
                          log_id=row.id)

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


def _texts_of(meta: dict[str, object]) -> list[object]:
    """A passage's words as a reader meets them: its text, title, heading, curated questions, translations."""
    texts: list[object] = [meta.get(key) or "" for key in ("text", "question", "title", "heading", "citation")]
    texts += list(meta.get("questions") or []) if isinstance(meta.get("questions"), list) else []
    translations = meta.get("translations")
    if isinstance(translations, dict):
        texts += [value for entry in translations.values() if isinstance(entry, dict) for value in entry.values()]
    return texts


__all__ = ["MAX_QUESTION_CHARS", "Answer", "Answerer", "QuestionError", "RuleMatch", "Source",
           "validate_question"]
