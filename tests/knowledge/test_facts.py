"""Facts corrected after the audit of the shipped knowledge base (issue 15), each pinned to its paragraph.

For every corrected fact: the paragraph is found in the official decision report (parsed by the project's own
decision loader) and holds the words the fact rests on, and the shipped guide, FAQ entry or glossary entry
states the corrected fact and cites that paragraph. A fact that drifts from its paragraph, or a citation that
drifts from the fact, fails here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.bench.answers import cites
from knowledge.glossary import CONTENT, load_glossary
from knowledge.loaders import load_file
from knowledge.sources import load_sources, url_for_citation

CMA3 = "txt/CMA2021_3_Decisions_1_to_4.txt"
CMA4 = "txt/CMA2022_4_Decisions_6_to_11.txt"
CMA6 = "txt/CMA2024_6_Decisions_1_to_7.txt"
CHECKED = date(2026, 11, 28)  # the day the corrected facts were checked against the official texts


@lru_cache(maxsize=None)
def _chunks(path: Path) -> tuple[tuple[str, str], ...]:
    return tuple((chunk.citation, chunk.text) for chunk in load_file(path).chunks)


def paragraph(corpus: Path, report: str, citation: str) -> str:
    """The whole text of one official paragraph, joining the pieces the loader splits it into."""
    pieces = [text for cited, text in _chunks(corpus / report)
              if cited == citation or cited.startswith((citation + "(", citation + " #"))]
    assert pieces, f"{citation} not found in {report}"
    return " ".join(" ".join(piece.split()) for piece in pieces)


def report_lines(corpus: Path, decision: str) -> str:
    """The raw lines of one decision, by the line range article6_index.tsv gives for it."""
    for row in (corpus / "article6_index.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, _title, file, first, last = row.split("\t")
        if name == decision:
            lines = (corpus / "txt" / Path(file).name).read_text(encoding="utf-8").splitlines()
            return " ".join(" ".join(lines[int(first) - 1:int(last)]).split())
    raise AssertionError(f"{decision} not in article6_index.tsv")


def faq_entries() -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for path in sorted((CONTENT / "faq").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            entries[entry["id"]] = entry
    return entries


def faq(entry_id: str) -> tuple[str, list[str]]:
    """An FAQ entry's answer (whitespace normalized) and its citation refs."""
    entry = faq_entries()[entry_id]
    return " ".join(entry["answer"].split()), [str(c["ref"]) for c in entry["citations"]]


def guide_section(name: str, heading: str) -> tuple[str, list[str]]:
    """A guide section's text and the citations of its `Source:` line."""
    body = (CONTENT / "guides" / name).read_text(encoding="utf-8")
    for section in re.split(r"\n(?=## )", body):
        lines = section.strip().split("\n")
        if lines[0].startswith("## ") and lines[0][3:].startswith(heading):
            sources = [s.strip() for s in lines[-1].removeprefix("Source:").split(";")] if lines[-1].startswith("Source:") else []
            return " ".join(" ".join(lines[1:-1]).split()), sources
    raise AssertionError(f"no section '{heading}' in {name}")


def glossary(term: str) -> dict[str, str]:
    found = [t for t in load_glossary() if t.term == term]
    assert found, term
    return vars(found[0])


def any_cites(refs: list[str], expected: str) -> bool:
    return any(cites(ref, expected) for ref in refs)


def test_cma6_adopted_four_article6_decisions(corpus: Path) -> None:
    """Error 1: CMA.6 adopted four Article 6 decisions; the fourth, 7/CMA.6 on 6.8, at the 5th plenary on 18 November 2024."""
    titles = {d: paragraph(corpus, CMA6, f"Decision {d}/CMA.6, preamble") for d in (4, 5, 6, 7)}
    assert "Article 6, paragraph 2" in titles[4]
    assert "Article 6, paragraph 4" in titles[5] and "Article 6, paragraph 4" in titles[6]
    assert "non-market approaches referred to in Article 6, paragraph 8" in titles[7]
    assert "5th plenary meeting 18 November 2024" in report_lines(corpus, "7/CMA.6")

    answer, refs = faq("a6-baku-cma6-decisions")
    assert answer.startswith("Four decisions") and "7/CMA.6" in answer and "18 November 2024" in answer
    assert any_cites(refs, "Decision 7/CMA.6, para. 21")
    text, sources = guide_section("article6-overview.md", "Baku outcomes")
    assert "adopted four Article 6 decisions" in text and "Decision 7/CMA.6" in text
    assert any_cites(sources, "Decision 7/CMA.6, para. 21")


def test_corresponding_adjustment_subtracts_itmos_used_not_acquired(corpus: Path) -> None:
    """Error 2: the using Party subtracts ITMOs used; the first transferring Party adds those first transferred."""
    text = paragraph(corpus, CMA3, "Decision 2/CMA.3, annex, para. 8")
    assert "Adding the quantity of ITMOs authorized and first transferred" in text
    assert "Subtracting the quantity of ITMOs used" in text

    entry = glossary("CA")
    assert "subtracts the ITMOs it uses" in " ".join(entry["definition"].split())
    assert "acquired" not in entry["definition"]
    assert cites(entry["source"], "Decision 2/CMA.3, annex, para. 8")


