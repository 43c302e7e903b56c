"""Finding 8 in Telegram: a NUL byte in a message gets the catalogue's refusal in the person's language from the
real PTB client, the handler keeps working, and nothing is logged."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.platform import Runner
from bot.services import Services
from bot.storage import QuestionLog
from bot.texts import say
from tests.telegram.botapi_server import BotApiServer
from tests.telegram.conftest import api, bot, exchange, prepared_data, settings  # noqa: F401  (the Bot API test server)


async def test_a_nul_byte_is_refused_in_the_persons_language(api: BotApiServer, bot: Runner,  # noqa: F811
                                                             services: Services) -> None:
    [refusal] = await exchange(api, api.text_update("What is\x00 an ITMO?"))
    assert refusal.text == say("input.control", "en", char="U+0000")
    [french] = await exchange(api, api.text_update("Qu'est-ce qu'un\x00 RATI ?", user=api.user(language_code="fr")))
    assert french.text == say("input.control", "fr", char="U+0000")
    async with services.db.session() as session:
        assert await session.scalar(select(func.count(QuestionLog.id))) == 0
    [answer] = await exchange(api, api.text_update("When is annual information under Article 6.2 due?"))
    assert "15 April" in answer.text  # the handler still answers the next question
