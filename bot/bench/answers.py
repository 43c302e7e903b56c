"""`a6bot bench answers`: the development question set against the shipped knowledge base, alone and with
the official decisions imported: hit@1 and hit@5 of a right citation, and the share of answers that hold
every key fact within the chat-sized answer; off-topic questions must stay unanswered."""

from __future__ import annotations

import re
import statistics
import tempfile
import uuid
from pathlib import Path
from typing import Any

from bot.answering import Answer
from bot.bench.latency import percentile
from bot.bench.question_sets import DEVSET, DevQuestion, Dialogue, QuestionSet, load_devset, load_question_set
from bot.bench.tools import evaluate_tools, load_tool_questions
from bot.bench.typos import with_typos
from bot.config import Settings
from bot.kb import import_paths, sync_index
from bot.language import detect_language
from bot.services import Services, open_services
from index import Encoder

QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|\[\d+\]")
DECISION = re.compile(r"(\d+/CMA\.\d+)(?:,\s*(annex(?:\s+[IVX]+)?)\b)?", re.I)
PARAGRAPHS = re.compile(r"\bparas?\.?\s*(.*)$|\bparagraphs?\s+(.*)$", re.I)
SUBPARAGRAPH = re.compile(r"\([a-z]{1,4}\)")
NUMBER_RANGE = re.compile(r"(\d+)(?:\s*[-\u2013]\s*(\d+))?")


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


def cites_any(sources: list[str], expected: list[str]) -> bool:
    return any(cites(source, want) for source in sources for want in expected)


def words_of(text: str) -> int:
    return len(text.split())


def in_own_words(answer: Answer) -> str:
    """The answer's own sentences: quoted English and citation markers left out."""
    return QUOTED.sub(" ", answer.text)


async def ask(services: Services, question: str, conversation: str | None = None) -> Answer:
    return await services.answerer.ask(question, channel="bench", conversation=conversation)


def holds(answer: Answer, item: DevQuestion, *, whole: bool = False) -> bool:
    """Every key fact is in the chat-sized answer (or, with whole, anywhere in it including `more`)."""
    text = answer.text + "\n" + (answer.footer or "")
    if whole:
        text += "\n" + answer.more
    return all(has_fact(text, fact) for fact in item.facts)


def right_turn(answer: Answer, item: DevQuestion) -> bool:
    """A dialogue turn is right when its key facts are in the chat-sized answer and, if the turn names
    citations, one of them is among the answer's sources."""
    cited = not item.citations or cites_any([s.citation for s in answer.sources], item.citations)
    return answer.answered and cited and holds(answer, item)


async def evaluate_questions(services: Services, questions: list[DevQuestion]) -> dict[str, Any]:
    scored = [q for q in questions if q.answerable]
    off_topic = [q for q in questions if not q.answerable]
    hit1 = hit5 = facts_ok = facts_whole = answered = longest = 0
    lengths: list[int] = []
    facts_by_language: dict[str, int] = {}
    own_language: dict[str, int] = {}
    curated: dict[str, int] = {}
    misses: list[str] = []
    declined: list[str] = []
    for item in scored:
        answer = await ask(services, item.question)
        citations = [s.citation for s in answer.sources]
        hit1 += cites_any(citations[:1], item.citations)
        hit5 += cites_any(citations[:5], item.citations)
        answered += answer.answered
        if answer.kind == "declined":
            declined.append(item.question)
        lengths.append(words_of(answer.text))
        longest = max(longest, words_of(answer.plain()))
        facts_whole += holds(answer, item, whole=True)
        if holds(answer, item):
            facts_ok += 1
            facts_by_language[item.language] = facts_by_language.get(item.language, 0) + 1
        else:
            misses.append(item.question)
        if item.language != "en" and detect_language(in_own_words(answer)) == item.language:
            own_language[item.language] = own_language.get(item.language, 0) + 1
            if "«" not in answer.text:  # a curated translation, not a quote of English material
                curated[item.language] = curated.get(item.language, 0) + 1
    wrongly_answered: dict[str, list[str]] = {"far": [], "near": []}
    for item in off_topic:
        if (await ask(services, item.question)).answered:
            wrongly_answered[item.domain].append(item.question)
    count = len(scored) or 1
    by_language = {lang: sum(q.language == lang for q in scored) for lang in ("en", "fr", "es")}
    by_domain = {domain: sum(q.domain == domain for q in off_topic) for domain in ("far", "near")}
    return {"questions": len(scored), "by_language": by_language, "hit@1": hit1 / count, "hit@5": hit5 / count,
            "all_key_facts": facts_ok / count, "all_key_facts_with_more": facts_whole / count,
            "answered": answered / count, "longest_answer_words": longest,
            "words_median": statistics.median(lengths) if lengths else 0.0,
            "words_p90": percentile([float(n) for n in lengths], 0.9) if lengths else 0.0,
            "all_key_facts_by_language": {lang: facts_by_language.get(lang, 0) / n
                                          for lang, n in by_language.items() if n},
            "in_asker_language": {lang: own_language.get(lang, 0) / n for lang, n in by_language.items()
                                  if n and lang != "en"},
            "curated_in_asker_language": {lang: curated.get(lang, 0) / n for lang, n in by_language.items()
                                          if n and lang != "en"},
            "wrongly_declined": len(declined),
            "off_topic_answered": sum(len(v) for v in wrongly_answered.values()), "off_topic": len(off_topic),
            "off_topic_by_domain": {domain: {"answered": len(wrongly_answered[domain]), "of": n}
                                    for domain, n in by_domain.items()},
            "fact_misses": misses, "off_topic_misses": wrongly_answered["far"] + wrongly_answered["near"],
            "declined_misses": declined}


