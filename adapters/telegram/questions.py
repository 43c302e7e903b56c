"""Handlers for asking: /start, /help, /ask, plain text, the answer buttons, and everything that is not a question."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot.answering import QuestionError
from bot.escalation import Escalation

from adapters.telegram.chat import command_args, question_in
from adapters.telegram.common import Context, has_button, key_of, message_of, reply, services_of, settings_of
from adapters.telegram.formatting import answer_html, split_html, staff_html
from adapters.telegram.keyboards import answer_keyboard
from adapters.telegram.support import support_text
from adapters.telegram.texts import help_html, html, language, plain

log = logging.getLogger(__name__)


async def start(update: Update, context: Context) -> None:
    """Welcome: what the bot does, how to ask, how to subscribe."""
    await reply(update, html("welcome", language(update)))


async def help_command(update: Update, context: Context) -> None:
    await reply(update, help_html(language(update)))


async def ask(update: Update, context: Context) -> None:
    """/ask works everywhere, and is the way to ask in a group without mentioning the bot."""
    question = command_args(message_of(update).text)
    if not question:
        await reply(update, html("ask.usage", language(update)))
        return
    await answer(update, context, question)


async def text(update: Update, context: Context) -> None:
    """Private chats: every text is a question. Groups: only a mention of the bot or a reply to it."""
    question = question_in(message_of(update), username=context.bot.username, bot_id=context.bot.id)
    if question is None:
        return
    if not question:
        await reply(update, html("ask.mention", language(update)))
        return
    if await support_text(update, context, question):
        return  # an answer of the support flow (never logged as a question), or the offer to start it
    await answer(update, context, question)


async def answer(update: Update, context: Context, question: str) -> None:
    """Ask the core; send its answer in as many messages as it takes, the buttons under the last one."""
    message, user = message_of(update), update.effective_user
    with contextlib.suppress(TelegramError):  # the typing indicator is a courtesy, not worth failing for
        await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
    try:
        result = await services_of(context).answerer.ask(question, channel="telegram",
                                                         user_id=str(user.id) if user else None,
                                                         busy=message.reply_text)
    except QuestionError as error:
        await message.reply_text(error.say(language(update)))
        return
    chunks = split_html(answer_html(result))
    buttons = answer_keyboard(key_of(context), result.log_id, language(update))
    for n, chunk in enumerate(chunks, start=1):
        await reply(update, chunk, buttons if n == len(chunks) else None)


async def feedback(update: Update, context: Context, args: list[str]) -> None:
    """👍 / 👎: recorded on the question log; the pair of buttons goes away."""
    query, lang = update.callback_query, language(update)
    assert query is not None
    log_id, helpful = int(args[0]), args[1] == "1"
    known = await services_of(context).answerer.feedback(log_id, helpful=helpful)
    await query.answer(plain("feedback.thanks" if known else "feedback.gone", lang))
    escalated = not has_button(getattr(query.message, "reply_markup", None), "st:")
    await query.edit_message_reply_markup(answer_keyboard(key_of(context), log_id, lang, rated=True,
                                                          escalated=escalated))


async def to_staff(update: Update, context: Context, args: list[str]) -> None:
    """'ask A6IP staff': flag the question, forward it to the staff chat, and tell the user what happened."""
    query, chat, lang = update.callback_query, update.effective_chat, language(update)
    assert query is not None and chat is not None
    staff_chat = settings_of(context).telegram_staff_chat

    async def forward(escalation: Escalation) -> bool:
        try:
            await context.bot.send_message(staff_chat, staff_html(escalation, update.effective_user, chat),
                                           parse_mode=ParseMode.HTML)
        except TelegramError as error:
            log.warning("cannot post to the staff chat %s: %s", staff_chat, error)
            return False
        return True

    outcome = await services_of(context).staff.escalate(int(args[0]), forward=forward if staff_chat else None,
                                                        language=lang)
    if outcome.escalation is None:
        await query.answer(outcome.message)
        return
    await query.answer()
    await context.bot.send_message(chat.id, outcome.message)
    rated = not has_button(getattr(query.message, "reply_markup", None), "fb:")
    await query.edit_message_reply_markup(answer_keyboard(key_of(context), outcome.escalation.log_id, lang,
                                                          rated=rated, escalated=True))


async def staff_command(update: Update, context: Context) -> None:
    """/stats, /unanswered, /reindex for the people listed in A6BOT_ADMINS."""
    message, user = message_of(update), update.effective_user
    reply_text = await services_of(context).staff.command(platform="telegram", user_id=str(user.id) if user else "",
                                                          command=(message.text or "/").split()[0],
                                                          language=language(update))
    await message.reply_text(reply_text)


async def unknown_command(update: Update, context: Context) -> None:
    """In a group, only a command addressed to this bot by name gets a reply (others may be for other bots)."""
    message = message_of(update)
    name, _, target = (message.text or "/").split()[0][1:].partition("@")
    if message.chat.type != "private" and target.casefold() != (context.bot.username or "").casefold():
        return
    await reply(update, html("unknown_command", language(update), command=f"/{name}"))


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice… in a private chat: say what the bot can read."""
    await message_of(update).reply_text(plain("not_text", language(update)))


async def edited(update: Update, context: Context) -> None:
    await message_of(update).reply_text(plain("edited", language(update)))
