"""Finding 8: a NUL byte (or any control character) in a question gave a 500 in the web chat and broke the
Telegram handler. One core check refuses it with the same catalogue text in every channel, in the reader's
language, and nothing is logged."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.answering import QuestionError
from bot.inputs import validate_question
from bot.services import Services
from bot.storage import QuestionLog
from bot.texts import say
from tests.email.conftest import port  # noqa: F401  (shared fixture)
from tests.web.conftest import http, settings, site, token_of  # noqa: F401  (the web chat on a live server)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "char"), [("What is\x00 an ITMO?", "U+0000"), ("ITMO\x1b[2J?", "U+001B"),
                                            ("Article\u202e 6.2", "U+202E"), ("a\x7fb", "U+007F")])
def test_the_core_check_names_the_character_in_each_language(text: str, char: str) -> None:
    with pytest.raises(QuestionError) as refused:
        validate_question(text)
    assert str(refused.value) == say("input.control", "en", char=char)
    assert refused.value.say("fr") == f"Votre texte contient un caractère de contrôle invisible ({char}) ; saisissez-le de nouveau."
    assert refused.value.say("es").startswith(f"Su texto contiene un carácter de control invisible ({char})")


def test_ordinary_text_passes() -> None:
    assert validate_question("  Qu'est-ce qu'un\tRATI ?\r\n") == "Qu'est-ce qu'un RATI ?"
    assert validate_question("क्\u200dष") == "क्\u200dष"  # joiners some scripts need are not control characters
    with pytest.raises(QuestionError) as long:
        validate_question("x" * 1001)
    assert long.value.say("es") == "Ese mensaje tiene 1,001 caracteres; haga una pregunta de 1,000 caracteres como máximo."


async def test_the_web_chat_refuses_it_with_400_not_500(http, services: Services) -> None:  # noqa: F811
    token = await token_of(http, "fr")
    for lang, expected in (("fr", say("input.control", "fr", char="U+0000")),
                           ("en", say("input.control", "en", char="U+0000"))):
        asked = await http.post(f"/web/ask?lang={lang}", json={"token": token, "question": "What is\x00 an ITMO?",
                                                              "language": lang})
        assert asked.status_code == 400 and asked.json() == {"error": expected}
    async with services.db.session() as session:
        assert await session.scalar(select(func.count(QuestionLog.id))) == 0
    assert (await services.answerer.ask("What is an ITMO?", channel="test")).answered  # the service is fine
