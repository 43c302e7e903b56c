"""Official URLs of decisions and reports, so every imported paragraph and guide links to its source."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from knowledge.types import LoadError

SOURCES_PATH = Path(__file__).parent / "content" / "sources.yaml"
SYMBOL_RE = re.compile(r"FCCC/PA/CMA/(\d{4})/(\d+)(?:/Add\.(\d+))?")
DECISION_REF_RE = re.compile(r"\b(\d{1,3}/(?:CMA|CP|CMP)\.\d{1,2})\b")
_LANGUAGE_LETTER = {"en": "E", "fr": "F", "es": "S"}
_cache: dict[Path, tuple[float, dict[str, str]]] = {}


def load_sources(path: Path = SOURCES_PATH) -> dict[str, str]:
    """Map of decision ("2/CMA.3") and report symbol to URL; empty while sources.yaml does not exist."""
    if not path.is_file():
        return {}
    mtime = path.stat().st_mtime
    cached = _cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise LoadError(str(path), f"invalid sources file: {error}") from error
    if not isinstance(entries, list):
        raise LoadError(str(path), "sources file must be a YAML list of {decisions, document, url}")
    mapping: dict[str, str] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("url"):
            raise LoadError(str(path), f"entry {index}: needs a url")
        url = str(entry["url"])
        if entry.get("document"):
            mapping[str(entry["document"]).strip()] = url
        for decision in entry.get("decisions") or []:
            mapping[str(decision).strip()] = url
    _cache[path] = (mtime, mapping)
    return mapping


def official_report_url(symbol: str, language: str = "en") -> str | None:
    """URL by the UNFCCC naming pattern, e.g. FCCC/PA/CMA/2021/10/Add.1 -> .../cma2021_10a01E.pdf."""
    match = SYMBOL_RE.fullmatch(symbol.strip())
    if not match:
        return None
    year, number, addendum = match.groups()
    letter = _LANGUAGE_LETTER.get(language, "E")
    suffix = f"a{int(addendum):02d}" if addendum else ""
    return f"https://unfccc.int/sites/default/files/resource/cma{year}_{number}{suffix}{letter}.pdf"


def url_for_document(symbol: str, language: str = "en", path: Path = SOURCES_PATH) -> str | None:
    """The report's URL: from sources.yaml (English), else derived from its symbol."""
    if language == "en":
        url = load_sources(path).get(symbol.strip())
        if url:
            return url
    return official_report_url(symbol, language)


def url_for_decision(decision: str, path: Path = SOURCES_PATH) -> str | None:
    """URL of the report containing a decision such as "2/CMA.3", if sources.yaml lists it."""
    return load_sources(path).get(decision.strip())


def url_for_citation(citation: str, path: Path = SOURCES_PATH) -> str | None:
    """URL for a citation like "Decision 2/CMA.3, annex, para. 20" (first decision it names), or for a cited
    document that sources.yaml lists by name (a public web page has no decision symbol to go by)."""
    match = DECISION_REF_RE.search(citation)
    if match:
        return url_for_decision(match.group(1), path)
    return load_sources(path).get(citation.strip())
