"""What every handler needs: the services and callback key stored on the application, and small reply helpers."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from adapters.telegram.settings import TelegramSettings
from bot.services import Services

Context = ContextTypes.DEFAULT_TYPE
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
MANAGERS = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


def services_of(context: Context) -> Services:
    return context.bot_data["services"]  # type: ignore[no-any-return]


def settings_of(context: Context) -> TelegramSettings:
    return context.bot_data["settings"]  # type: ignore[no-any-return]


def key_of(context: Context) -> bytes:
    return context.bot_data["callback_key"]  # type: ignore[no-any-return]


def message_of(update: Update) -> Message:
    """The message a command or text handler was called for (the filters guarantee there is one)."""
    assert update.effective_message is not None
    return update.effective_message


def chat_id_of(update: Update) -> str:
    assert update.effective_chat is not None
    return str(update.effective_chat.id)


async def reply(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    """Reply in HTML, without link previews (answers cite several links; previews would bury them)."""
    return await message_of(update).reply_html(text, reply_markup=markup, link_preview_options=NO_PREVIEW)


async def edit(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace a button message's text; pressing the same button twice is not an error."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup,
                                      link_preview_options=NO_PREVIEW)
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise


async def may_manage(update: Update, context: Context) -> bool:
    """Anyone in a private chat; in a group, its administrators (or an anonymous admin posting as the group)."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or chat.type == "private":
        return True
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in MANAGERS


def has_button(markup: Any, prefix: str) -> bool:
    """Whether a message's keyboard still has a button whose callback starts with `prefix`."""
    rows = getattr(markup, "inline_keyboard", None) or ()
    return any(str(getattr(b, "callback_data", "") or "").startswith(prefix) for row in rows for b in row)
