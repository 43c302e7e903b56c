"""FAQ entries written in the console: validated by the same loader as shipped FAQ files, stored as documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.kb import OVERRIDE_PREFIX, RETIRED, text_hash
from bot.storage.models import ChunkRow
from knowledge.links import LINK_RULE, safe_link
from knowledge.loaders.faq import load_faq
from knowledge.types import LoadError, ParsedDocument

SOURCE_PREFIX = OVERRIDE_PREFIX  # the entry overrides any shipped or imported entry with its id
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class FaqEntry:
    """One curated question with its phrasings, answer and citation, as staff fill in the form."""

    id: str
    question: str
    answer: str
    citation: str
    url: str | None = None
    variants: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return SOURCE_PREFIX + self.id

    def to_yaml(self) -> str:
        """The entry in the shipped FAQ format (docs/knowledge-format.md), so it can be exported as it is."""
        citation = {"ref": self.citation, **({"url": self.url} if self.url else {})}
        entry = {"id": self.id, "question": self.question, "variants": self.variants, "answer": self.answer,
                 "citations": [citation], "topics": self.topics}
        return yaml.safe_dump([entry], allow_unicode=True, sort_keys=False)

    def parse(self) -> ParsedDocument:
        """Validate through the FAQ loader; raises LoadError with the field that is missing."""
        if not ID_PATTERN.match(self.id):
            raise LoadError(self.id or "(no id)", "the id must be lower-case words joined by hyphens, "
                                                  "e.g. a62-initial-report-deadline")
        if self.url and safe_link(self.url) is None:
            raise LoadError(self.id, f"the citation link is not accepted; {LINK_RULE}")
        parsed = load_faq(Path(f"{self.id}.yaml"), self.to_yaml().encode("utf-8"))
        parsed.source, parsed.title = self.source, f"FAQ: {self.question}"[:500]
        return parsed

    def hidden(self) -> ParsedDocument:
        """A marker that hides (retires) the entry with this id: stored like an entry, never indexed."""
        parsed = self.parse()
        parsed.title = f"Hidden FAQ: {self.question}"[:500]
        parsed.content_hash = text_hash(RETIRED + parsed.content_hash)
        for chunk in parsed.chunks:
            chunk.kind = RETIRED
        return parsed


def slug(text: str, limit: int = 60) -> str:
    """A kebab-case id suggested from a question."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or "faq-entry"


def entry_of(chunk: ChunkRow) -> FaqEntry:
    """Read a stored FAQ chunk (console, shipped or imported) back into the form."""
    questions = list(chunk.questions)
    return FaqEntry(id=chunk.key or "", question=questions[0] if questions else "", answer=chunk.text,
                    citation=chunk.citation, url=chunk.url, variants=questions[1:], topics=list(chunk.topics))
