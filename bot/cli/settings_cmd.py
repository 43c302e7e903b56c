"""`a6bot config`: the effective settings, the core's and every platform's own, secrets masked."""

from __future__ import annotations

import json

import typer

from bot.cli.common import out
from bot.cli.platforms import PLATFORMS
from bot.config import Settings


def config(as_json: bool = typer.Option(False, "--json", help="one JSON object")) -> None:
    """Print the effective settings (environment, .env and defaults), with secrets masked."""
    settings = Settings()
    values = settings.masked()
    for platform in PLATFORMS:
        if platform.section is not None:
            values.update(settings.section(platform.section).masked())
    if as_json:
        print(json.dumps(values, default=str))
        return
    width = max(map(len, values))
    for name, value in values.items():
        out.print(f"A6BOT_{name.upper():<{width}}  {value if value not in (None, '') else '-'}")
