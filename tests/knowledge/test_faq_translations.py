"""The curated French and Spanish FAQ answers of a62 and a64 exist, use the official UNFCCC terms, keep the numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

FAQ = Path(__file__).resolve().parents[2] / "knowledge" / "content" / "faq"
FILES = ("a62.yaml", "a64.yaml")

# Entries whose English text another branch (kbfix) corrects and translates; until that lands they may lack
# answer_fr/answer_es. Whatever translation they carry is checked like the others.
PENDING = frozenset({
    "a6-decisions-article-6-2", "a6-baku-cma6-decisions", "a6-difference-62-64", "a6-article-6-8-decisions",
    "a6-review-of-62-guidance", "a62-authorization-contents", "a64-supervisory-body-terms",
    "a64-share-of-proceeds", "a64-ldc-sids-exemptions", "a64-cdm-transition-deadlines",
    "a64-cdm-transition-methodologies", "a64-cdm-afforestation-transition", "a64-review-of-rules",
})

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
    """Every entry of the a62 and a64 FAQ files, in file order."""
    found: list[dict[str, Any]] = []
    for name in FILES:
        found.extend(yaml.safe_load((FAQ / name).read_text(encoding="utf-8")))
    return found


def digit_groups(text: str) -> set[str]:
    """The numbers a reader checks (years, days, paragraph and decision numbers, amounts) as digit groups."""
    return set(re.findall(r"\d+", text))


REQUIRED = [entry for entry in entries() if entry["id"] not in PENDING]
TRANSLATED = [entry for entry in entries() if entry.get("answer_fr") or entry.get("answer_es")]


def test_pending_ids_exist() -> None:
    ids = {entry["id"] for entry in entries()}
    assert PENDING <= ids, f"unknown ids in PENDING: {sorted(PENDING - ids)}"


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
