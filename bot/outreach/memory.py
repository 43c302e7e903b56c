"""An in-memory Notifier for tests and demos: records what it was asked to send, can fail on a schedule."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.outreach.notifier import Notice, SendResult
from bot.outreach.render import render_plain

Script = Callable[[str, Notice, int], SendResult | None]  # (chat_id, notice, call number) -> forced result


@dataclass
class MemoryNotifier:
    """Keeps every successful send in `sent`; `script` may answer a call with a failure instead."""

    platform: str = "memory"
    delay: float = 0.0
    script: Script | None = None
    sent: list[tuple[str, Notice]] = field(default_factory=list)
    calls: int = 0

    async def send(self, chat_id: str, notice: Notice) -> SendResult:
        self.calls += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        forced = self.script(chat_id, notice, self.calls) if self.script else None
        if forced is not None:
            return forced
        self.sent.append((chat_id, notice))
        return SendResult.ok(message_id=str(len(self.sent)))

    def texts(self, chat_id: str | None = None) -> list[str]:
        return [render_plain(n) for c, n in self.sent if chat_id is None or c == chat_id]
