"""Sign-in brake, per (email typed, client network) and per network across emails, recorded in the database
BEFORE the password is checked: each attempt claims its turn with one INSERT ... ON CONFLICT DO UPDATE that
counts it, so 30 guesses sent at once get at most the free turns, never 30 checks. After the free turns each
further one waits twice as long as the last (1 s, 2 s, 4 s... up to 15 minutes). Counting per network means
guesses from one place never lock the staff member out from another."""

from __future__ import annotations

import ipaddress
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import case, delete, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.console.models import SignInAttempt
from bot.storage import Database

ANY_ACCOUNT = "*"
# A free turn leaves the next one due this much in the past: concurrent requests read the clock in one order
# and reach the database in another, and a free turn must not be refused because a later clock reading won.
SKEW = 10.0


def network(address: str) -> str:
    """Whom to count: the IPv4 address, or the IPv6 /64 (one household or host gets a whole /64)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


@dataclass(frozen=True)
class SignInLimit:
    per_account: int = 5  # free attempts for one account from one network
    per_network: int = 20  # free attempts from one network across accounts (an office shares one address)
    first_wait: float = 1.0
    max_wait: float = 15 * 60.0
    forget: float = 24 * 3600.0  # a count left alone this long starts again

    async def claim(self, db: Database, *, email: str, address: str) -> int:
        """Count this attempt; 0 when the password may be checked now, else the seconds to wait."""
        where = network(address)
        for key, free in ((email.strip().lower(), self.per_account), (ANY_ACCOUNT, self.per_network)):
            if wait := await self._claim(db, email=key, address=where, free=free):
                return wait
        return 0

    async def succeeded(self, db: Database, *, email: str, address: str) -> None:
        """The right password: the account's count from here is cleared, the network's takes this one back."""
        where = network(address)
        async with db.session() as session:
            await session.execute(delete(SignInAttempt).where(
                SignInAttempt.email == email.strip().lower(), SignInAttempt.address == where))
            await session.execute(update(SignInAttempt).where(
                SignInAttempt.email == ANY_ACCOUNT, SignInAttempt.address == where, SignInAttempt.failures > 0)
                .values(failures=SignInAttempt.failures - 1))

    async def _claim(self, db: Database, *, email: str, address: str, free: int) -> int:
        """One atomic statement: take the turn if it is due (count it, set the next one) and say who took it."""
        now, mine = time.time(), secrets.token_hex(16)
        row = SignInAttempt.__table__.c
        stale = row.next_at < now - self.forget
        due = row.next_at <= now
        failures = case((stale, 1), else_=row.failures + 1)
        wait = case((failures <= free, 0.0), (stale | (row.wait == 0), self.first_wait),
                    (row.wait * 2 > self.max_wait, self.max_wait), else_=row.wait * 2)
        insert = (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)(SignInAttempt)
        statement = insert.values(email=email, address=address, failures=1, wait=0.0, next_at=now - SKEW, claim=mine)
        statement = statement.on_conflict_do_update(
            index_elements=[row.email, row.address],
            set_={"failures": case((due, failures), else_=row.failures),
                  "wait": case((due, wait), else_=row.wait),
                  "next_at": case((due, now + wait - case((wait == 0, SKEW), else_=0.0)), else_=row.next_at),
                  "claim": case((due, mine), else_=row.claim)},
        ).returning(row.claim, row.next_at)
        async with db.session() as session:
            claim, next_at = (await session.execute(statement)).one()
        return 0 if claim == mine else max(1, int(next_at - now + 0.999))
