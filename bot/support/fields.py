"""What each answer of the guided conversation may be: pure validators that return the value to keep or
raise a UserError whose message (in the asker's language) says what to type instead."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel import Locale

from bot.public import ADDRESS, control_character
from bot.texts import LANGUAGES, UserError, say

AREAS = ("strategy", "authorization", "reporting", "tracking", "project-initiation", "methodology")
TIMELINES = ("3m", "6m", "12m", "open")
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}  # regions and pseudo-territories in CLDR
# Names officials use that CLDR spells otherwise.
ALIASES = {"viet nam": "VN", "turkiye": "TR", "ivory coast": "CI", "lao pdr": "LA", "republic of korea": "KR",
           "korea": "KR", "usa": "US", "uk": "GB", "russian federation": "RU", "bolivia plurinational state of": "BO",
           "drc": "CD", "democratic republic of the congo": "CD", "republique democratique du congo": "CD",
           "eswatini": "SZ", "cabo verde": "CV", "cape verde": "CV"}
LIMITS = {"institution": (2, 200), "name": (2, 120), "role": (2, 120), "timeline": (2, 200), "needs": (20, 2000)}
SEPARATORS = re.compile(r"\s*(?:,|;|/|\+|&|\n|\band\b|\bet\b|\by\b)\s*", re.IGNORECASE)


def fold(text: str) -> str:
    """'Côte d’Ivoire ' -> 'cote divoire': accents, case, punctuation and spacing do not matter."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = re.sub(r"[’'`´.\-()]", "", plain.casefold())
    return " ".join(plain.split())


@cache
def countries() -> dict[str, str]:
    """Every country's name in English, French and Spanish (folded) -> its ISO 3166 code."""
    names: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
                names.setdefault(fold(name), code)
                names.setdefault(code.lower(), code)
    return {**names, **ALIASES}


def country_code(text: str) -> str:
    """The ISO code of a country typed in English, French or Spanish (or as its code)."""
    value = " ".join(text.split())[:100]
    if not value:
        raise UserError("support.error.country_empty")
    folded = fold(value)
    for candidate in (folded, re.sub(r"^(the|la|le|les|l|el|los|las)\s+", "", folded)):
        if candidate in countries():
            return countries()[candidate]
    raise UserError("support.error.country", value=value)


def country_name(code: str, language: str = "en") -> str:
    return Locale(language if language in LANGUAGES else "en").territories.get(code, code)


def plain_text(field: str, text: str) -> str:
    """A free-text answer within its field's length, with no control characters (line breaks allowed in needs)."""
    value = text.strip() if field == "needs" else " ".join(text.split())
    low, high = LIMITS[field]
    if control_character(value):
        raise UserError("support.error.control")
    if not low <= len(value) <= high or not any(c.isalpha() for c in value):
        raise UserError(f"support.error.{field}")
    return value


def email(text: str) -> str:
    """'Name@Ministry.GOV ' -> 'Name@ministry.gov'."""
    value = text.strip()
    if len(value) > 254 or not ADDRESS.match(value):
        raise UserError("support.error.email", value=value[:60])
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


@cache
def area_names() -> dict[str, str]:
    """Folded area labels in every language, their ids, and their numbers 1-6 -> area id."""
    names = {str(n): area for n, area in enumerate(AREAS, start=1)}
    for area in AREAS:
        names[fold(area)] = area
        names[fold(area.replace("-", " "))] = area
        for language in LANGUAGES:
            names[fold(say(f"support.area.{area}", language))] = area
    return names


def areas(text: str, language: str) -> list[str]:
    """Areas typed instead of tapped: 'authorization, reporting' or '2 et 3', in any of the three languages."""
    chosen: list[str] = []
    for part in (p for p in SEPARATORS.split(text) if p and p.strip()):
        area = area_names().get(fold(part))
        if area is None:
            listed = ", ".join(say(f"support.area.{a}", language) for a in AREAS)
            raise UserError("support.error.area", value=part.strip()[:60], areas=listed)
        chosen.append(area)
    if not chosen:
        raise UserError("support.error.areas")
    return [a for a in AREAS if a in chosen]
