"""The one topic parser every channel uses for subscribe, unsubscribe and events."""

from __future__ import annotations

import pytest

from bot.outreach.topics import parse_topics
from bot.texts import UserError


@pytest.mark.parametrize(("typed", "topics"), [
    ("6.2, private sector", ["6.2", "private-sector"]),  # what Telegram used to refuse
    ("all", []), ("ALL", []), ("todos", []),  # what Slack used to refuse; [] means every topic
    ("reporting tracking", ["reporting", "tracking"]),
    ("Article 6.2 reporting; capacity building", ["6.2", "capacity-building", "reporting"]),
    ("corresponding adjustments", ["corresponding-adjustments"]),
    ("démarches concertées, Seguimiento", ["6.2", "tracking"]),
    ("", None), ("  ,  ", None),
])
def test_what_people_type(typed: str, topics: list[str] | None) -> None:
    assert parse_topics(typed) == topics


def test_a_word_that_is_no_topic_is_named() -> None:
    with pytest.raises(UserError, match=r"unknown topic 'astrology'; known topics: authorization, "):
        parse_topics("reporting astrology")
    with pytest.raises(UserError, match="unknown topic 'all'"):
        parse_topics("all, reporting")  # 'all' stands alone or not at all
