"""`a6bot kb watch add|list|remove|check`: the pages and feeds the source watch follows. Changes found wait
for a curator in the console (/console/watch); nothing is imported from here."""

from __future__ import annotations

import typer
from rich.table import Table

from bot.cli.common import err, out, run
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.console.accounts import audit
from bot.watch import CheckResult, WatchError, add_source, check_all, list_sources, remove_source
from bot.watch.review import changes

app = typer.Typer(help="Watch web pages and RSS/Atom feeds for new or changed documents.", no_args_is_help=True)
ACTOR = "cli"


@app.command("add")
def add(url: str = typer.Argument(..., help="an http(s) page, PDF or RSS/Atom feed"),
        name: str = typer.Option(None, "--name", help="a short name for lists (default: the address)")) -> None:
    """Watch a URL; the next check records it (a page the knowledge base lacks is queued as new)."""
    async def main() -> str:
        db = await open_database(Settings())
        try:
            source = await add_source(db, url=url, name=name, actor=ACTOR)
            await audit(db, actor=ACTOR, action="watch.add", target=source.url, name=source.name)
            return f"watching {source.id}: {source.name} ({source.url})"
        finally:
            await db.close()
    try:
        out.print(run(main()), markup=False)
    except WatchError as error:
        err.print(f"Not added: {error}", markup=False)
        raise typer.Exit(1) from error


@app.command("list")
def list_() -> None:
    """Watched sources: kind, last check and its outcome, changes waiting for review."""
    async def main() -> Table:
        db = await open_database(Settings())
        try:
            sources, pending = await list_sources(db), await changes(db)
        finally:
            await db.close()
        waiting = {source.id: 0 for source in sources}
        for _, source in pending:
            waiting[source.id] += 1
        table = Table("id", "name", "kind", "checked (UTC)", "last outcome", "waiting", "url")
        for source in sources:
            checked = source.checked_at.strftime("%Y-%m-%d %H:%M") if source.checked_at else "-"
            table.add_row(str(source.id), source.name, source.kind or "-", checked, source.status,
                          str(waiting[source.id]), source.url)
        return table
    table = run(main())
    out.print(table if table.row_count else "No watched sources; add one with `a6bot kb watch add URL`.")


@app.command("remove")
def remove(source_id: int = typer.Argument(..., metavar="ID", help="the id `kb watch list` shows")) -> None:
    """Stop watching a source (what was approved stays in the knowledge base)."""
    async def main() -> str:
        db = await open_database(Settings())
        try:
            source = await remove_source(db, source_id)
            await audit(db, actor=ACTOR, action="watch.remove", target=source.url)
            return f"stopped watching {source.id}: {source.name}"
        finally:
            await db.close()
    try:
        out.print(run(main()), markup=False)
    except WatchError as error:
        err.print(f"Nothing removed: {error}", markup=False)
        raise typer.Exit(1) from error


@app.command("check")
def check() -> None:
    """Check every watched source now; new and changed documents wait for review in the console."""
    settings = Settings()

    async def main() -> list[CheckResult]:
        db = await open_database(settings)
        try:
            return await check_all(db, allow=settings.fetch_allow)
        finally:
            await db.close()
    results = run(main())
    for result in results:
        out.print(f"{result.source_id} {result.name}: {result.outcome}", markup=False)
    found = sum(result.change_id is not None for result in results)
    out.print(f"checked {len(results)}, {found} waiting for review (console: /console/watch)" if results
              else "No watched sources; add one with `a6bot kb watch add URL`.")
