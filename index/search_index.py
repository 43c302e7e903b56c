"""The search index facade: upsert, delete, search, save, load; dense and lexical parts fused per query.

One directory holds it all: meta.json (model, fingerprint, fusion), dense.faiss, questions.faiss (FAQ
question variants), lexical.json and store.json (what a hit needs to be shown without a database read).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from index.acronyms import Acronyms
from index.dense import DenseIndex
from index.encoder import Encoder
from index.fusion import convex, reciprocal_rank
from index.lexical import LexicalIndex

FORMAT_VERSION = 1
# Question variant ids live in their own faiss index: chunk id * VARIANT_SLOTS + variant number.
VARIANT_SLOTS = 1000


@dataclass
class IndexItem:
    """A chunk as the index sees it: an id, what is embedded and matched, and what a hit displays."""

    id: int
    text: str
    text_hash: str
    meta: dict[str, Any] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)


@dataclass
class Hit:
    """One search result with the scores that produced it (the answerer uses them for confidence)."""

    id: int
    score: float
    dense: float
    lexical: float
    meta: dict[str, Any]


@dataclass
class Fusion:
    """How dense and lexical lists are combined; chosen by measurement (README, `a6bot bench retrieval`)."""

    method: str = "convex"
    dense_weight: float = 0.5
    lexical_weight: float = 0.5
    depth: int = 100

    def fuse(self, dense: list[tuple[int, float]], lexical: list[tuple[int, float]]) -> list[tuple[int, float]]:
        weights = [self.dense_weight, self.lexical_weight]
        if self.method == "rrf":
            return reciprocal_rank([dense, lexical], weights=weights)
        return convex([dense, lexical], weights=weights)


class SearchIndex:
    """Hybrid retrieval over chunks; ids are the database's chunk ids so an update is remove-then-add."""

    def __init__(self, encoder: Encoder, *, acronyms: Acronyms | None = None, fusion: Fusion | None = None) -> None:
        self.encoder = encoder
        self.acronyms = acronyms or Acronyms([])
        self.fusion = fusion or Fusion()
        self.dense: DenseIndex | None = None
        self.questions: DenseIndex | None = None
        self.lexical = LexicalIndex()
        self.store: dict[int, dict[str, Any]] = {}

    def __len__(self) -> int:
        return len(self.store)

    # --- building -------------------------------------------------------------------------------------
    def _ensure_dense(self) -> None:
        if self.dense is None:
            self.dense = DenseIndex(self.encoder.dim)
            self.questions = DenseIndex(self.encoder.dim)

    def upsert(self, items: list[IndexItem], *, progress: Callable[[int], None] | None = None,
               batch: int = 256) -> None:
        """Add or replace items; only these are embedded, the rest of the index is untouched."""
        if not items:
            return
        self._ensure_dense()
        self.delete([item.id for item in items if item.id in self.store])
        for start in range(0, len(items), batch):
            part = items[start:start + batch]
            vectors = self.encoder.encode_passages([self.acronyms.expand(item.text) for item in part])
            ids = np.array([item.id for item in part], dtype=np.int64)
            self.dense.add(ids, vectors)  # type: ignore[union-attr]
            self.lexical.add([item.id for item in part], [self.acronyms.expand(item.text) for item in part])
            variants = [(item.id * VARIANT_SLOTS + n, q) for item in part
                        for n, q in enumerate(item.questions[:VARIANT_SLOTS])]
            if variants:
                qvecs = self.encoder.encode_passages([self.acronyms.expand(q) for _, q in variants])
                self.questions.add(np.array([v for v, _ in variants], dtype=np.int64), qvecs)  # type: ignore[union-attr]
            for item in part:
                self.store[item.id] = {**item.meta, "text_hash": item.text_hash, "n_questions": len(item.questions)}
            if progress:
                progress(len(part))

    def delete(self, ids: Iterable[int]) -> None:
        ids = [int(i) for i in ids if int(i) in self.store]
        if not ids:
            return
        self.dense.remove(np.array(ids, dtype=np.int64))  # type: ignore[union-attr]
        variant_ids = [i * VARIANT_SLOTS + n for i in ids for n in range(self.store[i].get("n_questions", 0))]
        self.questions.remove(np.array(variant_ids, dtype=np.int64))  # type: ignore[union-attr]
        self.lexical.remove(ids)
        for i in ids:
            del self.store[i]

    def fingerprint(self) -> str:
        """A digest of (id, text hash) pairs: equal fingerprints mean the index matches the corpus."""
        return corpus_fingerprint((i, meta["text_hash"]) for i, meta in self.store.items())

    # --- searching ------------------------------------------------------------------------------------
    def embed_query(self, query: str) -> np.ndarray:
        return self.encoder.encode_queries([self.acronyms.expand(query)])[0]

    def search(self, query: str, k: int = 10, *, vector: np.ndarray | None = None) -> list[Hit]:
        """Fused dense + lexical hits, best first."""
        if not self.store:
            return []
        vector = self.embed_query(query) if vector is None else vector
        depth = max(k, self.fusion.depth)
        scores, ids = self.dense.search(vector[None, :], depth)  # type: ignore[union-attr]
        dense = [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
        lexical = self.lexical.search(self.acronyms.expand(query), depth)
        dense_of, lexical_of = dict(dense), dict(lexical)
        fused = self.fusion.fuse(dense, lexical)[:k]
        return [Hit(i, s, dense_of.get(i, 0.0), lexical_of.get(i, 0.0), self.store[i]) for i, s in fused]

    def dense_search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        scores, ids = self.dense.search(vector[None, :], k)  # type: ignore[union-attr]
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def match_questions(self, vector: np.ndarray, k: int = 5) -> list[tuple[int, float]]:
        """Chunks whose curated question variants are closest to the query: (chunk id, best cosine)."""
        if self.questions is None or not len(self.questions):
            return []
        scores, ids = self.questions.search(vector[None, :], k * 4)
        best: dict[int, float] = {}
        for variant, score in zip(ids[0], scores[0]):
            if variant >= 0:
                owner = int(variant) // VARIANT_SLOTS
                best[owner] = max(best.get(owner, -1.0), float(score))
        return sorted(best.items(), key=lambda pair: -pair[1])[:k]

    # --- persistence ----------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write every part to a temporary directory, then swap it in, so a crash never leaves half an index."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self._ensure_dense()
        tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=path.parent))
        self.dense.save(tmp / "dense.faiss")  # type: ignore[union-attr]
        self.questions.save(tmp / "questions.faiss")  # type: ignore[union-attr]
        self.lexical.save(tmp / "lexical.json")
        (tmp / "store.json").write_text(json.dumps({str(k): v for k, v in self.store.items()}), encoding="utf-8")
        meta = {"format": FORMAT_VERSION, "model": self.encoder.name, "dim": self.encoder.dim,
                "fingerprint": self.fingerprint(), "count": len(self.store), "fusion": self.fusion.__dict__}
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        old = path.with_name(path.name + ".old")
        if path.exists():
            os.replace(path, old)
        os.replace(tmp, path)
        if old.exists():
            _remove_tree(old)

    @classmethod
    def load(cls, path: Path, encoder: Encoder, *, acronyms: Acronyms | None = None,
             fusion: Fusion | None = None) -> SearchIndex | None:
        """The saved index, or None when it is missing, unreadable or built with another model."""
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT_VERSION or meta.get("model") != encoder.name:
                return None
            index = cls(encoder, acronyms=acronyms, fusion=fusion)
            index.dense = DenseIndex.load(path / "dense.faiss")
            index.questions = DenseIndex.load(path / "questions.faiss")
            index.lexical = LexicalIndex.load(path / "lexical.json")
            index.store = {int(k): v for k, v in json.loads((path / "store.json").read_text("utf-8")).items()}
        except (OSError, ValueError, RuntimeError, KeyError):
            return None
        return index

    @staticmethod
    def saved_meta(path: Path) -> dict[str, Any] | None:
        try:
            return json.loads((path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None


def corpus_fingerprint(pairs: Iterable[tuple[int, str]]) -> str:
    digest = hashlib.sha256()
    for chunk_id, text_hash in sorted(pairs):
        digest.update(f"{chunk_id}:{text_hash}\n".encode())
    return digest.hexdigest()


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
