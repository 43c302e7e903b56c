"""Plain text files: decoding rules shared by every text format, and blank-line paragraph chunks."""

from __future__ import annotations

from pathlib import Path

from knowledge.loaders.chunking import split_text, unique_key
from knowledge.loaders.decisions import decision_document, is_decision_text
from knowledge.types import Chunk, LoadError, ParsedDocument, content_hash


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) only, newlines normalised; anything else is rejected with the reason."""
    if not data.strip():
        raise LoadError(str(path), "empty file")
    if b"\x00" in data:
        raise LoadError(str(path), "binary content (NUL bytes) in a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError(str(path), f"not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset "
                                   f"{error.start}); save the file as UTF-8") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_chunks(title: str, body: str, url: str | None = None) -> list[Chunk]:
    """Blank-line paragraphs packed into chunks cited "<title>, part N" (just the title if one chunk)."""
    pieces = split_text(body)
    seen: set[str] = set()
    chunks = []
    for n, piece in enumerate(pieces, start=1):
        citation = title if len(pieces) == 1 else f"{title}, part {n}"
        chunks.append(Chunk(text=piece, citation=citation, headings=[title], url=url, key=unique_key(citation, seen)))
    return chunks


def load_text(path: Path, data: bytes) -> ParsedDocument:
    """A .txt file: an official decision report is parsed by structure, anything else by paragraphs."""
    text = decode_text(path, data)
    if is_decision_text(text):
        return decision_document(str(path), content_hash(data), text.split("\n"))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        raise LoadError(str(path), "no extractable text")
    title = lines[0][:150] if len(lines[0]) <= 150 else path.stem
    return ParsedDocument(source=str(path), title=title, doc_type="text", chunks=text_chunks(title, text),
                          content_hash=content_hash(data))
