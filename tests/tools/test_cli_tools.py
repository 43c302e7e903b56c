"""`a6bot tools list / import` and `a6bot ask --json` for a tool answer, as staff run them: a separate
process on a fresh data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import TINY_EVENTS, TINY_KB
from tests.tools.test_catalogue_loader import GOOD


def a6bot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("A6BOT_")}
    env.update({"A6BOT_DATA_DIR": str(tmp_path / "data"), "A6BOT_KNOWLEDGE_DIR": str(TINY_KB),
                "A6BOT_EVENTS_DIR": str(TINY_EVENTS), "COLUMNS": "200"})
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=600)


def test_list_filters_by_topic_and_language_and_import_validates(tmp_path: Path) -> None:
    spanish = a6bot(tmp_path, "tools", "list", "--topic", "authorization", "--language", "es")
    assert spanish.returncode == 0, spanish.stderr
    assert "chile-article-6-regulation" in spanish.stdout and "sweden-article-6-authorisation" not in spanish.stdout
    wrong = a6bot(tmp_path, "tools", "list", "--topic", "biodiversity")
    assert wrong.returncode == 2 and "--topic: unknown topic 'biodiversity'" in wrong.stderr

    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump([GOOD, {**GOOD, "id": "second", "url": "https://example.org/2", "level": "expert"}]))
    refused = a6bot(tmp_path, "tools", "import", str(bad))
    assert refused.returncode == 2
    assert "resource 2 (second): level: 'expert' is not one of introductory, intermediate, advanced" in refused.stderr
    assert "example-toolkit" not in a6bot(tmp_path, "tools", "list").stdout  # nothing half-imported

    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump([GOOD]))
    imported = a6bot(tmp_path, "tools", "import", str(good))
    assert imported.returncode == 0 and "1 added, 0 changed, 0 unchanged" in imported.stdout
    assert "example-toolkit" in a6bot(tmp_path, "tools", "list", "--language", "es").stdout


@pytest.mark.model
def test_ask_json_for_a_tool_answer_carries_the_usual_fields(tmp_path: Path) -> None:
    result = a6bot(tmp_path, "ask", "--json", "Do you have a template for a letter of authorization?")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "tools" and data["answered"] and data["answer"].startswith("Resources that may help:")
    assert {"question", "answer", "sources", "language", "log_id", "more", "confidence"} <= set(data)
    assert any("carbonregistry.com" in source["url"] for source in data["sources"])
