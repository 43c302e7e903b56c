"""A second look at retrieval for what sentence embeddings blur: the Article 6 paragraph a question names.

"What are the participation requirements for Article 6.4?" matches the Article 6.2 FAQ entry at 0.98: the
embeddings barely see the paragraph number. A passage filed under another Article 6 track than the one the
question names (its `topics`) is moved down, so it no longer leads; it stays as context. This matters most in
follow-ups ("and for 6.4?"), which keep every other word of the previous question.

Also tried: moving down, in a follow-up, the FAQ entry that led the previous answer (so "and what goes in it?"
is not answered with the entry it follows); on the development dialogues it lost more follow-ups whose answer
is in that same entry ("¿y cuál es el plazo?") than it won, so it was left out.
"""

from __future__ import annotations

import re
from typing import Any

from index import Hit

TRACK = re.compile(r"(?<![\w.])6\s*\.\s*([248])(?![\d.]\d)|\b6\s*,?\s*(?:paragraph|paragraphe|párrafo)\s*([248])\b",
                   re.IGNORECASE)
TRACKS = {"6.2", "6.4", "6.8"}
OFF_TRACK = 0.8  # score kept by a passage filed under another track: it stays as context, below the right ones
REPEAT = 1.0  # score kept by the entry the follow-up follows


def tracks_named(question: str) -> set[str]:
    """The Article 6 paragraphs a question names ("6.4", "article 6, paragraph 2")."""
    return {f"6.{a or b}" for a, b in TRACK.findall(question)}


def off_track(meta: dict[str, Any], named: set[str]) -> bool:
    """Filed under Article 6 tracks, none of which the question names."""
    filed = TRACKS & set(meta.get("topics") or [])
    return bool(named) and bool(filed) and not filed & named


def factor(meta: dict[str, Any], named: set[str]) -> float:
    return OFF_TRACK if off_track(meta, named) else 1.0


def rerank(hits: list[Hit], faq_matches: list[tuple[int, float]], store: dict[int, dict[str, Any]],
           question: str) -> tuple[list[Hit], list[tuple[int, float]]]:
    """Hits and FAQ matches re-scored and re-sorted for the one Article 6 track the question names, if any
    (a question comparing tracks, "6.2 or 6.4?", wants both)."""
    named = tracks_named(question)
    if len(named) != 1:
        return hits, faq_matches
    scored = [Hit(h.id, h.score * factor(h.meta, named), h.dense, h.lexical, h.meta) for h in hits]
    matches = [(i, s * factor(store.get(i, {}), named)) for i, s in faq_matches]
    return sorted(scored, key=lambda h: -h.score), sorted(matches, key=lambda m: -m[1])
