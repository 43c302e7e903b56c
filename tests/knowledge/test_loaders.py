"""Every supported format loads into citable chunks, and every bad file fails with a clear reason."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfWriter

from knowledge import sources
from knowledge.loaders import collect_files, load_file
from knowledge.loaders.chunking import MAX_WORDS, split_text, word_count
from knowledge.types import LoadError

GUIDE = """---
title: Reporting under Article 6.2
source_url: https://example.org/guide.pdf
topics: [reporting, "6.2"]
language: en
updated: 2026-11-25
---
## Annual information
Parties submit annual information by 15 April.
Source: Decision 2/CMA.3, annex, para. 20; Decision 6/CMA.4, annex V

## Initial report
An initial report comes first.

### Timing
No later than authorization.
"""

FAQ = """
- id: a62-deadline
  question: When is annual information due?
  variants: [annual info deadline]
  variants_fr: ["Quand ?"]
  variants_es: ["¿Cuándo?"]
  answer: >
    By 15 April of the following year.
  citations:
    - ref: Decision 2/CMA.3, annex, para. 20
      url: https://example.org/cma.pdf
  topics: [reporting]
- id: a62-second
  question: Second?
  answer: Yes.
  citations: [{ref: "Decision 2/CMA.3, annex, para. 1"}]
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_markdown_sections_front_matter_and_source_line(tmp_path: Path) -> None:
    doc = load_file(write(tmp_path, "guide.md", GUIDE))
    assert (doc.title, doc.doc_type, doc.language) == ("Reporting under Article 6.2", "markdown", "en")
    assert doc.updated == date(2026, 11, 25) and doc.topics == ["reporting", "6.2"]
    first, second, third = doc.chunks
    assert first.citation == "Decision 2/CMA.3, annex, para. 20"
    assert "Source:" not in first.text and "15 April" in first.text
    assert second.citation == "Reporting under Article 6.2, Initial report"
    assert third.headings == ["Reporting under Article 6.2", "Initial report", "Timing"]
    assert len({c.key for c in doc.chunks}) == 3 and doc.url == "https://example.org/guide.pdf"


def test_markdown_without_front_matter_uses_stem(tmp_path: Path) -> None:
    doc = load_file(write(tmp_path, "notes.markdown", "## One\nText here.\n"))
    assert doc.title == "notes" and doc.chunks[0].citation == "notes, One"


