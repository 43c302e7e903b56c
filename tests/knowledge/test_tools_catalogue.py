"""The capacity-building tools catalogue (knowledge/tools/*.yaml) follows its documented format.

The format is described in docs/knowledge-format.md ("Capacity-building tools catalogue"); a curator who
breaks it should get a message naming the file, the entry and the field, not a failure deep inside the
recommender.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

import knowledge

TOOLS_DIR = Path(knowledge.__file__).resolve().parent / "tools"
CATALOGUE_FILES = sorted(TOOLS_DIR.glob("*.yaml"))

REQUIRED_FIELDS = (
    "id", "title", "publisher", "type", "topics", "languages", "audience", "level",
    "url", "checked", "verified_from", "description", "description_fr", "description_es",
)
OPTIONAL_FIELDS = ("published",)
TYPES = {"toolkit", "guidebook", "template", "e-learning", "webinar", "case-study", "database"}
TOPICS = {
    "authorization", "reporting", "tracking", "private-sector", "6.2", "6.4", "6.8", "methodology",
    "capacity-building", "corresponding-adjustments", "strategy", "project-initiation", "registries", "ndc",
}
LEVELS = {"introductory", "intermediate", "advanced"}
# ISO 639-1 two-letter language codes.
ISO_639_1 = set(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da "
    "de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz "
    "ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln "
    "lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi "
    "pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti "
    "tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PUBLISHED_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A sentence ends with . ! or ? followed by the end of the text or by a space and a capital letter.
SENTENCE_END = re.compile(r"[.!?](?=$|\s+[A-ZÀ-ÖØ-Þ¿¡(«])")
MAX_DESCRIPTION_CHARS = 600
MAX_SENTENCES = 2
# How each translation names a language, so that a reader told about a resource that is not in their language
# learns which language it is in (docs/knowledge-format.md).
LANGUAGE_NAMES = {
    "description_fr": {"en": "anglais", "es": "espagnol", "fr": "français", "ar": "arabe"},
    "description_es": {"en": "inglés", "es": "español", "fr": "francés", "ar": "árabe"},
}
TRANSLATION_LANGUAGE = {"description_fr": "fr", "description_es": "es"}
# Official UNFCCC terms (docs/knowledge-format.md): wording that must not appear in the translations.
FORBIDDEN_TERMS = {
    "description_fr": (r"approches? coopératives?", r"\bITMOs?\b", r"\bNDCs?\b(?! Partnership)"),
    "description_es": (r"\bITMOs?\b", r"\bNDCs?\b(?! Partnership)"),
}


def as_date(value: Any) -> date | None:
    """A YAML date or an ISO YYYY-MM-DD string as a date; None when it is neither."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def published_start(value: Any) -> date | None:
    """First day of a YYYY, YYYY-MM or YYYY-MM-DD date (YAML may give an int or a date); None if invalid."""
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    match = PUBLISHED_PATTERN.fullmatch(str(value))
    if not match:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_https_url(value: Any) -> bool:
    """True for an absolute https address with a host and no whitespace."""
    if not isinstance(value, str) or re.search(r"\s", value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname)


def text_problems(field: str, value: Any) -> list[str]:
    """Why a description field is not one or two sentences of real text, if it is not."""
    if not isinstance(value, str) or not value.strip():
        return [f"{field} must be a non-empty string"]
    problems = []
    if len(value) > MAX_DESCRIPTION_CHARS:
        problems.append(f"{field} is {len(value)} characters, more than {MAX_DESCRIPTION_CHARS}")
    sentences = len(SENTENCE_END.findall(value.strip()))
    if sentences > MAX_SENTENCES:
        problems.append(f"{field} has {sentences} sentences, more than {MAX_SENTENCES}")
    for pattern in FORBIDDEN_TERMS.get(field, ()):
        if re.search(pattern, value):
            problems.append(f"{field} uses {pattern!r} instead of the official term")
    return problems


