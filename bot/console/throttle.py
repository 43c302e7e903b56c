"""Password-guessing brake for sign-in: failed attempts per email and per client address in a sliding window.

State lives in process memory (one `a6bot run` process serves the console): a restart forgets it, which only
helps someone who can already restart the server. Every failed attempt is also written to the audit log."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

PER_EMAIL = 5  # failed attempts for one account within the window
PER_ADDRESS = 20  # from one address: higher, as an office behind one NAT shares it, but caps spraying emails
WINDOW = 15 * 60.0
MAX_KEYS = 10_000  # forget idle keys past this, so random emails cannot grow memory without bound


class SignInThrottle:
    """Refuses sign-in for an email or address that failed too often in the last WINDOW seconds."""

    def __init__(self, *, per_email: int = PER_EMAIL, per_address: int = PER_ADDRESS, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = {"email": per_email, "address": per_address}
        self.window, self.clock = window, clock
        self.failures: dict[tuple[str, str], deque[float]] = {}

    def _keys(self, email: str, address: str) -> list[tuple[str, str]]:
        return [("email", email.strip().lower()), ("address", address)]

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self.failures.get(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def retry_after(self, *, email: str, address: str) -> int:
        """Seconds until this email and address may try again; 0 when they may now."""
        now, wait = self.clock(), 0.0
        for key in self._keys(email, address):
            times = self._recent(key, now)
            if len(times) >= self.limits[key[0]]:
                wait = max(wait, times[-self.limits[key[0]]] + self.window - now)
        return math.ceil(wait)

    def failed(self, *, email: str, address: str) -> None:
        now = self.clock()
        if len(self.failures) > MAX_KEYS:
            self.failures = {k: v for k, v in self.failures.items() if self._recent(k, now)}
        for key in self._keys(email, address):
            self.failures.setdefault(key, deque()).append(now)

    def succeeded(self, *, email: str) -> None:
        """A right password clears the account's count (not the address's: guessing others goes on counting)."""
        self.failures.pop(("email", email.strip().lower()), None)
