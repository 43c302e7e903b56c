"""`a6bot staff add|list|remove|password`: create the console's staff accounts from the server's terminal."""

from __future__ import annotations

import sys

import typer
from rich.table import Table

from bot.cli.common import err, out, run
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.console.accounts import AccountError, add_staff, list_staff, remove_staff, set_password
from bot.console.models import ROLES
from bot.storage import Database

app = typer.Typer(help="Staff accounts for the web console (roles: viewer, curator, admin).", no_args_is_help=True)
ACTOR = "cli"


async def _db() -> Database:
    return await open_database(Settings())


def read_password(from_stdin: bool) -> str:
    """From the first line of stdin (scripts), or typed twice without echo (people)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@app.command("add")
def add(email: str = typer.Argument(..., help="the staff member's email; they sign in with it"),
        role: str = typer.Option("viewer", help=f"one of {', '.join(ROLES)}"),
        password_stdin: bool = typer.Option(False, "--password-stdin", help="read the password from stdin")) -> None:
    """Create a staff account; the password is stored as an argon2 hash only."""
    password = read_password(password_stdin)

    async def main() -> str:
        db = await _db()
        try:
            account = await add_staff(db, email=email, role=role, password=password, actor=ACTOR)
            return f"added {account.email} ({account.role})"
        finally:
            await db.close()

    try:
        out.print(run(main()))
    except AccountError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None


@app.command("password")
def password(email: str = typer.Argument(...),
             password_stdin: bool = typer.Option(False, "--password-stdin", help="read the password from stdin")) -> None:
    """Set a new password; every console session of the account ends at once."""
    new = read_password(password_stdin)

    async def main() -> bool:
        db = await _db()
        try:
            return await set_password(db, email=email, password=new, actor=ACTOR)
        finally:
            await db.close()

    try:
        done = run(main())
    except AccountError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    if not done:
        err.print(f"[red]no staff account {email}[/red]")
        raise typer.Exit(1)
    out.print(f"new password set for {email.strip().lower()}; their console sessions have ended")


@app.command("list")
def list_() -> None:
    """Staff accounts with their role and last sign-in."""
    async def main() -> list:  # type: ignore[type-arg]
        db = await _db()
        try:
            return await list_staff(db)
        finally:
            await db.close()

    table = Table("email", "role", "last sign-in")
    for account in run(main()):
        table.add_row(account.email, account.role, f"{account.last_login_at:%Y-%m-%d %H:%M}" if account.last_login_at else "never")
    out.print(table)


@app.command("remove")
def remove(email: str = typer.Argument(...)) -> None:
    """Remove a staff account; their open console sessions end at the next click."""
    async def main() -> bool:
        db = await _db()
        try:
            return await remove_staff(db, email=email, actor=ACTOR)
        finally:
            await db.close()

    if not run(main()):
        err.print(f"[red]no staff account {email}[/red]")
        raise typer.Exit(1)
    out.print(f"removed {email.strip().lower()}")
