"""`a6bot bench outreach`: broadcast throughput against a rate-limited local test server, duplicates, losses."""

from __future__ import annotations

import asyncio
import json
import tempfile
from dataclasses import asdict
from pathlib import Path

import typer

from bot.cli.common import out

TELEGRAM_BROADCAST_RATE = 30.0


def outreach(subscribers: int = typer.Option(10_000, "--subscribers"),
             rate_scale: float = typer.Option(10.0, "--rate-scale", help="multiply Telegram's 30 msg/s"),
             database_url: str = typer.Option(None, "--database-url", help="default: a temporary SQLite file"),
             as_json: bool = typer.Option(False, "--json")) -> None:
    """Send one announcement to N subscribers through a server enforcing 30 msg/s x scale."""
    from bot.outreach.bench import run

    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(run(subscribers=subscribers, rate=TELEGRAM_BROADCAST_RATE * rate_scale,
                                 data_dir=Path(tmp), database_url=database_url))
    if as_json:
        print(json.dumps(asdict(result)))
        return
    out.print(f"subscribers {result.subscribers}, allowed {result.allowed_rate:.0f} msg/s, sent {result.sent} "
              f"in {result.seconds} s")
    out.print(f"throughput {result.throughput} msg/s = {result.share:.1%} of the allowed rate "
              f"(429s: {result.rejected_429}); duplicates {result.duplicates}; lost {result.lost}")
