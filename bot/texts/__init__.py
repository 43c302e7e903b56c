"""The bot's own words (help, flows, buttons, errors, notices) in English, French and Spanish: one
platform-neutral catalogue every channel draws from, so a French reader gets French in Telegram, Slack or
any channel added later, and no adapter keeps words of its own.

`say(key, language, **values)` falls back to English for an unknown language; `language_of(tag)` reads
what a platform knows of its user ("fr", "fr-FR", "es_419"). Markup is neutral (*bold*, `code`).
"""

from __future__ import annotations

from typing import Any

from bot.texts import en, es, fr, support
from bot.texts.en import KINDS, TOPICS

LANGUAGES = ("en", "fr", "es")
DEFAULT = "en"
CATALOGUE: dict[str, dict[str, str]] = {"en": {**en.MESSAGES, **support.EN}, "fr": {**fr.MESSAGES, **support.FR},
                                         "es": {**es.MESSAGES, **support.ES}}
TOPIC_LABELS: dict[str, dict[str, str]] = {"en": TOPICS, "fr": fr.TOPICS, "es": es.TOPICS}
KIND_LABELS: dict[str, dict[str, str]] = {"en": KINDS, "fr": fr.KINDS, "es": es.KINDS}


def language_of(tag: str | None) -> str:
    """The catalogue language for a platform's language tag or locale; English for anything else."""
    code = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else DEFAULT


def say(key: str, language: str = DEFAULT, /, **values: Any) -> str:
    """The text for `key` in `language` (English when that language lacks it), with `values` filled in."""
    text = CATALOGUE.get(language, CATALOGUE[DEFAULT]).get(key) or CATALOGUE[DEFAULT][key]
    return text.format(**values) if values else text


def topic_label(topic: str, language: str = DEFAULT) -> str:
    return TOPIC_LABELS.get(language, TOPICS).get(topic) or TOPICS.get(topic, topic)


def any_topic_label(topic: str, language: str = DEFAULT) -> str:
    """Labels for the bot's topics and for the tools catalogue's own (strategy, registries, NDC alignment...)."""
    return topic_label(topic, language) if topic in TOPICS else say(f"tools.topic.{topic}", language)


def kind_label(kind: str, language: str = DEFAULT) -> str:
    return KIND_LABELS.get(language, KINDS).get(kind) or KINDS.get(kind, KINDS["other"])


def topics_text(topics: tuple[str, ...] | list[str], language: str = DEFAULT) -> str:
    """'Reporting, Tracking', or 'every topic' for a subscription to all of them."""
    return ", ".join(topic_label(t, language) for t in topics) if topics else say("sub.every_topic", language)


class UserError(ValueError):
    """A request that cannot be done, for a reason the person can fix; `say(language)` explains it in their
    language and `str()` in English (logs, the CLI)."""

    def __init__(self, key: str, **values: Any) -> None:
        self.key, self.values = key, values
        super().__init__(say(key, DEFAULT, **values))

    def say(self, language: str) -> str:
        return say(self.key, language, **self.values)


__all__ = ["LANGUAGES", "UserError", "any_topic_label", "kind_label", "language_of", "say", "topic_label", "topics_text"]
