"""Findings 1 and 6: YAML alias bombs (a 531-byte FAQ file, a 457-byte events file) are refused before they
expand, with a message naming the file and the line; nothing is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.bench.hostile import events_alias_bomb, faq_alias_bomb
from bot.outreach.importer import EventImportError, import_events, parse
from bot.outreach.models import Event
from bot.services import Services
from knowledge.loaders import load_file
from knowledge.safe_yaml import AliasError, load_yaml
from knowledge.types import LoadError

def test_the_shared_loader_refuses_anchors_and_aliases() -> None:
    assert load_yaml("a: [1, 2]\nb: {c: d}") == {"a": [1, 2], "b": {"c": "d"}}
    for text in ("a: &x 1\nb: *x", "base: &b {k: v}\nother:\n  <<: *b", "- &only plain"):
        with pytest.raises(AliasError, match=r"anchors and aliases .* not accepted.*\(line \d+, column \d+\)"):
            load_yaml(text)


def test_faq_alias_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text("- id: bomb\n  question: &q Q?\n  answer: [*q, *q]\n  citations: [Decision 2/CMA.3]\n")
    assert len(path.read_bytes()) < 600
    with pytest.raises(LoadError, match=r"bomb.yaml: invalid YAML: YAML anchors and aliases"):
        load_file(path)
    big = tmp_path / "laughs.yaml"
    big.write_text(faq_alias_bomb())
    with pytest.raises(LoadError, match="anchors and aliases"):
        load_file(big)


def test_markdown_front_matter_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_text("---\ntitle: &t Guide\ntopics: [*t, *t]\n---\n## A\nText.\n")
    with pytest.raises(LoadError, match="bad YAML front matter: YAML anchors and aliases"):
        load_file(path)


async def test_events_alias_bomb_is_refused_and_nothing_is_imported(tmp_path: Path, services: Services) -> None:
    bomb = events_alias_bomb()
    with pytest.raises(EventImportError, match=r"bomb.yaml: not valid YAML \(YAML anchors and aliases"):
        parse(bomb.encode(), "yaml", "bomb.yaml")
    path = tmp_path / "bomb.yaml"
    path.write_text(bomb)
    async with services.db.session() as session:
        before = await session.scalar(select(func.count(Event.id)))
    with pytest.raises(EventImportError, match="anchors and aliases"):
        await import_events(services.db, str(path))
    async with services.db.session() as session:
        assert await session.scalar(select(func.count(Event.id))) == before
