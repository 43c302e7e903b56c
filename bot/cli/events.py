"""`a6bot events ...`: staff add, change, cancel, list and import events."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import typer
from sqlalchemy import select
from zoneinfo import ZoneInfo

from bot.cli.common import err, out, run
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.outreach import events as store
from bot.outreach.importer import EventImportError, import_events
from bot.outreach.models import Event

app = typer.Typer(help="Events: add, edit, cancel, list, import.", no_args_is_help=True)


def fail(message: str) -> None:
    err.print(f"[red]{message}[/red]")
    raise typer.Exit(2)


def line(e: Event) -> str:
    start = e.starts_at.astimezone(ZoneInfo(e.timezone))
    when = f"{start:%Y-%m-%d}" if e.all_day else f"{start:%Y-%m-%d %H:%M} {e.timezone}"
    flags = " [EXAMPLE]" if e.example else ""
    return f"{e.uid:<36} {when:<30} {e.status:<10} {e.title}{flags}"


async def _write(spec_factory, *, publish: bool = True) -> str:  # type: ignore[no-untyped-def]
    db = await open_database(Settings())
    try:
        async with db.session() as session:
            spec = await spec_factory(session)
            row, what = await store.upsert(session, spec, source="cli", publish=publish)
            return f"{what}: {row.uid} (revision {row.revision})"
    finally:
        await db.close()


@app.command("add")
def add(uid: str = typer.Option(..., help="stable id, e.g. a6ip-2026-tracking-wg-3"),
        title: str = typer.Option(...), start: str = typer.Option(..., help="local time 'YYYY-MM-DD HH:MM'"),
        end: str = typer.Option(None, help="local time"), tz: str = typer.Option("UTC", "--timezone"),
        kind: str = typer.Option("other"), topic: list[str] = typer.Option([], "--topic", help="repeat"),
        all_day: bool = typer.Option(False, "--all-day"), place: str = typer.Option(None),
        online: bool = typer.Option(False, "--online"), hybrid: bool = typer.Option(False, "--hybrid"),
        organiser: str = typer.Option(None), registration_url: str = typer.Option(None, "--registration-url"),
        description: str = typer.Option(None), language: str = typer.Option("en"), region: str = typer.Option(None),
        draft: bool = typer.Option(False, "--draft", help="store without publishing (no announcement)")) -> None:
    """Add (or replace) an event; publishing it schedules the announcement and reminders."""
    async def spec(_session):  # type: ignore[no-untyped-def]
        return store.EventSpec(uid=uid, title=title, starts_at=store.local_datetime(start, tz),
                               ends_at=store.local_datetime(end, tz) if end else None, timezone=tz, kind=kind,
                               topics=topic, all_day=all_day, place=place, online=online, hybrid=hybrid,
                               organiser=organiser, registration_url=registration_url, description=description,
                               language=language, region=region)
    try:
        out.print(run(_write(spec, publish=not draft)))
    except ValueError as error:
        fail(str(error))


@app.command("edit")
def edit(uid: str = typer.Argument(...), title: str = typer.Option(None), start: str = typer.Option(None),
         end: str = typer.Option(None), tz: str = typer.Option(None, "--timezone"), place: str = typer.Option(None),
         online: bool = typer.Option(None, "--online/--in-person"), registration_url: str = typer.Option(None, "--registration-url"),
         status: str = typer.Option(None, help="scheduled, changed, postponed"), description: str = typer.Option(None),
         topic: list[str] = typer.Option(None, "--topic")) -> None:
    """Change an event; a material change bumps its revision and notifies subscribers who heard of it."""
    async def spec(session):  # type: ignore[no-untyped-def]
        row = await session.scalar(select(Event).where(Event.uid == uid))
        if row is None:
            raise ValueError(f"no event with uid {uid!r}")
        zone = tz or row.timezone
        return store.spec_of(row, title=title, timezone=tz, place=place, online=online, status=status,
                             registration_url=registration_url, description=description, topics=topic or None,
                             starts_at=store.local_datetime(start, zone) if start else None,
                             ends_at=store.local_datetime(end, zone) if end else None)
    try:
        out.print(run(_write(spec)))
    except ValueError as error:
        fail(str(error))


@app.command("cancel")
def cancel(uid: str = typer.Argument(...)) -> None:
    """Cancel an event; subscribers who were told about it get a cancellation notice."""
    async def main() -> Event | None:
        db = await open_database(Settings())
        try:
            return await store.cancel(db, uid=uid)
        finally:
            await db.close()
    row = run(main())
    if row is None:
        fail(f"no event with uid {uid!r}")
    out.print(f"cancelled: {uid} (revision {row.revision})")  # type: ignore[union-attr]


@app.command("list")
def list_events(all_: bool = typer.Option(False, "--all", help="include past events"),
                topic: str = typer.Option(None, "--topic")) -> None:
    """Upcoming events (or all with --all), soonest first."""
    async def main() -> list[Event]:
        db = await open_database(Settings())
        try:
            start = None if all_ else datetime.now(timezone.utc) - timedelta(hours=12)
            return await store.listing(db, start=start, topic=topic)
        finally:
            await db.close()
    rows = run(main())
    for row in rows:
        out.print(line(row), markup=False)
    if not rows:
        out.print("No events.")


@app.command("import")
def import_(source: str = typer.Argument(..., metavar="FILE_OR_URL", help=".yaml, .csv, .ics file or http(s) feed")) -> None:
    """Import events, idempotent by UID; a malformed file is refused whole and changes nothing."""
    async def main():  # type: ignore[no-untyped-def]
        settings = Settings()
        db = await open_database(settings)
        try:
            return await import_events(db, source, allow=settings.fetch_allow)
        finally:
            await db.close()
    try:
        report = run(main())
    except EventImportError as error:
        fail(f"Nothing imported: {error}")
    out.print(f"added {len(report.added)}, changed {len(report.changed)}, unchanged {len(report.unchanged)}")