async def evaluate_dialogues(services: Services, dialogues: list[Dialogue]) -> dict[str, Any]:
    """First turns and follow-up turns scored apart: a follow-up is right only if it was understood."""
    first = follow = first_ok = follow_ok = 0
    misses: list[str] = []
    for dialogue in dialogues:
        conversation = f"bench:{dialogue.id}:{uuid.uuid4().hex[:8]}"
        for n, turn in enumerate(dialogue.turns):
            answer = await ask(services, turn.question, conversation)
            ok = right_turn(answer, turn)
            if n == 0:
                first, first_ok = first + 1, first_ok + ok
            else:
                follow, follow_ok = follow + 1, follow_ok + ok
            if not ok:
                misses.append(f"{dialogue.id} turn {n + 1}: {turn.question}")
    return {"dialogues": len(dialogues), "first_turns": first, "first_turns_right": first_ok / (first or 1),
            "follow_ups": follow, "follow_ups_right": follow_ok / (follow or 1), "dialogue_misses": misses}


async def evaluate(services: Services, questions: list[DevQuestion] | QuestionSet) -> dict[str, Any]:
    """Figures for a set of single questions, plus its dialogues when it has any."""
    found = questions if isinstance(questions, QuestionSet) else QuestionSet(questions=list(questions))
    figures = await evaluate_questions(services, found.questions)
    if found.dialogues:
        figures.update(await evaluate_dialogues(services, found.dialogues))
    return figures


async def run(encoder: Encoder, *, decisions: list[Path] | None = None,
              questions: list[Path] | None = None, tools: list[Path] | None = None,
              typos: bool = False) -> dict[str, dict[str, Any]]:
    """Evaluate each question set on a fresh install (shipped KB), then again after importing the official
    decisions. The development set by default; knowledge/heldout* were written apart from it. Tools sets
    (bot.bench.tools) run on the shipped install; given alone, only they run. With `typos`, each set's single
    questions are asked again misspelled (bot.bench.typos)."""
    sets = {str(path): load_question_set(path) for path in (questions or ([] if tools else [DEVSET]))}
    tool_sets = {str(path): load_tool_questions(path) for path in (tools or [])}
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp), database_url="")
        services = await open_services(settings, encoder=encoder)
        try:
            for name, found in sets.items():
                results[f"{name} | shipped"] = await evaluate(services, found)
                if typos:
                    results[f"{name} | shipped | typos"] = await evaluate(services, with_typos(found))
            for name, items in tool_sets.items():
                results[f"{name} | tools"] = await evaluate_tools(services, items)
            if decisions:
                await import_paths(services.db, decisions)
                await sync_index(services.db, services.index)
                for name, found in sets.items():
                    results[f"{name} | shipped+decisions"] = await evaluate(services, found)
                    if typos:
                        results[f"{name} | shipped+decisions | typos"] = await evaluate(services, with_typos(found))
        finally:
            await services.close()
    return results


__all__ = ["DevQuestion", "cites", "evaluate", "has_fact", "load_devset", "run"]
