"""Pure functions on passages and scores: the sentences of a passage that answer a question, and a confidence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index import Hit
from knowledge.links import safe_link

SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(])|\n+")
WORD = re.compile(r"\w+")
PARAGRAPH_CITATION = re.compile(r"\bparas?\.\s*\d|\bparagraphs?\s+\d|\bannex\b", re.IGNORECASE)

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


def source_of(hit: Hit, text: str) -> Source:
    """A hit as the answer shows it, with the excerpt the answer quotes."""
    meta = hit.meta
    return Source(title=meta.get("title", ""), citation=meta.get("citation", ""), url=safe_link(meta.get("url")),
                  excerpt=text, score=hit.score, chunk_id=hit.id, kind=meta.get("kind", "passage"))


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
    same: float  # this close, the question asked is the curated question itself (its answer needs no heading)


MAIN_SCALE = Scale(faq_low=0.55, faq_span=0.25, dense_low=0.30, dense_span=0.35, lead=0.80, lead_agreeing=0.58,
                   same=0.92)
CROSS_SCALE = Scale(faq_low=0.82, faq_span=0.08, dense_low=0.80, dense_span=0.10, lead=0.92, lead_agreeing=0.84,
                    same=0.96)


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
