"""`a6bot bench retrieval`: nDCG@10 and recall@100 of lexical, dense and hybrid retrieval on a BEIR dataset."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.encoder import Encoder
from index.search_index import Fusion, IndexItem, SearchIndex


@dataclass
class Beir:
    """A BEIR-layout dataset: corpus (id -> text), test queries (id -> text), qrels (qid -> {docid: grade})."""

    corpus: dict[str, str]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def load_beir(root: Path) -> Beir:
    """Read corpus.jsonl (or corpus.part*.jsonl), queries.test.jsonl or queries.jsonl, qrels/test.tsv."""
    corpus: dict[str, str] = {}
    parts = sorted(root.glob("corpus.part*.jsonl")) or [root / "corpus.jsonl"]
    for part in parts:
        with part.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    doc = json.loads(line)
                    corpus[str(doc["_id"])] = f"{doc.get('title', '')}. {doc.get('text', '')}".strip(". ")
    qrels: dict[str, dict[str, int]] = {}
    with (root / "qrels" / "test.tsv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            qrels.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    query_file = root / "queries.test.jsonl"
    if not query_file.exists():
        query_file = root / "queries.jsonl"
    queries = {}
    with query_file.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                query = json.loads(line)
                if str(query["_id"]) in qrels:
                    queries[str(query["_id"])] = query["text"]
    return Beir(corpus, queries, qrels)


def ndcg_at(ranked: list[str], relevant: dict[str, int], k: int = 10) -> float:
    dcg = sum((2 ** relevant.get(doc, 0) - 1) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2 ** grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(ranked: list[str], relevant: dict[str, int], k: int = 100) -> float:
    wanted = {doc for doc, grade in relevant.items() if grade > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


def run(root: Path, encoder: Encoder, *, fusions: dict[str, Fusion],
        progress: Callable[[str, int, int], None] | None = None) -> dict[str, dict[str, float]]:
    """Index the corpus once, then score each query's lexical, dense and fused rankings."""
    data = load_beir(root)
    doc_ids = list(data.corpus)
    index = SearchIndex(encoder)
    items = [IndexItem(n, data.corpus[d], str(n)) for n, d in enumerate(doc_ids)]
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress("indexing", done, len(items))

    index.upsert(items, progress=advance)
    depth = 100
    rankings: dict[str, list[list[str]]] = {"lexical": [], "dense": [], **{name: [] for name in fusions}}
    relevants = []
    query_ids = list(data.queries)
    vectors = encoder.encode_queries([data.queries[q] for q in query_ids])
    for n, (qid, vector) in enumerate(zip(query_ids, vectors)):
        dense = index.dense_search(vector, depth)
        lexical = index.lexical.search(data.queries[qid], depth)
        lists = {"lexical": lexical, "dense": dense}
        lists.update({name: fusion.fuse(dense, lexical) for name, fusion in fusions.items()})
        for name, ranked in lists.items():
            rankings[name].append([doc_ids[i] for i, _ in ranked[:depth]])
        relevants.append(data.qrels[qid])
        if progress:
            progress("searching", n + 1, len(query_ids))
    return {
        name: {
            "ndcg@10": round(sum(ndcg_at(r, rel) for r, rel in zip(ranked, relevants)) / len(relevants), 4),
            "recall@100": round(sum(recall_at(r, rel) for r, rel in zip(ranked, relevants)) / len(relevants), 4),
        }
        for name, ranked in rankings.items()
    }
