"""The shipped glossary: Article 6 acronyms with their English, French and Spanish expansions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent / "content"


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str
    definition: str = ""
    fr: str = ""
    es: str = ""
    source: str = ""


def load_glossary(path: Path | None = None) -> list[Term]:
    """Glossary entries; an absent file means no expansion, a malformed one is an error worth seeing."""
    path = path or CONTENT / "glossary.yaml"
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    fields = Term.__dataclass_fields__
    return [Term(**{k: str(v) for k, v in entry.items() if k in fields}) for entry in entries]


def acronym_pairs(terms: list[Term]) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs in every language the glossary gives, for the index's expansion."""
    pairs = []
    for term in terms:
        for expansion in (term.expansion, term.fr, term.es):
            if expansion:
                pairs.append((term.term, expansion))
    return pairs
