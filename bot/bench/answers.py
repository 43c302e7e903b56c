"""`a6bot bench answers`: the development question set against the shipped knowledge base, alone and with
the official decisions imported: hit@1 and hit@5 of a right citation, and the share of answers that hold
every key fact within the chat-sized answer; off-topic questions must stay unanswered."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.answering import Answer
from bot.config import Settings
from bot.kb import import_paths, sync_index
from bot.language import detect_language
from bot.services import Services, open_services
from index import Encoder

DEVSET = Path(__file__).resolve().parents[2] / "knowledge" / "devset"
DECISION = re.compile(r"(\d+/CMA\.\d+)(?:,\s*(annex(?:\s+[IVX]+)?)\b)?", re.I)
PARAGRAPHS = re.compile(r"\bparas?\.?\s*(.*)$|\bparagraphs?\s+(.*)$", re.I)
SUBPARAGRAPH = re.compile(r"\([a-z]{1,4}\)")
NUMBER_RANGE = re.compile(r"(\d+)(?:\s*[-\u2013]\s*(\d+))?")


@dataclass
class DevQuestion:
    question: str
    language: str = "en"
    citations: list[str] = field(default_factory=list)
    facts: list[Any] = field(default_factory=list)
    answerable: bool = True


def load_devset(root: Path = DEVSET) -> list[DevQuestion]:
    items = []
    for path in sorted(root.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            items.append(DevQuestion(**{k: v for k, v in entry.items() if k in DevQuestion.__dataclass_fields__}))
    return items


def citation_key(citation: str) -> tuple[str, str, frozenset[int]] | str:
    """(decision, annex, paragraph numbers) for decision citations: "paras. 27, 35-43" gives 27 and 35..43,
    sub-paragraph letters are ignored, so "para. 18(a)-(c)" is paragraph 18. Other citations compare as text."""
    match = DECISION.search(citation)
    if not match:
        return citation.lower().strip()
    decision, annex = match.groups()
    numbers: set[int] = set()
    paragraphs = PARAGRAPHS.search(citation[match.end():])
    if paragraphs:
        text = SUBPARAGRAPH.sub("", paragraphs.group(1) or paragraphs.group(2) or "")
        for first, last in NUMBER_RANGE.findall(text):
            numbers.update(range(int(first), int(last or first) + 1))
    return (decision.upper(), " ".join((annex or "").lower().split()), frozenset(numbers))


def cites(source: str, expected: str) -> bool:
    """Whether a source's citation covers an expected one: same decision and annex, and a shared paragraph
    (a citation of a range covers every paragraph in it; an expected whole decision is covered by any part)."""
    got, want = citation_key(source), citation_key(expected)
    if isinstance(got, tuple) and isinstance(want, tuple):
        if not want[1] and not want[2]:
            return got[0] == want[0]
        return got[:2] == want[:2] and (not want[2] or bool(got[2] & want[2]))
    return isinstance(got, str) and isinstance(want, str) and (want in got or got in want)


def has_fact(text: str, fact: Any) -> bool:
    options = fact if isinstance(fact, list) else [fact]
    lowered = " ".join(text.lower().split())
    return any(" ".join(str(option).lower().split()) in lowered for option in options)


def ranked_citations(services: Services, question: str) -> list[str]:
    """Citations in the order the answerer would consider them: the matched FAQ, then fused hits."""
    index = services.index
    vector = index.query_vector(question, detect_language(question))
    lead = services.answerer.faq_lead(index.search(question, k=10, vector=vector),
                                      index.match_questions(vector, k=3), vector.crosslingual)
    ranked = [lead.meta["citation"]] if lead else []
    ranked += [hit.meta["citation"] for hit in index.search(question, k=10, vector=vector)]
    return list(dict.fromkeys(ranked))


async def evaluate(services: Services, devset: list[DevQuestion]) -> dict[str, Any]:
    scored = [q for q in devset if q.answerable]
    off_topic = [q for q in devset if not q.answerable]
    hit1 = hit5 = facts_ok = answered = longest = 0
    facts_by_language: dict[str, int] = {}
    misses: list[str] = []
    for item in scored:
        citations = ranked_citations(services, item.question)
        good = [any(cites(c, want) for want in item.citations) for c in citations]
        hit1 += bool(good[:1] and good[0])
        hit5 += any(good[:5])
        answer: Answer = await services.answerer.ask(item.question, channel="bench")
        text = answer.text + "\n" + (answer.footer or "")
        answered += answer.answered
        longest = max(longest, len(answer.plain().split()))
        if all(has_fact(text, fact) for fact in item.facts):
            facts_ok += 1
            facts_by_language[item.language] = facts_by_language.get(item.language, 0) + 1
        else:
            misses.append(item.question)
    wrongly_answered = [q.question for q in off_topic
                        if (await services.answerer.ask(q.question, channel="bench")).answered]
    count = len(scored) or 1
    by_language = {lang: sum(q.language == lang for q in scored) for lang in ("en", "fr", "es")}
    return {"questions": len(scored), "by_language": by_language, "hit@1": hit1 / count, "hit@5": hit5 / count,
            "all_key_facts": facts_ok / count, "answered": answered / count, "longest_answer_words": longest,
            "all_key_facts_by_language": {lang: facts_by_language.get(lang, 0) / n
                                          for lang, n in by_language.items() if n},
            "off_topic_answered": len(wrongly_answered), "off_topic": len(off_topic),
            "fact_misses": misses, "off_topic_misses": wrongly_answered}


async def run(encoder: Encoder, *, decisions: list[Path] | None = None,
              questions: Path | None = None) -> dict[str, dict[str, Any]]:
    """Evaluate on a fresh install (shipped KB), then again after importing the official decisions.
    `questions` is the development set by default; knowledge/heldout and heldout2 were written apart from it."""
    devset = load_devset(questions or DEVSET)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp), database_url="")
        services = await open_services(settings, encoder=encoder)
        try:
            results["shipped"] = await evaluate(services, devset)
            if decisions:
                await import_paths(services.db, decisions)
                await sync_index(services.db, services.index)
                results["shipped+decisions"] = await evaluate(services, devset)
        finally:
            await services.close()
    return results
