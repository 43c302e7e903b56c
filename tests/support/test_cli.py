"""`a6bot support list|show|forget` against a fresh data dir: staff read requests in the terminal, and a
requester's personal data is deleted on request while the anonymised record stays."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.support import Support, Where
from bot.support import pipeline

ANSWERS = ("Maldives", "Ministry of Climate Change", "Aishath Rasheed", "Director", "aishath@environment.gov.mv",
           "reporting, tracking", "Within a year",
           "We need to prepare the initial report and connect to the international registry.")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("A6BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("A6BOT_DATABASE_URL", "")
    monkeypatch.chdir(tmp_path)  # no stray .env
    return tmp_path / "data" / "a6bot.sqlite3"


def record_requests() -> list[str]:
    """Two confirmed requests through the flow (one typed in full), the second moved to consultation."""
    async def main() -> list[str]:
        db = await open_database(Settings())
        support, references = Support(db, contact="staff@a6ip.test"), []
        try:
            for n in (1, 2):
                where = Where(conversation=f"telegram:{n}", channel="telegram", chat=str(n), language="en")
                await support.press("start", where)
                for answer in ANSWERS:
                    await support.message(answer, where)
                references.append((await support.press("confirm", where)).reference)
            async with db.session() as session:
                await pipeline.move(session, reference=references[1], step="consultation", actor="test")
        finally:
            await db.close()
        return references
    return asyncio.run(main())


def test_list_show_and_forget(env: Path) -> None:
    first, second = record_requests()
    runner = CliRunner()
    listing = runner.invoke(app, ["support", "list"])
    assert listing.exit_code == 0 and first in listing.output and second in listing.output
    assert "Maldives" in listing.output and "Reporting," in listing.output and "Tracking" in listing.output
    consultation = runner.invoke(app, ["support", "list", "--step", "consultation"])
    assert second in consultation.output and first not in consultation.output
    wrong = runner.invoke(app, ["support", "list", "--step", "dreaming"])
    assert wrong.exit_code == 2 and "unknown step 'dreaming'" in wrong.output
    shown = runner.invoke(app, ["support", "show", first.lower()])
    assert shown.exit_code == 0 and "aishath@environment.gov.mv" in shown.output and "Aishath Rasheed" in shown.output
    assert "Expression of interest" in shown.output and "created" in shown.output

    forgot = runner.invoke(app, ["support", "forget", first])
    assert forgot.exit_code == 0 and "personal data deleted" in forgot.output
    after = runner.invoke(app, ["support", "show", first])
    assert "aishath" not in after.output.lower() and "(deleted)" in after.output and "Maldives" in after.output
    with sqlite3.connect(env) as db:
        row = db.execute("SELECT name, role, email, chat, needs, country, areas FROM support_requests "
                         "WHERE reference = ?", (first,)).fetchone()
        audit = [r[0] for r in db.execute("SELECT action FROM audit_log WHERE target = ?", (first,))]
        questions = db.execute("SELECT count(*) FROM question_log").fetchone()[0]
    assert row == (None, None, None, None, "(deleted)", "Maldives", '["reporting", "tracking"]')
    assert audit == ["support.forget"] and questions == 0
    missing = runner.invoke(app, ["support", "forget", "A6-1999-0001"])
    assert missing.exit_code == 2 and "there is no support request 'A6-1999-0001'" in missing.output
