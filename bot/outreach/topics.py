"""The topics vocabulary shared by events, subscriptions and the event questions."""

from __future__ import annotations

TOPICS: dict[str, str] = {
    "authorization": "Authorization",
    "reporting": "Reporting",
    "tracking": "Tracking",
    "private-sector": "Private sector",
    "6.2": "Article 6.2 cooperative approaches",
    "6.4": "Article 6.4 mechanism (PACM)",
    "6.8": "Article 6.8 non-market approaches",
    "methodology": "Methodologies",
    "capacity-building": "Capacity building",
    "corresponding-adjustments": "Corresponding adjustments",
}

KINDS: dict[str, str] = {
    "training": "Training",
    "wg-meeting": "Working-group meeting",
    "plenary": "Plenary",
    "workshop": "Workshop",
    "webinar": "Webinar",
    "side-event": "Side event",
    "conference": "Conference",
    "other": "Event",
}

ALIASES: dict[str, str] = {
    "authorisation": "authorization", "article 6.2": "6.2", "article 6.4": "6.4", "article 6.8": "6.8",
    "a6.2": "6.2", "a6.4": "6.4", "a6.8": "6.8", "private sector": "private-sector", "ca": "corresponding-adjustments",
    "corresponding adjustments": "corresponding-adjustments", "capacity building": "capacity-building",
    "methodologies": "methodology", "pacm": "6.4", "itmo": "6.2", "itmos": "6.2",
}


def normalize_topic(value: str) -> str:
    """A topic id from what a person or a calendar wrote ('Private Sector' -> 'private-sector'); ValueError if unknown."""
    key = " ".join(value.strip().lower().replace("_", " ").split())
    if key in TOPICS:
        return key
    if key.replace(" ", "-") in TOPICS:
        return key.replace(" ", "-")
    if key in ALIASES:
        return ALIASES[key]
    raise ValueError(f"unknown topic {value!r}; known topics: {', '.join(TOPICS)}")


def normalize_kind(value: str) -> str:
    """An event-kind id ('WG meeting' -> 'wg-meeting'); ValueError if unknown."""
    key = "-".join(value.strip().lower().replace("_", " ").split())
    aliases = {"wg": "wg-meeting", "working-group-meeting": "wg-meeting", "meeting": "wg-meeting",
               "side": "side-event", "trainings": "training", "workshops": "workshop"}
    key = aliases.get(key, key)
    if key not in KINDS:
        raise ValueError(f"unknown event kind {value!r}; known kinds: {', '.join(KINDS)}")
    return key
