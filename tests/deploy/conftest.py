"""Fixtures for the deployment tests: a small deterministic encoder (hashed words, so nothing loads a model
and every call can be counted), settings for an install on SQLite or on a throw-away PostgreSQL database."""

from __future__ import annotations

import hashlib
import re
import socket
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from bot.config import Settings

HERE = Path(__file__).resolve().parent
TINY_KB = HERE.parent / "data" / "tiny_kb"
TINY_EVENTS = HERE.parent / "data" / "tiny_events"
WORD = re.compile(r"\w+")


class HashEncoder:
    """Bag of hashed words, normalized: enough for lexical-like dense retrieval, instant, and it counts
    every passage it embeds. `poison`: a word whose passages make it raise, as a model fed bad input does."""

    name = "test/hashed-words"
    dim = 128

    def __init__(self, *, poison: str | None = None) -> None:
        self.poison = poison
        self.passages = 0
        self.gate: threading.Event | None = None  # when set to an unset Event, encoding waits for it
        self.query_seconds = 0.0  # how long embedding a question takes
        self._lock = threading.Lock()

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in WORD.findall(text.lower()):
            vector[int(hashlib.blake2b(word.encode(), digest_size=4).hexdigest(), 16) % self.dim] += 1.0
        norm = np.linalg.norm(vector)
        return vector / norm if norm else vector

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        time.sleep(self.query_seconds)
        return self._vectors(texts)

    def _vectors(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        if self.gate is not None:
            self.gate.wait(30)
        if self.poison and any(self.poison in t for t in texts):
            raise RuntimeError("the model cannot take this input")
        with self._lock:
            self.passages += len(texts)
        return self._vectors(texts)


def make_settings(data_dir: Path, database_url: str = "", **values: object) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url=database_url, multilingual=False, **values)


@pytest.fixture
def deploy_settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
