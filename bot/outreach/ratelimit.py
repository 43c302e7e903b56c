"""Per-platform send pacing: an overall rate and a per-chat rate, plus a platform-wide pause after a 429.

`RateLimits` paces one process (SQLite installs run one worker). `SharedRateLimits` keeps the same budget in
the database, for several workers on PostgreSQL: Telegram counts a bot's messages, not a worker's, so two
workers pacing themselves separately send twice the allowed rate and draw 429s."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Float, TextClause, bindparam, text

from bot.storage import Database


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


def scaled(rates: dict[str, Rate] | None, scale: float) -> dict[str, Rate]:
    return {k: Rate(r.overall * scale if r.overall else None, r.per_chat * scale if r.per_chat else None)
            for k, r in (rates or {}).items()}


class Limits(Protocol):
    """What the dispatcher asks of a pacer: wait for a send's turn; hold a platform that said "retry after"."""

    async def acquire(self, platform: str, chat_id: str) -> None: ...

    async def block(self, platform: str, seconds: float) -> None: ...


class RateLimits:
    """Waits before each send so the platforms' published limits are kept (each platform declares its own
    `rate`; a platform not listed is not paced); `scale` multiplies every rate. One process's budget."""

    def __init__(self, rates: dict[str, Rate] | None = None, *, scale: float = 1.0) -> None:
        self.rates = scaled(rates, scale)
        self.overall: dict[str, Spacer] = {}
        self.chats: dict[tuple[str, str], Spacer] = {}
        self.blocked_until: dict[str, float] = {}

    async def block(self, platform: str, seconds: float) -> None:
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


HEADROOM = 0.9  # shared slots are 10% slower than the platform's rate: each worker meets its slots late by
# its own event loop's delay, and sends of different workers that are late by different amounts bunch up
LEAD = 0.25  # seconds: an idle platform's first slot is this far ahead, so the booking's round trip never
# makes a send late (a late send bunches up with the next one, on time, and two then count in one second)
LOOKAHEAD = 0.1  # seconds before its slot a send looks for a hold, so the look-up never makes it late either
LATE = 0.1  # seconds: a send that wakes later than this after its slot takes a new one


async def sleep_until(moment: float) -> None:
    """Sleep until a moment of the wall clock (time.time())."""
    if (wait := moment - time.time()) > 0:
        await asyncio.sleep(wait)


# Take the next free slot of a key atomically (the row lock orders workers); slots are epoch seconds.
BOOK = text("""
    INSERT INTO send_slots AS s (key, next_free) VALUES (:key, :now + :lead + :interval)
    ON CONFLICT (key) DO UPDATE SET next_free = greatest(s.next_free, :now + :lead) + :interval
    RETURNING s.next_free - :interval""").bindparams(*(bindparam(name, type_=Float)
                                                       for name in ("now", "lead", "interval")))
HELD = text("SELECT held_until FROM send_slots WHERE key = :key")
HOLD = text("""
    INSERT INTO send_slots AS s (key, next_free, held_until) VALUES (:key, :until, :until)
    ON CONFLICT (key) DO UPDATE SET next_free = greatest(s.next_free, :until),
                                    held_until = greatest(coalesce(s.held_until, 0), :until)
    """).bindparams(bindparam("until", type_=Float))


class SharedRateLimits:
    """The pacing of `RateLimits` for every worker together, in PostgreSQL (table `send_slots`): each send
    books the next slot of its chat, then of its platform, one `1/rate` after the previous booking by any
    worker, and sleeps until it. A 'retry after N' moves the platform's next slot and holds it; a send
    whose slot comes due during the hold waits it out and books again, so no worker sends into it. Evenly
    spaced slots, never a burst, like `Spacer`, with some headroom (HEADROOM). Slots are times of the
    workers' wall clocks, which must agree (NTP), as the outbox's leases already assume. Two or three short
    statements per send; one row per platform and per chat ever sent to."""

    def __init__(self, db: Database, rates: dict[str, Rate] | None = None, *, scale: float = 1.0) -> None:
        self.db = db
        self.rates = scaled(rates, scale * HEADROOM)

    async def run(self, statement: TextClause, values: dict[str, object]) -> float | None:
        """One statement in a transaction of its own (autocommit), so a row is locked only while the database
        runs it, never while this worker's event loop is busy between the statement and a commit."""
        async with self.db.engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            result = await connection.execute(statement, values)
            return result.scalar() if result.returns_rows else None

    async def book(self, key: str, interval: float) -> float:
        """Book the key's next slot and return it (a wall-clock time)."""
        return float(await self.run(BOOK, {"key": key, "now": time.time(), "lead": LEAD, "interval": interval})
                     or 0.0)

    async def held(self, platform: str) -> float:
        """Seconds the platform is still held for."""
        return (await self.run(HELD, {"key": platform}) or 0.0) - time.time()

    async def acquire(self, platform: str, chat_id: str) -> None:
        rate = self.rates.get(platform)
        if rate is None:
            return
        if rate.per_chat:  # the chat's slot first, so the platform's slot is booked only when it will be used
            await sleep_until(await self.book(f"{platform}:{chat_id}", 1.0 / rate.per_chat))
        late = 0
        while True:
            slot = await self.book(platform, 1.0 / rate.overall if rate.overall else 0.0)
            await sleep_until(slot - LOOKAHEAD)
            if (wait := await self.held(platform)) > 0:  # a hold set after this look is missed: 429, retried
                await asyncio.sleep(wait)
                continue
            await sleep_until(slot)
            if time.time() - slot <= LATE or late == 4:  # (a process starved every time sends anyway)
                return
            late += 1  # woke too late (a busy event loop): sent now, it would bunch up with the next slots

    async def block(self, platform: str, seconds: float) -> None:
        """The platform said 'retry after N s' (Telegram's flood control is per bot): every worker holds."""
        if platform in self.rates:
            await self.run(HOLD, {"key": platform, "until": time.time() + seconds})
