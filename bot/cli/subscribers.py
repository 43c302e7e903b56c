"""`a6bot subscribers add|remove ADDRESS`: staff add or remove a subscriber by address (email), through the
platform in the list that takes subscribers by address."""

from __future__ import annotations

import typer

from bot.cli.common import err, out, run
from bot.cli.platforms import PLATFORMS, open_database
from bot.config import Settings
from bot.outreach.topics import parse_topics
from bot.platform import TakesSubscribers
from bot.services import Backend
from bot.texts import LANGUAGES, UserError

app = typer.Typer(help="Subscribers added by address (email), with the same topics, language and zone as in chat.",
                  no_args_is_help=True)


def platform(settings: Settings) -> TakesSubscribers:
    found = [p for p in PLATFORMS if isinstance(p, TakesSubscribers)]
    configured = [p for p in found if p.configured(settings)]
    if not configured:
        names = ", ".join(p.name for p in found) or "none"
        err.print(f"No platform that takes subscribers by address is configured (known: {names}); for email set "
                  "A6BOT_SMTP_URL and A6BOT_MAIL_FROM.")
        raise typer.Exit(1)
    return configured[0]


@app.command("add")
def add(address: str = typer.Argument(..., help="the subscriber's email address"),
        topics: str = typer.Option("all", help="'reporting, 6.2', 'all' (the default)"),
        language: str = typer.Option("en", help=f"language of the notices: {', '.join(LANGUAGES)}"),
        timezone: str = typer.Option("UTC", help="IANA zone or a city: Europe/Paris, Tokyo"),
        confirmed: bool = typer.Option(False, "--confirmed", help=(
            "skip the confirmation email: only when the person already agreed elsewhere (a signed registration "
            "form); otherwise they confirm by the link, as on the public page"))) -> None:
    """Send ADDRESS the confirmation link for these topics (or, with --confirmed, subscribe it at once)."""
    settings = Settings()
    target = platform(settings)
    if language not in LANGUAGES:
        err.print(f"Unknown language {language!r}; use one of {', '.join(LANGUAGES)}.")
        raise typer.Exit(1)

    async def main() -> str:
        backend = Backend(settings, await open_database(settings))
        try:
            return await target.add_subscriber(backend, address, topics=parse_topics(topics) or [],
                                               language=language, timezone=timezone, confirmed=confirmed)
        finally:
            await backend.close()

    try:
        out.print(run(main()))
    except UserError as error:
        err.print(str(error))
        raise typer.Exit(1) from None


@app.command("remove")
def remove(address: str = typer.Argument(..., help="the subscriber's email address")) -> None:
    """End the subscription of ADDRESS and delete the address."""
    settings = Settings()
    target = platform(settings)

    async def main() -> bool:
        backend = Backend(settings, await open_database(settings))
        try:
            return await target.remove_subscriber(backend, address)
        finally:
            await backend.close()

    try:
        removed = run(main())
    except UserError as error:
        err.print(str(error))
        raise typer.Exit(1) from None
    if not removed:
        err.print("No subscriber with that address.")
        raise typer.Exit(1)
    out.print("Removed; the address is deleted.")
