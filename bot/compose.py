"""Pure functions that turn search hits into a short, cited answer, and scores into a confidence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index import Hit

SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(])|\n+")
WORD = re.compile(r"\w+")
PARAGRAPH_CITATION = re.compile(r"\bparas?\.\s*\d|\bparagraphs?\s+\d|\bannex\b", re.IGNORECASE)

MESSAGES = {
    "en": {
        "lead": "",
        "unsure": "I don't have a confident answer to that. The closest sources I found are below; "
                  "A6IP staff can help (use the 'ask A6IP staff' button or write to {contact}).",
        "empty": "I don't have a confident answer to that, and found no source close to it. "
                 "A6IP staff can help ({contact}).",
    },
    "fr": {
        "lead": "Voici ce que disent les sources (citées en anglais) :\n",
        "unsure": "Je n'ai pas de réponse sûre à cette question. Les sources les plus proches sont ci-dessous ; "
                  "l'équipe A6IP peut vous aider (bouton « demander à l'équipe A6IP » ou "
                  "{contact}).",
        "empty": "Je n'ai pas de réponse sûre et aucune source proche. L'équipe A6IP peut vous aider "
                 "({contact}).",
    },
    "es": {
        "lead": "Esto es lo que dicen las fuentes (citadas en inglés):\n",
        "unsure": "No tengo una respuesta segura a esa pregunta. Abajo están las fuentes más cercanas; "
                  "el equipo de A6IP puede ayudarle (botón «preguntar al equipo A6IP» o "
                  "{contact}).",
        "empty": "No tengo una respuesta segura ni encontré fuentes cercanas. El equipo de A6IP puede ayudarle "
                 "({contact}).",
    },
}


@dataclass
class Source:
    """A passage an answer rests on, as shown to the user and written to JSON."""

    title: str
    citation: str
    url: str | None
    excerpt: str
    score: float
    chunk_id: int | None = None
    kind: str = "passage"

    def to_json(self) -> dict[str, object]:
        return {"title": self.title, "citation": self.citation, "url": self.url, "excerpt": self.excerpt,
                "score": round(self.score, 4)}


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def trim_words(text: str, limit: int) -> str:
    """At most `limit` words, cut at a word boundary with an ellipsis."""
    parts = text.split()
    if len(parts) <= limit:
        return text.strip()
    return " ".join(parts[:limit]).rstrip(",;:") + " …"


Relevance = Callable[[list[str]], list[float]]


def excerpt(text: str, query: str, limit: int, relevance: Relevance | None = None) -> str:
    """The sentences of a passage most relevant to the question, in their order, within `limit` words.
    Relevance is the number of shared words unless a scorer is given (questions in another language)."""
    if len(text.split()) <= limit:
        return text.strip()
    pieces = [p.strip() for p in SENTENCE.split(text) if p and p.strip()]
    if relevance is not None:
        scores = relevance(pieces)
    else:
        wanted = set(words(query))
        scores = [float(len(wanted & set(words(piece)))) for piece in pieces]
    ranked = sorted(range(len(pieces)), key=lambda i: (-scores[i], i))
    keep: list[int] = []
    used = 0
    for i in ranked:
        size = len(pieces[i].split())
        if used + size > limit and keep:
            continue
        keep.append(i)
        used += size
        if used >= limit:
            break
    return trim_words(" ".join(pieces[i] for i in sorted(keep)), limit)


def source_of(hit: Hit, query: str, limit: int, relevance: Relevance | None = None) -> Source:
    meta = hit.meta
    return Source(title=meta.get("title", ""), citation=meta.get("citation", ""), url=meta.get("url"),
                  excerpt=excerpt(meta.get("text", ""), query, limit, relevance), score=hit.score, chunk_id=hit.id,
                  kind=meta.get("kind", "passage"))


CURATED_BONUS = 0.2  # written for officials, so preferred over a raw decision paragraph of similar score
RELATIVE_CUTOFF = 0.5  # a further source must score at least half the best one, or it is noise


def pick_sources(hits: list[Hit], query: str, *, lead: Hit | None, max_words: int, count: int = 4,
                 relevance: Relevance | None = None) -> list[Source]:
    """The lead FAQ (if any), then the best passages with distinct citations, within the word budget."""
    chosen: list[Source] = []
    seen: set[str] = set()
    budget = max_words - 40  # room for the framing and citation markers
    best = hits[0].score if hits else 0.0

    def rank(hit: Hit) -> float:
        return hit.score + (CURATED_BONUS if hit.meta.get("doc_type") != "decision" else 0.0)

    others = sorted((h for h in hits if (lead is None or h.id != lead.id) and h.score >= RELATIVE_CUTOFF * best),
                    key=rank, reverse=True)
    for hit in ([lead] if lead else []) + others:
        citation = hit.meta.get("citation", "")
        # Two passages citing the same paragraph repeat each other; a whole-document citation ("A6IP update
        # deck") covers passages that say different things, so those are told apart by chunk.
        key = citation if PARAGRAPH_CITATION.search(citation) else f"{citation}#{hit.id}"
        if key in seen or len(chosen) >= count or budget < 25:
            continue
        # Earlier (better) sources keep enough words to carry their facts; the last one gets what is left.
        per_source = budget if not chosen and hit is lead else min(budget, max(90, budget // (count - len(chosen))))
        source = source_of(hit, query, per_source, relevance)
        budget -= len(source.excerpt.split())
        seen.add(key)
        chosen.append(source)
    return chosen


def render(sources: list[Source], *, language: str, answered: bool, contact: str) -> str:
    """The answer body: each source's excerpt followed by its citation marker [n]; `contact` is where to
    write to A6IP staff (A6BOT_STAFF_EMAIL)."""
    text = MESSAGES.get(language, MESSAGES["en"])
    if not answered:
        return (text["unsure"] if sources else text["empty"]).format(contact=contact)
    body = "\n\n".join(f"{s.excerpt} [{n}]" for n, s in enumerate(sources, start=1))
    return text["lead"] + body


@dataclass(frozen=True)
class Scale:
    """Where an encoder's cosine scores start to mean something: the main English model spreads them wide,
    the multilingual e5 model packs them near the top (unrelated text still scores about 0.75)."""

    faq_low: float
    faq_span: float
    dense_low: float
    dense_span: float
    lead: float  # a curated question this close leads the answer
    lead_agreeing: float  # ... or this close, when retrieval also ranks it in its top three


MAIN_SCALE = Scale(faq_low=0.55, faq_span=0.25, dense_low=0.30, dense_span=0.35, lead=0.80, lead_agreeing=0.58)
CROSS_SCALE = Scale(faq_low=0.82, faq_span=0.08, dense_low=0.80, dense_span=0.10, lead=0.92, lead_agreeing=0.84)


def confidence(*, faq_similarity: float, dense: float, lexical_overlap: float, agreement: bool = False,
               scale: Scale = MAIN_SCALE) -> float:
    """Map raw scores to 0..1: a close curated question is strong evidence (stronger when retrieval agrees),
    a close passage needs shared words too.

    The breakpoints were set on the development question set and its off-topic questions
    (`a6bot bench answers`); see the README for the figures.
    """
    faq = min(1.0, max(0.0, (faq_similarity - scale.faq_low) / scale.faq_span)) + (0.2 if agreement else 0.0)
    passage = min(1.0, max(0.0, (dense - scale.dense_low) / scale.dense_span)) * (
        0.6 + 0.4 * min(1.0, lexical_overlap / 0.5))
    return round(min(1.0, max(faq, passage)), 4)


def overlap(query: str, text: str) -> float:
    """Share of the question's content words that appear in a passage."""
    from index.lexical import STOPWORDS

    wanted = {w for w in words(query) if w not in STOPWORDS and len(w) > 2}
    if not wanted:
        return 0.0
    present = set(words(text))
    return len(wanted & present) / len(wanted)
