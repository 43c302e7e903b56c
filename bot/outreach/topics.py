"""The topics vocabulary shared by events, subscriptions and the event questions (ids; labels in bot.texts),
and the one parser of topics as people type them in any channel."""

from __future__ import annotations

import re
from functools import cache

from bot.texts import TOPIC_LABELS, UserError
from bot.texts.en import KINDS, TOPICS

EVERY = frozenset({"all", "every", "everything", "*", "tout", "tous", "toutes", "todo", "todos", "todas"})
SEPARATORS = re.compile(r"[,;\n]+")
ALIASES: dict[str, str] = {
    "authorisation": "authorization", "article 6.2": "6.2", "article 6.4": "6.4", "article 6.8": "6.8",
    "a6.2": "6.2", "a6.4": "6.4", "a6.8": "6.8", "private sector": "private-sector", "ca": "corresponding-adjustments",
    "corresponding adjustments": "corresponding-adjustments", "capacity building": "capacity-building",
    "methodologies": "methodology", "pacm": "6.4", "itmo": "6.2", "itmos": "6.2",
    "cooperative approaches": "6.2", "non-market approaches": "6.8", "nma": "6.8", "nmas": "6.8",
}


def canonical(value: str) -> str:
    return " ".join(value.strip().lower().replace("_", " ").split())


@cache
def names() -> dict[str, str]:
    """Every way of naming a topic -> its id: ids, aliases, and its label in each language."""
    labels = [(label, topic) for by_topic in TOPIC_LABELS.values() for topic, label in by_topic.items()]
    found = {canonical(label): topic for label, topic in labels}
    found.update({canonical(label.split(":", 1)[1]): topic for label, topic in labels if ":" in label})
    found.update(ALIASES)
    found.update({t: t for t in TOPICS})
    found.update({t.replace("-", " "): t for t in TOPICS})
    return found


def normalize_topic(value: str) -> str:
    """A topic id from what a person or a calendar wrote ('Private Sector' -> 'private-sector'); UserError
    (a ValueError naming the known topics) if unknown."""
    topic = names().get(canonical(value))
    if topic is None:
        raise UserError("error.topic", word=value.strip(), topics=", ".join(TOPICS))
    return topic


def parse_topics(text: str) -> list[str] | None:
    """Topic ids from what someone typed after 'subscribe': '6.2, private sector', 'reporting tracking',
    'Article 6.2 reporting'; [] for 'all' (every topic); None when nothing was typed. Within a comma-separated
    part, the longest run of words naming a topic wins, so multi-word names need no commas. UserError names
    the first word that is no topic, and nothing is half-applied."""
    parts = [canonical(p) for p in SEPARATORS.split(text or "") if canonical(p)]
    if not parts:
        return None
    if len(parts) == 1 and parts[0] in EVERY:
        return []
    found: set[str] = set()
    for part in parts:
        found.update(topics_in(part))
    return sorted(found)


def topics_in(part: str) -> list[str]:
    """The topics one comma-free part names, reading left to right, longest name first."""
    if part in names():
        return [names()[part]]
    words, topics, at = part.split(), [], 0
    while at < len(words):
        for end in range(len(words), at, -1):
            topic = names().get(" ".join(words[at:end]))
            if topic is not None:
                topics.append(topic)
                at = end
                break
        else:
            raise UserError("error.topic", word=words[at], topics=", ".join(TOPICS))
    return topics


def normalize_kind(value: str) -> str:
    """An event-kind id ('WG meeting' -> 'wg-meeting'); ValueError if unknown."""
    key = "-".join(value.strip().lower().replace("_", " ").split())
    aliases = {"wg": "wg-meeting", "working-group-meeting": "wg-meeting", "meeting": "wg-meeting",
               "side": "side-event", "trainings": "training", "workshops": "workshop"}
    key = aliases.get(key, key)
    if key not in KINDS:
        raise ValueError(f"unknown event kind {value!r}; known kinds: {', '.join(KINDS)}")
    return key
