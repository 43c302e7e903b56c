"""The tools part of `a6bot bench answers`: for questions that ask for a resource, whether a right one is
among the bot's recommendations; for rulebook questions, that the bot answered with the rule, not a tool.

Question files (knowledge/tools-devset, knowledge/tools-heldout; format in knowledge/tools-heldout/README.md):
`expected` lists acceptable resources by catalogue `id`, `url` or `title` (any one counts); addresses match
after dropping the scheme and a trailing slash."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.answering import Answer
from bot.services import Services
from bot.tools.store import active

TOOLS_DEVSET = Path(__file__).resolve().parents[2] / "knowledge" / "tools-devset"


@dataclass
class ToolQuestion:
    question: str
    language: str = "en"
    wants_tool: bool = True
    expected: list[dict[str, str]] = field(default_factory=list)


def load_tool_questions(folder: Path = TOOLS_DEVSET) -> list[ToolQuestion]:
    found = []
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found.append(ToolQuestion(question=entry["question"], language=entry.get("language", "en"),
                                      wants_tool=bool(entry.get("wants_tool", True)),
                                      expected=list(entry.get("expected") or [])))
    return found


def address(url: str) -> str:
    return url.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def matches(source_url: str | None, title: str, resource_id: str | None, expected: dict[str, str]) -> bool:
    if expected.get("id") and expected["id"] == resource_id:
        return True
    if expected.get("url") and source_url and address(expected["url"]) == address(source_url):
        return True
    return bool(expected.get("title")) and " ".join(expected["title"].lower().split()) == " ".join(title.lower().split())


def recommended(answer: Answer, ids_by_url: dict[str, str]) -> list[tuple[str | None, str, str | None]]:
    """(url, title, catalogue id) of the resources a tools answer recommends."""
    if answer.kind != "tools":
        return []
    return [(s.url, s.title, ids_by_url.get(address(s.url or ""))) for s in answer.sources]


async def evaluate_tools(services: Services, questions: list[ToolQuestion]) -> dict[str, Any]:
    ids_by_url = {address(r.url): r.id for r in await active(services.db)}
    seeking = [q for q in questions if q.wants_tool]
    rulebook = [q for q in questions if not q.wants_tool]
    right: dict[str, int] = {}
    misses: list[str] = []
    for item in seeking:
        answer = await services.answerer.ask(item.question, channel="bench")
        got = recommended(answer, ids_by_url)
        ok = any(matches(url, title, rid, want) for url, title, rid in got for want in item.expected)
        right[item.language] = right.get(item.language, 0) + ok
        if not ok:
            misses.append(f"{item.question} -> {[rid or url for url, _, rid in got] or answer.kind}")
    tool_instead: list[str] = []
    for item in rulebook:
        if (await services.answerer.ask(item.question, channel="bench")).kind == "tools":
            tool_instead.append(item.question)
    by_language = {lang: sum(q.language == lang for q in seeking) for lang in ("en", "fr", "es")}
    return {"tool_questions": len(seeking), "right_resource": sum(right.values()) / (len(seeking) or 1),
            "right_resource_by_language": {lang: right.get(lang, 0) / n for lang, n in by_language.items() if n},
            "rulebook_questions": len(rulebook), "rulebook_answered_with_tool": len(tool_instead),
            "tool_misses": misses, "rulebook_misses": tool_instead}