def test_5cma6_takes_note_of_standards_and_welcomes_reports(corpus: Path) -> None:
    """Error 3: 5/CMA.6 takes note of the two standards (para. 2); it welcomes the annual reports (para. 1)."""
    assert paragraph(corpus, CMA6, "Decision 5/CMA.6, para. 1").startswith("1. Welcomes the annual reports")
    assert paragraph(corpus, CMA6, "Decision 5/CMA.6, para. 2").startswith("2. Takes note of the adoption by the Supervisory Body")

    text, sources = guide_section("article6-overview.md", "Which decisions govern Article 6.4 and 6.8")
    assert "welcomes the Supervisory Body's annual reports for 2023 and 2024 and takes note of its standards" in text
    assert "welcoming the Supervisory Body's standards" not in text
    assert any_cites(sources, "Decision 5/CMA.6, para. 2") and any_cites(sources, "Decision 5/CMA.6, para. 1")


def test_desk_review_is_remote_from_each_experts_country(corpus: Path) -> None:
    """Error 4: desk reviews are done remotely from the experts' respective countries, not 'from home'."""
    assert "conduct the review remotely from their respective countries" in paragraph(
        corpus, CMA4, "Decision 6/CMA.4, annex II, para. 16")

    text, sources = guide_section("a62-review.md", "Centralized or desk review")
    assert "the experts work remotely, each from their own country" in text and "home" not in text
    assert any_cites(sources, "Decision 6/CMA.4, annex II, para. 16")


@pytest.mark.parametrize("entry_id", ["a64-share-of-proceeds", "a6-difference-62-64"])
def test_share_of_proceeds_exempts_ldcs_and_sids(corpus: Path, entry_id: str) -> None:
    """Error 5: the 5% share of proceeds is not flat: activities in LDCs and SIDS are exempt (6/CMA.6, para. 20)."""
    text = paragraph(corpus, CMA6, "Decision 6/CMA.6, para. 20")
    assert "exempt Article 6, paragraph 4, activities in the least developed countries and small island developing States" in text
    assert "from the share of proceeds for adaptation" in text

    answer, refs = faq(entry_id)
    assert "5 per cent" in answer and "exempt" in answer
    assert ("LDCs and SIDS" in answer or "least developed countries and small island developing States" in answer)
    assert any_cites(refs, "Decision 6/CMA.6, para. 20")


def test_partnership_membership_is_not_the_28_countries_engaged(corpus: Path) -> None:
    """Error 6: 28 is the number of countries the Center was engaging for support packages (deck, mid-2024);
    membership is a different figure, each stated with its date and source."""
    deck = corpus.parents[1] / "seeds" / "a6ip-updates.md"
    assert "actively engaging with **twenty-eight (28) partner countries**" in deck.read_text(encoding="utf-8")

    answer, refs = faq("a6ip-partner-countries-workshops")
    assert "engaging 28 partner countries" in answer and "mid-2024" in answer
    assert "66 countries and 32 institutions" in answer and "27 April 2023" in answer
    assert "A6IP update deck (2024)" in refs and "A6IP: establishment of the A6IP Center (27 April 2023)" in refs
    text, _ = guide_section("a6ip-partnership.md", "Launch, the A6IP Center and membership")
    assert "66 countries and 32 institutions" in text and "different from the 28 countries" in text
    text, _ = guide_section("a6ip-partnership.md", "What the A6IP is")
    assert "28" not in text


def test_mcu_is_not_a_cma_term(corpus: Path) -> None:
    """Error 7: the decisions say "mitigation contribution A6.4ERs"; "MCU" appears nowhere in them."""
    text = paragraph(corpus, CMA4, "Decision 7/CMA.4, annex I, para. 29")
    assert "(mitigation contribution A6.4ERs)" in text
    assert "MCU" not in report_lines(corpus, "7/CMA.4") and "mitigation contribution unit" not in report_lines(corpus, "7/CMA.4")

    entry = glossary("MCU")
    assert entry["expansion"] == "mitigation contribution A6.4ER"
    assert "not a CMA term" in entry["definition"] and "unit" not in entry["expansion"]
    assert cites(entry["source"], "Decision 7/CMA.4, annex I, para. 29")


