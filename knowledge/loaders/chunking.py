"""Shared text splitting: passages must fit the embedding model (256 tokens, so about 180 words)."""

from __future__ import annotations

import re

MAX_WORDS = 180
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")


def word_count(text: str) -> int:
    """Words as the size limit counts them: whitespace-separated tokens."""
    return len(text.split())


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, trimmed, empty ones dropped; single line breaks are kept."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def split_sentences(text: str) -> list[str]:
    """Sentences (and ';' clauses) so a long paragraph can be cut where the meaning allows it."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def _split_words(text: str, max_words: int) -> list[str]:
    """Last resort for a single sentence over the limit: cut every max_words words."""
    words = text.split()
    return [" ".join(words[i:i + max_words]) for i in range(0, len(words), max_words)]


def _pack(pieces: list[str], max_words: int, joiner: str) -> list[str]:
    """Greedily group consecutive pieces (each already within the limit) up to max_words."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        n = word_count(piece)
        if current and size + n > max_words:
            out.append(joiner.join(current))
            current, size = [], 0
        current.append(piece)
        size += n
    if current:
        out.append(joiner.join(current))
    return out


def split_paragraph(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """One paragraph cut at sentence ends (words only if a sentence alone is too long)."""
    if word_count(text) <= max_words:
        return [text.strip()]
    sentences: list[str] = []
    for sentence in split_sentences(text):
        sentences.extend(_split_words(sentence, max_words) if word_count(sentence) > max_words else [sentence])
    return _pack(sentences, max_words, " ")


def split_text(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Paragraph-aware chunks of at most max_words words, never cutting mid-sentence when avoidable."""
    pieces: list[str] = []
    for paragraph in paragraphs(text):
        pieces.extend(split_paragraph(paragraph, max_words))
    return _pack(pieces, max_words, "\n\n")


def shorten(text: str, max_words: int) -> str:
    """A prefix of at most max_words words, marked with an ellipsis when cut (repeated context lines)."""
    words = text.split()
    return text.strip() if len(words) <= max_words else " ".join(words[:max_words]) + " …"


def unique_key(key: str, seen: set[str]) -> str:
    """Make a chunk key unique inside its document by numbering repeats ("key #2")."""
    candidate, n = key, 1
    while candidate in seen:
        n += 1
        candidate = f"{key} #{n}"
    seen.add(candidate)
    return candidate
