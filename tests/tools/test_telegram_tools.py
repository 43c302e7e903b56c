"""Tools in Telegram, through the real PTB client polling the test Bot API: the "Done when" question gets
fitting resources with links, and /tools [topic] lists the catalogue in the reader's language."""

from __future__ import annotations

import pytest

from bot.platform import Runner
from tests.telegram.botapi_server import BotApiServer
from tests.telegram.conftest import api, bot, exchange, prepared_data, settings  # noqa: F401  (fixtures)

pytestmark = pytest.mark.model


async def test_a_toolkit_question_gets_resources_with_links(api: BotApiServer, bot: Runner) -> None:
    [reply] = await exchange(api, api.text_update(
        "Is there a toolkit to help us decide our Article 6 authorization policy?"))
    assert reply.text.startswith("Resources that may help:")
    assert "Article 6 Readiness Toolkit" in reply.text
    assert '<a href="https://ndcpartnership.org/knowledge-portal/climate-toolbox/article-6-readiness-toolkit">' \
        in reply.params["text"]
    assert [b["text"] for b in reply.buttons] == ["👍 helpful", "👎 not helpful", "ask A6IP staff"]


async def test_tools_command_lists_by_topic_in_the_readers_language(api: BotApiServer, bot: Runner) -> None:
    [listing] = await exchange(api, api.text_update("/tools registries"))
    assert listing.text.startswith("Capacity-building tools on Registries (")
    assert "Article 6.4 Mechanism Registry" in listing.params["text"] and "<b>" in listing.params["text"]
    spanish = api.user(language_code="es")
    [es] = await exchange(api, api.text_update("/tools autorización", user=spanish))
    assert es.text.startswith("Herramientas de fortalecimiento de capacidades: Autorización")
    first = es.text.splitlines()[1]
    assert "español" in first  # resources that exist in Spanish come first
    [unknown] = await exchange(api, api.text_update("/tools astrology"))
    assert "unknown topic 'astrology'" in unknown.text
