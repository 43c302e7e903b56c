"""`a6bot support list|show|forget`: support-package requests from the server's terminal, for staff."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer
from rich.table import Table

from bot.cli.common import err, out, run
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.console.accounts import record
from bot.storage import Database
from bot.support import pipeline
from bot.support.pipeline import STEP_NAMES, STEPS, SupportError
from bot.texts import say

app = typer.Typer(help="Support-package requests (expressions of interest sent through the bot).",
                  no_args_is_help=True)
ACTOR = "cli"
T = TypeVar("T")


def with_db(work: Callable[[Database], Awaitable[T]]) -> T:
    """Run `work` on the configured database; a SupportError is printed and exits with status 2."""
    async def main() -> T:
        db = await open_database(Settings())
        try:
            return await work(db)
        finally:
            await db.close()

    try:
        return run(main())
    except SupportError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None


def areas_text(areas: list[str]) -> str:
    return ", ".join(say(f"support.area.{a}", "en") for a in areas)


@app.command("list")
def list_(step: str | None = typer.Option(None, help=f"only requests at this step: {', '.join(STEPS)}")) -> None:
    """Requests, oldest first, with their step, country and areas."""
    rows = with_db(lambda db: pipeline.listing(db, step=step))
    table = Table("reference", "step", "country", "areas", "received", "assignee")
    for r in rows:
        table.add_row(r.reference, STEP_NAMES[r.step], r.country, areas_text(r.areas), f"{r.created_at:%Y-%m-%d}",
                      r.assignee or "")
    out.print(table if rows else "No support requests" + (f" at {STEP_NAMES.get(step, step)}." if step else "."))


@app.command("show")
def show(reference: str = typer.Argument(..., help="e.g. A6-2026-0001")) -> None:
    """One request: what was asked, who asked (staff only), and its history."""
    async def work(db: Database) -> pipeline.SupportRequest:
        found = await pipeline.get(db, reference=reference)
        if found is None:
            raise SupportError(f"there is no support request {reference.strip()[:40]!r}")
        return found

    r = with_db(work)
    contact = f"{r.name}, {r.role} <{r.email}>" if r.name else "(deleted)"
    for label, value in (("Reference", r.reference), ("Step", STEP_NAMES[r.step]), ("Country", r.country),
                         ("Institution", r.institution), ("Areas", areas_text(r.areas)), ("Timeline", r.timeline),
                         ("Needs", r.needs), ("Contact", contact), ("Language", r.language),
                         ("Channel", r.channel), ("Assignee", r.assignee or ""),
                         ("Received", f"{r.created_at:%Y-%m-%d %H:%M} UTC")):
        out.print(f"[bold]{label}:[/bold] {value}", highlight=False)
    table = Table("when (UTC)", "who", "what")
    for e in r.entries:
        table.add_row(f"{e.at:%Y-%m-%d %H:%M}", e.actor, f"{e.kind}: {e.text}" if e.text else e.kind)
    out.print(table)


@app.command("forget")
def forget(reference: str = typer.Argument(..., help="e.g. A6-2026-0001")) -> None:
    """Delete the requester's personal data, keep an anonymised record (country, areas, steps). Audit-logged."""
    async def work(db: Database) -> str:
        async with db.session() as session:
            r = await pipeline.forget(session, reference=reference, actor=ACTOR)
            await record(session, actor=ACTOR, action="support.forget", target=r.reference)
            return r.reference

    out.print(f"{with_db(work)}: personal data deleted; the anonymised record stays.")
