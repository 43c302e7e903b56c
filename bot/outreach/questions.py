"""Rule-based answers to questions about events ('when is the next training on X?', 'what is on in March?',
'is the tracking WG online?'), and the footer naming the next event on an answer's topics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from bot.answering import Answer
from bot.compose import Source
from bot.outreach import events as store
from bot.outreach.models import Event
from bot.outreach.render import format_date, format_time, where
from bot.outreach.topics import ALIASES, KINDS, TOPICS
from bot.storage import Database
from knowledge.links import safe_link

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
KIND_WORDS = {"training": "training", "trainings": "training", "workshop": "workshop", "workshops": "workshop",
              "webinar": "webinar", "webinars": "webinar", "plenary": "plenary", "plenaries": "plenary",
              "wg": "wg-meeting", "working group": "wg-meeting", "meeting": "wg-meeting", "meetings": "wg-meeting",
              "side event": "side-event", "side events": "side-event", "conference": "conference"}
EVENT_WORDS = re.compile(r"\b(events?|what'?s on|what is on|happening|calendar|schedule[d]?)\b")
ONLINE = re.compile(r"\b(online|virtual|in person|in-person|hybrid|where is|where will)\b")
ASKS_WHETHER = re.compile(r"^(is|are|will|where)\b")  # "is the tracking WG online?", not "does ... online count?"
# A kind word alone does not make an events question ("how many members must be present for a meeting?" is a
# rulebook question): it needs a word that asks about dates, places or what is coming.
TIME_CUES = re.compile(r"\b(when|next|upcoming|coming up|soon|dates?|register|registration|sign up|join|"
                       r"this (week|month|year)|any)\b")


@dataclass(frozen=True)
class EventQuestion:
    kind: str | None
    topic: str | None
    month: int | None
    asks_place: bool


def words_in(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(phrase)}(?![\w])", text) is not None


def parse_question(question: str) -> EventQuestion | None:
    """What an events question asks for, or None when the question is not about events."""
    text = " ".join(question.lower().replace("?", " ").split())
    kind = next((k for w, k in sorted(KIND_WORDS.items(), key=lambda i: -len(i[0])) if words_in(text, w)), None)
    month = next((i + 1 for i, m in enumerate(MONTHS) if re.search(rf"\bin {m}\b", text)), None)
    asks_about_events = month is not None or EVENT_WORDS.search(text) or (
        kind is not None and (TIME_CUES.search(text) or (ASKS_WHETHER.search(text) and ONLINE.search(text))))
    if not asks_about_events:
        return None
    names = {**{t: t for t in TOPICS}, **{label.lower(): t for t, label in TOPICS.items()}, **ALIASES,
             "private sector": "private-sector"}
    topic = next((t for n, t in sorted(names.items(), key=lambda i: -len(i[0])) if len(n) > 2 and words_in(text, n)), None)
    return EventQuestion(kind, topic, month, bool(ONLINE.search(text)))


def month_window(month: int, now: datetime) -> tuple[datetime, datetime]:
    """The next occurrence of that month (this one if we are in it)."""
    year = now.year if month >= now.month else now.year + 1
    start = datetime(year, month, 1, tzinfo=timezone.utc)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=timezone.utc)
    return max(start, now), end


def when_text(row: Event) -> str:
    start = row.starts_at.astimezone(ZoneInfo(row.timezone))
    if row.all_day:
        return f"{format_date(start)} (all day)"
    return f"{format_date(start)}, {format_time(start)} ({row.timezone})"


def describe(row: Event, n: int, asks_place: bool) -> str:
    place = where(store.info(row, base_url=""))
    if asks_place:
        mode = "hybrid (in person and online)" if row.hybrid else "online" if row.online else f"in person, {place}"
        return f"{row.title} is {mode}: {when_text(row)} [{n}]."
    return f"{row.title} — {when_text(row)}, {place} [{n}]."


def source_of(row: Event, base_url: str) -> Source:
    url = safe_link(row.registration_url) or store.calendar_url(base_url, row.uid)
    return Source(title=row.title, citation=f"A6IP events: {row.title} ({when_text(row)})", url=url,
                  excerpt=(row.description or "")[:300], score=1.0, kind="event")


class EventAnswers:
    """The Answerer's events responder and footer hint, over the events table."""

    def __init__(self, db: Database, *, base_url: str, now: datetime | None = None) -> None:
        self.db, self.base_url, self.fixed_now = db, base_url, now

    def now(self) -> datetime:
        return self.fixed_now or datetime.now(timezone.utc)

    async def find(self, q: EventQuestion) -> list[Event]:
        now = self.now()
        start, end = month_window(q.month, now) if q.month else (now, None)
        rows = await store.listing(self.db, start=start, end=end, topic=q.topic, include_cancelled=False)
        return [r for r in rows if r.published_at is not None and (q.kind is None or r.kind == q.kind)]

    async def respond(self, question: str, language: str) -> Answer | None:
        q = parse_question(question)
        if q is None:
            return None
        rows = (await self.find(q))[: 6 if q.month else 3]
        what = KINDS.get(q.kind or "", "event").lower() if q.kind else "event"
        about = f" on {TOPICS[q.topic].lower()}" if q.topic else ""
        span = f" in {MONTHS[q.month - 1].title()}" if q.month else ""
        if not rows:
            text = f"No upcoming {what}{about}{span} is scheduled in the A6IP calendar yet."
        else:
            lead = f"Upcoming{span}:" if q.month or len(rows) > 1 and not q.asks_place else "Next:"
            text = "\n".join([lead, *(f"- {describe(r, n, q.asks_place)}" for n, r in enumerate(rows, start=1))])
        return Answer(question=question, text=text, answered=True, confidence=1.0,
                      sources=[source_of(r, self.base_url) for r in rows], language=language,
                      topics=[q.topic] if q.topic else [])

    async def footer(self, topics: list[str], language: str) -> str | None:
        found = [r for t in topics if t in TOPICS for r in await store.upcoming(self.db, topic=t, now=self.now(), limit=1)]
        if not found:
            return None
        row = min(found, key=lambda r: r.starts_at)
        link = safe_link(row.registration_url) or store.calendar_url(self.base_url, row.uid)
        return f"Next event on this topic: {row.title}, {when_text(row)} — {link}"
