"""Compose an answer an official would write: a lead that answers the question asked, then at most two
supporting points, each introduced by what it answers, within a chat-sized budget; the rest goes to `more`.

Near-duplicates (an FAQ entry and a guide section saying the same thing) become one point citing both. In
French or Spanish, a curated translation is used when the source has one; otherwise the answer says, in the
asker's language, that only English material answers, and quotes it with its citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from babel.dates import format_date

from bot.compose import PARAGRAPH_CITATION, Relevance, Source, excerpt, source_of, words
from bot.texts import say
from index import Hit

CHAT_WORDS = 150  # the chat-sized answer, citation markers included
LEAD_WORDS = 90  # room left in the chat-sized answer for a supporting point
POINT_WORDS = 70
SUPPORTING = 2  # points after the lead in the chat-sized answer
MIN_POINT_WORDS = 20  # a supporting point shortened below this says too little: it waits in `more`
MAX_POINTS = 5
MAX_SOURCES = 6
CURATED_BONUS = 0.2  # written for officials, so preferred over a raw decision paragraph of similar score
RELATIVE_CUTOFF = 0.5  # a further source must score at least half the best one, or it is noise
DUPLICATE = 0.5  # share of shared content words above which two passages say the same thing
STALE_DAYS = 120  # an answer resting on facts checked longer ago says "as of" when it states a date or status
DATED = re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|"
                   r"December) \d{4}\b|\b(?:deadline|due|status|planned|currently|so far|to date)\b", re.I)
FULL_DATE = re.compile(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|"
                       r"December) (\d{4})\b")
DEADLINE = re.compile(r"\b(?:due|must|by|no later than|deadline|before|until)\b", re.I)
PAST_TENSE = re.compile(r"\b(?:was|were|had|passed|expired|closed|ended)\b", re.I)
DATE_FORMAT = {"en": "d MMMM y", "fr": "d MMMM y", "es": "d 'de' MMMM 'de' y"}
STOPWORDS = {"the", "a", "an", "of", "and", "or", "to", "in", "for", "on", "by", "is", "are", "be", "its", "it",
             "that", "this", "with", "as", "from", "at", "under", "each", "which", "their", "any", "must", "may"}


@dataclass
class Point:
    """One thing the answer says: what it answers (None for the lead), its text, the sources it rests on."""

    text: str
    sources: list[int] = field(default_factory=list)  # 1-based source numbers
    heading: str | None = None
    quoted: bool = False  # English text quoted in a French or Spanish answer
    shorten: Callable[[int], str] | None = None  # its most relevant whole sentences within a word count

    def words(self) -> int:
        return len(self.render().split())

    def render(self) -> str:
        marks = "".join(f"[{n}]" for n in self.sources)
        body = f"« {self.text} »" if self.quoted else self.text
        return (f"{self.heading}\n" if self.heading else "") + f"{body} {marks}"


@dataclass
class Composed:
    text: str
    more: str
    sources: list[Source]


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 2}


def near_duplicate(a: str, b: str) -> bool:
    """Two passages that share most of their content words say the same thing."""
    first, second = content_words(a), content_words(b)
    if not first or not second:
        return False
    return len(first & second) / min(len(first), len(second)) >= DUPLICATE + 0.2 or \
        len(first & second) / len(first | second) >= DUPLICATE


def rank_key(hit: Hit) -> float:
    return hit.score + (CURATED_BONUS if hit.meta.get("doc_type") != "decision" else 0.0)


def candidates(hits: list[Hit], lead: Hit | None) -> list[Hit]:
    """The lead, then the other hits worth showing (curated text first at a similar score), one per citation."""
    best = hits[0].score if hits else 0.0
    others = sorted((h for h in hits if (lead is None or h.id != lead.id) and h.score >= RELATIVE_CUTOFF * best),
                    key=rank_key, reverse=True)
    chosen: list[Hit] = []
    seen: set[str] = set()
    for hit in ([lead] if lead else []) + others:
        citation = hit.meta.get("citation", "")
        # Two passages citing the same paragraph repeat each other; a whole-document citation ("A6IP update
        # deck") covers passages that say different things, so those are told apart by chunk.
        key = citation if PARAGRAPH_CITATION.search(citation) else f"{citation}#{hit.id}"
        if key not in seen:
            seen.add(key)
            chosen.append(hit)
    return chosen[:MAX_SOURCES]


def heading_of(hit: Hit, language: str) -> str:
    """What a point answers: the FAQ question (in the asker's language when curated), else the section."""
    meta = hit.meta
    translated = (meta.get("translations") or {}).get(language, {})
    if translated.get("question"):
        return str(translated["question"])
    if meta.get("kind") == "faq" and meta.get("question"):
        return str(meta["question"])
    return str(meta.get("heading") or meta.get("citation") or meta.get("title") or "")


def text_of(hit: Hit, language: str) -> tuple[str, bool]:
    """The passage in the asker's language when a curated translation exists; (text, is_english)."""
    translated = (hit.meta.get("translations") or {}).get(language, {})
    if language != "en" and translated.get("answer"):
        return str(translated["answer"]), False
    return str(hit.meta.get("text", "")), language != "en"


def date_format(language: str) -> str:
    return DATE_FORMAT.get(language, DATE_FORMAT["en"])


def dated_note(hit: Hit, text: str, language: str, today: date) -> str:
    """What the bot adds after a lead that states dates: "(as of <date>)" when its facts were checked long
    ago, and, when it gives a deadline that has passed in the present tense, that the date has passed."""
    note = ""
    checked = hit.meta.get("checked")
    if checked and DATED.search(text) and (today - date.fromisoformat(str(checked))).days > STALE_DAYS:
        when = format_date(date.fromisoformat(str(checked)), date_format(language), locale=language)
        note += " " + say("reply.as_of", language, date=when)
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if PAST_TENSE.search(sentence) or not DEADLINE.search(sentence):
            continue
        for day, month, year in FULL_DATE.findall(sentence):
            stated = datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
            if stated < today:
                passed = format_date(stated, date_format(language), locale=language)
                return note + " " + say("reply.passed", language, date=passed)
    return note


def compose(hits: list[Hit], question: str, *, lead: Hit | None, lead_heading: bool, language: str,
            answered: bool, contact: str, relevance: Relevance | None = None,
            today: date | None = None) -> Composed:
    """The chat-sized answer, the rest (`more`) and the numbered sources both cite; `contact` is where to write
    to A6IP staff (A6BOT_STAFF_EMAIL)."""
    today = today or date.today()
    if not answered:
        closest = [source_of(h, excerpt(h.meta.get("text", ""), question, POINT_WORDS, relevance))
                   for h in candidates(hits, None)[:4]]
        return Composed(say("reply.unsure" if closest else "reply.empty", language, contact=contact), "", closest)
    sources: list[Source] = []
    points: list[Point] = []
    for hit in candidates(hits, lead):
        first = not points
        raw, english = text_of(hit, language)
        limit = LEAD_WORDS if first else POINT_WORDS
        body = excerpt(raw, question, limit, relevance if english else None)
        sources.append(source_of(hit, body))
        number = len(sources)
        twin = next((p for p in points if near_duplicate(p.text, body)), None)
        if twin is not None:
            twin.sources.append(number)
            continue
        if len(points) >= MAX_POINTS:
            sources.pop()
            continue
        heading = None if first and not (lead is hit and lead_heading) else heading_of(hit, language)
        if heading and words(heading) == words(question):
            heading = None  # the point answers exactly the question asked
        point = Point(body, [number], heading, quoted=english,
                      shorten=lambda limit, raw=raw, english=english: excerpt(raw, question, limit,
                                                                             relevance if english else None))
        if first:
            point.text += dated_note(hit, body, language, today)
        points.append(point)
    return layout(points, sources, language)


def shortened(point: Point, words_left: int) -> Point | None:
    """The point cut to its most relevant whole sentences within what is left of the budget, or None when
    that would leave too little to stand on its own."""
    room = words_left - (len(point.heading.split()) if point.heading else 0) - len(point.sources) - 2
    if point.shorten is None or room < MIN_POINT_WORDS:
        return None
    text = point.shorten(room)
    if text.endswith("…") or len(text.split()) < MIN_POINT_WORDS:
        return None
    return replace(point, text=text, sources=list(point.sources))


def layout(points: list[Point], sources: list[Source], language: str) -> Composed:
    """The lead and the supporting points that fit in the chat-sized budget (whole, or cut to their most
    relevant whole sentences); everything else goes to `more`. Sources are numbered in reading order."""
    lead, supporting = points[0], points[1:]
    preface = [say("reply.english_only", language)] if lead.quoted else []
    chat, rest = [lead], []
    used = sum(len(part.split()) for part in preface) + lead.words()
    switch = say("reply.english_only_more", language)
    for point in supporting:
        if len(chat) > SUPPORTING or rest:
            rest.append(point)
            continue
        # After a curated French or Spanish lead, an English quote that fits follows a line saying it is in
        # English: the curated entry may answer a nearby question, the quote the one asked.
        label = point.quoted and not lead.quoted and not any(p.quoted for p in chat)
        room = CHAT_WORDS - used - (len(switch.split()) if label else 0)
        fitted = point if point.words() <= room else shortened(point, room)
        if fitted is None:
            rest.append(point)
            continue
        if label:
            fitted = replace(fitted, heading="\n".join(filter(None, [switch, fitted.heading])),
                             sources=list(fitted.sources))
        chat.append(fitted)
        used += fitted.words()
        if fitted.text != point.text:
            rest.append(point)  # the whole passage, for `more`
    order = list(dict.fromkeys(n for point in chat + rest for n in point.sources))
    number = {old: new for new, old in enumerate(order, start=1)}
    for point in chat + rest:
        point.sources = [number[n] for n in point.sources]
    more = [say("reply.english_only_more", language)] if any(p.quoted for p in rest) and not lead.quoted else []
    return Composed("\n\n".join(preface + [p.render() for p in chat]), "\n\n".join(more + [p.render() for p in rest]),
                    [sources[n - 1] for n in order])
