"""The search index facade: upsert, delete, search, save, load; dense and lexical parts fused per query.

One directory holds it all: meta.json (models, fingerprint, fusion), dense.faiss, questions.faiss (FAQ
question variants), lexical.json, vocabulary.json (the words typos are corrected to), store.json (what a hit needs to be shown without a database read), and,
with a cross-lingual encoder, cross.faiss and cross-questions.faiss: the curated items embedded a second
time by a multilingual model, searched for questions in French and Spanish.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from index import by_chunk
from index.acronyms import Acronyms
from index.dense import DenseIndex
from index.encoder import Encoder
from index.fusion import convex, reciprocal_rank
from index.lexical import LexicalIndex
from index.rwlock import ReadWriteLock
from index.spelling import Vocabulary

FORMAT_VERSION = 4  # 2: chunks carry in_scope; 3: heading, curated translations and checked date; 4: vocabulary
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
    crosslingual: bool = False  # also embed with the multilingual encoder (curated items, not whole decisions)
    # model name -> float32 rows: the passage, then each question variant; filled by `embed` or from storage
    embeddings: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass
class QueryVector:
    """A question's embedding and which view it searches: the main model's or the cross-lingual one."""

    vector: np.ndarray
    crosslingual: bool = False


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
    """Hybrid retrieval over chunks; ids are the database's chunk ids so an update is remove-then-add.

    Thread-safe: searches take the read side of one lock, changes the write side, and embedding (the slow
    part of a change) happens before the write lock is taken, so questions wait only for the swap."""

    def __init__(self, encoder: Encoder, *, acronyms: Acronyms | None = None, fusion: Fusion | None = None,
                 crosslingual: Encoder | None = None) -> None:
        self.encoder = encoder
        self.crosslingual = crosslingual
        self.acronyms = acronyms or Acronyms([])
        self.fusion = fusion or Fusion()
        # A French or Spanish question shares few words with English passages: BM25 adds little but noise.
        self.cross_fusion = Fusion(dense_weight=0.8, lexical_weight=0.2)
        self.dense: DenseIndex | None = None
        self.questions: DenseIndex | None = None
        self.cross: DenseIndex | None = None
        self.cross_questions: DenseIndex | None = None
        self.lexical = LexicalIndex()
        self.vocabulary = Vocabulary()
        self.store: dict[int, dict[str, Any]] = {}
        self.lock = ReadWriteLock()

    def __len__(self) -> int:
        return len(self.store)

    # --- building -------------------------------------------------------------------------------------
    def _ensure_dense(self) -> None:
        if self.dense is None:
            self.dense = DenseIndex(self.encoder.dim)
            self.questions = DenseIndex(self.encoder.dim)
        if self.crosslingual is not None and self.cross is None:
            self.cross = DenseIndex(self.crosslingual.dim)
            self.cross_questions = DenseIndex(self.crosslingual.dim)

    def models_for(self, item: IndexItem) -> list[tuple[Encoder, Callable[[str], str]]]:
        """The encoders an item is embedded with, each with how its text is prepared."""
        models: list[tuple[Encoder, Callable[[str], str]]] = [(self.encoder, self.acronyms.expand)]
        if item.crosslingual and self.crosslingual is not None:
            models.append((self.crosslingual, str))
        return models

    def embed(self, items: list[IndexItem]) -> None:
        """Fill in each item's missing embeddings (passage and question variants), model by model, in
        batches; no lock is held, so searches go on meanwhile. An encoder error propagates."""
        for model in {encoder.name: (encoder, prepare) for item in items
                      for encoder, prepare in self.models_for(item)}.values():
            encoder, prepare = model
            todo = [item for item in items if encoder.name not in item.embeddings
                    and any(e.name == encoder.name for e, _ in self.models_for(item))]
            if not todo:
                continue
            texts = [prepare(t) for item in todo for t in [item.text, *item.questions[:VARIANT_SLOTS]]]
            vectors = encoder.encode_passages(texts)
            row = 0
            for item in todo:
                rows = 1 + len(item.questions[:VARIANT_SLOTS])
                item.embeddings[encoder.name] = np.ascontiguousarray(vectors[row:row + rows], dtype=np.float32)
                row += rows

    @staticmethod
    def _add_views(name: str, dense: DenseIndex, questions: DenseIndex, part: list[IndexItem]) -> None:
        """Add the items' stored vectors of one model to one pair of dense indexes."""
        dense.add(np.array([item.id for item in part], dtype=np.int64),
                  np.stack([item.embeddings[name][0] for item in part]))
        variants = [(item.id * VARIANT_SLOTS + n, item.embeddings[name][1 + n])
                    for item in part for n in range(len(item.questions[:VARIANT_SLOTS]))]
        if variants:
            questions.add(np.array([v for v, _ in variants], dtype=np.int64), np.stack([v for _, v in variants]))

    def upsert(self, items: list[IndexItem], *, progress: Callable[[int], None] | None = None,
               batch: int = 1024) -> None:
        """Add or replace items; only these are embedded (unless they carry their vectors), the rest of the
        index is untouched."""
        if not items:
            return
        for start in range(0, len(items), batch):
            part = items[start:start + batch]
            self.embed(part)
            if progress:
                progress(len(part))
        self.apply([], items)

    def apply(self, remove: Iterable[int], items: list[IndexItem]) -> None:
        """One atomic change: drop `remove`, then add or replace `items`, which must carry their
        embeddings. Readers see the index before or after, never between."""
        remove = [int(i) for i in remove]
        with self.lock.writing():
            if items:
                self._ensure_dense()
            self._delete([*remove, *(item.id for item in items)])
            if not items:
                return
            self._add_views(self.encoder.name, self.dense, self.questions, items)  # type: ignore[arg-type]
            self.lexical.add([item.id for item in items], [self.acronyms.expand(item.text) for item in items])
            self.vocabulary.add([item.id for item in items], [_words_of(item) for item in items])
            cross = [item for item in items if item.crosslingual] if self.crosslingual else []
            if cross:
                self._add_views(self.crosslingual.name, self.cross, self.cross_questions,  # type: ignore[union-attr, arg-type]
                                cross)
            for item in items:
                self.store[item.id] = {**item.meta, "text_hash": item.text_hash, "n_questions": len(item.questions),
                                       "cross": bool(self.crosslingual and item.crosslingual)}

    def delete(self, ids: Iterable[int]) -> None:
        with self.lock.writing():
            self._delete(ids)

    def _delete(self, ids: Iterable[int]) -> None:
        ids = list(dict.fromkeys(int(i) for i in ids if int(i) in self.store))
        if not ids:
            return
        self.dense.remove(np.array(ids, dtype=np.int64))  # type: ignore[union-attr]
        variant_ids = [i * VARIANT_SLOTS + n for i in ids for n in range(self.store[i].get("n_questions", 0))]
        self.questions.remove(np.array(variant_ids, dtype=np.int64))  # type: ignore[union-attr]
        if self.cross is not None:
            self.cross.remove(np.array(ids, dtype=np.int64))
            self.cross_questions.remove(np.array(variant_ids, dtype=np.int64))  # type: ignore[union-attr]
        self.lexical.remove(ids)
        self.vocabulary.remove(ids)
        for i in ids:
            del self.store[i]

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the index still across several reads (the answerer's search, FAQ match and metadata)."""
        with self.lock.reading():
            yield

    def hashes(self) -> dict[int, str]:
        """Chunk id -> text hash of everything indexed, read consistently."""
        with self.lock.reading():
            return {i: meta["text_hash"] for i, meta in self.store.items()}

    def fingerprint(self) -> str:
        """A digest of (id, text hash) pairs: equal fingerprints mean the index matches the corpus."""
        return corpus_fingerprint(self.hashes().items())

    # --- searching ------------------------------------------------------------------------------------
    def corrected(self, question: str, language: str = "en") -> str:
        """The question with its typos corrected to words the index holds (index.spelling), for retrieval."""
        with self.lock.reading():
            return self.vocabulary.correct(question, language)

    def embed_query(self, query: str) -> np.ndarray:
        return self.encoder.encode_queries([self.acronyms.expand(query)])[0]

    def query_vector(self, query: str, language: str = "en") -> QueryVector:
        """Embed a question: French and Spanish ones with the cross-lingual encoder when there is one."""
        if language != "en" and self.crosslingual is not None and self.cross is not None and len(self.cross):
            return QueryVector(self.crosslingual.encode_queries([query])[0], crosslingual=True)
        return QueryVector(self.embed_query(query))

    def search(self, query: str, k: int = 10, *, vector: QueryVector | None = None) -> list[Hit]:
        """Fused dense + lexical hits, best first."""
        if not self.store:
            return []
        vector = vector or QueryVector(self.embed_query(query))
        depth = max(k, self.fusion.depth)
        with self.lock.reading():
            view = self.cross if vector.crosslingual else self.dense
            if view is None:
                return []
            scores, ids = view.search(vector.vector[None, :], depth)
            dense = [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
            lexical = self.lexical.search(self.acronyms.expand(query), depth)
            dense_of, lexical_of = dict(dense), dict(lexical)
            fusion = self.cross_fusion if vector.crosslingual else self.fusion
            fused = fusion.fuse(dense, lexical)[:k]
            return [Hit(i, s, dense_of.get(i, 0.0), lexical_of.get(i, 0.0), self.store[i]) for i, s in fused]

    def sentence_scores(self, vector: QueryVector, sentences: list[str]) -> list[float]:
        """Cosine of each sentence with the question, in the question's own view: shared words cannot pick
        the sentences of an English passage that answer a French or Spanish question."""
        encoder = self.crosslingual if vector.crosslingual and self.crosslingual is not None else self.encoder
        return [float(score) for score in encoder.encode_passages(sentences) @ vector.vector]

    def multilingual_query(self, query: str, vector: QueryVector) -> np.ndarray | None:
        """The question in the multilingual encoder's view: its own vector for a French or Spanish question,
        one more embedding for an English one; None without a multilingual encoder."""
        if vector.crosslingual:
            return vector.vector
        if self.crosslingual is None or self.cross is None or not len(self.cross):
            return None
        return self.crosslingual.encode_queries([query])[0]

    def multilingual_scores(self, query: np.ndarray, ids: list[int]) -> dict[int, tuple[float, float]]:
        """For each indexed id, the multilingual encoder's cosine of the question (`multilingual_query`) with
        the passage and with its closest curated question phrasing (0 when it has none). A passage embedded
        by the main model only (an imported decision) is embedded here, on the fly."""
        scores: dict[int, tuple[float, float]] = {}
        missing: list[int] = []
        with self.lock.reading():
            for item in ids:
                meta = self.store.get(item)
                if meta is None:
                    continue
                passage = self.cross.vector(item) if meta.get("cross") and self.cross is not None else None
                if passage is None:
                    missing.append(item)
                    continue
                variants = [self.cross_questions.vector(item * VARIANT_SLOTS + n)  # type: ignore[union-attr]
                            for n in range(meta.get("n_questions", 0))]
                best = max((float(v @ query) for v in variants if v is not None), default=0.0)
                scores[item] = (float(passage @ query), best)
            texts = [self.store[item].get("text", "") for item in missing]
        if missing and self.crosslingual is not None:
            for item, passage in zip(missing, self.crosslingual.encode_passages(texts)):
                scores[item] = (float(passage @ query), 0.0)
        return scores

    def dense_search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Main-model dense results alone (benchmarks compare them with the fused list)."""
        with self.lock.reading():
            scores, ids = self.dense.search(vector[None, :], k)  # type: ignore[union-attr]
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def match_questions(self, vector: QueryVector, k: int = 5) -> list[tuple[int, float]]:
        """Chunks whose curated question variants are closest to the query: (chunk id, best cosine)."""
        with self.lock.reading():
            view = self.cross_questions if vector.crosslingual else self.questions
            if view is None or not len(view):
                return []
            scores, ids = view.search(vector.vector[None, :], k * 4)
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
        with self.lock.writing():
            self._ensure_dense()
        with self.lock.reading():
            self._save(path)

    def _save(self, path: Path) -> None:
        tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=path.parent))
        self.dense.save(tmp / "dense.faiss")  # type: ignore[union-attr]
        self.questions.save(tmp / "questions.faiss")  # type: ignore[union-attr]
        if self.cross is not None:
            self.cross.save(tmp / "cross.faiss")
            self.cross_questions.save(tmp / "cross-questions.faiss")  # type: ignore[union-attr]
        self.lexical.save(tmp / "lexical.json")
        self.vocabulary.save(tmp / "vocabulary.json")
        by_chunk.save(tmp / "store.json", self.store)
        meta = {"format": FORMAT_VERSION, "model": self.encoder.name, "dim": self.encoder.dim,
                "crosslingual": self.crosslingual.name if self.crosslingual else None,
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
             fusion: Fusion | None = None, crosslingual: Encoder | None = None) -> SearchIndex | None:
        """The saved index, or None when it is missing, unreadable or built with other models."""
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            cross_name = crosslingual.name if crosslingual else None
            if (meta.get("format") != FORMAT_VERSION or meta.get("model") != encoder.name
                    or meta.get("crosslingual") != cross_name):
                return None
            index = cls(encoder, acronyms=acronyms, fusion=fusion, crosslingual=crosslingual)
            index.dense = DenseIndex.load(path / "dense.faiss")
            index.questions = DenseIndex.load(path / "questions.faiss")
            if crosslingual is not None:
                index.cross = DenseIndex.load(path / "cross.faiss")
                index.cross_questions = DenseIndex.load(path / "cross-questions.faiss")
            index.lexical = LexicalIndex.load(path / "lexical.json")
            index.vocabulary = Vocabulary.load(path / "vocabulary.json")
            index.store = by_chunk.load(path / "store.json")
        except (OSError, ValueError, RuntimeError, KeyError):
            return None
        return index

    @staticmethod
    def saved_meta(path: Path) -> dict[str, Any] | None:
        try:
            return json.loads((path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None


def _words_of(item: IndexItem) -> list[str]:
    """What a question's words may be corrected to: the passage, its question phrasings, its translations."""
    translations = item.meta.get("translations") or {}
    return [item.text, *item.questions, *(text for parts in translations.values() for text in parts.values())]


def corpus_fingerprint(pairs: Iterable[tuple[int, str]]) -> str:
    digest = hashlib.sha256()
    for chunk_id, text_hash in sorted(pairs):
        digest.update(f"{chunk_id}:{text_hash}\n".encode())
    return digest.hexdigest()


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