def test_7cma6_platform_focal_points_and_views(corpus: Path) -> None:
    """Error 8: 7/CMA.6 welcomed the operational NMA Platform (para. 21), counted 79 focal points as at
    15 November 2024 (para. 25) and invited views by 31 March 2025 (para. 27)."""
    assert paragraph(corpus, CMA6, "Decision 7/CMA.6, para. 21") == "21. Welcomes the operationalization of the NMA Platform;"
    assert "as at 15 November 2024, 79 Parties had notified the secretariat of their national focal points" in paragraph(
        corpus, CMA6, "Decision 7/CMA.6, para. 25")
    assert "by 31 March 2025 their views" in paragraph(corpus, CMA6, "Decision 7/CMA.6, para. 27")

    answer, refs = faq("a68-web-platform")
    assert "7/CMA.6 welcomed its operationalization" in answer and any_cites(refs, "Decision 7/CMA.6, para. 21")
    answer, refs = faq("a6-article-6-8-decisions")
    assert "7/CMA.6" in answer and "79 Parties" in answer and "15 November 2024" in answer
    assert any_cites(refs, "Decision 7/CMA.6, para. 25")
    answer, refs = faq("a68-nma-platform-views-2025")
    assert "31 March 2025" in answer and "has passed" in answer and any_cites(refs, "Decision 7/CMA.6, para. 27")
    text, sources = guide_section("a68-non-market-approaches.md", "Submitting an NMA and focal points")
    assert "As at 15 November 2024, 79 Parties" in text and any_cites(sources, "Decision 7/CMA.6, para. 25")
    text, sources = guide_section("a68-non-market-approaches.md", "The UNFCCC web-based platform")
    assert "welcomed the operationalization of the NMA Platform" in text and any_cites(sources, "Decision 7/CMA.6, para. 21")


def test_conference_of_the_parties_cited_where_the_text_names_it(corpus: Path) -> None:
    """Error 9: the glossary's CP entry cites a paragraph that actually names a CP decision (1/CP.21)."""
    entry = glossary("CP")
    assert "1/CP.21" in entry["definition"]
    assert entry["source"] == "Decision 2/CMA.3, preamble"
    assert "decision 1/CP.21" in paragraph(corpus, CMA3, entry["source"])


def test_authorization_contents_name_all_fourteen_elements(corpus: Path) -> None:
    """Error 10: 4/CMA.6, para. 5 has fourteen elements, (a) to (n); the answer names all fourteen."""
    text = paragraph(corpus, CMA6, "Decision 4/CMA.6, para. 5")
    labels = re.findall(r"\(([a-z])\) [A-Z]", text)  # item labels open a sentence; "Party(ies) covered" does not
    assert labels == list("abcdefghijklmn")

    answer, refs = faq("a62-authorization-contents")
    assert "14 required elements" in answer
    assert re.findall(r"\(([a-z])\) ", answer) == list("abcdefghijklmn")
    assert any_cites(refs, "Decision 4/CMA.6, para. 5")


def test_mid_2024_a6ip_plans_are_not_presented_as_current() -> None:
    """Error 11: what the mid-2024 deck planned is stated as a past plan, never as the current programme."""
    text, _ = guide_section("a6ip-partnership.md", "What the mid-2024 deck planned")
    assert "plans as of mid-2024, not a current programme" in text
    for path in (CONTENT / "guides").glob("a6ip-*.md"):
        assert "Plans for the second half of 2024" not in path.read_text(encoding="utf-8")
    for entry_id in ("a6ip-capacity-building-tools", "a6ip-2024-activities", "a6ip-unfccc-cooperation"):
        answer, _ = faq(entry_id)
        assert "mid-2024" in answer and "verified" in answer, entry_id
        assert faq_entries()[entry_id]["checked"] == CHECKED


def test_every_guide_and_faq_entry_carries_its_check_date() -> None:
    """Every guide says when its facts were checked, every FAQ entry too, and none claims a future check."""
    for path in (CONTENT / "guides").glob("*.md"):
        updated = load_file(path).updated
        assert updated is not None and updated <= CHECKED, path.name
    for entry_id, entry in faq_entries().items():
        assert isinstance(entry.get("checked"), date) and entry["checked"] <= CHECKED, entry_id


def test_cited_web_pages_are_listed_with_address_and_check_date() -> None:
    """A guide or FAQ entry that cites a public page (no decision symbol) names it as sources.yaml lists it,
    with its address and the day it was checked, so every such citation links to the page it rests on."""
    listed = {str(e["document"]): e for e in yaml.safe_load((CONTENT / "sources.yaml").read_text(encoding="utf-8"))
              if e.get("document")}
    assert set(load_sources()) >= set(listed)
    cited: set[str] = set()
    for path in (CONTENT / "guides").glob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("Source:"):
                cited.update(s.strip() for s in line.removeprefix("Source:").split(";"))
    for entry in faq_entries().values():
        cited.update(str(c["ref"]) for c in entry["citations"])
    pages = {c for c in cited if not re.match(r"Decision \d+/(CMA|CP)\.\d+", c)}
    assert pages, "no web pages cited"
    for page in pages:
        assert page in listed, f"{page!r} is not in sources.yaml"
        assert url_for_citation(page) == listed[page]["url"], page
        if page != "A6IP update deck (2024)":
            assert listed[page]["url"].startswith("https://") and listed[page]["checked"] == CHECKED, page
