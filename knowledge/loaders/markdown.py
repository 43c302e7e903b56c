"""Markdown guides with YAML front matter: one chunk per ## / ### section, cited by its `Source:` line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from knowledge.links import LINK_RULE, safe_link
from knowledge.loaders.chunking import split_text, unique_key
from knowledge.loaders.text import decode_text
from knowledge.safe_yaml import load_yaml
from knowledge.sources import url_for_citation
from knowledge.types import Chunk, LoadError, ParsedDocument, content_hash

_SECTION = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")
_SOURCE = re.compile(r"^\s*Source:\s*(.+)$", re.I)


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """Front matter mapping and body; an unclosed or invalid block is a LoadError, not silent text."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise LoadError(str(path), "unclosed YAML front matter (no closing '---' line)")
    try:
        meta = load_yaml("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        raise LoadError(str(path), f"bad YAML front matter: {error}") from error
    if not isinstance(meta, dict):
        raise LoadError(str(path), "bad YAML front matter: expected key: value pairs")
    return meta, "\n".join(lines[end + 1:])


def _updated(path: Path, value: Any) -> date | None:
    """The `updated` field as a date (YAML gives a date for 2026-11-25, a string for other forms)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise LoadError(str(path), f"bad 'updated' date {value!r}: use YYYY-MM-DD") from error


def _sections(body: str) -> list[tuple[list[str], list[str]]]:
    """(heading path, lines) per section; text before the first ## heading has an empty path."""
    sections: list[tuple[list[str], list[str]]] = [([], [])]
    parent = ""
    for line in body.split("\n"):
        match = _SECTION.match(line)
        if match:
            heading = match.group(2)
            if len(match.group(1)) == 2:
                parent, path = heading, [heading]
            else:
                path = [parent, heading] if parent else [heading]
            sections.append((path, []))
        elif not line.startswith("# "):
            sections[-1][1].append(line)
    return [(path, lines) for path, lines in sections if "\n".join(lines).strip()]


def load_markdown(path: Path, data: bytes) -> ParsedDocument:
    """A guide: front matter gives title, URL, topics, language and date; sections become chunks."""
    meta, body = split_front_matter(path, decode_text(path, data))
    h1 = re.search(r"^#\s+(.+)$", body, re.M)
    title = str(meta.get("title") or (h1.group(1).strip() if h1 else path.stem))
    topics = meta.get("topics") or []
    topics = [str(t) for t in (topics if isinstance(topics, list) else [topics])]
    url = safe_link(str(meta["source_url"])) if meta.get("source_url") else None
    if meta.get("source_url") and url is None:
        raise LoadError(str(path), f"source_url {str(meta['source_url'])[:80]!r} is not accepted; {LINK_RULE}")
    seen: set[str] = set()
    chunks: list[Chunk] = []
    for headings, lines in _sections(body):
        while lines and not lines[-1].strip():
            lines.pop()
        source = _SOURCE.match(lines[-1]) if lines else None
        if source:
            lines = lines[:-1]
        citation = source.group(1).split(";")[0].strip() if source else ", ".join([title, *headings[-1:]])
        chunk_url = (url_for_citation(citation) if source else None) or url
        for piece in split_text("\n".join(lines)):
            chunks.append(Chunk(text=piece, citation=citation, headings=[title, *headings], url=chunk_url,
                                topics=topics, key=unique_key(" > ".join(headings) or title, seen)))
    if not chunks:
        raise LoadError(str(path), "no extractable text")
    return ParsedDocument(source=str(path), title=title, doc_type="markdown", chunks=chunks,
                          content_hash=content_hash(data), url=url, topics=topics,
                          language=str(meta.get("language") or "en"), updated=_updated(path, meta.get("updated")))
