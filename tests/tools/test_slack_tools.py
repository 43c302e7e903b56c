"""`/a6 tools [topic]` in Slack, sent as a signed slash command and answered through response_url."""

from __future__ import annotations

import pytest

from tests.slack.conftest import Slack, settings, slack, slack_api  # noqa: F401  (fixtures)
from tests.slack.test_commands import reply, text_of

pytestmark = pytest.mark.model


async def test_a6_tools_lists_resources_on_a_topic(slack: Slack) -> None:
    posted = await reply(slack, "tools 6.8")
    body = text_of(posted)
    assert body.startswith("*Capacity-building tools on Article 6.8 non-market approaches* (")
    assert "https://unfccc.int/" in body
    assert "`/a6 tools reporting`" not in body  # fewer than a page: no hint to narrow
    everything = text_of(await reply(slack, "tools"))
    assert "`/a6 tools reporting`" in everything and "Topics:" in everything
