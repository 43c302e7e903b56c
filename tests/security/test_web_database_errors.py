"""Database URLs are shown with the password hidden, whether given as user:pass@ or as ?password= (`a6bot
config`, logs, errors; one function), and a database that cannot be reached is one clear line on stderr and
exit status 1 for every command, never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import mask_url_password

ROOT = Path(__file__).resolve().parents[2]


def a6bot(tmp_path: Path, *args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "A6BOT_DATA_DIR": str(tmp_path / "data"), "A6BOT_DATABASE_URL": database_url}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens there once the socket is closed


def test_passwords_are_masked_in_every_form() -> None:
    assert mask_url_password("postgresql://bot:s3cret@db/a6") == "postgresql://bot:***@db/a6"
    shown = mask_url_password("postgresql://bot@db/a6?password=s3cret&sslmode=require")
    assert "s3cret" not in shown and "password=***" in shown and "sslmode=require" in shown
    assert "s3cret" not in mask_url_password("postgresql://bot:s3cret@db:notaport/a6?password=s3cret")


def test_config_hides_a_query_password(tmp_path: Path) -> None:
    result = a6bot(tmp_path, "config", database_url="postgresql://bot@db.example/a6?password=s3cret")
    assert result.returncode == 0, result.stderr
    assert "s3cret" not in result.stdout + result.stderr and "password=***" in result.stdout


@pytest.mark.parametrize("command", [["staff", "list"], ["kb", "list"], ["events", "list"], ["run"]])
def test_an_unreachable_database_is_one_line_and_status_1(tmp_path: Path, command: list[str]) -> None:
    url = f"postgresql://postgres:s3cret@127.0.0.1:{closed_port()}/x"
    result = a6bot(tmp_path, *command, database_url=url)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip() and '"level"' not in line]
    assert lines == [f"a6bot: cannot reach the database at {mask_url_password(url)}: connection refused"], result.stderr
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr
