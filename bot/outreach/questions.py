"""Rule-based answers to questions about events ('when is the next training on X?', 'what is on in March?',
'is the tracking WG online?', 'quand a lieu la prochaine formation ?', '¿cuándo es el próximo taller?'), and
the footer naming the next event on an answer's topics, both in the asker's language."""

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
from bot.outreach.topics import ALIASES, TOPICS
from bot.storage import Database
from bot.texts import kind_label, say, topic_label
from knowledge.links import safe_link

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH_NAMES = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                      "novembre", "décembre"],
               "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                      "octubre", "noviembre", "diciembre"]}
# French and Spanish words for the kinds too; "réunion" / "reunión" and "conférence" are left out, since the CMA
# is the "Conférence des Parties agissant comme réunion des Parties" and would make rulebook questions look
# like event questions.
KIND_WORDS = {"training": "training", "trainings": "training", "workshop": "workshop", "workshops": "workshop",
              "webinar": "webinar", "webinars": "webinar", "plenary": "plenary", "plenaries": "plenary",
              "wg": "wg-meeting", "working group": "wg-meeting", "meeting": "wg-meeting", "meetings": "wg-meeting",
              "side event": "side-event", "side events": "side-event", "conference": "conference",
              "formation": "training", "formations": "training", "atelier": "workshop", "ateliers": "workshop",
              "webinaire": "webinar", "webinaires": "webinar", "groupe de travail": "wg-meeting",
              "événement parallèle": "side-event", "formación": "training", "capacitación": "training",
              "curso": "training", "taller": "workshop", "talleres": "workshop", "seminario web": "webinar",
              "grupo de trabajo": "wg-meeting", "evento paralelo": "side-event"}
EVENT_WORDS = re.compile(r"\b(events?|what'?s on|what is on|happening|calendar|schedule[d]?|événements?|"
                         r"calendrier|eventos?|calendario)\b")
ONLINE = re.compile(r"\b(online|virtual|in person|in-person|hybrid|where is|where will|en ligne|présentiel|hybride|"
                    r"en línea|presencial|híbrid[oa]|dónde)\b")
# What already happened is the knowledge base's to answer, not the calendar's ("when was the private sector WG
# launched?", "¿cuándo se lanzó...?", "quand a-t-il été lancé ?").
PAST = re.compile(r"\b(when (was|were|did)|was (held|launched)|were held|took place|se (lanzó|celebró|realizó)|"
                  r"fue (lanzado|celebrado)|a été (lancé|tenu|organisé)|a eu lieu|ont eu lieu)\b")
ASKS_WHETHER = re.compile(r"^(is|are|will|where|est-ce|où|¿?(?:es|será|dónde))\b")  # "is the tracking WG online?"
# A kind word alone does not make an events question ("how many members must be present for a meeting?" is a
# rulebook question): it needs a word that asks about dates, places or what is coming.
TIME_CUES = re.compile(r"\b(when|next|upcoming|coming up|soon|dates?|register|registration|sign up|join|"
                       r"this (week|month|year)|any|quand|prochaine?s?|à venir|inscription|s'inscrire|cuándo|cuando|"
                       r"próxim[oa]s?|fechas?|inscripción|inscribirse)\b")


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
    month = next((i + 1 for i, m in enumerate(MONTHS) if re.search(rf"\bin {m}\b", text)), None) or \
        next((i + 1 for names in MONTH_NAMES.values() for i, m in enumerate(names) if re.search(rf"\ben {m}\b", text)),
             None)
    asks_about_events = month is not None or EVENT_WORDS.search(text) or (
        kind is not None and (TIME_CUES.search(text) or (ASKS_WHETHER.search(text) and ONLINE.search(text))))
    if not asks_about_events or PAST.search(text):
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


def when_text(row: Event, language: str = "en") -> str:
    start = row.starts_at.astimezone(ZoneInfo(row.timezone))
    if row.all_day:
        return f"{format_date(start, language)} ({say('notice.all_day', language)})"
    return f"{format_date(start, language)}, {format_time(start)} ({row.timezone})"


def describe(row: Event, n: int, asks_place: bool, language: str = "en") -> str:
    place = where(store.info(row, base_url=""), language)
    if asks_place:
        mode = say("events.mode.hybrid" if row.hybrid else "events.mode.online" if row.online
                   else "events.mode.in_person", language, place=place)
        return say("events.answer.mode", language, title=row.title, mode=mode, when=when_text(row, language)) + f" [{n}]."
    return f"{row.title} — {when_text(row, language)}, {place} [{n}]."


def source_of(row: Event, base_url: str, language: str = "en") -> Source:
    url = safe_link(row.registration_url) or store.calendar_url(base_url, row.uid)
    return Source(title=row.title, citation=say("events.citation", language, title=row.title,
                                                when=when_text(row, language)),
                  url=url, excerpt=(row.description or "")[:300], score=1.0, kind="event")


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
        what = kind_label(q.kind, language).lower() if q.kind else say("events.answer.event", language)
        about = say("events.about", language, topic=topic_label(q.topic, language)) if q.topic else ""
        span = say("events.answer.in", language, month=self.month_name(q.month, language)) if q.month else ""
        if not rows:
            text = say("events.answer.none", language, what=what, about=about, span=span)
        else:
            lead = (say("events.answer.upcoming", language, span=span) if q.month or len(rows) > 1 and not q.asks_place
                    else say("events.answer.next", language))
            text = "\n".join([lead, *(f"- {describe(r, n, q.asks_place, language)}" for n, r in enumerate(rows, start=1))])
        return Answer(question=question, text=text, answered=True, confidence=1.0,
                      sources=[source_of(r, self.base_url, language) for r in rows], language=language,
                      topics=[q.topic] if q.topic else [], kind="event")

    @staticmethod
    def month_name(month: int, language: str) -> str:
        return MONTH_NAMES[language][month - 1] if language in MONTH_NAMES else MONTHS[month - 1].title()

    async def footer(self, topics: list[str], language: str) -> str | None:
        found = [r for t in topics if t in TOPICS for r in await store.upcoming(self.db, topic=t, now=self.now(), limit=1)]
        if not found:
            return None
        row = min(found, key=lambda r: r.starts_at)
        link = safe_link(row.registration_url) or store.calendar_url(self.base_url, row.uid)
        return say("events.answer.footer", language, title=row.title, when=when_text(row, language), link=link)
