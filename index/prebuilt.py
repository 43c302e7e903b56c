"""Vectors built ahead of time (`a6bot kb prebuild`): the shipped knowledge base embedded once, when the
package or the image is built, so a fresh install or a new container loads them instead of encoding for
minutes. Keyed by model and by a digest of exactly what is embedded (prepared passage and question texts),
so a passage that changed, or another model, simply finds nothing and is encoded as usual.

Besides the index's vector sets (one per model), the file holds vector sets of other embedders under a
section name of their own (the tools catalogue's: `tools/<model>`, keyed by a digest of the embedded text)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from index.search_index import VARIANT_SLOTS, IndexItem, SearchIndex


def embed_key(index: SearchIndex, item: IndexItem, model: str) -> str:
    """A digest of the texts `model` embeds for `item`, prepared as the index prepares them."""
    for encoder, prepare in index.models_for(item):
        if encoder.name == model:
            texts = [prepare(t) for t in [item.text, *item.questions[:VARIANT_SLOTS]]]
            return hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()
    raise KeyError(model)


class Prebuilt:
    """model -> embed key -> float32 rows (the passage, then each question variant)."""

    def __init__(self, vectors: dict[str, dict[str, np.ndarray]] | None = None) -> None:
        self.vectors = vectors or {}

    def __len__(self) -> int:
        return sum(len(v) for v in self.vectors.values())

    def section(self, name: str) -> dict[str, np.ndarray]:
        """The vectors saved under `name` (a model, or another embedder's section); empty when none."""
        return self.vectors.get(name, {})

    def fill(self, index: SearchIndex, items: list[IndexItem]) -> int:
        """Give items the prebuilt vectors they lack; returns how many (item, model) pairs were filled."""
        filled = 0
        for item in items:
            for encoder, _ in index.models_for(item):
                known = self.vectors.get(encoder.name)
                if known is None or encoder.name in item.embeddings:
                    continue
                rows = known.get(embed_key(index, item, encoder.name))
                if rows is not None:
                    item.embeddings[encoder.name] = rows
                    filled += 1
        return filled

    @classmethod
    def of(cls, index: SearchIndex, items: list[IndexItem]) -> Prebuilt:
        """The vectors of embedded items (after `index.embed(items)`)."""
        vectors: dict[str, dict[str, np.ndarray]] = {}
        for item in items:
            for name, rows in item.embeddings.items():
                vectors.setdefault(name, {})[embed_key(index, item, name)] = rows
        return cls(vectors)

    def save(self, path: Path) -> None:
        """One .npz: per model, the keys, each key's row count, and all rows stacked."""
        arrays: dict[str, np.ndarray] = {}
        models = sorted(self.vectors)
        for n, model in enumerate(models):
            keys = sorted(self.vectors[model])
            arrays[f"keys{n}"] = np.array(keys)
            arrays[f"counts{n}"] = np.array([len(self.vectors[model][k]) for k in keys], dtype=np.int32)
            arrays[f"rows{n}"] = np.concatenate([self.vectors[model][k] for k in keys]).astype(np.float32)
        arrays["models"] = np.array([json.dumps(models)])
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(tmp, **arrays)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path | None, *, only: Callable[[str], bool] | None = None) -> Prebuilt:
        """The saved vectors, or none when there is no (readable) file; with `only`, just the sections it
        accepts (the others are not even decompressed)."""
        if path is None or not path.exists():
            return cls()
        try:
            with np.load(path) as data:
                vectors: dict[str, dict[str, np.ndarray]] = {}
                for n, model in enumerate(json.loads(str(data["models"][0]))):
                    if only is not None and not only(model):
                        continue
                    rows, counts = data[f"rows{n}"], data[f"counts{n}"]
                    offsets = np.concatenate([[0], np.cumsum(counts)])
                    vectors[model] = {str(k): rows[offsets[i]:offsets[i + 1]]
                                      for i, k in enumerate(data[f"keys{n}"])}
        except (OSError, ValueError, KeyError):
            return cls()
        return cls(vectors)
