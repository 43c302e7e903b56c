"""TelegramNotifier: sends outreach notices as Telegram HTML and turns Telegram's answers into SendResults."""

from __future__ import annotations

import warnings
from datetime import timedelta

from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.config import Settings
from bot.outreach.notifier import Notice, SendResult

from adapters.telegram.app import file_url
from adapters.telegram.common import NO_PREVIEW
from adapters.telegram.formatting import split_html
from adapters.telegram.notices import notice_html

GONE = ("chat not found", "user is deactivated", "bot was kicked", "not enough rights", "have no rights",
        "chat_write_forbidden", "need administrator rights", "peer_id_invalid")


def retry_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the int form will become a timedelta
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def result_of(error: TelegramError) -> SendResult:
    """429 -> retry after Telegram's delay; blocked/kicked/chat not found -> permanent; the rest -> transient."""
    if isinstance(error, RetryAfter):
        return SendResult.retry(retry_seconds(error), f"429: {error.message}")
    if isinstance(error, Forbidden):
        return SendResult.permanent(f"403: {error.message}")
    if isinstance(error, BadRequest) and any(g in error.message.lower() for g in GONE):
        return SendResult.permanent(f"400: {error.message}")
    return SendResult.transient(f"{type(error).__name__}: {error.message}")


class TelegramNotifier:
    """The outreach engine paces sends (30/s overall, 1/s per chat); PTB's limiter adds 20/min per group."""

    platform = "telegram"

    def __init__(self, bot: ExtBot[None]) -> None:
        self.bot = bot

    @classmethod
    def from_settings(cls, settings: Settings) -> TelegramNotifier:
        assert settings.telegram_token is not None
        limiter = AIORateLimiter(overall_max_rate=0, group_max_rate=20, group_time_period=60, max_retries=0)
        return cls(ExtBot(settings.telegram_token.get_secret_value(), base_url=settings.telegram_api_url,
                          base_file_url=file_url(settings.telegram_api_url),
                          request=HTTPXRequest(connection_pool_size=64), rate_limiter=limiter))

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        try:
            await self.bot.initialize()
            return SendResult.ok(await self.deliver(chat_id, notice_html(notice)))
        except ChatMigrated as error:  # the group became a supergroup; its subscription follows on the next message
            return await self.send(str(error.new_chat_id), notice)
        except BadRequest as error:
            if "can't parse entities" not in error.message.lower():
                return result_of(error)
            try:  # our HTML was refused: the plain rendering still informs the reader
                return SendResult.ok(await self.deliver(chat_id, notice.plain(), html=False))
            except TelegramError as plain_error:
                return result_of(plain_error)
        except TelegramError as error:
            return result_of(error)

    async def deliver(self, chat_id: str, text: str, *, html: bool = True) -> str:
        """Send in as many messages as the text needs; the first message's id identifies the delivery."""
        ids = [(await self.bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML if html else None,
                                            link_preview_options=NO_PREVIEW)).message_id
               for chunk in split_html(text)]
        return str(ids[0])

    async def close(self) -> None:
        await self.bot.shutdown()
