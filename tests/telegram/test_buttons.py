"""The buttons under an answer: helpful / not helpful recorded with the question log, 'ask A6IP staff'
forwarding the question; every button press answered; forged presses refused."""

from __future__ import annotations

from adapters.telegram.settings import TelegramSettings
from bot.platform import Runner
from bot.services import Services
from bot.storage import QuestionLog
from tests.telegram.botapi_server import BotApiServer, Call
from tests.telegram.conftest import STAFF_CHAT, exchange, silence


async def ask(api: BotApiServer, text: str = "What is an ITMO?") -> Call:
    return (await exchange(api, api.text_update(text)))[-1]


async def logged(services: Services, log_id: int = 1) -> QuestionLog:
    async with services.db.session() as session:
        row = await session.get(QuestionLog, log_id)
        assert row is not None
        return row


async def test_helpful_is_recorded_and_the_pair_of_buttons_goes(api: BotApiServer, bot: Runner, services: Services) -> None:
    answer = await ask(api)
    [edit] = await exchange(api, api.press(answer, "👍"), method="editMessageReplyMarkup")
    assert (await logged(services)).feedback == "helpful"
    assert api.sent("answerCallbackQuery")[-1].params["text"] == "Thanks, your feedback is recorded."
    assert [b["text"] for row in edit.params["reply_markup"]["inline_keyboard"] for b in row] == ["ask A6IP staff"]


async def test_not_helpful_is_recorded(api: BotApiServer, bot: Runner, services: Services) -> None:
    answer = await ask(api)
    await exchange(api, api.press(answer, "👎"), method="answerCallbackQuery")
    assert (await logged(services)).feedback == "not_helpful"


async def test_ask_staff_forwards_the_question_and_tells_the_user(api: BotApiServer, bot: Runner, services: Services) -> None:
    question = 'Can <b>we</b> & "our registry" transfer ITMOs before authorization?'
    answer = await ask(api, question)
    sent = await exchange(api, api.press(answer, "ask A6IP staff"), expect=2)
    to_staff = next(c for c in sent if c.chat_id == STAFF_CHAT)
    to_user = next(c for c in sent if c.chat_id == "1001")
    assert question in to_staff.text and "Ana" in to_staff.text and "@ana" in to_staff.text
    assert 'href="tg://user?id=1001"' in to_staff.params["text"]
    assert "passed your question to A6IP staff" in to_user.text
    assert (await logged(services)).escalated is True
    assert api.sent("answerCallbackQuery")
    markup = api.sent("editMessageReplyMarkup")[-1].params["reply_markup"]
    assert "ask A6IP staff" not in str(markup) and "👍" in str(markup)


async def test_ask_staff_without_a_staff_chat_says_so(api: BotApiServer, bot: Runner, services: Services) -> None:
    services.settings.section(TelegramSettings).telegram_staff_chat = None
    answer = await ask(api)
    [reply] = await exchange(api, api.press(answer, "ask A6IP staff"))
    assert "no staff channel is set up" in reply.text and "A6_partnership@iges.or.jp" in reply.text
    assert (await logged(services)).escalated is True


async def test_ask_staff_when_the_staff_chat_is_unreachable(api: BotApiServer, bot: Runner, services: Services) -> None:
    api.missing.add(STAFF_CHAT)
    answer = await ask(api)
    [reply] = await exchange(api, api.press(answer, "ask A6IP staff"))
    assert "could not reach the A6IP staff channel" in reply.text  # the same words as in Slack


async def test_forged_button_data_is_refused_and_changes_nothing(api: BotApiServer, bot: Runner, services: Services) -> None:
    answer = await ask(api)
    forged = answer.button("👍")["callback_data"].replace("fb:1:1", "fb:1:0")
    await silence(api, api.press(answer, "", data=forged))
    assert api.sent("answerCallbackQuery")[-1].params["text"].startswith("This button no longer works")
    await silence(api, api.press(answer, "", data="fb:1:0"))
    assert (await logged(services)).feedback is None
    assert len(api.sent("answerCallbackQuery")) == 2 and not api.sent("editMessageReplyMarkup")
