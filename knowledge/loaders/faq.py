"""Curated FAQ files (YAML list): one chunk per entry, matched by its question and variants."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from knowledge.links import LINK_RULE, safe_link
from knowledge.loaders.text import decode_text
from knowledge.safe_yaml import load_yaml
from knowledge.sources import url_for_citation
from knowledge.types import Chunk, LoadError, ParsedDocument, content_hash

REQUIRED = ("id", "question", "answer", "citations")
LANGUAGES = ("fr", "es")  # curated answer_fr / answer_es beside the English answer
# Longest accepted values (the shipped entries use a fifth of these): an answer is one chunk, shown whole.
LIMITS = {"id": 100, "question": 500, "answer": 5000, "answer_fr": 5000, "answer_es": 5000}
PHRASING_LIMIT = 500  # each of variants, variants_fr, variants_es


def _check_lengths(path: Path, name: str, entry: dict[str, Any]) -> None:
    """LoadError naming the entry and the field whose text is too long."""
    for field, limit in LIMITS.items():
        value = entry.get(field)
        if isinstance(value, str) and len(value) > limit:
            raise LoadError(str(path), f"{name}: '{field}' is {len(value):,} characters long; at most {limit:,}")
    for field in ("variants", "variants_fr", "variants_es"):
        if any(len(text) > PHRASING_LIMIT for text in _strings(entry.get(field))):
            raise LoadError(str(path), f"{name}: a phrasing in '{field}' is over {PHRASING_LIMIT} characters")


def _strings(value: Any) -> list[str]:
    """A YAML scalar or list as a list of non-empty strings."""
    items = value if isinstance(value, list) else [value] if value else []
    return [str(item).strip() for item in items if str(item).strip()]


def _entry_chunk(path: Path, index: int, entry: Any, seen: set[str]) -> Chunk:
    """Validate one entry (the error names its id or index and the missing field) and build its chunk."""
    if not isinstance(entry, dict):
        raise LoadError(str(path), f"entry {index}: expected a mapping with {', '.join(REQUIRED)}")
    name = f"entry {index} ({str(entry['id'])[:60]})" if entry.get("id") else f"entry {index}"
    for field in REQUIRED:
        if not entry.get(field) or (field != "citations" and not str(entry[field]).strip()):
            raise LoadError(str(path), f"{name}: missing '{field}'")
    _check_lengths(path, name, entry)
    entry_id = str(entry["id"]).strip()
    if entry_id in seen:
        raise LoadError(str(path), f"{name}: duplicate id")
    seen.add(entry_id)
    citations = entry["citations"] if isinstance(entry["citations"], list) else [entry["citations"]]
    first = citations[0]
    ref = first.get("ref") if isinstance(first, dict) else first
    if not ref or not str(ref).strip():
        raise LoadError(str(path), f"{name}: missing 'ref' in its first citation")
    given = first.get("url") if isinstance(first, dict) else None
    if given and safe_link(given) is None:
        raise LoadError(str(path), f"{name}: citation url {str(given)[:80]!r} is not accepted; {LINK_RULE}")
    url = safe_link(given) or url_for_citation(str(ref))
    questions = [str(entry["question"]).strip(), *_strings(entry.get("variants")),
                 *_strings(entry.get("variants_fr")), *_strings(entry.get("variants_es"))]
    return Chunk(text=" ".join(str(entry["answer"]).split()), citation=str(ref).strip(), headings=[questions[0]],
                 url=str(url) if url else None, kind="faq", questions=questions,
                 topics=_strings(entry.get("topics")), key=entry_id, translations=_translations(path, name, entry))


def _translations(path: Path, name: str, entry: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Per language: the curated answer (answer_fr / answer_es) and the first phrasing of the question in that
    language, shown as the heading of the entry when it supports a French or Spanish answer."""
    found: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        answer = entry.get(f"answer_{language}")
        if answer is not None and (not isinstance(answer, str) or not answer.strip()):
            raise LoadError(str(path), f"{name}: 'answer_{language}' must be non-empty text")
        phrasings = _strings(entry.get(f"variants_{language}"))
        parts = {"answer": " ".join(answer.split())} if answer is not None else {}
        if phrasings:
            parts["question"] = phrasings[0]
        if parts:
            found[language] = parts
    return found


def load_faq(path: Path, data: bytes) -> ParsedDocument:
    """A FAQ file: every entry validated, one chunk each."""
    try:
        entries = load_yaml(decode_text(path, data))
    except yaml.YAMLError as error:
        raise LoadError(str(path), f"invalid YAML: {error}") from error
    if not isinstance(entries, list) or not entries:
        raise LoadError(str(path), "expected a non-empty YAML list of FAQ entries")
    seen: set[str] = set()
    chunks = [_entry_chunk(path, index, entry, seen) for index, entry in enumerate(entries)]
    topics = sorted({topic for chunk in chunks for topic in chunk.topics})
    # The file is as current as its least recently checked entry (answers citing it say "as of" that date).
    checked = [entry["checked"] for entry in entries if isinstance(entry.get("checked"), date)]
    return ParsedDocument(source=str(path), title=f"FAQ: {path.stem}", doc_type="faq", chunks=chunks,
                          content_hash=content_hash(data), topics=topics, updated=min(checked, default=None))
