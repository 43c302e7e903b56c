"""`a6bot bench ...`: commands that print figures (retrieval quality, latency, answer quality)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bot.cli import bench_outreach
from bot.cli.common import out, progress_bars, quiet_libraries
from bot.config import Settings

app = typer.Typer(help="Benchmarks that print figures.", no_args_is_help=True)
app.command("outreach")(bench_outreach.outreach)


@app.command("retrieval")
def retrieval(beir: Path = typer.Option(..., "--beir", help="a BEIR-layout dataset folder"),
              as_json: bool = typer.Option(False, "--json", help="print one JSON object")) -> None:
    """nDCG@10 and recall@100 of lexical, dense and hybrid retrieval (the index's own fusion)."""
    from bot.bench.retrieval import run
    from index import Fusion, SentenceEncoder

    quiet_libraries()
    encoder = SentenceEncoder(Settings().embedding_model)
    with progress_bars() as progress:
        results = run(beir, encoder, fusions={"hybrid": Fusion()}, progress=progress)
    if as_json:
        print(json.dumps(results))
        return
    out.print(f"{'retrieval':<10} {'nDCG@10':>8} {'recall@100':>11}")
    for name, figures in results.items():
        out.print(f"{name:<10} {figures['ndcg@10']:>8.4f} {figures['recall@100']:>11.4f}")


@app.command("latency")
def latency(chunks: int = typer.Option(10_000, help="passages in the index"),
            rounds: int = typer.Option(5, help="passes over the question list"),
            as_json: bool = typer.Option(False, "--json", help="print one JSON object")) -> None:
    """Warm `ask` latency (p50/p95) beside the bare query-embedding time, indexing overhead, peak memory."""
    from bot.bench.latency import main as bench_latency
    from index import SentenceEncoder
    from knowledge.glossary import CONTENT

    quiet_libraries()
    seeds = [path.read_text(encoding="utf-8") for path in sorted(CONTENT.rglob("*")) if path.suffix in {".md", ".yaml"}]
    figures = bench_latency(SentenceEncoder(Settings().embedding_model), seeds, chunks=chunks, rounds=rounds)
    if as_json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
        return
    out.print(f"chunks indexed           {figures['chunks']:.0f}")
    out.print(f"query embedding p50      {figures['embed_p50_ms']:.1f} ms")
    out.print(f"ask p50 / p95            {figures['ask_p50_ms']:.1f} ms / {figures['ask_p95_ms']:.1f} ms")
    out.print(f"ask p50 / embedding p50  {figures['ask_over_embed_p50']:.2f}x   (target <= 1.5x)")
    out.print(f"bare model encoding      {figures['bare_encode_per_s']:.0f} passages/s")
    out.print(f"index upsert             {figures['index_per_s']:.0f} passages/s")
    out.print(f"indexing overhead        {figures['indexing_overhead_pct']:.1f}%   (target < 15%)")
    out.print(f"peak memory (RSS)        {figures['peak_rss_mb']:.0f} MB")


@app.command("answers")
def answers(with_decisions: list[Path] = typer.Option(
                [], "--with-decisions", help="also evaluate after importing these decision files or folders"),
            questions: Path | None = typer.Option(None, "--questions", exists=True, file_okay=False,
                                           help="a folder of question files (default: the development set)"),
            show_misses: bool = typer.Option(False, "--misses", help="list the questions that missed"),
            as_json: bool = typer.Option(False, "--json", help="print one JSON object")) -> None:
    """Development question set: hit@1, hit@5 of the right citation, share of answers with all key facts."""
    import asyncio

    from bot.bench.answers import run as bench_answers
    from index import SentenceEncoder

    quiet_libraries()
    results = asyncio.run(bench_answers(SentenceEncoder(Settings().embedding_model),
                                        decisions=list(with_decisions) or None, questions=questions))
    if as_json:
        print(json.dumps(results))
        return
    for name, figures in results.items():
        langs = ", ".join(f"{n} {lang}" for lang, n in figures["by_language"].items())
        out.print(f"{name}: {figures['questions']} questions ({langs})")
        out.print(f"  hit@1 {figures['hit@1']:.1%}   hit@5 {figures['hit@5']:.1%}   "
                  f"all key facts {figures['all_key_facts']:.1%}   answered {figures['answered']:.1%}   "
                  f"longest answer {figures['longest_answer_words']} words")
        per_language = ", ".join(f"{lang} {share:.0%}" for lang, share in figures["all_key_facts_by_language"].items())
        out.print(f"  all key facts by language: {per_language}")
        out.print(f"  off-topic answered confidently: {figures['off_topic_answered']} of {figures['off_topic']}")
        if show_misses:
            for question in figures["fact_misses"]:
                out.print(f"    missing facts: {question}")
            for question in figures["off_topic_misses"]:
                out.print(f"    off-topic answered: {question}")
