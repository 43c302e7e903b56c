"""The `a6bot` command: one Typer app; each group of sub-commands lives in its own module."""

from __future__ import annotations

import sys

import typer

from bot.cli import ask, bench, events, kb, outreach, run, settings_cmd, staff, subscribers, support, tools
from bot.config import Settings, mask_url_password
from bot.storage.db import unreachable_reason

app = typer.Typer(help="A6IP Article 6 assistant: cited answers, knowledge base, outreach.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.command("config")(settings_cmd.config)
app.command("ask")(ask.ask)
app.command("chat")(ask.chat)
app.add_typer(kb.app, name="kb")
app.add_typer(bench.app, name="bench")
app.command("run")(run.run)
app.add_typer(events.app, name="events")
app.add_typer(outreach.app, name="outreach")
app.add_typer(staff.app, name="staff")
app.add_typer(subscribers.app, name="subscribers")
app.add_typer(support.app, name="support")
app.add_typer(tools.app, name="tools")


def main() -> None:
    """Every command: a database that cannot be reached is one line on stderr and exit status 1."""
    try:
        app()
    except Exception as error:
        reason = unreachable_reason(error)
        if reason is None:
            raise
        sys.stderr.write(f"a6bot: cannot reach the database at {database_shown()}: {reason}\n")
        sys.exit(1)


def database_shown() -> str:
    try:
        return mask_url_password(Settings().effective_database_url)
    except Exception:  # settings that do not parse are reported by the command itself; the URL stays unknown
        return "(the configured A6BOT_DATABASE_URL)"