def list_problems(field: str, value: Any, allowed: set[str]) -> list[str]:
    """Why a list field is not a non-empty list of distinct allowed strings, if it is not."""
    if not isinstance(value, list) or not value:
        return [f"{field} must be a non-empty list"]
    problems = [f"{field} value {item!r} is not one of the allowed values" for item in value
                if not isinstance(item, str) or item not in allowed]
    if len(set(map(str, value))) != len(value):
        problems.append(f"{field} lists a value twice")
    return problems


def language_note_problems(entry: dict[str, Any]) -> list[str]:
    """A translation of a resource not available in that language must say which language(s) it is in."""
    languages = entry.get("languages")
    if not isinstance(languages, list):
        return []
    problems = []
    for field, names in LANGUAGE_NAMES.items():
        text = entry.get(field)
        if not isinstance(text, str) or TRANSLATION_LANGUAGE[field] in languages:
            continue
        if not any(code in names and names[code] in text for code in languages):
            problems.append(f"{field} does not say which language the resource is in")
    return problems


def entry_problems(entry: Any) -> list[str]:
    """Every way one catalogue entry breaks the format (empty when it conforms)."""
    if not isinstance(entry, dict):
        return ["entry must be a mapping"]
    problems = [f"missing field {name}" for name in REQUIRED_FIELDS if name not in entry]
    problems += [f"unknown field {name}" for name in entry if name not in REQUIRED_FIELDS + OPTIONAL_FIELDS]
    if "id" in entry and not (isinstance(entry["id"], str) and ID_PATTERN.fullmatch(entry["id"])):
        problems.append(f"id {entry['id']!r} is not kebab-case")
    for name in ("title", "publisher", "audience"):
        if name in entry and not (isinstance(entry[name], str) and entry[name].strip()):
            problems.append(f"{name} must be a non-empty string")
    if "type" in entry and entry["type"] not in TYPES:
        problems.append(f"type {entry['type']!r} is not one of {sorted(TYPES)}")
    if "level" in entry and entry["level"] not in LEVELS:
        problems.append(f"level {entry['level']!r} is not one of {sorted(LEVELS)}")
    if "topics" in entry:
        problems += list_problems("topics", entry["topics"], TOPICS)
    if "languages" in entry:
        problems += list_problems("languages", entry["languages"], ISO_639_1)
    for name in ("url", "verified_from"):
        if name in entry and not is_https_url(entry[name]):
            problems.append(f"{name} {entry[name]!r} is not an https address")
    checked = as_date(entry.get("checked"))
    if "checked" in entry and checked is None:
        problems.append(f"checked {entry['checked']!r} is not an ISO date (YYYY-MM-DD)")
    if "published" in entry:
        published = published_start(entry["published"])
        if published is None:
            problems.append(f"published {entry['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        elif checked is not None and published > checked:
            problems.append("published is later than checked")
    for name in ("description", "description_fr", "description_es"):
        if name in entry:
            problems += text_problems(name, entry[name])
    problems += language_note_problems(entry)
    english = entry.get("description")
    for name in ("description_fr", "description_es"):
        if isinstance(english, str) and english.strip() and entry.get(name) == english:
            problems.append(f"{name} repeats the English description")
    return problems


def load(path: Path) -> Any:
    """The parsed YAML of one catalogue file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def all_entries() -> list[tuple[str, dict[str, Any]]]:
    """(file name, entry) for every entry of every catalogue file."""
    return [(path.name, entry) for path in CATALOGUE_FILES for entry in load(path)]


def test_catalogue_covers_the_issue_scope() -> None:
    """At least 40 resources, every resource type, and resources in English, French and Spanish."""
    entries = [entry for _, entry in all_entries()]
    assert len(entries) >= 40
    assert {entry["type"] for entry in entries} == TYPES
    assert {"en", "fr", "es"} <= {code for entry in entries for code in entry["languages"]}


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda path: path.name)
def test_file_is_a_list_of_entries(path: Path) -> None:
    """Each file parses as a non-empty YAML list."""
    data = load(path)
    assert isinstance(data, list) and data, f"{path.name} must be a non-empty YAML list"


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda path: path.name)
def test_entries_follow_the_format(path: Path) -> None:
    """Every entry has the required fields with allowed values (see docs/knowledge-format.md)."""
    problems = [f"{path.name}: {entry.get('id', '?') if isinstance(entry, dict) else '?'}: {problem}"
                for entry in load(path) for problem in entry_problems(entry)]
    assert not problems, "\n".join(problems)


def test_ids_and_addresses_are_unique_across_files() -> None:
    """An id names one resource in the whole catalogue, and no resource is listed twice under another id."""
    entries = all_entries()
    for field in ("id", "url"):
        counts = Counter(entry[field] for _, entry in entries)
        repeated = [f"{value} ({', '.join(name for name, entry in entries if entry[field] == value)})"
                    for value, count in sorted(counts.items()) if count > 1]
        assert not repeated, f"{field} used more than once: {repeated}"


VALID = {
    "id": "example-toolkit", "title": "Example", "publisher": "Example Org", "type": "toolkit",
    "topics": ["authorization", "6.2"], "languages": ["en", "fr"], "audience": "officials",
    "level": "introductory", "url": "https://example.org/toolkit", "published": "2024-06",
    "checked": date(2026, 11, 28), "verified_from": "https://example.org/toolkit",
    "description": "A toolkit. It helps.", "description_fr": "Une boîte à outils.",
    "description_es": "Una caja de herramientas (en inglés).",
}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"id": "Example_Toolkit"}, "not kebab-case"),
        ({"type": "manual"}, "type 'manual'"),
        ({"level": "expert"}, "level 'expert'"),
        ({"topics": ["authorisation"]}, "'authorisation' is not one of the allowed"),
        ({"topics": [6.2]}, "6.2 is not one of the allowed"),
        ({"topics": []}, "topics must be a non-empty list"),
        ({"languages": ["english"]}, "'english' is not one of the allowed"),
        ({"languages": ["en", "en"]}, "languages lists a value twice"),
        ({"url": "http://example.org/toolkit"}, "url 'http://example.org/toolkit' is not an https address"),
        ({"verified_from": "example.org"}, "verified_from 'example.org' is not an https address"),
        ({"checked": "28/11/2026"}, "checked '28/11/2026' is not an ISO date"),
        ({"published": "June 2024"}, "published 'June 2024' is not YYYY"),
        ({"published": "2024-13"}, "published '2024-13' is not YYYY"),
        ({"published": 2030}, "published is later than checked"),
        ({"description_fr": ""}, "description_fr must be a non-empty string"),
        ({"description_es": "A toolkit. It helps."}, "description_es repeats the English description"),
        ({"description": "One. Two. Three."}, "description has 3 sentences"),
        ({"description": "x" * 601}, "601 characters"),
        ({"description_fr": "Des approches coopératives."}, "instead of the official term"),
        ({"description_es": "Apoya la NDC del país (en inglés)."}, "instead of the official term"),
        ({"description_es": "Una caja de herramientas."}, "description_es does not say which language"),
        ({"languages": ["es"]}, "description_fr does not say which language"),
        ({"homepage": "https://example.org"}, "unknown field homepage"),
    ],
)
def test_malformed_entries_are_reported(change: dict[str, Any], expected: str) -> None:
    """The checks above catch each kind of mistake a curator can make, with a message that says which."""
    assert entry_problems(VALID) == []
    problems = entry_problems({**VALID, **change})
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize("field", REQUIRED_FIELDS)
def test_missing_required_field_is_reported(field: str) -> None:
    """Dropping any required field is named in the report."""
    entry = {name: value for name, value in VALID.items() if name != field}
    assert f"missing field {field}" in entry_problems(entry)


def test_published_is_optional_and_accepts_every_precision() -> None:
    """published may be left out, or given as a year, a month or a day (YAML may read them as int or date)."""
    without = {name: value for name, value in VALID.items() if name != "published"}
    assert entry_problems(without) == []
    for value in (2023, "2023", "2023-11", "2023-11-05", date(2023, 11, 5)):
        assert entry_problems({**VALID, "published": value}) == []
