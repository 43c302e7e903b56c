"""HTML pages: visible text only (no scripts, styles or navigation), one chunk group per h1-h3 section."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from knowledge.links import safe_link
from knowledge.loaders.chunking import split_text, unique_key
from knowledge.loaders.text import decode_text
from knowledge.types import Chunk, LoadError, ParsedDocument, content_hash

_DROP = ("script", "style", "nav", "noscript", "template", "svg")
_MARK = "\x00H\x00"


def load_html(path: Path, data: bytes) -> ParsedDocument:
    """A web page saved to disk: title from <title> or <h1>, sections by h1-h3 headings."""
    soup = BeautifulSoup(decode_text(path, data), "html.parser")
    for tag in soup(_DROP):
        tag.decompose()
    h1 = soup.find("h1")
    title_tag = soup.title.get_text(" ", strip=True) if soup.title else ""
    title = title_tag or (h1.get_text(" ", strip=True) if h1 else "") or path.stem
    canonical = soup.find("link", rel="canonical")
    href = str(canonical.get("href", "")) if canonical else ""
    link = safe_link(href)
    url = link if link and not link.lower().startswith("mailto:") else None  # a page's address is a web address
    if soup.title:
        soup.title.decompose()
    for heading in soup.find_all(["h1", "h2", "h3"]):
        heading.replace_with(f"\n{_MARK}{heading.get_text(' ', strip=True)}\n")
    body = soup.body or soup
    lines = [" ".join(line.split()) for line in body.get_text("\n").split("\n")]
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in lines:
        if line.startswith(_MARK):
            sections.append((line[len(_MARK):].strip(), []))
        elif line:
            sections[-1][1].append(line)
    seen: set[str] = set()
    chunks: list[Chunk] = []
    for heading, text in sections:
        citation = f"{title}, {heading}" if heading and heading != title else title
        for piece in split_text("\n\n".join(text)):
            chunks.append(Chunk(text=piece, citation=citation, headings=[title, heading] if heading else [title],
                                url=url, key=unique_key(citation, seen)))
    if not chunks:
        raise LoadError(str(path), "no extractable text")
    return ParsedDocument(source=str(path), title=title, doc_type="html", chunks=chunks,
                          content_hash=content_hash(data), url=url)
