"""The curated French and Spanish FAQ answers (a62, a64) exist, use the official UNFCCC terms and keep the numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

FAQ = Path(__file__).resolve().parents[2] / "knowledge" / "content" / "faq"
FILES = ("a62.yaml", "a64.yaml")

# Entries whose English text is being corrected on another branch (kbfix); they get their translations
# once that correction has landed. Remove an id from here when it gains answer_fr and answer_es.
PENDING = frozenset({
    "a6-decisions-article-6-2", "a6-baku-cma6-decisions", "a6-difference-62-64", "a6-article-6-8-decisions",
    "a6-review-of-62-guidance", "a62-authorization-contents", "a64-supervisory-body-terms",
    "a64-share-of-proceeds", "a64-ldc-sids-exemptions", "a64-cdm-transition-deadlines",
    "a64-cdm-transition-methodologies", "a64-cdm-afforestation-transition", "a64-review-of-rules",
})

# (entry id, language) -> why that translation may show other digit groups than the English answer.
# Empty today: every translation carries exactly the English answer's dates, paragraph numbers and figures.
NUMBER_EXCEPTIONS: dict[tuple[str, str], str] = {}

# English acronyms the official texts replace: CDN for NDC in both languages, RATI/RMTI for ITMO, REA6.4 for A6.4ER.
FORBIDDEN = {
    "fr": re.compile(r"\b(NDCs?|ITMOs?)\b|approches?\s+coop[ée]ratives?", re.IGNORECASE),
    "es": re.compile(r"\b(NDCs?|ITMOs?|A6\.4ERs?)\b"),
}


def entries() -> list[dict[str, Any]]:
    """Every entry of the a62 and a64 FAQ files, in file order."""
    found: list[dict[str, Any]] = []
    for name in FILES:
        found.extend(yaml.safe_load((FAQ / name).read_text(encoding="utf-8")))
    return found


TRANSLATED = [entry for entry in entries() if entry["id"] not in PENDING]


def digit_groups(text: str) -> set[str]:
    """The numbers a reader checks (years, days, paragraph and decision numbers, amounts) as digit groups."""
    return set(re.findall(r"\d+", text))


def test_pending_list_names_only_untranslated_entries() -> None:
    ids = {entry["id"] for entry in entries()}
    assert PENDING <= ids, f"unknown ids in PENDING: {sorted(PENDING - ids)}"
    done = [entry["id"] for entry in entries()
            if entry["id"] in PENDING and entry.get("answer_fr") and entry.get("answer_es")]
    assert not done, f"translated now, remove from PENDING: {done}"


@pytest.mark.parametrize("entry", TRANSLATED, ids=lambda entry: entry["id"])
def test_entry_has_french_and_spanish_answers(entry: dict[str, Any]) -> None:
    for lang in ("fr", "es"):
        text = entry.get(f"answer_{lang}")
        assert isinstance(text, str) and text.strip(), f"{entry['id']}: answer_{lang} missing or empty"


@pytest.mark.parametrize("entry", TRANSLATED, ids=lambda entry: entry["id"])
def test_translations_use_official_terms(entry: dict[str, Any]) -> None:
    for lang, pattern in FORBIDDEN.items():
        found = pattern.search(str(entry.get(f"answer_{lang}", "")))
        assert found is None, f"{entry['id']}: answer_{lang} says {found.group(0)!r}"
    for variant in entry.get("variants_es") or []:
        assert not re.search(r"\bNDCs?\b", variant), f"{entry['id']}: Spanish variant says NDC: {variant!r}"
    for variant in entry.get("variants_fr") or []:
        found = re.search(r"approches?\s+coop[ée]ratives?", variant, re.IGNORECASE)
        assert found is None, f"{entry['id']}: French variant says {found.group(0)!r}: {variant!r}"


@pytest.mark.parametrize("entry", TRANSLATED, ids=lambda entry: entry["id"])
def test_translations_keep_the_numbers(entry: dict[str, Any]) -> None:
    english = digit_groups(entry["answer"])
    for lang in ("fr", "es"):
        if (entry["id"], lang) in NUMBER_EXCEPTIONS:
            continue
        translated = digit_groups(str(entry.get(f"answer_{lang}", "")))
        assert translated == english, (
            f"{entry['id']}: answer_{lang} lacks {sorted(english - translated)}, adds {sorted(translated - english)}")
