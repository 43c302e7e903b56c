"""TelegramNotifier: sends outreach notices as Telegram HTML and turns Telegram's answers into SendResults."""

from __future__ import annotations

import html
import re
import warnings
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import timedelta

from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.outreach.notifier import Notice, SendResult
from bot.outreach.render import render_plain

from adapters.telegram.app import file_url
from adapters.telegram.common import NO_PREVIEW
from adapters.telegram.formatting import markup_html, split_html
from adapters.telegram.notices import notice_html
from adapters.telegram.settings import TelegramSettings

GONE = ("chat not found", "user is deactivated", "bot was kicked", "not enough rights", "have no rights",
        "chat_write_forbidden", "need administrator rights", "peer_id_invalid")
MARKUP = re.compile(r"<[^>]*>")
MAX_UNFINISHED = 10_000  # partly sent messages kept for their retry (each a few KB at most)


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


def plain_parts(html_parts: list[str]) -> list[tuple[str, bool]]:
    """HTML parts Telegram refused, as the plain text a reader would see (tags dropped, entities decoded)."""
    return [(html.unescape(MARKUP.sub("", part)), False) for part in html_parts]


@dataclass
class Progress:
    """A message under way: its parts as first rendered (text, is HTML) and the ids of those sent."""

    parts: list[tuple[str, bool]]
    sent: list[int] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return len(self.sent) >= len(self.parts)


class TelegramNotifier:
    """The outreach engine paces sends (30/s overall, 1/s per chat, one budget for every worker) and holds
    them all after a RetryAfter, which is returned, never retried here; PTB's limiter adds 20/min per group.
    A notice too long for one message goes out in parts; a retry of the same delivery resumes after the
    last part sent, so the reader never gets a part twice."""

    platform = "telegram"

    def __init__(self, bot: ExtBot[None]) -> None:
        self.bot = bot
        self.unfinished: OrderedDict[tuple[int, str], Progress] = OrderedDict()  # by (delivery id, chat id)

    @classmethod
    def from_settings(cls, settings: TelegramSettings) -> TelegramNotifier:
        limiter = AIORateLimiter(overall_max_rate=0, group_max_rate=20, group_time_period=60, max_retries=0)
        return cls(ExtBot(settings.token, base_url=settings.telegram_api_url,
                          base_file_url=file_url(settings.telegram_api_url),
                          request=HTTPXRequest(connection_pool_size=64), rate_limiter=limiter))

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        """Send the notice, or the parts of it a failed attempt of this delivery left unsent."""
        key = (notice.delivery_id, chat_id) if notice.delivery_id is not None else None
        progress = (self.unfinished.pop(key, None) if key else None) or \
            Progress([(part, True) for part in split_html(notice_html(notice))])
        try:
            await self.bot.initialize()
            return SendResult.ok(await self.deliver(chat_id, progress, notice))
        except ChatMigrated as error:  # the group became a supergroup; its subscription follows on the next message
            return await self.send(str(error.new_chat_id), notice)
        except TelegramError as error:
            result = result_of(error)
            if key is not None and progress.sent and result.status in ("retry", "transient"):
                self.remember(key, progress)
            return result

    async def deliver(self, chat_id: str, progress: Progress, notice: Notice) -> str:
        """Send the parts not sent yet; the first message's id identifies the delivery."""
        while not progress.done:
            text, is_html = progress.parts[len(progress.sent)]
            try:
                mode = ParseMode.HTML if is_html else None
                message = await self.bot.send_message(chat_id, text, parse_mode=mode,
                                                      link_preview_options=NO_PREVIEW)
            except BadRequest as error:
                if not is_html or "can't parse entities" not in error.message.lower():
                    raise
                # our HTML was refused: plain text still informs the reader (only the parts not sent yet)
                rest = [part for part, _ in progress.parts[len(progress.sent):]]
                progress.parts[len(progress.sent):] = plain_parts(rest) if progress.sent else \
                    [(part, False) for part in split_html(render_plain(notice))]
                continue
            progress.sent.append(message.message_id)
        return str(progress.sent[0])

    async def send_text(self, address: str, text: str, *, subject: str, language: str) -> SendResult:
        """A short notice in the catalogue's neutral markup (a support request moved): one HTML message."""
        try:
            await self.bot.initialize()
            message = await self.bot.send_message(address, markup_html(text), parse_mode=ParseMode.HTML,
                                                  link_preview_options=NO_PREVIEW)
        except TelegramError as error:
            return result_of(error)
        return SendResult.ok(str(message.message_id))

    def remember(self, key: tuple[int, str], progress: Progress) -> None:
        """Keep a partly sent message for its retry; the oldest are dropped beyond a bound."""
        self.unfinished[key] = progress
        while len(self.unfinished) > MAX_UNFINISHED:
            self.unfinished.popitem(last=False)

    async def close(self) -> None:
        await self.bot.shutdown()
