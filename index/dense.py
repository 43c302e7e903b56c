"""Dense vectors in faiss: exact inner product on normalized vectors, with ids so chunks can be replaced."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


class DenseIndex:
    """IndexIDMap2 over IndexFlatIP: exact cosine search, add/remove by id, reconstruct for re-saving."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors; callers remove an id first to replace it (faiss accepts duplicate ids silently)."""
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))

    def remove(self, ids: np.ndarray) -> None:
        if len(ids):
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) per query row; missing slots have id -1."""
        k = max(1, min(k, len(self)))
        if not len(self):
            empty = np.full((len(queries), 1), -1, dtype=np.int64)
            return np.zeros((len(queries), 1), dtype=np.float32), empty
        return self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def vector(self, item: int) -> np.ndarray | None:
        """The stored vector of one id, or None when the id is not here."""
        try:
            return self.index.reconstruct(int(item))
        except RuntimeError:
            return None

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> DenseIndex:
        loaded = faiss.read_index(str(path))
        dense = cls(loaded.d)
        dense.index = loaded
        return dense
