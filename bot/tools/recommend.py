"""Ranking catalogue resources for a question: the multilingual encoder over each resource's title and
descriptions (a small vector set of its own, apart from the rulebook index), BM25 over the same words, and
the kind, topics, level, publisher and language the question names. Pure computation; the catalogue comes in from the store."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.texts import any_topic_label, say
from bot.tools.catalogue import Resource
from bot.tools.cues import (asked_language, fold, named_publishers, publisher_names, wanted_level, wanted_topics,
                            wanted_types)
from index import Encoder
from index.prebuilt import Prebuilt
from index.lexical import LexicalIndex

# Weights and thresholds chosen on the development questions (knowledge/tools-devset, through
# `a6bot bench answers --tools knowledge/tools-devset`). The kind and topic boosts are hand cues, so they are
# kept at the smallest that loses nothing on either half of that set (tuned on questions, -2, -5; checked on
# -3, -4, -6): at 0.1 each both halves score as at 0.2, without them each half loses 3 points.
DENSE, LEXICAL, TOPIC, KIND, LANGUAGE, LEVEL, PUBLISHER = 0.55, 0.2, 0.1, 0.1, 0.12, 0.1, 0.2
# How much closer than any catalogue passage the rulebook's closest curated question or passage must be, by
# the same multilingual encoder, for a request that asks for nothing only partners publish to get the rule
# ("Is there a checklist of what to include in the initial report?"). On the development questions requests
# the rulebook answers sit 0.047 to 0.087 closer to it, requests for resources at most 0.040 (a6bot bench
# answers --tools knowledge/tools-devset).
RULE_MARGIN = 0.045
STRONG = 0.86  # cosine at which a resource fits a rulebook question well enough to be named under its answer
MIN_TOPICS = 1  # ...and it must share a topic the question names


@dataclass(frozen=True)
class Pick:
    """A recommended resource, its score, and whether it exists in the language the asker needs."""

    resource: Resource
    score: float
    similarity: float
    in_language: bool


LANGUAGES = ("en", "fr", "es")


def passages(resource: Resource) -> list[str]:
    """What is embedded for a resource, once per language: its title, its kind and topics in that language,
    publisher, audience and the description in that language. A question names what it wants in its own
    words ("un curso", "a spreadsheet", "for registry administrators"), rarely the title's, so every field
    that says what the resource is and is for is searched, in the asker's language as well as in English."""
    return [" ".join([f"{resource.title}.", f"{say(f'tools.type.{resource.type}', lang)}:",
                      ", ".join(any_topic_label(t, lang) for t in resource.topics) + ".",
                      f"{resource.publisher}.", f"{resource.audience}.", resource.describe(lang)])
            for lang in LANGUAGES]


# Vectors embedded in this process, whichever Recommender asked for them: every set of services opened in one
# process (the test suite, `a6bot bench`) shares them instead of embedding the catalogue again.
_EMBEDDED: dict[str, np.ndarray] = {}


def _min_max(values: np.ndarray) -> np.ndarray:
    span = float(values.max() - values.min()) if len(values) else 0.0
    return (values - values.min()) / span if span > 1e-9 else np.zeros_like(values)


TOOLS_PREFIX = "tools/"


def prebuilt_section(encoder: Encoder) -> str:
    """The name the catalogue's vectors by `encoder` are saved under in `a6bot kb prebuild`'s file."""
    return f"{TOOLS_PREFIX}{encoder.name}"


