"""Question sets for `a6bot bench answers`: single questions (answerable or off-topic) and dialogues.

Every `*.yaml` file in a folder is a YAML list. An entry with `question:` is one question; an entry with
`turns:` is a dialogue whose later turns are elliptical follow-ups (docs/knowledge-format.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEVSET = Path(__file__).resolve().parents[2] / "knowledge" / "devset"
NEAR_DOMAIN = {"near", "near-domain"}


@dataclass
class DevQuestion:
    """One question with what a right answer rests on (citations, any one counts) and must say (facts)."""

    question: str
    language: str = "en"
    citations: list[str] = field(default_factory=list)
    facts: list[Any] = field(default_factory=list)
    answerable: bool = True
    domain: str = "far"  # for off-topic questions: "near" (next door to Article 6) or "far"


@dataclass
class Dialogue:
    """A conversation: each turn is asked in order under one conversation id and scored like a question."""

    id: str
    language: str
    turns: list[DevQuestion]


@dataclass
class QuestionSet:
    questions: list[DevQuestion] = field(default_factory=list)
    dialogues: list[Dialogue] = field(default_factory=list)


def _question(entry: dict[str, Any], *, language: str = "en", near: bool = False) -> DevQuestion:
    fields = {k: v for k, v in entry.items() if k in DevQuestion.__dataclass_fields__}
    fields.setdefault("language", language)
    item = DevQuestion(**fields)
    if item.domain not in NEAR_DOMAIN and (near or entry.get("near") is True):
        item.domain = "near"
    item.domain = "near" if item.domain in NEAR_DOMAIN else "far"
    return item


def load_question_set(root: Path = DEVSET) -> QuestionSet:
    """Every file of a folder; off-topic questions in a file named near-domain*.yaml count as near-domain."""
    found = QuestionSet()
    for path in sorted(root.glob("*.yaml")):
        near = path.stem.startswith("near")
        for n, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            if "turns" in entry:
                language = entry.get("language", "en")
                found.dialogues.append(Dialogue(id=str(entry.get("id") or f"{path.stem}-{n}"), language=language,
                                                turns=[_question(turn, language=language) for turn in entry["turns"]]))
            else:
                found.questions.append(_question(entry, near=near))
    return found


def load_devset(root: Path = DEVSET) -> list[DevQuestion]:
    """The single questions of a folder (dialogues left out)."""
    return load_question_set(root).questions
