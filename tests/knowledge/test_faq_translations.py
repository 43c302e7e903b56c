"""The curated French and Spanish FAQ answers exist, use the official UNFCCC terms and keep the numbers; the
glossary gives the official French and Spanish terms."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.glossary import load_glossary

FAQ = Path(__file__).resolve().parents[2] / "knowledge" / "content" / "faq"
FILES = tuple(sorted(path.name for path in FAQ.glob("*.yaml")))

# (entry id, language) -> why that translation may show other digit groups than the English answer.
# Empty today: every translation carries exactly the English answer's dates, paragraph numbers and amounts.
NUMBER_EXCEPTIONS: dict[tuple[str, str], str] = {}

# What the official texts say instead: démarches concertées / démarches non fondées sur le marché, CDN, RATI and
# "réductions des émissions A6.4" in French; CDN, RMTI, REA6.4 and "enfoques no relacionados con el mercado" in Spanish.
NOT_OFFICIAL = {
    "fr": re.compile(r"approches?\s+(coop[ée]ratives?|non\s+fond[ée]es)|\b(NDCs?|ITMOs?|A6\.4ERs?)\b", re.IGNORECASE),
    "es": re.compile(r"\b(NDCs?|ITMOs?|A6\.4ERs?)\b|enfoques?\s+no\s+basados?\s+en\s+el\s+mercado", re.IGNORECASE),
}


def entries() -> list[dict[str, Any]]:
    """Every entry of the FAQ files, in file order."""
    found: list[dict[str, Any]] = []
    for name in FILES:
        found.extend(yaml.safe_load((FAQ / name).read_text(encoding="utf-8")))
    return found


def digit_groups(text: str) -> set[str]:
    """The numbers a reader checks (years, days, paragraph and decision numbers, amounts) as digit groups."""
    return set(re.findall(r"\d+", text))


REQUIRED = entries()
TRANSLATED = [entry for entry in entries() if entry.get("answer_fr") or entry.get("answer_es")]


@pytest.mark.parametrize("entry", REQUIRED, ids=lambda entry: entry["id"])
def test_entry_has_french_and_spanish_answers(entry: dict[str, Any]) -> None:
    for lang in ("fr", "es"):
        text = entry.get(f"answer_{lang}")
        assert isinstance(text, str) and text.strip(), f"{entry['id']}: answer_{lang} missing or empty"


@pytest.mark.parametrize("entry", TRANSLATED, ids=lambda entry: entry["id"])
def test_answers_and_variants_use_official_terms(entry: dict[str, Any]) -> None:
    for lang, pattern in NOT_OFFICIAL.items():
        for text in [str(entry.get(f"answer_{lang}", "")), *(entry.get(f"variants_{lang}") or [])]:
            found = pattern.search(text)
            assert found is None, f"{entry['id']}: {lang} text says {found.group(0)!r}: {text[:80]!r}"


@pytest.mark.parametrize("entry", TRANSLATED, ids=lambda entry: entry["id"])
def test_translations_keep_the_numbers(entry: dict[str, Any]) -> None:
    english = digit_groups(entry["answer"])
    for lang in ("fr", "es"):
        if (entry["id"], lang) in NUMBER_EXCEPTIONS:
            continue
        translated = digit_groups(str(entry.get(f"answer_{lang}", "")))
        assert translated == english, (
            f"{entry['id']}: answer_{lang} lacks {sorted(english - translated)}, adds {sorted(translated - english)}")


def test_glossary_gives_official_french_and_spanish_for_every_term() -> None:
    terms = {term.term: term for term in load_glossary()}
    assert all(term.fr and term.es for term in terms.values())
    assert (terms["cooperative approach"].fr, terms["cooperative approach"].es) == ("démarche concertée", "enfoque cooperativo")
    assert terms["ITMO"].fr.startswith("résultat d'atténuation transféré au niveau international")
    assert terms["NDC"].es.startswith("contribución determinada a nivel nacional")
    assert (terms["SBM"].fr, terms["SBM"].es) == ("Organe de supervision", "Órgano de Supervisión")
    for term in terms.values():
        assert not NOT_OFFICIAL["fr"].search(term.fr) and not NOT_OFFICIAL["es"].search(term.es), term.term


def test_glossary_spanish_terms_are_those_of_the_spanish_decisions(corpus: Path) -> None:
    """The glossary's Spanish 6.2 and 6.4 terms are the ones the Spanish text of decisions 6-11/CMA.4 uses."""
    from pypdf import PdfReader

    pages = PdfReader(corpus / "pdf" / "decisiones-6-11-CMA.4-es.pdf").pages
    text = " ".join(" ".join(page.extract_text() or "" for page in pages).split())
    terms = {term.term: term for term in load_glossary()}
    official = {"A6.4ER": "en virtud del artículo 6, párrafo 4 (REA6.4)", "DOE": "entidad operacional designada",
                "SBM": "Órgano de Supervisión", "OMGE": "mitigación global de las emisiones mundiales (MGEM)",
                "CARP": "plataforma centralizada de contabilidad y presentación de información",
                "AEF": "formato electrónico acordado", "RMP": "normas, modalidades y procedimientos"}
    for name, phrase in official.items():
        assert phrase in terms[name].es and phrase in text, (name, phrase)
    assert terms["CPA"].es == "actividad integrante" and "actividades integrantes" in text
