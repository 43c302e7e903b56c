"""Per-platform send pacing: an overall rate and a per-chat rate, plus a platform-wide pause after a 429."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass


class Spacer:
    """Evenly spaced slots at `rate` per second, handed out one at a time. Unlike a bucket it never bursts:
    a sender that wakes late may catch up by at most two slots, so a strict server sees no flood."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self.next_free = 0.0
        self.lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self.lock:
            now = time.monotonic()
            if now > self.next_free + self.interval:  # idle for a while: no saved-up credit
                self.next_free = now
            slot = max(now - 2 * self.interval, self.next_free)
            self.next_free = slot + self.interval
            if slot > now:
                await asyncio.sleep(slot - now)


@dataclass(frozen=True)
class Rate:
    overall: float | None  # messages per second for the whole platform; None = unlimited
    per_chat: float | None  # messages per second to one chat


class RateLimits:
    """Waits before each send so the platforms' published limits are kept (each platform declares its own
    `rate`; a platform not listed is not paced); `scale` multiplies every rate."""

    def __init__(self, rates: dict[str, Rate] | None = None, *, scale: float = 1.0) -> None:
        self.rates = {k: Rate(r.overall * scale if r.overall else None, r.per_chat * scale if r.per_chat else None)
                      for k, r in (rates or {}).items()}
        self.overall: dict[str, Spacer] = {}
        self.chats: dict[tuple[str, str], Spacer] = {}
        self.blocked_until: dict[str, float] = {}

    def block(self, platform: str, seconds: float) -> None:
        """The platform said 'retry after N s' (Telegram's flood control is per bot): hold every send."""
        self.blocked_until[platform] = max(self.blocked_until.get(platform, 0.0), time.monotonic() + seconds)

    async def acquire(self, platform: str, chat_id: str) -> None:
        while (wait := self.blocked_until.get(platform, 0.0) - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        rate = self.rates.get(platform, Rate(None, None))
        if rate.per_chat:  # the chat's slot first, so the overall slot is booked only when it will be used
            if len(self.chats) > 50_000:
                self.chats = {k: s for k, s in self.chats.items() if s.next_free > time.monotonic()}
            await self.chats.setdefault((platform, chat_id), Spacer(rate.per_chat)).wait()
        if rate.overall:
            await self.overall.setdefault(platform, Spacer(rate.overall)).wait()