class Recommender:
    """The catalogue's vectors, embedded once per text and kept while the text is unchanged. They are looked
    up, in order, in this recommender, in this process, in `prebuilt` (the shipped catalogue, embedded by
    `a6bot kb prebuild`) and in `cache` (a .npz in the data folder, for what staff added or edited); only
    texts found nowhere are encoded, and then written to `cache`, so a restart encodes nothing again."""

    def __init__(self, encoder: Encoder, *, cache: Path | None = None, prebuilt: Prebuilt | None = None) -> None:
        self.encoder = encoder
        self.cache = cache
        self.vectors: dict[str, np.ndarray] = {}  # hash of (model, passage text) -> vector
        self.cached: set[str] = set()  # the keys the cache file holds
        self.lock = threading.Lock()
        if prebuilt is not None:
            self.vectors.update({key: rows[0] for key, rows in prebuilt.section(prebuilt_section(encoder)).items()})
        if cache is not None and cache.is_file():
            with np.load(cache) as saved:
                self.vectors.update({key: saved[key] for key in saved.files})
                self.cached = set(saved.files)

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.encoder.name}\n{text}".encode()).hexdigest()

    def embed(self, resources: Sequence[Resource]) -> np.ndarray:
        """(resources, 3, dim) vectors; only texts not seen before are encoded."""
        keys = [self.key(t) for r in resources for t in passages(r)]
        texts = dict(zip(keys, [t for r in resources for t in passages(r)], strict=True))
        with self.lock:
            self.vectors.update({k: _EMBEDDED[k] for k in texts if k not in self.vectors and k in _EMBEDDED})
            missing = [k for k in texts if k not in self.vectors]
            if missing:
                for key, vector in zip(missing, self.encoder.encode_passages([texts[k] for k in missing]), strict=True):
                    self.vectors[key] = _EMBEDDED[key] = vector
                if self.cache is not None:
                    self.cached.update(missing)
                    self.cache.parent.mkdir(parents=True, exist_ok=True)
                    np.savez(self.cache, **{k: self.vectors[k] for k in sorted(self.cached)})
            return np.stack([self.vectors[k] for k in keys]).reshape(len(resources), 3, -1)

    def prebuilt(self, resources: Sequence[Resource]) -> dict[str, np.ndarray]:
        """The section `a6bot kb prebuild` saves: every passage of `resources`, one row per key."""
        self.embed(resources)
        return {self.key(t): self.vectors[self.key(t)][None, :] for r in resources for t in passages(r)}

    def closest(self, question: str, resources: Sequence[Resource]) -> float:
        """The cosine of the catalogue passage closest to the question (0 for an empty catalogue)."""
        if not resources:
            return 0.0
        return float((self.embed(resources) @ self.encoder.encode_queries([question])[0]).max())

    def rank(self, question: str, resources: Sequence[Resource], *, language: str) -> list[Pick]:
        """Every resource, best first, for a question asked in `language`."""
        if not resources:
            return []
        vectors = self.embed(resources)
        query = self.encoder.encode_queries([question])[0]
        similarity = (vectors @ query).max(axis=1)
        lexical = LexicalIndex()
        lexical.add(list(range(len(resources))), [fold(" ".join(passages(r))) for r in resources])
        bm25 = np.zeros(len(resources))
        for i, score in lexical.search(fold(question), len(resources)):
            bm25[i] = score
        topics, kinds, level = wanted_topics(question), wanted_types(question), wanted_level(question)
        needed = needed_language(question, language)
        named = named_publishers(question)
        scores = DENSE * _min_max(similarity) + LEXICAL * _min_max(bm25)
        for i, resource in enumerate(resources):
            if topics:
                scores[i] += TOPIC * len(topics & set(resource.topics)) / len(topics)
            scores[i] += KIND * (resource.type in kinds)
            scores[i] += LEVEL * (level is not None and resource.level == level)
            scores[i] += PUBLISHER * any(re.search(rf"\b{re.escape(name)}\b", named)
                                         for name in publisher_names(resource.publisher))
            scores[i] += LANGUAGE * (needed is not None and needed in resource.languages)
        order = np.argsort(-scores)
        return [Pick(resources[i], float(scores[i]), float(similarity[i]),
                     needed is None or needed in resources[i].languages) for i in order]

    def strong(self, question: str, resources: Sequence[Resource], *, language: str) -> Pick | None:
        """The one resource that fits a rulebook question closely enough to be named under the answer: it must
        share a topic the question names, so a question that names none needs no ranking at all."""
        if len(wanted_topics(question)) < MIN_TOPICS:
            return None
        picks = self.rank(question, resources, language=language)
        if not picks:
            return None
        best = picks[0]
        shared = wanted_topics(question) & set(best.resource.topics)
        return best if best.similarity >= STRONG and len(shared) >= MIN_TOPICS else None


def needed_language(question: str, language: str) -> str | None:
    """The language the resource should be in: the one the question names, else the asker's when it is not
    English (every resource exists in English or says which language it is in)."""
    return asked_language(question) or (language if language != "en" else None)


def choose(picks: Sequence[Pick], *, limit: int = 3, margin: float = 0.3, reach: float = 0.5,
           named: bool = False) -> list[Pick]:
    """One to three resources: the close runners-up of the best, and, when the best is not in the language
    the asker needs, fitting ones that are (a little further down), placed first: up to two when the question
    names the language ("in French"), one when it is only the language it is written in, so the best fits in
    another language keep their place."""
    if not picks:
        return []
    best = picks[0].score
    near = [p for p in picks[: limit * 3] if p.score >= best - margin]
    own = [p for p in picks[: limit * 3] if p.in_language and p.score >= best - (margin if picks[0].in_language
                                                                                  else reach)]
    own = own[:limit] if picks[0].in_language else own[: limit - 1 if named else 1]
    return (own + [p for p in near if p not in own])[:limit]
