"""An answer longer than a chat message has a "More" button that shows the rest; each chat is one conversation,
so an elliptical follow-up is answered as the question it stands for, and says how it was understood."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from adapters.telegram.keyboards import callback_key, pack
from bot.config import Settings
from bot.platform import Runner
from tests.conftest import TINY_EVENTS
from tests.telegram.botapi_server import TOKEN, BotApiServer
from tests.telegram.conftest import STAFF_CHAT, exchange

LONG = "What accounts does a registry keep?"


@pytest.fixture
def settings(tmp_path: Path, api: BotApiServer, prepared_more: Path, kb_with_more: Path) -> Settings:
    """A copy of an install with a long registry guide added to the tiny knowledge base, so the registry
    answer has a rest behind "More"."""
    shutil.copytree(prepared_more, tmp_path / "data")
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=kb_with_more, events_dir=TINY_EVENTS,
                    database_url="", telegram_token=TOKEN, telegram_api_url=api.api_url,
                    telegram_staff_chat=STAFF_CHAT)


async def test_more_shows_the_rest_and_the_button_goes(api: BotApiServer, bot: Runner) -> None:
    [answer] = await exchange(api, api.text_update(LONG))
    assert [b["text"] for b in answer.buttons] == ["More", "👍 helpful", "👎 not helpful", "ask A6IP staff"]
    [rest] = await exchange(api, api.press(answer, "More"))
    assert rest.chat_id == "1001" and rest.text and rest.text not in answer.text
    assert "transaction by transaction" in rest.text and "Decision 2/CMA.3, annex, para. 29" in rest.text
    [edit] = api.sent("editMessageReplyMarkup")
    assert [b["text"] for row in edit.params["reply_markup"]["inline_keyboard"] for b in row] == \
        ["👍 helpful", "👎 not helpful", "ask A6IP staff"]
    await exchange(api, api.press(answer, "👍"), method="editMessageReplyMarkup")
    assert "More" not in str(api.sent("editMessageReplyMarkup")[-1].params["reply_markup"])


async def test_more_in_french_and_for_an_answer_no_longer_on_record(api: BotApiServer, bot: Runner) -> None:
    french = api.user(language_code="fr")
    [answer] = await exchange(api, api.text_update(LONG, user=french))
    assert answer.buttons[0]["text"] == "Plus"
    [rest] = await exchange(api, api.press(answer, "Plus", user=french))
    assert "transaction by transaction" in rest.text
    gone = pack(callback_key(TOKEN), "mo", 999)  # a genuine button whose question log was deleted
    await exchange(api, api.press(answer, "", user=french, data=gone), method="answerCallbackQuery")
    assert api.sent("answerCallbackQuery")[-1].params["text"] == "Il n'y a rien de plus à montrer pour cette réponse."
    assert len(api.sent("sendMessage")) == 2


async def test_a_follow_up_in_the_same_chat_is_understood_and_other_chats_are_not_mixed(api: BotApiServer,
                                                                                        bot: Runner) -> None:
    await exchange(api, api.text_update("When is annual information under Article 6.2 due?"))
    [follow] = await exchange(api, api.text_update("what about the deadline?"))
    assert follow.text.startswith("Answering: What is the deadline for annual information under Article 6.2?")
    assert "15 April" in follow.text
    other = api.chat(2002)
    [alone] = await exchange(api, api.text_update("what about the deadline?", chat=other,
                                                   user=api.user(2002, "Bo", "bo")))
    assert "Answering:" not in alone.text  # another chat has no conversation to follow
