"""Official UNFCCC decision reports (txt or PDF) become one chunk per numbered paragraph, cited the way an
official cites them: "Decision 2/CMA.3, annex, para. 20".

Conventions (see also docs/knowledge-format.md):
- citation: "Decision 2/CMA.3, para. 3" (decision body), "Decision 2/CMA.3, annex, para. 20",
  "Decision 6/CMA.4, annex I, para. 3", "Decision 7/CMA.4, annex II, appendix" (unnumbered text).
- a paragraph over MAX_WORDS is split at sub-paragraph boundaries; each piece cites its range,
  "Decision 2/CMA.3, annex, para. 18(a)-(c)", then "para. 18(d)-(g)", and repeats the start of the
  chapeau for context; a sub-paragraph still too long recurses ("para. 7(a)(i)-(ii)"); text with no
  sub-paragraphs is cut at sentence ends and keeps the paragraph citation.
- the preamble ("Recalling ...") is kept as one chunk per decision ("Decision 2/CMA.3, preamble"),
  headed by the decision title, so a question naming the decision finds it; the table of contents,
  footnotes and the "nth plenary meeting" lines are dropped.
- key = citation, numbered ("... #2") if it repeats; citations stay in English for every language.
"""

from __future__ import annotations

from knowledge.loaders.chunking import MAX_WORDS, fits, shorten, split_text, unique_key, word_count
from knowledge.loaders.decision_model import Block, Item, find_symbol, is_decision_text
from knowledge.loaders.decision_parser import DecisionParser
from knowledge.sources import url_for_decision, url_for_document
from knowledge.types import Chunk, LoadError, ParsedDocument

CONTEXT_WORDS = 25  # how much of a chapeau is repeated above each later piece of a split paragraph
__all__ = ["is_decision_text", "find_symbol", "decision_document", "split_item"]


def split_item(item: Item, limit: int = MAX_WORDS, header: str = "") -> list[tuple[str, str]]:
    """(citation suffix, text) pieces of a paragraph, each within `limit` words, cut between sub-paragraphs."""
    own = f"{header}\n{item.line()}".strip()
    full = f"{header}\n{item.render()}".strip()
    if word_count(full) <= limit:
        return [("", full)]
    if not item.children:
        return [("", piece) for piece in split_text(own, limit)]
    context = f"{header}\n{shorten(item.line(), CONTEXT_WORDS)}".strip()
    pieces: list[tuple[str, str]] = []
    first = min(word_count(item.children[0].render()), limit // 3)
    lead = own if word_count(own) + first <= limit else context
    if lead is context:
        pieces += [("", piece) for piece in split_text(own, limit)]
    group: list[Item] = []

    def emit() -> None:
        nonlocal lead
        if group:
            span = f"({group[0].label})" + (f"-({group[-1].label})" if len(group) > 1 else "")
            pieces.append((span, "\n".join([lead, *(child.render() for child in group)])))
            group.clear()
            lead = context

    for child in item.children:
        size = word_count(child.render())
        if size > limit - word_count(lead):
            emit()
            pieces += [(f"({child.label}){suffix}", text) for suffix, text in split_item(child, limit, context)]
            lead = context
            continue
        if group and word_count(lead) + sum(word_count(c.render()) for c in group) + size > limit:
            emit()
        group.append(child)
    emit()
    return pieces


def _block_pieces(block: Block) -> list[tuple[str, str]]:
    """(citation, text) pairs of one parsed block, each within the word and character limits."""
    return [(cite, part) for cite, text in _structured_pieces(block)
            for part in ([text] if fits(text) else split_text(text))]


def _structured_pieces(block: Block) -> list[tuple[str, str]]:
    """(citation, text) pairs cut by the decision's own structure (sub-paragraphs, sentences)."""
    base = f"Decision {block.decision}" + (f", {block.place}" if block.place else "")
    if block.kind == "para" and block.item is not None:
        return [(f"{base}, para. {block.item.label}{suffix}", text) for suffix, text in split_item(block.item)]
    if block.kind == "preamble":
        return [(f"Decision {block.decision}, preamble", text) for text in split_text(block.text)]
    cite = base + (f", chapter {block.chapter}" if block.chapter else "")
    return [(cite, text) for text in split_text(block.text)]


def _describe(decisions: list[str]) -> str:
    """"decisions 1/CMA.3 to 4/CMA.3" (or a list when not consecutive)."""
    if len(decisions) == 1:
        return f"decision {decisions[0]}"
    numbers = [int(d.split("/")[0]) for d in decisions]
    sessions = {d.split("/")[1] for d in decisions}
    if len(sessions) == 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"decisions {decisions[0]} to {decisions[-1]}"
    return "decisions " + ", ".join(decisions)


def decision_document(source: str, digest: str, lines: list[str], *, strict: bool = False,
                      language: str = "en", symbol: str | None = None) -> ParsedDocument:
    """Parse a decision report's logical lines into a document whose chunks carry official citations."""
    parser = DecisionParser(strict=strict)
    for line in lines:
        parser.feed(line)
    parser.close()
    if not parser.blocks:
        raise LoadError(source, "looks like a UNFCCC decision report but no decision text was found")
    decisions = [d for d, _ in parser.decisions]
    symbol = symbol or find_symbol("\n".join(lines[:80])) or ""
    doc_url = url_for_document(symbol, language) if symbol else None
    seen: set[str] = set()
    chunks: list[Chunk] = []
    for block in parser.blocks:
        url = (url_for_decision(block.decision) if language == "en" else None) or doc_url
        for citation, text in _block_pieces(block):
            chunks.append(Chunk(text=text, citation=citation, headings=list(block.headings), url=url,
                                key=unique_key(citation, seen)))
    title = f"{symbol} ({_describe(decisions)})" if symbol else _describe(decisions).capitalize()
    return ParsedDocument(source=source, title=title, doc_type="decision", chunks=chunks, content_hash=digest,
                          url=doc_url, language=language)
