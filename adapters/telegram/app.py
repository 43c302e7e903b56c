"""The python-telegram-bot Application: a bot that survives malformed updates, the handlers, the error handler."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler, ChatMemberHandler,
                          CommandHandler, ExtBot, MessageHandler, filters)
from telegram.request import HTTPXRequest

from bot.services import Services
from bot.texts import LANGUAGES, say

from adapters.telegram import outreach, questions, support, tools
from adapters.telegram.texts import COMMANDS, language, plain
from adapters.telegram.common import Context, key_of
from adapters.telegram.keyboards import callback_key, unpack
from adapters.telegram.settings import TelegramSettings

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
Button = Callable[[Update, Context, list[str]], Awaitable[None]]
BUTTONS: dict[str, Button] = {"mo": questions.more, "fb": questions.feedback, "st": questions.to_staff,
                              "ev": outreach.events_button, "sub": outreach.subscribe_button,
                              "sp": support.support_button}


def parse_update(data: Any, bot: Any) -> Update | None:
    """An Update, or None (logged) for data that is not one: a malformed update is skipped, never fatal."""
    try:
        return Update.de_json(data, bot)
    except Exception as error:  # PTB raises TypeError, KeyError, ValueError… depending on what is wrong
        log.warning("skipping a malformed Telegram update: %s: %s", type(error).__name__, str(data)[:500])
        return None


class TolerantBot(ExtBot[None]):
    """PTB parses a getUpdates batch all at once and retries it forever when one update is malformed;
    this swaps such an update for an empty one with the same id, so polling moves past it."""

    async def _post(self, endpoint: str, data: Any = None, *args: Any, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            return [u if parse_update(u, self) else {"update_id": u["update_id"]} for u in result
                    if isinstance(u, dict) and isinstance(u.get("update_id"), int)]
        return result


def file_url(api_url: str) -> str:
    """The file endpoint that goes with a Bot API base URL (…/bot -> …/file/bot)."""
    return api_url[: -len("bot")] + "file/bot" if api_url.endswith("/bot") else "https://api.telegram.org/file/bot"


def build_application(settings: TelegramSettings, *, polling: bool) -> Application[Any, Any, Any, Any, Any, Any]:
    """An Application for the configured token and Bot API URL; rate-limited replies; updates handled concurrently."""
    bot = TolerantBot(settings.token, base_url=settings.telegram_api_url, base_file_url=file_url(settings.telegram_api_url),
                      request=HTTPXRequest(connection_pool_size=16),
                      get_updates_request=HTTPXRequest(connection_pool_size=1),
                      rate_limiter=AIORateLimiter(max_retries=2))
    builder = ApplicationBuilder().bot(bot).concurrent_updates(8)
    return (builder if polling else builder.updater(None)).build()


async def on_button(update: Update, context: Context) -> None:
    """Route a button press; a forged or unknown one is answered and otherwise ignored."""
    query = update.callback_query
    assert query is not None
    parts = unpack(key_of(context), query.data)
    if parts is None or parts[0] not in BUTTONS:
        await query.answer(plain("button.expired", language(update)))
        return
    await BUTTONS[parts[0]](update, context, parts[1:])


async def on_error(update: object, context: Context) -> None:
    """Log the failure; tell the person if we can, and never leave a button spinning."""
    log.error("handling a Telegram update failed", exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        failed = plain("failed", language(update))
        if update.callback_query is not None:
            await update.callback_query.answer(failed)
        elif update.effective_message is not None and update.effective_chat and update.effective_chat.type == "private":
            await update.effective_message.reply_text(failed)
    except TelegramError as error:
        log.warning("could not report the failure to the chat: %s", error)


def register(application: Application[Any, Any, Any, Any, Any, Any], services: Services) -> None:
    """Wire the handlers; order matters: the first matching handler in the group wins."""
    settings = services.settings.section(TelegramSettings)
    application.bot_data["services"] = services
    application.bot_data["settings"] = settings
    application.bot_data["callback_key"] = callback_key(settings.token)
    new = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        MessageHandler(filters.StatusUpdate.MIGRATE, outreach.migrate),
        ChatMemberHandler(outreach.removed, ChatMemberHandler.MY_CHAT_MEMBER),
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & private & filters.TEXT, questions.edited),
        CallbackQueryHandler(on_button),
        CommandHandler("start", questions.start, filters=new),
        CommandHandler("help", questions.help_command, filters=new),
        CommandHandler("ask", questions.ask, filters=new),
        CommandHandler("events", outreach.events, filters=new),
        CommandHandler("subscribe", outreach.subscribe, filters=new),
        CommandHandler("unsubscribe", outreach.unsubscribe, filters=new),
        CommandHandler("subscriptions", outreach.show_subscriptions, filters=new),
        CommandHandler("timezone", outreach.timezone, filters=new),
        CommandHandler("support", support.support_command, filters=new),
        CommandHandler("tools", tools.tools, filters=new),
        CommandHandler(["stats", "unanswered", "reindex"], questions.staff_command, filters=new),
        MessageHandler(new & filters.COMMAND, questions.unknown_command),
        MessageHandler(new & filters.TEXT, questions.text),
        MessageHandler(new & private & ~filters.TEXT & ~filters.StatusUpdate.ALL, questions.not_text),
    ])
    application.add_error_handler(on_error)


def bot_commands() -> dict[str | None, list[BotCommand]]:
    """The command menu in each language (None: the default, English, for everyone else)."""
    return {code: [BotCommand(name, say(f"command.{name}", code or "en")) for name in COMMANDS]
            for code in (None, *(lang for lang in LANGUAGES if lang != "en"))}
