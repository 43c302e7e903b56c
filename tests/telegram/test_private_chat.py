"""A person talking to the bot in a private chat, through the real PTB client polling the test Bot API."""

from __future__ import annotations

from bot.platform import Runner
from adapters.telegram.texts import COMMANDS
from tests.telegram.botapi_server import TOO_MANY, BotApiServer
from tests.telegram.conftest import exchange, silence


async def test_start_registers_the_command_menu_and_polls(api: BotApiServer, bot: Runner) -> None:
    assert bot.mode == "polling"
    assert [c["command"] for c in api.commands] == list(COMMANDS)
    assert api.commands[0]["description"] == "What this bot does"  # the default menu is English
    assert [c["description"] for c in api.menus["fr"]][:2] == ["Ce que fait ce bot", "Comment poser une question et s'abonner"]
    assert [c["command"] for c in api.menus["es"]] == list(COMMANDS)
    await api.wait_for("deleteWebhook")  # polling (by the leader) starts by clearing any webhook, as Telegram requires


async def test_start_and_help(api: BotApiServer, bot: Runner) -> None:
    [welcome] = await exchange(api, api.text_update("/start"))
    assert "A6IP bot" in welcome.text and "/subscribe" in welcome.text and "/help" in welcome.text
    [help_] = await exchange(api, api.text_update("/help"))
    for command in ("/ask", "/events", "/subscribe", "/unsubscribe", "/subscriptions", "/timezone"):
        assert command in help_.text
    assert "/support — ask for an A6IP support package for your country" in help_.text
    assert "/tools — capacity-building resources" in help_.text and "/tools reporting" in help_.text


async def test_a_french_speaking_user_gets_french_help_and_buttons(api: BotApiServer, bot: Runner) -> None:
    """Telegram tells the bot the language of the person's app: the bot's own words follow it."""
    french = api.user(language_code="fr")
    [welcome] = await exchange(api, api.text_update("/start", user=french))
    assert welcome.text.startswith("Bonjour ! Je suis le bot A6IP") and "/subscribe" in welcome.text
    [help_] = await exchange(api, api.text_update("/help", user=french))
    assert "Poser une question" in help_.text and "/subscribe reporting, tracking" in help_.text
    assert "/support — demander un programme d'appui de l'A6IP pour votre pays" in help_.text
    assert "/tools — ressources de renforcement des capacités" in help_.text
    [reply] = await exchange(api, api.text_update("When is annual information under Article 6.2 due?", user=french))
    assert [b["text"] for b in reply.buttons] == ["👍 utile", "👎 pas utile", "demander à l'équipe A6IP"]
    [keyboard] = await exchange(api, api.text_update("/subscribe", user=french))
    assert "Touchez les thèmes" in keyboard.text
    assert "Article 6.2 : démarches concertées" in [b["text"] for b in keyboard.buttons]
    assert {"Tous les thèmes", "Terminé"} <= {b["text"] for b in keyboard.buttons}
    [done] = await exchange(api, api.text_update("/subscribe 6.2", user=french))
    assert "Annonces d'événements ici : Article 6.2 : démarches concertées" in done.text
    [unknown] = await exchange(api, api.text_update("/frobnicate", user=french))
    assert unknown.text == "Je ne connais pas /frobnicate. Envoyez /help pour voir ce que je sais faire."
    [english] = await exchange(api, api.text_update("/help", user=api.user(language_code="pt-br")))
    assert "Asking" in english.text  # a language the bot does not speak falls back to English


async def test_a_question_gets_a_cited_answer_with_buttons(api: BotApiServer, bot: Runner) -> None:
    [reply] = await exchange(api, api.text_update("When is annual information under Article 6.2 due?"))
    assert "15 April" in reply.text and "Decision 2/CMA.3, annex, para. 20" in reply.text
    assert '<a href="https://unfccc.int/' in reply.params["text"]
    assert [b["text"] for b in reply.buttons] == ["👍 helpful", "👎 not helpful", "ask A6IP staff"]
    assert api.sent("sendChatAction")[0].params["action"] == "typing"


async def test_ask_command_and_its_usage_line(api: BotApiServer, bot: Runner) -> None:
    [reply] = await exchange(api, api.text_update("/ask What is an ITMO?"))
    assert "mitigation outcomes" in reply.text
    [usage] = await exchange(api, api.text_update("/ask"))
    assert "Type your question after the command" in usage.text


async def test_hostile_question_is_answered_without_breaking_telegram_html(api: BotApiServer, bot: Runner) -> None:
    question = '<script>alert("x")</script> & \'quotes\' what is an ITMO?'
    [reply] = await exchange(api, api.text_update(question))
    assert reply.status == 200 and "mitigation outcomes" in reply.text  # the server refuses broken HTML with 400
    assert not [c for c in api.calls if c.status != 200]


async def test_empty_and_oversized_messages_get_the_core_explanation(api: BotApiServer, bot: Runner) -> None:
    [empty] = await exchange(api, api.text_update("   "))
    assert "Please type a question" in empty.text
    [huge] = await exchange(api, api.text_update("why " * 600))
    assert "at most 1,000 characters" in huge.text


async def test_unknown_commands_stickers_and_edits(api: BotApiServer, bot: Runner) -> None:
    [unknown] = await exchange(api, api.text_update("/frobnicate now"))
    assert unknown.text == "I don't know /frobnicate. Send /help to see what I can do."
    sticker = {"message": api.message(sticker={"file_id": "s1", "file_unique_id": "u1", "type": "regular",
                                               "width": 512, "height": 512, "is_animated": False, "is_video": False})}
    [reply] = await exchange(api, sticker)
    assert "I can only read text" in reply.text
    voice = {"message": api.message(voice={"file_id": "v1", "file_unique_id": "u2", "duration": 3})}
    assert "I can only read text" in (await exchange(api, voice))[0].text
    edited = {"edited_message": {**api.message("What is an ITMO, really?"), "edit_date": 1}}
    [reply] = await exchange(api, edited)
    assert "new messages only" in reply.text
    assert len(api.sent("sendChatAction")) == 0  # none of these reached the answering core


async def test_rate_limited_reply_is_retried_after_retry_after(api: BotApiServer, bot: Runner) -> None:
    api.fail("sendMessage", TOO_MANY(1))
    [reply] = await exchange(api, api.text_update("/start"), timeout=10)
    refused = [c for c in api.calls if c.method == "sendMessage" and c.status == 429]
    assert len(refused) == 1 and reply.at - refused[0].at >= 1.0 and "A6IP bot" in reply.text


async def test_a_blocked_user_does_not_stop_the_bot(api: BotApiServer, bot: Runner) -> None:
    api.blocked.add("1001")
    await silence(api, api.text_update("/start"))
    api.blocked.clear()
    assert "A6IP bot" in (await exchange(api, api.text_update("/start")))[0].text
