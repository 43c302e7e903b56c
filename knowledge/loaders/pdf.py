"""PDF files via pypdf: official decision reports keep their structure, other PDFs are cited by page."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from knowledge.loaders.chunking import split_text, unique_key
from knowledge.loaders.decision_pdf import clean_page, logical_lines, repair_words
from knowledge.loaders.decisions import decision_document, find_symbol, is_decision_text
from knowledge.types import Chunk, LoadError, ParsedDocument, content_hash

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd object; errors still raise


def read_pages(path: Path, data: bytes) -> list[str]:
    """Text of every page; a broken, encrypted or image-only PDF is a LoadError saying which."""
    if not data.strip():
        raise LoadError(str(path), "empty file")
    if not data.lstrip().startswith(b"%PDF"):
        raise LoadError(str(path), "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(str(path), "encrypted PDF: remove the password and import it again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except Exception as error:  # pypdf raises many types for damaged files
        kind = "broken PDF" if isinstance(error, (PdfReadError, ValueError, KeyError)) else "unreadable PDF"
        raise LoadError(str(path), f"{kind}: {error}") from error
    if not any(page.strip() for page in pages):
        raise LoadError(str(path), "no extractable text (image-only or scanned PDF? run OCR first)")
    return pages


def _language(text: str) -> str:
    """Rough language guess for UNFCCC reports, which exist in the six UN languages."""
    sample = f" {text[:20000].lower()} "
    scores = {lang: sum(sample.count(f" {w} ") for w in words) for lang, words in
              {"en": ("the", "and", "of"), "es": ("el", "los", "las", "del"), "fr": ("le", "les", "des", "du")}.items()}
    return max(scores, key=lambda lang: scores[lang])


def load_pdf(path: Path, data: bytes) -> ParsedDocument:
    """A PDF: decision reports split by decision and paragraph, other PDFs into page-cited chunks."""
    pages = read_pages(path, data)
    head = "\n".join(pages[:3])
    if is_decision_text("\n".join(pages)):
        return decision_document(str(path), content_hash(data), logical_lines(pages), strict=True,
                                 language=_language(head), symbol=find_symbol(head))
    first = next(line.strip() for page in pages for line in page.split("\n") if line.strip())
    title = first[:150] if len(first) <= 150 else path.stem
    seen: set[str] = set()
    chunks: list[Chunk] = []
    for number, page in enumerate(pages, start=1):
        for piece in split_text(repair_words(clean_page(page))):
            citation = f"{title}, p. {number}"
            chunks.append(Chunk(text=piece, citation=citation, headings=[title], key=unique_key(citation, seen)))
    if not chunks:
        raise LoadError(str(path), "no extractable text")
    return ParsedDocument(source=str(path), title=title, doc_type="pdf", chunks=chunks,
                          content_hash=content_hash(data), language=_language(head))
