"""Handlers for asking: /start, /help, /ask, plain text, the answer buttons, and everything that is not a question."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot.answering import QuestionError
from bot.staff_commands import run_staff_command

from adapters.telegram import texts
from adapters.telegram.chat import command_args, question_in
from adapters.telegram.common import Context, has_button, key_of, message_of, reply, services_of, settings_of
from adapters.telegram.formatting import answer_html, split_html, staff_html
from adapters.telegram.keyboards import answer_keyboard

log = logging.getLogger(__name__)


async def start(update: Update, context: Context) -> None:
    """Welcome: what the bot does, how to ask, how to subscribe."""
    await reply(update, texts.WELCOME)


async def help_command(update: Update, context: Context) -> None:
    await reply(update, texts.HELP)


async def ask(update: Update, context: Context) -> None:
    """/ask works everywhere, and is the way to ask in a group without mentioning the bot."""
    question = command_args(message_of(update).text)
    if not question:
        await reply(update, texts.ASK_USAGE)
        return
    await answer(update, context, question)


async def text(update: Update, context: Context) -> None:
    """Private chats: every text is a question. Groups: only a mention of the bot or a reply to it."""
    question = question_in(message_of(update), username=context.bot.username, bot_id=context.bot.id)
    if question is None:
        return
    if not question:
        await reply(update, texts.MENTION_USAGE)
        return
    await answer(update, context, question)


async def answer(update: Update, context: Context, question: str) -> None:
    """Ask the core; send its answer in as many messages as it takes, the buttons under the last one."""
    message, user = message_of(update), update.effective_user
    with contextlib.suppress(TelegramError):  # the typing indicator is a courtesy, not worth failing for
        await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
    try:
        result = await services_of(context).answerer.ask(question, channel="telegram",
                                                         user_id=str(user.id) if user else None)
    except QuestionError as error:
        await message.reply_text(str(error))
        return
    chunks = split_html(answer_html(result))
    for n, chunk in enumerate(chunks, start=1):
        await reply(update, chunk, answer_keyboard(key_of(context), result.log_id) if n == len(chunks) else None)


async def feedback(update: Update, context: Context, args: list[str]) -> None:
    """👍 / 👎: recorded on the question log; the pair of buttons goes away."""
    query = update.callback_query
    assert query is not None
    log_id, helpful = int(args[0]), args[1] == "1"
    known = await services_of(context).answerer.feedback(log_id, helpful=helpful)
    await query.answer("Thanks for the feedback!" if known else "That question is no longer on record.")
    escalated = not has_button(getattr(query.message, "reply_markup", None), "st:")
    await query.edit_message_reply_markup(answer_keyboard(key_of(context), log_id, rated=True, escalated=escalated))


async def to_staff(update: Update, context: Context, args: list[str]) -> None:
    """'ask A6IP staff': flag the question, forward it to the staff chat, and tell the user what happened."""
    query, services = update.callback_query, services_of(context)
    assert query is not None and update.effective_chat is not None
    row = await services.answerer.escalate(int(args[0]))
    if row is None:
        await query.answer("That question is no longer on record.")
        return
    sent = await forward_to_staff(context, staff_html(row, update.effective_user, update.effective_chat))
    await query.answer()
    await context.bot.send_message(update.effective_chat.id, texts.STAFF_SENT if sent else texts.STAFF_NONE)
    rated = not has_button(getattr(query.message, "reply_markup", None), "fb:")
    await query.edit_message_reply_markup(answer_keyboard(key_of(context), row.id, rated=rated, escalated=True))


async def forward_to_staff(context: Context, html: str) -> bool:
    """False when no staff chat is configured or the bot cannot post there (logged for the operator)."""
    staff_chat = settings_of(context).telegram_staff_chat
    if not staff_chat:
        return False
    try:
        await context.bot.send_message(staff_chat, html, parse_mode=ParseMode.HTML)
    except TelegramError as error:
        log.warning("cannot post to the staff chat %s: %s", staff_chat, error)
        return False
    return True


async def staff_command(update: Update, context: Context) -> None:
    """/stats, /unanswered, /reindex for the people listed in A6BOT_ADMINS."""
    message, user = message_of(update), update.effective_user
    command = (message.text or "/").split()[0]
    reply_text = await run_staff_command(services_of(context), platform="telegram",
                                         user_id=str(user.id) if user else "", command=command)
    await message.reply_text(reply_text)


async def unknown_command(update: Update, context: Context) -> None:
    """In a group, only a command addressed to this bot by name gets a reply (others may be for other bots)."""
    message = message_of(update)
    name, _, target = (message.text or "/").split()[0][1:].partition("@")
    if message.chat.type != "private" and target.casefold() != (context.bot.username or "").casefold():
        return
    await reply(update, texts.unknown_command(name))


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice… in a private chat: say what the bot can read."""
    await message_of(update).reply_text(texts.NOT_TEXT)


async def edited(update: Update, context: Context) -> None:
    await message_of(update).reply_text(texts.EDITED)