@pytest.mark.parametrize("text, reason", [
    ("---\ntitle: x\n## Section\ntext\n", "unclosed YAML front matter"),
    ("---\ntitle: [unclosed\n---\n## S\ntext\n", "bad YAML front matter"),
    ("---\n- a list\n---\n## S\ntext\n", "bad YAML front matter"),
    ("---\nupdated: soon\n---\n## S\ntext\n", "bad 'updated' date"),
    ("---\ntitle: x\n---\n\n", "no extractable text"),
])
def test_markdown_errors(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        load_file(write(tmp_path, "bad.md", text))


def test_faq_entries_become_faq_chunks(tmp_path: Path) -> None:
    doc = load_file(write(tmp_path, "faq.yaml", FAQ))
    first, second = doc.chunks
    assert (first.kind, first.key, first.citation) == ("faq", "a62-deadline", "Decision 2/CMA.3, annex, para. 20")
    assert first.questions == ["When is annual information due?", "annual info deadline", "Quand ?", "¿Cuándo?"]
    assert first.text == "By 15 April of the following year." and first.url == "https://example.org/cma.pdf"
    assert first.topics == ["reporting"] and second.key == "a62-second"


def test_curated_french_and_spanish_answers_reach_the_chunk(tmp_path: Path) -> None:
    body = ("- id: a62-ca\n  question: What is a cooperative approach?\n"
            "  variants_fr: [\"Qu'est-ce qu'une démarche concertée ?\"]\n"
            "  answer: An Article 6.2 arrangement between Parties.\n"
            "  answer_fr: >\n    Un arrangement entre Parties\n    au titre de l'article 6.2.\n"
            "  answer_es: Un acuerdo entre Partes en virtud del artículo 6.2.\n"
            "  citations: [{ref: Decision 2/CMA.3, annex, para. 1}]\n  checked: 2026-11-28\n")
    doc = load_file(write(tmp_path, "faq.yaml", body))
    chunk = doc.chunks[0]
    assert chunk.translations == {
        "fr": {"answer": "Un arrangement entre Parties au titre de l'article 6.2.",
               "question": "Qu'est-ce qu'une démarche concertée ?"},
        "es": {"answer": "Un acuerdo entre Partes en virtud del artículo 6.2."}}
    assert chunk.text == "An Article 6.2 arrangement between Parties."  # the English answer is unchanged
    assert str(doc.updated) == "2026-11-28"


@pytest.mark.parametrize("body, reason", [
    ("- id: x\n  question: Q?\n  answer: A\n  answer_fr: ''\n  citations: [R]\n",
     r"entry 0 \(x\): 'answer_fr' must be non-empty text"),
    ("- id: x\n  question: Q?\n  answer: A\n  answer_es: [a, b]\n  citations: [R]\n",
     r"entry 0 \(x\): 'answer_es' must be non-empty text"),
    ("- id: x\n  question: Q?\n  citations: [{ref: R}]\n", r"entry 0 \(x\): missing 'answer'"),
    ("- id: x\n  question: Q?\n  answer: A\n", r"entry 0 \(x\): missing 'citations'"),
    ("- question: Q?\n  answer: A\n  citations: [{ref: R}]\n", r"entry 0: missing 'id'"),
    ("- id: x\n  question: Q?\n  answer: A\n  citations: [{url: u}]\n", r"entry 0 \(x\): missing 'ref'"),
    ("- id: x\n  question: Q\n  answer: A\n  citations: [R]\n- id: x\n  question: Q\n  answer: A\n  citations: [R]\n",
     r"entry 1 \(x\): duplicate id"),
    ("id: x\n", "expected a non-empty YAML list"),
    ("- [unclosed\n", "invalid YAML"),
])
def test_faq_validation_names_entry_and_field(tmp_path: Path, body: str, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        load_file(write(tmp_path, "faq.yml", body))


def test_plain_text_paragraph_chunks(tmp_path: Path) -> None:
    long_paragraph = " ".join(f"Sentence number {i} is here." for i in range(80))
    doc = load_file(write(tmp_path, "note.txt", f"Workshop notes\n\nFirst paragraph.\n\n{long_paragraph}\n"))
    assert doc.title == "Workshop notes" and doc.doc_type == "text"
    assert [c.citation for c in doc.chunks][:2] == ["Workshop notes, part 1", "Workshop notes, part 2"]
    assert all(word_count(c.text) <= MAX_WORDS for c in doc.chunks)
    assert all(c.text.rstrip().endswith(".") for c in doc.chunks)  # cut at sentence ends


def test_text_with_bom_and_crlf(tmp_path: Path) -> None:
    doc = load_file(write(tmp_path, "bom.txt", "\ufeffTitle line\r\n\r\nBody.\r\n".encode("utf-8")))
    assert doc.title == "Title line" and doc.chunks[0].citation == "Title line"


def test_html_sections_without_scripts_or_nav(tmp_path: Path) -> None:
    html = """<html><head><title>A6 page</title><script>var x = 1;</script><style>p {}</style>
    <link rel="canonical" href="https://example.org/a6"></head><body><nav>Home | About</nav>
    <p>Intro text.</p><h2>Reporting</h2><p>Annual information by 15 April.</p><h3>Details</h3><ul><li>One</li></ul>
    </body></html>"""
    doc = load_file(write(tmp_path, "page.htm", html))
    assert doc.title == "A6 page" and doc.url == "https://example.org/a6"
    text = " ".join(c.text for c in doc.chunks)
    assert "var x" not in text and "Home | About" not in text and "p {}" not in text
    assert [c.citation for c in doc.chunks] == ["A6 page", "A6 page, Reporting", "A6 page, Details"]


def test_html_title_from_h1(tmp_path: Path) -> None:
    doc = load_file(write(tmp_path, "page.html", "<body><h1>Heading one</h1><p>Text.</p></body>"))
    assert doc.title == "Heading one"


def test_pdf_generic_is_cited_by_page(corpus: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=str(corpus / "pdf" / "decisions-1-4-CMA.3.pdf"))
    # a page from the middle (no decision heading, no symbol on the cover) reads as an ordinary PDF
    pdf = PdfWriter()
    pdf.add_page(writer.pages[30])
    buffer = io.BytesIO()
    pdf.write(buffer)
    doc = load_file(write(tmp_path, "page.pdf", buffer.getvalue()))
    assert doc.doc_type == "pdf" and doc.chunks
    assert all(c.citation.endswith(", p. 1") and word_count(c.text) <= MAX_WORDS for c in doc.chunks)
    assert len({c.key for c in doc.chunks}) == len(doc.chunks)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n", "empty file"),
    ("latin1.txt", "Décision prise à Glasgow".encode("latin-1"), "not UTF-8"),
    ("latin1.html", "<p>Décision</p>".encode("latin-1"), "not UTF-8"),
    ("nul.txt", b"abc\x00def", "binary content"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj garbage", "PDF"),
    ("fake.pdf", b"this is not a pdf", "not a PDF file"),
    ("empty.pdf", b"", "empty file"),
    ("table.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
    ("README", b"text", "unsupported file type"),
])
def test_bad_files_raise_clear_errors(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason) as info:
        load_file(write(tmp_path, name, content))
    assert info.value.path.endswith(name)


def test_blank_pdf_has_no_extractable_text(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no extractable text"):
        load_file(write(tmp_path, "scan.pdf", blank_pdf()))


def test_encrypted_pdf_is_rejected(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(LoadError, match="encrypted PDF"):
        load_file(write(tmp_path, "locked.pdf", buffer.getvalue()))


def test_pdf_recognised_by_content_whatever_the_suffix(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no extractable text"):
        load_file(write(tmp_path, "scan.txt", blank_pdf()))


def test_glossary_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a document"):
        load_file(write(tmp_path, "glossary.yaml", "- term: ITMO\n"))
    with pytest.raises(LoadError, match="no such file"):
        load_file(tmp_path / "nope.md")


def test_collect_files(tmp_path: Path) -> None:
    for name in ["b.md", "a/c.txt", "a/d.PDF", "a/e.yml", "glossary.yaml", "sources.yaml", ".hidden.md",
                 ".git/x.md", "a/.cache/y.txt", "image.png", "a/deep/f.html"]:
        write(tmp_path, name, "x")
    found = collect_files([tmp_path, tmp_path / "b.md"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/c.txt", "a/d.PDF", "a/deep/f.html", "a/e.yml", "b.md"]
    assert collect_files([tmp_path / "image.png"]) == [tmp_path / "image.png"]  # named: load_file reports it
    assert collect_files([tmp_path / "glossary.yaml"]) == []
    with pytest.raises(LoadError, match="no such file or directory"):
        collect_files([tmp_path / "missing"])


def test_split_text_respects_limit_and_paragraphs() -> None:
    text = "Short one.\n\n" + " ".join(["word"] * 400) + "\n\nLast. Paragraph."
    pieces = split_text(text, 100)
    assert all(word_count(p) <= 100 for p in pieces)
    assert pieces[0].startswith("Short one.") and pieces[-1].endswith("Last. Paragraph.")


def test_sources_map_and_derived_urls(tmp_path: Path) -> None:
    path = write(tmp_path, "sources.yaml", '- decisions: ["2/CMA.3"]\n  document: FCCC/PA/CMA/2021/10/Add.1\n'
                                           '  url: https://example.org/x.pdf\n')
    assert sources.url_for_decision("2/CMA.3", path) == "https://example.org/x.pdf"
    assert sources.url_for_decision("9/CMA.9", path) is None
    assert sources.url_for_document("FCCC/PA/CMA/2021/10/Add.1", path=path) == "https://example.org/x.pdf"
    assert sources.url_for_document("FCCC/PA/CMA/2022/10/Add.2", path=path) == (
        "https://unfccc.int/sites/default/files/resource/cma2022_10a02E.pdf")
    assert sources.official_report_url("FCCC/PA/CMA/2022/10/Add.2", "es").endswith("cma2022_10a02S.pdf")
    assert sources.url_for_citation("Decision 2/CMA.3, annex, para. 20", path) == "https://example.org/x.pdf"
    assert sources.load_sources(tmp_path / "absent.yaml") == {}
    with pytest.raises(LoadError, match="needs a url"):
        sources.load_sources(write(tmp_path, "bad.yaml", "- decisions: [1/CMA.1]\n"))


def test_shipped_knowledge_base_loads() -> None:
    content = Path(__file__).resolve().parents[2] / "knowledge" / "content"
    for path in collect_files([content]):
        doc = load_file(path)
        assert doc.chunks, path
        assert len({c.key for c in doc.chunks}) == len(doc.chunks), path
