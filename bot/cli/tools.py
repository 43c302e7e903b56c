"""`a6bot tools ...`: staff list the capacity-building catalogue, import resources from a file, check links."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import err, out, run
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.console.accounts import record
from bot.tools import store
from bot.tools.catalogue import TOPICS, ToolFormatError, read_file
from bot.tools.links import check_links

app = typer.Typer(help="Capacity-building tools: list, import, check links.", no_args_is_help=True)
ACTOR = "cli"


def fail(message: str) -> None:
    err.print(f"[red]{message}[/red]", highlight=False)
    raise typer.Exit(2)


@app.command("list")
def list_tools(topic: str = typer.Option(None, "--topic", help=f"one of: {', '.join(TOPICS)}"),
               language: str = typer.Option(None, "--language", help="a two-letter code: en, fr, es..."),
               retired: bool = typer.Option(False, "--retired", help="also list retired resources")) -> None:
    """The catalogue: id, type, languages, link state, title and address."""
    if topic is not None and topic not in TOPICS:
        fail(f"--topic: unknown topic {topic!r}; use one of {', '.join(TOPICS)}")
    language = language.strip().lower() if language else None

    async def rows() -> list[store.ToolResource]:
        db = await open_database(Settings())
        try:
            return await store.rows(db, include_retired=retired)
        finally:
            await db.close()

    shown = [r for r in run(rows()) if (topic is None or topic in r.topics)
             and (language is None or language in r.languages)]
    for row in shown:
        flags = " [RETIRED]" if row.retired_at else ""
        link = f" [{row.link_status.upper()}]" if row.link_status and row.link_status != "ok" else ""
        out.print(f"{row.id:<48} {row.type:<11} {','.join(row.languages):<12} {row.title}{flags}{link}\n"
                  f"{'':<48} {row.url}")
    out.print(f"{len(shown)} resource(s)")


@app.command("import")
def import_tools(file: Path = typer.Argument(..., help="a YAML file in the catalogue format")) -> None:
    """Add resources from a file (new ids added, known ids updated); one bad entry imports nothing."""
    try:
        resources = read_file(file)
    except ToolFormatError as error:
        fail(str(error))

    async def write() -> dict[str, list[str]]:
        db = await open_database(Settings())
        report: dict[str, list[str]] = {"added": [], "changed": [], "unchanged": []}
        try:
            async with db.session() as session:
                for resource in resources:
                    existing = await session.get(store.ToolResource, resource.id) is not None
                    what = await store.save(session, resource=resource, origin="import", existing=existing)
                    report[what].append(resource.id)
                await record(session, actor=ACTOR, action="tools.import", target=str(file), **report)
            return report
        finally:
            await db.close()

    try:
        report = run(write())
    except ValueError as error:
        fail(f"{file}: {error}; nothing was imported")
    out.print(f"{file}: {len(report['added'])} added, {len(report['changed'])} changed, "
              f"{len(report['unchanged'])} unchanged")


@app.command("check-links")
def check(retired: bool = typer.Option(False, "--retired", help="also check retired resources")) -> None:
    """Fetch every resource's address (guarded fetching, as URL import) and flag dead or moved links;
    exit status 1 when any is flagged. The console shows the same flags."""
    settings = Settings()

    async def go() -> list:  # type: ignore[type-arg]
        db = await open_database(settings)
        try:
            return await check_links(db, include_retired=retired, allow=settings.fetch_allow)
        finally:
            await db.close()

    results = run(go())
    flagged = [r for r in results if r.status != "ok"]
    for result in flagged:
        out.print(f"{result.status.upper():<6} {result.resource_id}: {result.url}"
                  + (f" -> {result.detail}" if result.detail else ""))
    out.print(f"{len(results)} checked, {len(flagged)} flagged")
    if flagged:
        raise typer.Exit(1)
