"""/support and the guided expression of interest in Telegram: the core's replies (bot.support) as HTML with
an inline keyboard. The flow runs in private chats only, so nobody types their email address into a group."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.support import Reply, Where

from adapters.telegram.common import Context, edit, key_of, message_of, reply, services_of
from adapters.telegram.formatting import markup_html
from adapters.telegram.keyboards import pack
from adapters.telegram.texts import SPELLED, html, language

CHANNEL = "telegram"


def where_of(update: Update) -> Where:
    assert update.effective_chat is not None
    chat = str(update.effective_chat.id)
    return Where(conversation=f"{CHANNEL}:{chat}", channel=CHANNEL, chat=chat, language=language(update),
                 command=SPELLED["support"])


def private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == "private"


def keyboard(key: bytes, answer: Reply) -> InlineKeyboardMarkup | None:
    """One button a row (area names are long), ticked when chosen."""
    rows = [[InlineKeyboardButton(("✅ " if b.chosen else "") + b.label, callback_data=pack(key, "sp", b.value))]
            for b in answer.buttons]
    return InlineKeyboardMarkup(rows) if rows else None


async def support_command(update: Update, context: Context) -> None:
    """/support: the package in a few lines and the offer to start (or resume) the expression of interest."""
    if not private(update):
        await reply(update, html("support.private", language(update), support=SPELLED["support"]))
        return
    answer = await services_of(context).support.command(where_of(update))
    await reply(update, markup_html(answer.text), keyboard(key_of(context), answer))


async def support_text(update: Update, context: Context, text: str) -> bool:
    """A message for the bot: True when the support flow took it (an answer, or the offer; in a group the
    offer comes without buttons, pointing to a private chat)."""
    answer = await services_of(context).support.message(text, where_of(update))
    if answer is None:
        return False
    if not private(update):
        hint = html("support.private", language(update), support=SPELLED["support"])
        await reply(update, markup_html(answer.text) + "\n\n" + hint)
        return True
    await message_of(update).reply_html(markup_html(answer.text), reply_markup=keyboard(key_of(context), answer))
    return True


async def support_button(update: Update, context: Context, args: list[str]) -> None:
    """A flow button: ticking an area edits the message in place; anything else answers below it."""
    query = update.callback_query
    assert query is not None
    value = ":".join(args)
    answer = await services_of(context).support.press(value, where_of(update))
    await query.answer()
    if value.startswith("area:") and not answer.done:
        await edit(update, markup_html(answer.text), keyboard(key_of(context), answer))
        return
    await query.edit_message_reply_markup(None)
    await context.bot.send_message(query.message.chat.id if query.message else where_of(update).chat,
                                   markup_html(answer.text), parse_mode="HTML",
                                   reply_markup=keyboard(key_of(context), answer))
