"""`a6bot kb watch add|list|check|remove` against a local site: what staff see in the terminal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.security.site_server import Site
from tests.watch.test_check import CHANGED, PAGE


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A6BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("A6BOT_DATABASE_URL", "")
    monkeypatch.setenv("A6BOT_FETCH_ALLOW_NETWORKS", "127.0.0.1")
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_add_list_check_remove(env: None, site: Site, tmp_path: Path) -> None:
    runner = CliRunner()
    url = site.put("/registry.html", PAGE)
    added = runner.invoke(app, ["kb", "watch", "add", url, "--name", "Registry notice"])
    assert added.exit_code == 0 and added.output.strip() == f"watching 1: Registry notice ({url})"
    twice = runner.invoke(app, ["kb", "watch", "add", url])
    assert twice.exit_code == 1 and "is watched already" in twice.output
    bad = runner.invoke(app, ["kb", "watch", "add", "file:///etc/passwd"])
    assert bad.exit_code == 1 and "only http:// and https://" in bad.output

    first = runner.invoke(app, ["kb", "watch", "check"])
    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == ["1 Registry notice: new page: waiting for review",
                                         "checked 1, 1 waiting for review (console: /console/watch)"]
    assert "1 Registry notice: not modified" in runner.invoke(app, ["kb", "watch", "check"]).output
    site.put("/registry.html", CHANGED)
    assert "1 Registry notice: new page: waiting for review" in runner.invoke(app, ["kb", "watch", "check"]).output

    listing = runner.invoke(app, ["kb", "watch", "list"], env={"COLUMNS": "300"})
    assert listing.exit_code == 0
    row = next(line for line in listing.output.splitlines() if "Registry notice" in line)
    assert "page" in row and "waiting for review" in row and url in row

    removed = runner.invoke(app, ["kb", "watch", "remove", "1"])
    assert removed.exit_code == 0 and removed.output.strip() == "stopped watching 1: Registry notice"
    missing = runner.invoke(app, ["kb", "watch", "remove", "1"])
    assert missing.exit_code == 1 and "there is no watched source 1" in missing.output
    assert "No watched sources" in runner.invoke(app, ["kb", "watch", "list"]).output
    with sqlite3.connect(tmp_path / "data" / "a6bot.sqlite3") as db:
        audit = list(db.execute("SELECT actor, action FROM audit_log WHERE action LIKE 'watch.%' ORDER BY id"))
    assert audit == [("cli", "watch.add"), ("cli", "watch.remove")]
