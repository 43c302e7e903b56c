"""Shared fixtures: the real UNFCCC corpus (skipped when absent, except on CI where it must exist)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS_PATH = Path("shared") / "corpora" / "unfccc-article6"
# shared/ sits beside the checkout (CI, /work/main) or further up (a worktree under /work/wt/NAME)
CORPUS = next((folder / CORPUS_PATH for folder in Path(__file__).resolve().parents[3:] if (folder / CORPUS_PATH).is_dir()),
              Path(__file__).resolve().parents[3] / CORPUS_PATH)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """Folder of the real decision reports (txt/ and pdf/)."""
    if not CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"UNFCCC corpus missing at {CORPUS}")
        pytest.skip(f"UNFCCC corpus not present at {CORPUS}")
    return CORPUS
