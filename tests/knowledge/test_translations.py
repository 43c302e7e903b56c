"""Curated French and Spanish answers (contract 1) and the official UNFCCC terms they must use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from knowledge.glossary import CONTENT, load_glossary

FULLY_TRANSLATED = ["a68.yaml", "a6ip.yaml", "cma7.yaml", "a64-standards.yaml", "a62-practice.yaml"]
CORRECTED_ELSEWHERE = {
    "a62.yaml": ["a6-decisions-article-6-2", "a6-baku-cma6-decisions", "a6-difference-62-64", "a6-article-6-8-decisions",
                 "a6-review-of-62-guidance", "a62-authorization-contents"],
    "a64.yaml": ["a64-supervisory-body-terms", "a64-share-of-proceeds", "a64-ldc-sids-exemptions",
                 "a64-cdm-transition-deadlines", "a64-cdm-transition-methodologies", "a64-cdm-afforestation-transition",
                 "a64-review-of-rules"],
}
# Unofficial renderings an official would not use: French "démarches concertées", "démarches non fondées sur le
# marché", RATI; Spanish CDN (never NDC), RMTI (never ITMO), REA6.4.
NOT_FRENCH = re.compile(r"approches? (coopératives?|non fondées)|\bITMO|\bNDC\b|\bA6\.4ERs?\b", re.I)
NOT_SPANISH = re.compile(r"\bNDC\b|\bITMOs?\b|\bA6\.4ERs?\b|enfoques? no basados? en el mercado", re.I)


def entries(name: str) -> list[dict]:
    return yaml.safe_load((CONTENT / "faq" / name).read_text(encoding="utf-8"))


def translated() -> list[dict]:
    found = [entry for name in FULLY_TRANSLATED for entry in entries(name)]
    for name, ids in CORRECTED_ELSEWHERE.items():
        by_id = {entry["id"]: entry for entry in entries(name)}
        found += [by_id[entry_id] for entry_id in ids]
    return found


@pytest.mark.parametrize("entry", translated(), ids=lambda entry: entry["id"])
def test_entry_answers_in_french_and_spanish_with_official_terms(entry: dict) -> None:
    for key in ("answer_fr", "answer_es"):
        assert isinstance(entry.get(key), str) and len(entry[key].split()) >= 15, f"{entry['id']}: {key}"
    french = " ".join([entry["answer_fr"], *entry.get("variants_fr", [])])
    spanish = " ".join([entry["answer_es"], *entry.get("variants_es", [])])
    assert not NOT_FRENCH.search(french), NOT_FRENCH.search(french)
    assert not NOT_SPANISH.search(spanish), NOT_SPANISH.search(spanish)


def test_glossary_gives_official_french_and_spanish_for_every_term() -> None:
    terms = {term.term: term for term in load_glossary()}
    assert all(term.fr and term.es for term in terms.values())
    assert terms["cooperative approach"].fr == "démarche concertée"
    assert terms["cooperative approach"].es == "enfoque cooperativo"
    assert terms["ITMO"].fr.startswith("résultat d'atténuation transféré au niveau international")
    assert terms["NDC"].es.startswith("contribución determinada a nivel nacional")
    assert terms["SBM"].fr == "Organe de supervision" and terms["SBM"].es == "Órgano de Supervisión"
    for term in terms.values():
        assert not NOT_FRENCH.search(term.fr) and not NOT_SPANISH.search(term.es), term.term


def test_spanish_terms_match_the_official_spanish_decisions(corpus: Path) -> None:
    """The glossary's Spanish 6.4 terms are the ones the Spanish text of decisions 6-11/CMA.4 uses."""
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text() or "" for page in
                             PdfReader(corpus / "pdf" / "decisiones-6-11-CMA.4-es.pdf").pages).split())
    terms = {term.term: term for term in load_glossary()}
    official = {"A6.4ER": "en virtud del artículo 6, párrafo 4 (REA6.4)", "CPA": "actividad", "DOE": "entidad operacional designada",
                "SBM": "Órgano de Supervisión", "OMGE": "mitigación global de las emisiones mundiales (MGEM)",
                "CARP": "plataforma centralizada de contabilidad y presentación de información",
                "AEF": "formato electrónico acordado", "RMP": "normas, modalidades y procedimientos"}
    for name, phrase in official.items():
        assert phrase in terms[name].es and phrase in text, (name, phrase)
    assert "integrante" in terms["CPA"].es and "actividades integrantes" in text
