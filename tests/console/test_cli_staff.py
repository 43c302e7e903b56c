"""`a6bot staff add|list|remove` against a fresh data dir; passwords never stored in clear."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("A6BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("A6BOT_DATABASE_URL", "")
    monkeypatch.chdir(tmp_path)  # no stray .env
    return tmp_path / "data" / "a6bot.sqlite3"


def test_add_list_remove(env: Path) -> None:
    runner = CliRunner()
    added = runner.invoke(app, ["staff", "add", "Ana@A6IP.test", "--role", "admin", "--password-stdin"],
                          input="a very good password\n")
    assert added.exit_code == 0, added.output
    assert "added ana@a6ip.test (admin)" in added.output
    typed = runner.invoke(app, ["staff", "add", "bo@a6ip.test"], input="another password\nanother password\n")
    assert typed.exit_code == 0 and "(viewer)" in typed.output
    listing = runner.invoke(app, ["staff", "list"])
    assert "ana@a6ip.test" in listing.output and "bo@a6ip.test" in listing.output and "never" in listing.output
    with sqlite3.connect(env) as db:
        hashes = [row[0] for row in db.execute("SELECT password_hash FROM staff_accounts")]
        audit = [row[0] for row in db.execute("SELECT action FROM audit_log")]
    assert all(h.startswith("$argon2id$") and "password" not in h for h in hashes)
    assert audit == ["staff.add", "staff.add"]
    assert runner.invoke(app, ["staff", "remove", "bo@a6ip.test"]).exit_code == 0
    missing = runner.invoke(app, ["staff", "remove", "bo@a6ip.test"])
    assert missing.exit_code == 1 and "no staff account" in missing.output


@pytest.mark.parametrize("args, password, expected", [
    (["nobody"], "a very good password", "not an email address"),
    (["x@a6ip.test", "--role", "root"], "a very good password", "unknown role"),
    (["x@a6ip.test"], "short", "at least 10 characters"),
])
def test_bad_input_is_refused(env: Path, args: list[str], password: str, expected: str) -> None:
    result = CliRunner().invoke(app, ["staff", "add", *args, "--password-stdin"], input=password + "\n")
    assert result.exit_code == 2 and expected in result.output


def test_duplicate_account_is_refused(env: Path) -> None:
    runner = CliRunner()
    runner.invoke(app, ["staff", "add", "x@a6ip.test", "--password-stdin"], input="a very good password\n")
    again = runner.invoke(app, ["staff", "add", "X@a6ip.test", "--password-stdin"], input="a very good password\n")
    assert again.exit_code == 2 and "already has an account" in again.output
