"""Which language a Slack user reads: their Slack locale (users.info with include_locale), remembered for an
hour so a conversation costs one lookup, and English when Slack will not say."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.texts import DEFAULT, language_of

log = logging.getLogger(__name__)
KEEP_SECONDS = 3600.0
MAX_USERS = 10_000


class Locales:
    def __init__(self, *, keep: float = KEEP_SECONDS) -> None:
        self.keep = keep
        self.known: OrderedDict[str, tuple[str, float]] = OrderedDict()  # user -> (language, expires)

    async def language(self, client: AsyncWebClient, user: str | None) -> str:
        """The catalogue language for a user id; English for no user or when users.info fails."""
        if not user:
            return DEFAULT
        cached = self.known.get(user)
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        try:
            response = await client.users_info(user=user, include_locale=True)
            language = language_of(str((response.get("user") or {}).get("locale") or ""))
        except SlackApiError as error:
            log.info("no locale for Slack user %s: %s", user, str(error)[:200])
            language = DEFAULT
        self.known[user] = (language, time.monotonic() + self.keep)
        self.known.move_to_end(user)
        while len(self.known) > MAX_USERS:
            self.known.popitem(last=False)
        return language
