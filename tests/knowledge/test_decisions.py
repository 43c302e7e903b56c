"""Official UNFCCC decision reports, txt and PDF, split by decision, annex, chapter, section and paragraph."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from knowledge.loaders import load_file
from knowledge.loaders.chunking import MAX_WORDS, word_count
from knowledge.loaders.decision_model import Item
from knowledge.loaders.decisions import split_item
from knowledge.types import ParsedDocument

CMA3_TXT = "txt/CMA2021_3_Decisions_1_to_4.txt"
CMA3_PDF = "pdf/decisions-1-4-CMA.3.pdf"
CMA4_TXT = "txt/CMA2022_4_Decisions_6_to_11.txt"
CMA4_PDF = "pdf/decisions-6-11-CMA.4.pdf"
A62_TITLE = "Guidance on cooperative approaches referred to in Article 6, paragraph 2, of the Paris Agreement"

MINI = """|  | United Nations | FCCC/PA/CMA/2099/1/Add.1 |
\tContents
\t1/CMA.99\tTest decision\t\t2
Decision 1/CMA.99
\tTest decision
\t\tThe Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,
\t\tRecalling decision 2/CMA.3,
\t\t1.\tAdopts the annexes;
\t\t2.\tRequests the secretariat to:
\t\t\t(a)\tDo one thing;
\t\t\t(h)\tDescribe the following:
\t\t\t\t(i)\tA roman item;
\t\t\t\t(ii)\tAnother roman item;
\t\t\t(i)\tA letter item after h;
\t\t1.\t
Annex I*
Rules for testing
\tI.\tFirst chapter
\t\tA.\tFirst section
\t\t\t1.\tThe first annex paragraph.
\t\t\t1.\tNumbered sub-heading
\t\t\t2.\tThe second annex paragraph.
Annex II
\t\t1.\tParagraph one of annex two.
\t\t\tAnnex
\t\t5th plenary meeting
1 January 2099
Decision 2/CMA.99
Another decision
\t\t1.\tDecides something.
\t\t5th plenary meeting
"""


@lru_cache(maxsize=None)
def _load(path: Path) -> ParsedDocument:
    return load_file(path)


def load(corpus: Path, name: str) -> ParsedDocument:
    """Each corpus file is parsed once per test session (the PDFs take seconds)."""
    return _load(corpus / name)


def by_citation(doc: ParsedDocument) -> dict[str, str]:
    """Citation -> text of its first chunk."""
    out: dict[str, str] = {}
    for chunk in doc.chunks:
        out.setdefault(chunk.citation, chunk.text)
    return out


def numbers(doc: ParsedDocument, prefix: str) -> list[int]:
    """Paragraph numbers cited directly under `prefix` ("Decision 2/CMA.3, annex"), in order, once each."""
    found: list[int] = []
    for chunk in doc.chunks:
        match = re.fullmatch(re.escape(prefix) + r", para\. (\d+)(\(.*)?", chunk.citation)
        if match and (not found or found[-1] != int(match.group(1))):
            found.append(int(match.group(1)))
    return found


def test_mini_report_structure(tmp_path: Path) -> None:
    path = tmp_path / "whatever-name.txt"
    path.write_text(MINI.replace("\n", "\r\n"), encoding="utf-8")
    doc = load_file(path)
    assert doc.doc_type == "decision" and doc.title == "FCCC/PA/CMA/2099/1/Add.1 (decisions 1/CMA.99 to 2/CMA.99)"
    cites = by_citation(doc)
    assert list(cites) == [
        "Decision 1/CMA.99, preamble", "Decision 1/CMA.99, para. 1", "Decision 1/CMA.99, para. 2",
        "Decision 1/CMA.99, annex I, para. 1", "Decision 1/CMA.99, annex I, para. 2",
        "Decision 1/CMA.99, annex II, para. 1", "Decision 2/CMA.99, para. 1"]
    assert "Recalling decision 2/CMA.3," in cites["Decision 1/CMA.99, preamble"]
    assert cites["Decision 1/CMA.99, para. 2"].split("\n") == [
        "2. Requests the secretariat to:", "(a) Do one thing;", "(h) Describe the following:",
        "(i) A roman item;", "(ii) Another roman item;", "(i) A letter item after h;"]
    annex = next(c for c in doc.chunks if c.citation == "Decision 1/CMA.99, annex I, para. 2")
    assert annex.headings == ["Decision 1/CMA.99: Test decision", "Annex I: Rules for testing", "I. First chapter",
                              "A. First section", "1. Numbered sub-heading"]
    # a nested "Annex" line (as in outlines) is text, not a new annex
    assert cites["Decision 1/CMA.99, annex II, para. 1"] == "1. Paragraph one of annex two.\nAnnex"
    assert not any("plenary" in text or "2099\n" in text or "Contents" in text for text in cites.values())
    assert doc.url == "https://unfccc.int/sites/default/files/resource/cma2099_1a01E.pdf"


def test_a_text_mentioning_decisions_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Notes\n\nSee Decision 2/CMA.3 and FCCC/PA/CMA/2021/10/Add.1 for details.\n", encoding="utf-8")
    assert load_file(path).doc_type == "text"


def test_long_paragraph_split_at_subparagraphs() -> None:
    item = Item("18", "para", "Each Party shall:", [Item(l, "letter", " ".join(["word"] * 50) + ";") for l in "abcdef"])
    pieces = split_item(item, limit=120)
    assert [suffix for suffix, _ in pieces] == ["(a)-(b)", "(c)-(d)", "(e)-(f)"]
    assert all(text.startswith("18. Each Party shall:") and word_count(text) <= 120 for _, text in pieces)


def test_cma3_txt_annual_information(corpus: Path) -> None:
    doc = load(corpus, CMA3_TXT)
    assert doc.title == "FCCC/PA/CMA/2021/10/Add.1 (decisions 1/CMA.3 to 4/CMA.3)"
    chunk = next(c for c in doc.chunks if c.citation == "Decision 2/CMA.3, annex, para. 20")
    assert chunk.text.startswith("20. Each participating Party shall, on an annual basis by no later than 15 April")
    assert "(b) In respect of the above" in chunk.text
    assert chunk.headings == [f"Decision 2/CMA.3: {A62_TITLE}", "Annex", "IV. Reporting", "B. Annual information"]
    assert chunk.key == chunk.citation
    assert chunk.url and chunk.url.endswith("cma2021_10a01E.pdf")


def test_cma3_share_of_proceeds(corpus: Path) -> None:
    cites = by_citation(load(corpus, CMA3_TXT))
    assert "(a) A levy of 5 per cent of A6.4ERs at issuance" in cites["Decision 3/CMA.3, annex, para. 67"]
    assert "5 per cent" not in cites["Decision 3/CMA.3, annex, para. 66"]
    assert "5 per cent" not in cites["Decision 3/CMA.3, annex, para. 68"]


def test_cma3_paragraph_numbering(corpus: Path) -> None:
    doc = load(corpus, CMA3_TXT)
    assert numbers(doc, "Decision 1/CMA.3") == list(range(1, 98))
    assert numbers(doc, "Decision 2/CMA.3") == list(range(1, 21))
    assert numbers(doc, "Decision 2/CMA.3, annex") == list(range(1, 41))
    assert numbers(doc, "Decision 3/CMA.3, annex") == list(range(1, 76))
    assert numbers(doc, "Decision 4/CMA.3, annex") == list(range(1, 10))
    preamble = by_citation(doc)["Decision 2/CMA.3, preamble"]
    assert preamble.startswith(f"Decision 2/CMA.3: {A62_TITLE}") and "Recalling the Paris Agreement," in preamble


def test_long_paragraph_pieces_cite_their_range(corpus: Path) -> None:
    cites = by_citation(load(corpus, CMA3_TXT))
    pieces = [c for c in cites if c.startswith("Decision 2/CMA.3, annex, para. 18(")]
    assert pieces[0] == "Decision 2/CMA.3, annex, para. 18(a)-(c)"
    assert all(cites[c].startswith("18. Each participating Party shall submit") for c in pieces)
    joined = "\n".join(cites[c] for c in pieces)
    for marker in "abcdefghi":
        assert f"\n({marker}) " in joined


def test_cma4_multiple_annexes(corpus: Path) -> None:
    doc = load(corpus, CMA4_TXT)
    cites = by_citation(doc)
    assert "Each ITMO shall have a unique identifier" in cites["Decision 6/CMA.4, annex I, para. 5"]
    assert numbers(doc, "Decision 6/CMA.4, annex I")[:6] == [1, 2, 3, 4, 5, 6]
    assert numbers(doc, "Decision 6/CMA.4, annex II")[:5] == [1, 2, 3, 4, 5]
    assert numbers(doc, "Decision 7/CMA.4, annex I")[0] == 1 and numbers(doc, "Decision 7/CMA.4, annex II")[0] == 1
    chunk = next(c for c in doc.chunks if c.citation == "Decision 6/CMA.4, annex I, para. 5")
    assert chunk.headings[1].startswith("Annex I: Guidance relating to decision 2/CMA.3")
    assert any(c.startswith("Decision 7/CMA.4, annex II, appendix") for c in cites)


def test_every_corpus_txt_loads_within_limits(corpus: Path) -> None:
    files = sorted((corpus / "txt").glob("*.txt"))
    assert len(files) >= 16
    for path in files:
        doc = _load(path)
        assert doc.doc_type == "decision" and doc.title.startswith("FCCC/PA/CMA/"), path.name
        assert len({c.key for c in doc.chunks}) == len(doc.chunks), path.name
        assert all(0 < word_count(c.text) <= MAX_WORDS for c in doc.chunks), path.name
        assert all(c.citation.startswith("Decision ") for c in doc.chunks), path.name


def test_cma3_pdf_matches_the_txt(corpus: Path) -> None:
    pdf, txt = load(corpus, CMA3_PDF), load(corpus, CMA3_TXT)
    assert pdf.doc_type == "decision" and pdf.title == txt.title
    chunk = next(c for c in pdf.chunks if c.citation == "Decision 2/CMA.3, annex, para. 20")
    assert "no later than 15 April of the following year" in chunk.text
    assert chunk.headings == [f"Decision 2/CMA.3: {A62_TITLE}", "Annex", "IV. Reporting", "B. Annual information"]
    para_cites = lambda doc: {c.citation for c in doc.chunks if ", para." in c.citation}  # noqa: E731
    assert para_cites(pdf) == para_cites(txt)
    for prefix in ("Decision 1/CMA.3", "Decision 2/CMA.3, annex", "Decision 3/CMA.3, annex"):
        assert numbers(pdf, prefix) == numbers(txt, prefix)
    assert "5 per cent" in by_citation(pdf)["Decision 3/CMA.3, annex, para. 67"]
    text = " ".join(c.text for c in pdf.chunks)
    assert "FCCC/PA/CMA/2021/10/Add.1" not in text and "GE.22-" not in text  # running headers gone
    assert "Report1" not in text and "https://www.ipcc.ch" not in text  # footnote marker and text gone


def test_cma4_pdfs_english_and_spanish(corpus: Path) -> None:
    english = load(corpus, CMA4_PDF)
    assert "Each ITMO shall have a unique identifier" in by_citation(english)["Decision 6/CMA.4, annex I, para. 5"]
    assert numbers(english, "Decision 6/CMA.4, annex I")[:6] == [1, 2, 3, 4, 5, 6]
    spanish = load(corpus, "pdf/decisiones-6-11-CMA.4-es.pdf")
    assert spanish.language == "es" and spanish.url and spanish.url.endswith("cma2022_10a02S.pdf")
    assert "identificador único" in by_citation(spanish)["Decision 6/CMA.4, annex I, para. 5"]
    assert numbers(spanish, "Decision 7/CMA.4, annex I")[:10] == list(range(1, 11))


def test_every_corpus_pdf_is_a_decision_report_within_limits(corpus: Path) -> None:
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        doc = _load(path)
        assert doc.doc_type == "decision", path.name
        assert all(0 < word_count(c.text) <= MAX_WORDS for c in doc.chunks), path.name
        assert len({c.key for c in doc.chunks}) == len(doc.chunks), path.name
        counts: dict[str, int] = defaultdict(int)
        for chunk in doc.chunks:
            counts[chunk.citation.split(",")[0]] += 1
        assert all(n > 0 for n in counts.values())
    cma1 = load(corpus, "pdf/decisions-13-20-CMA.1.pdf")
    assert numbers(cma1, "Decision 18/CMA.1, annex")[:60] == list(range(1, 61))
