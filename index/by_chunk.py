"""The index's per-chunk tables (passage metadata, lexical tokens, spelling words) saved as JSON keyed by chunk
id: JSON keys are text, so ids are written as strings and read back as integers, in one place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def save(path: Path, table: dict[int, Any]) -> None:
    path.write_text(json.dumps({str(k): v for k, v in table.items()}), encoding="utf-8")


def load(path: Path) -> dict[int, Any]:
    return {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
