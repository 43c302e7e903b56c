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


# --- The second look at the lead ------------------------------------------------------------------------
# Retrieval's best hit and the curated question closest to the one asked often disagree, and each is right
# about as often as the other: "do 6.4 activities in LDCs and SIDS still have to give the 5% SOP?" is phrased
# like the share-of-proceeds entry (para. 67), while the passage on the exemption (6/CMA.6, para. 20) answers it,
# and retrieval ranks that passage first. The multilingual e5 model was trained to match questions with the
# passages that answer them (the main model only says two texts are alike), so its cosines settle the choice
# among a few contenders: retrieval's top hits and the closest curated questions. Measured on the lead's
# citation over the tuning sets and a blind set (README, Benchmarks).
SECOND_LOOK_DEPTH = 3  # retrieval's top hits that compete for the lead, with the closest curated questions
PASSAGE_WEIGHT = 0.5  # weight of the e5 cosine of the question with the passage
PHRASING_WEIGHT = 0.2  # ... and with the passage's closest curated question phrasing, if it has any
E5_LOW, E5_SPAN = 0.80, 0.10  # where e5 cosines start to mean something, and their useful range
CLOSE_CALL = 0.9  # retrieval's second hit within this share of the first: the lead is not settled


def needs_second_look(hits: list[Hit], faq_lead: Hit | None, *, crosslingual: bool, strong_lead: bool) -> bool:
    """Whether the lead is worth a second look. Not when a curated question is so close to the one asked
    that it leads on its own (the second look lost those: "SOP under 6.4 - how much?" is the share-of-proceeds
    entry even where retrieval ranks it fifth). Otherwise always for a French or Spanish question (its vector
    is already the e5 one), and for an English one only when retrieval and the closest curated question
    disagree or retrieval's two best hits are close, so most English questions cost no second embedding."""
    if not hits or strong_lead:
        return False
    if crosslingual or (faq_lead is not None and faq_lead.id != hits[0].id):
        return True
    return len(hits) > 1 and hits[1].score >= CLOSE_CALL * hits[0].score


def contenders(hits: list[Hit], faq_matches: list[tuple[int, float]]) -> list[int]:
    """The ids that compete for the lead: retrieval's top hits and the closest curated questions."""
    return list(dict.fromkeys([h.id for h in hits[:SECOND_LOOK_DEPTH]] + [i for i, _ in faq_matches]))


def second_look(hits: list[Hit], faq_matches: list[tuple[int, float]], store: dict[int, dict[str, Any]],
                e5: dict[int, tuple[float, float]]) -> Hit | None:
    """The contender whose retrieval score plus e5 evidence (question vs passage, question vs its curated
    phrasings) is highest; None when no contender could be scored."""
    fused = {h.id: h for h in hits}
    similarity = dict(faq_matches)

    def value(item: int) -> float:
        passage, phrasing = e5[item]
        first = fused[item].score if item in fused else 0.0
        return (first + PASSAGE_WEIGHT * (passage - E5_LOW) / E5_SPAN
                + PHRASING_WEIGHT * ((phrasing - E5_LOW) / E5_SPAN if phrasing else 0.0))

    scored = [item for item in contenders(hits, faq_matches) if item in e5]
    if not scored:
        return None
    best = max(scored, key=value)
    if best in fused:
        return fused[best]
    meta = store.get(best)  # None if a knowledge base change removed it meanwhile
    return Hit(best, similarity[best], similarity[best], 0.0, meta) if meta is not None else None
