"""The capacity-building tools catalogue format (docs/knowledge-format.md): one validated `Resource` per
entry of a `knowledge/tools/*.yaml` file or of a file staff import, with messages naming the entry and field."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

SHIPPED = Path(__file__).resolve().parents[2] / "knowledge" / "tools"

TYPES = ("toolkit", "guidebook", "template", "e-learning", "webinar", "case-study", "database")
TOPICS = ("authorization", "reporting", "tracking", "private-sector", "6.2", "6.4", "6.8", "methodology",
          "capacity-building", "corresponding-adjustments", "strategy", "project-initiation", "registries", "ndc")
LEVELS = ("introductory", "intermediate", "advanced")
REQUIRED = ("id", "title", "publisher", "type", "topics", "languages", "audience", "level", "url", "checked",
            "verified_from", "description", "description_fr", "description_es")
OPTIONAL = ("published",)
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE = re.compile(r"[a-z]{2}")
PUBLISHED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
MAX_DESCRIPTION = 600


class ToolFormatError(ValueError):
    """An entry that does not follow the catalogue format; the message names the file, the entry and the field."""


@dataclass(frozen=True)
class Resource:
    """One capacity-building resource as the catalogue describes it (the same fields as the YAML)."""

    id: str
    title: str
    publisher: str
    type: str
    topics: tuple[str, ...]
    languages: tuple[str, ...]
    audience: str
    level: str
    url: str
    checked: str
    verified_from: str
    description: str
    description_fr: str
    description_es: str
    published: str | None = None

    def describe(self, language: str) -> str:
        """The description in `language` (en, fr, es), English otherwise."""
        return {"fr": self.description_fr, "es": self.description_es}.get(language, self.description)

    def fingerprint(self) -> str:
        """A hash of every field, so a start can tell whether a shipped entry changed."""
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()

    def to_record(self) -> dict[str, Any]:
        """The entry as the YAML format writes it."""
        record = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}
        return {k: v for k, v in record.items() if v is not None}


def _https(value: Any) -> bool:
    return isinstance(value, str) and not re.search(r"\s", value) and urlsplit(value).scheme == "https" \
        and bool(urlsplit(value).hostname)


def _day(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def _strings(name: str, value: Any, allowed: tuple[str, ...] | re.Pattern[str]) -> tuple[str, ...]:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = [v.strip() for v in str(value).split(",") if v.strip()]  # "6.2, reporting" from a form or CSV
    if not isinstance(value, list) or not value:
        raise ValueError(f"{name}: give a non-empty list")
    items = tuple(str(v).strip().lower() for v in value)
    for item in items:
        ok = item in allowed if isinstance(allowed, tuple) else allowed.fullmatch(item) is not None
        if not ok:
            hint = f"; use {', '.join(allowed)}" if isinstance(allowed, tuple) else " (two-letter ISO 639-1 code)"
            raise ValueError(f"{name}: {item!r} is not allowed{hint}")
    if len(set(items)) != len(items):
        raise ValueError(f"{name}: a value is listed twice")
    return items


def _text(name: str, value: Any, limit: int = 500) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name}: required, a non-empty text")
    text = " ".join(value.split())
    if len(text) > limit:
        raise ValueError(f"{name}: {len(text)} characters, at most {limit}")
    return text


def _one_of(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def resource_from(record: Any) -> Resource:
    """Validate one entry; ValueError names the first field at fault."""
    if not isinstance(record, dict):
        raise ValueError("the entry is not a mapping of fields")
    missing = [name for name in REQUIRED if name not in record or record[name] in (None, "")]
    if missing:
        raise ValueError(f"{missing[0]}: required field missing")
    unknown = [name for name in record if name not in REQUIRED + OPTIONAL]
    if unknown:
        raise ValueError(f"{unknown[0]}: unknown field (allowed: {', '.join(REQUIRED + OPTIONAL)})")
    if not isinstance(record["id"], str) or not ID.fullmatch(record["id"]):
        raise ValueError(f"id: {record['id']!r} is not kebab-case (a-z, 0-9, single hyphens)")
    for name in ("url", "verified_from"):
        if not _https(record[name]):
            raise ValueError(f"{name}: {record[name]!r} is not an https:// address")
    checked = _day(record["checked"])
    if checked is None:
        raise ValueError(f"checked: {record['checked']!r} is not a date YYYY-MM-DD")
    published = record.get("published")
    if published is not None:
        published = published.isoformat() if isinstance(published, date) else str(published).strip()
        if not PUBLISHED.fullmatch(published):
            raise ValueError(f"published: {record['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if published > checked:
            raise ValueError("published: later than checked")
    return Resource(
        id=record["id"], title=_text("title", record["title"]), publisher=_text("publisher", record["publisher"]),
        type=_one_of("type", record["type"], TYPES), topics=_strings("topics", record["topics"], TOPICS),
        languages=_strings("languages", record["languages"], LANGUAGE), audience=_text("audience", record["audience"]),
        level=_one_of("level", record["level"], LEVELS), url=record["url"].strip(), checked=checked,
        verified_from=record["verified_from"].strip(),
        description=_text("description", record["description"], MAX_DESCRIPTION),
        description_fr=_text("description_fr", record["description_fr"], MAX_DESCRIPTION),
        description_es=_text("description_es", record["description_es"], MAX_DESCRIPTION), published=published)


def parse(text: str, name: str) -> list[Resource]:
    """Every entry of one YAML file (a list, or a mapping with a `resources` list); all or nothing."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ToolFormatError(f"{name}: not valid YAML ({error})") from error
    records = data.get("resources") if isinstance(data, dict) else data
    if not isinstance(records, list) or not records:
        raise ToolFormatError(f"{name}: expected a list of resources")
    resources = []
    for number, record in enumerate(records, start=1):
        label = record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else "no id"
        try:
            resources.append(resource_from(record))
        except ValueError as error:
            raise ToolFormatError(f"{name}: resource {number} ({label}): {error}") from error
    check_unique(resources, name)
    return resources


def check_unique(resources: list[Resource], name: str) -> None:
    """No id and no address twice."""
    for attribute in ("id", "url"):
        seen: set[str] = set()
        for resource in resources:
            value = getattr(resource, attribute)
            if value in seen:
                raise ToolFormatError(f"{name}: {attribute} {value} appears twice")
            seen.add(value)


def read_file(path: Path) -> list[Resource]:
    if not path.is_file():
        raise ToolFormatError(f"{path}: no such file")
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise ToolFormatError(f"{path}: use a .yaml file in the catalogue format (docs/knowledge-format.md)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ToolFormatError(f"{path}: not UTF-8 text") from error
    return parse(text, str(path))


def load_folder(folder: Path = SHIPPED) -> list[Resource]:
    """The shipped catalogue: every *.yaml of the folder, ids and addresses unique across files."""
    resources = [r for path in sorted(folder.glob("*.yaml")) for r in read_file(path)]
    check_unique(resources, str(folder))
    return resources
