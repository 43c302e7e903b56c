"""Shared text splitting: passages must fit the embedding model (256 tokens, so about 180 words).

Words alone are not a bound: a text without spaces is one "word" of any length, so every passage is also
capped in characters (MAX_CHARS); a run of characters longer than that is cut, at a space if there is one."""

from __future__ import annotations

import re

MAX_WORDS = 180
MAX_CHARS = 1500  # 180 words of ordinary prose is about 1,100 characters; more is not prose
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


def fits(text: str, max_words: int = MAX_WORDS, max_chars: int = MAX_CHARS) -> bool:
    """Within both limits: at most max_words words and max_chars characters."""
    return len(text) <= max_chars and word_count(text) <= max_words


def split_chars(text: str, max_chars: int = MAX_CHARS) -> list[str]:
    """Pieces of at most max_chars characters, cut at the last space before the limit when there is one
    in its second half, else hard (a run without spaces: a hash, a URL, or an attack)."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > max_chars:
        cut = rest.rfind(" ", max_chars // 2, max_chars + 1)
        cut = cut if cut > 0 else max_chars
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _split_words(text: str, max_words: int) -> list[str]:
    """Last resort for a single sentence over a limit: cut every max_words words, then at MAX_CHARS."""
    words = text.split()
    return [piece for i in range(0, len(words), max_words) for piece in split_chars(" ".join(words[i:i + max_words]))]


def _pack(pieces: list[str], max_words: int, joiner: str) -> list[str]:
    """Greedily group consecutive pieces (each already within the limits) up to max_words and MAX_CHARS."""
    out: list[str] = []
    current: list[str] = []
    size = chars = 0
    for piece in pieces:
        n = word_count(piece)
        if current and (size + n > max_words or chars + len(joiner) + len(piece) > MAX_CHARS):
            out.append(joiner.join(current))
            current, size, chars = [], 0, 0
        chars += (len(joiner) if current else 0) + len(piece)
        current.append(piece)
        size += n
    if current:
        out.append(joiner.join(current))
    return out


def split_paragraph(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """One paragraph cut at sentence ends (words, then characters, only if a sentence alone is too long)."""
    if fits(text, max_words):
        return [text.strip()]
    sentences: list[str] = []
    for sentence in split_sentences(text):
        sentences.extend([sentence] if fits(sentence, max_words) else _split_words(sentence, max_words))
    return _pack(sentences, max_words, " ")


def split_text(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Paragraph-aware chunks of at most max_words words and MAX_CHARS characters, never cutting
    mid-sentence when avoidable."""
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
