"""`a6bot bench latency`: warm `ask` latency against the bare query embedding, indexing overhead, memory.

Both sides of each ratio are measured in the same run, so a busy machine slows them alike.
"""

from __future__ import annotations

import asyncio
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bot.answering import Answerer
from bot.config import Settings
from bot.storage import Database
from index import IndexItem, SearchIndex
from index.encoder import Encoder

QUESTIONS = [
    "When is annual information under Article 6.2 due?",
    "What must an authorization of ITMOs contain?",
    "How are corresponding adjustments applied for a single-year NDC?",
    "What is the share of proceeds under the Article 6.4 mechanism?",
    "Who reviews the initial report?",
    "What does the Supervisory Body do?",
    "How do I join the A6IP?",
    "What is the CARP?",
    "Can CDM activities transition to the 6.4 mechanism?",
    "What are non-market approaches?",
]


def synthetic_passages(seed_texts: list[str], count: int) -> list[str]:
    """`count` distinct passages recombined from real sentences, so the index holds realistic text."""
    sentences = [s.strip() for text in seed_texts for s in text.replace("\n", " ").split(". ") if len(s.split()) > 4]
    rng = random.Random(7)
    return [f"Passage {n}. " + ". ".join(rng.sample(sentences, min(4, len(sentences)))) for n in range(count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def run(encoder: Encoder, seed_texts: list[str], *, chunks: int = 10_000, rounds: int = 5,
              throughput_sample: int = 1000) -> dict[str, float]:
    passages = synthetic_passages(seed_texts, chunks)
    # Indexing throughput: the same texts through the bare model and through the index.
    sample = passages[:throughput_sample]
    encoder.encode_passages(sample[:32])  # warm-up
    start = time.perf_counter()
    encoder.encode_passages(sample)
    bare_encode = time.perf_counter() - start
    index = SearchIndex(encoder)
    start = time.perf_counter()
    index.upsert([IndexItem(n, text, str(n), {"text": text, "citation": f"Passage {n}", "title": "bench"})
                  for n, text in enumerate(sample)])
    indexed = time.perf_counter() - start
    index.upsert([IndexItem(n, text, str(n), {"text": text, "citation": f"Passage {n}", "title": "bench"})
                  for n, text in enumerate(passages) if n >= throughput_sample])

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp))
        db = Database(settings.effective_database_url)
        await db.migrate()
        answerer = Answerer(settings, db, index)
        for question in QUESTIONS:  # warm both paths
            encoder.encode_queries([question])
            await answerer.ask(question, channel="bench")
        embed_times, ask_times = [], []
        for _ in range(rounds):
            for question in QUESTIONS:
                start = time.perf_counter()
                encoder.encode_queries([question])
                embed_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                # As in a chat: the conversation's context is read and written on every question.
                await answerer.ask(question, channel="bench", user_id="bench", conversation="bench:chat")
                ask_times.append(time.perf_counter() - start)
        await db.close()
    embed_p50 = statistics.median(embed_times)
    ask_p50 = statistics.median(ask_times)
    return {
        "chunks": float(len(index)),
        "embed_p50_ms": embed_p50 * 1000,
        "ask_p50_ms": ask_p50 * 1000,
        "ask_p95_ms": percentile(ask_times, 0.95) * 1000,
        "ask_over_embed_p50": ask_p50 / embed_p50,
        "bare_encode_per_s": len(sample) / bare_encode,
        "index_per_s": len(sample) / indexed,
        "indexing_overhead_pct": (indexed / bare_encode - 1) * 100,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(encoder: Encoder, seed_texts: list[str], **kwargs: int) -> dict[str, float]:
    return asyncio.run(run(encoder, seed_texts, **kwargs))
