"""Lexical retrieval with bm25s (Lucene BM25, English stop words, Snowball stemming).

bm25s has no incremental update, so the index keeps each id's tokens and rebuilds the BM25 matrix when
the corpus changes; rebuilding 10,000 passages takes a fraction of a second.
"""

from __future__ import annotations

import re
from pathlib import Path

import bm25s
import numpy as np

from index import by_chunk

# Keeps article numbers such as "6.2" and "A6.4ER" whole; bm25s's default pattern drops one-letter words.
TOKEN = re.compile(r"(?u)\w+(?:[.\-]\w+)*")


def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


class LexicalIndex:
    """BM25 over a dict of id -> tokens, rebuilt lazily before the next search after any change.

    Changes come under the search index's write lock; searches may run in several threads at once, so the
    lazily built model and its id order are replaced together, as one tuple."""

    def __init__(self) -> None:
        self.tokens: dict[int, list[str]] = {}
        self._stem = _stemmer()
        self._built: tuple[bm25s.BM25, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.tokens)

    def tokenize(self, text: str) -> list[str]:
        words = [w for w in TOKEN.findall(text.lower()) if w not in STOPWORDS]
        return self._stem.stemWords(words)

    def add(self, ids: list[int], texts: list[str]) -> None:
        for chunk_id, text in zip(ids, texts, strict=True):
            self.tokens[int(chunk_id)] = self.tokenize(text)
        self._built = None

    def remove(self, ids: list[int]) -> None:
        for chunk_id in ids:
            self.tokens.pop(int(chunk_id), None)
        self._built = None

    def _build(self) -> tuple[bm25s.BM25, np.ndarray]:
        ids = np.fromiter(self.tokens.keys(), dtype=np.int64, count=len(self.tokens))
        model = bm25s.BM25()
        # An empty passage would leave bm25s a zero-length document; a placeholder token keeps it harmless.
        model.index([toks or ["\u2205"] for toks in self.tokens.values()], show_progress=False)
        self._built = (model, ids)
        return self._built

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """Top-k (id, score) pairs with a positive score."""
        if not self.tokens:
            return []
        model, ids = self._built or self._build()
        query_tokens = [t for t in self.tokenize(query) if t in model.vocab_dict]
        if not query_tokens:
            return []
        scores = model.get_scores(query_tokens)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(ids[i]), float(scores[i])) for i in top if scores[i] > 0]

    def save(self, path: Path) -> None:
        by_chunk.save(path, self.tokens)

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        lexical = cls()
        lexical.tokens = by_chunk.load(path)
        return lexical


# Questions come in English, French and Spanish; their function words carry no topic.
STOPWORDS = frozenset(bm25s.stopwords.STOPWORDS_EN) | frozenset(bm25s.stopwords.STOPWORDS_FRENCH) | frozenset(
    bm25s.stopwords.STOPWORDS_SPANISH
)
