"""Plain data types shared by every loader: what a file becomes before it reaches the database and the index."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


class LoadError(Exception):
    """A file could not be turned into a document; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class Chunk:
    """One retrievable passage with the citation an answer shows for it.

    `citation` is human readable ("Decision 2/CMA.3, annex, para. 20"); `headings` is the path of headings
    above the passage (decision, annex, chapter, section) so an answer can say where it comes from.
    FAQ chunks carry the curated question and its variants in `questions`.
    """

    text: str
    citation: str
    headings: list[str] = field(default_factory=list)
    url: str | None = None
    kind: str = "passage"  # "passage" or "faq"
    questions: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    key: str | None = None  # stable id inside the document (FAQ id, paragraph ref); None means by position
    # Curated versions in other languages: {"fr": {"answer": ..., "question": ...}} (FAQ answer_fr / answer_es)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class ParsedDocument:
    """A whole source file, parsed: metadata plus its chunks in reading order."""

    source: str  # the path or URL it was read from; the document's identity
    title: str
    doc_type: str  # markdown, faq, text, pdf, html, decision
    chunks: list[Chunk]
    content_hash: str
    url: str | None = None
    topics: list[str] = field(default_factory=list)
    language: str = "en"
    updated: date | None = None


def content_hash(data: bytes) -> str:
    """Fingerprint of a file's bytes: an unchanged file is recognised and skipped on re-import."""
    return hashlib.sha256(data).hexdigest()
