"""Time-zone names as people type them: an IANA zone ('Asia/Tokyo') or a city ('Tokyo', 'New York')."""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.texts import UserError

CITY_ALIASES = {
    "geneva": "Europe/Zurich", "bonn": "Europe/Berlin", "washington": "America/New_York",
    "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "beijing": "Asia/Shanghai",
    "san francisco": "America/Los_Angeles", "rio": "America/Sao_Paulo", "rio de janeiro": "America/Sao_Paulo",
    "baku": "Asia/Baku", "dubai": "Asia/Dubai", "utc": "UTC", "gmt": "UTC", "abu dhabi": "Asia/Dubai",
    "cape town": "Africa/Johannesburg", "pretoria": "Africa/Johannesburg", "hanoi": "Asia/Bangkok",
    "kigali": "Africa/Kigali", "bridgetown": "America/Barbados", "port of spain": "America/Port_of_Spain",
}


@cache
def _cities() -> dict[str, str]:
    """Last part of every IANA name, lower-cased with spaces: 'new york' -> 'America/New_York'."""
    out: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            out.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return out


def resolve_timezone(value: str) -> str:
    """The IANA name for a zone or a city; ValueError with an example when it is not recognised."""
    text = " ".join(value.strip().split())
    if not text:
        raise UserError("error.zone_empty")
    try:
        if "/" in text or text.upper() == "UTC":
            ZoneInfo(text)
            return "UTC" if text.upper() == "UTC" else text
    except (ZoneInfoNotFoundError, ValueError):
        pass
    key = text.lower().replace("_", " ")
    found = CITY_ALIASES.get(key) or _cities().get(key)
    if found is None:
        raise UserError("error.zone", zone=text)
    return found
