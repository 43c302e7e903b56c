"""`a6bot bench ...`: commands that print figures (retrieval quality, latency, answer quality)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


@app.command("load")
def load(workers: int = typer.Option(2, "--workers", min=1, help="`a6bot run` processes, started one at a time"),
         concurrency: int = typer.Option(8, "--concurrency", min=1, help="clients asking at once"),
         seconds: float = typer.Option(30.0, "--seconds", help="length of each load phase"),
         port: int = typer.Option(18500, "--port", help="first worker's HTTP port (then +1, +2...)"),
         database_url: str = typer.Option(None, "--database-url", help="PostgreSQL URL (default A6BOT_DATABASE_URL)"),
         with_decisions: Path = typer.Option(None, "--with-decisions", exists=True,
                                             help="import these decisions first (the workers' cold start then "
                                                  "loads their vectors)"),
         as_json: bool = typer.Option(False, "--json", help="print one JSON object")) -> None:
    """Workers on one PostgreSQL database under concurrent web-chat questions: cold start of each worker,
    then per phase (1, 2... workers) questions/s, p50/p95 latency, errors, 503s and per-worker CPU; then
    the time from an upload in the first worker's console to the last worker answering from it."""
    import asyncio
    import tempfile

    from bot.bench.load import run as bench_load

    url = database_url or Settings().database_url
    if not url.startswith(("postgresql", "postgres")):
        out.print("a6bot bench load needs PostgreSQL: --database-url postgresql://... or A6BOT_DATABASE_URL")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="a6bot-bench-load-") as folder:
        results = asyncio.run(bench_load(database_url=url, workers=workers, concurrency=concurrency,
                                         seconds=seconds, port=port, decisions=with_decisions, folder=Path(folder),
                                         say=(lambda line: None) if as_json else (lambda line: out.print(line))))
    out.print(json.dumps(results, indent=None if as_json else 2))


@app.command("restart")
def restart(port: int = typer.Option(18600, "--port", help="the HTTP port of the `a6bot run` under attack"),
            wall_mb: float = typer.Option(5.0, "--wall-mb", help="size of the documents without spaces, in MB"),
            as_json: bool = typer.Option(False, "--json", help="print one JSON object")) -> None:
    """`a6bot run` on a fresh data directory under every hostile input of issue 11 (what each got, in how many
    seconds), then restarted by SIGTERM and by SIGKILL mid-indexing: seconds until /healthz answers and says ok."""
    import asyncio
    import tempfile

    from bot.bench.restart import run as bench_restart

    with tempfile.TemporaryDirectory(prefix="a6bot-bench-restart-") as folder:
        results = asyncio.run(bench_restart(folder=Path(folder), port=port, wall_mb=wall_mb,
                                            say=(lambda line: None) if as_json else (lambda line: out.print(line, markup=False))))
    out.print(json.dumps(results, indent=None if as_json else 2), markup=False)


@app.command("answers")
def answers(with_decisions: list[Path] = typer.Option(
                [], "--with-decisions", help="also evaluate after importing these decision files or folders"),
            questions: list[Path] = typer.Option([], "--questions", exists=True, file_okay=False,
                                                 help="a folder of question files, repeatable "
                                                      "(default: the development set)"),
            tools: list[Path] = typer.Option([], "--tools", exists=True, file_okay=False,
                                             help="a folder of tools questions (knowledge/tools-heldout), "
                                                  "repeatable; alone, only these are run"),
            typos: bool = typer.Option(False, "--typos", help="also ask each set's single questions with one or "
                                                             "two words mistyped (bot.bench.typos)"),
            show_misses: bool = typer.Option(False, "--misses", help="list the questions that missed"),
            as_json: bool = typer.Option(False, "--json", help="print one JSON object")) -> None:
    """Question sets: right citation first, key facts in the chat-sized answer, length, language,
    follow-ups in dialogues, off-topic (far and near-domain) answered; tools sets: the right resource
    among the recommendations, rulebook questions not answered with a tool."""
    import asyncio

    from bot.bench.answers import run as bench_answers
    from index import SentenceEncoder

    quiet_libraries()
    results = asyncio.run(bench_answers(SentenceEncoder(Settings().embedding_model),
                                        decisions=list(with_decisions) or None, questions=list(questions) or None,
                                        tools=list(tools) or None, typos=typos))
    if as_json:
        print(json.dumps(results))
        return
    for name, figures in results.items():
        if "tool_questions" in figures:
            print_tool_figures(name, figures, show_misses=show_misses)
        else:
            print_answer_figures(name, figures, show_misses=show_misses)


def print_tool_figures(name: str, figures: dict[str, Any], *, show_misses: bool) -> None:
    per_language = ", ".join(f"{lang} {share:.0%}" for lang, share in figures["right_resource_by_language"].items())
    out.print(f"{name}: {figures['tool_questions']} tool-seeking questions, {figures['rulebook_questions']} rulebook")
    out.print(f"  right resource among the recommendations {figures['right_resource']:.1%} ({per_language})   "
              f"(target >= 85%)")
    out.print(f"  rulebook questions answered with a tool instead: {figures['rulebook_answered_with_tool']} of "
              f"{figures['rulebook_questions']}")
    if show_misses:
        for miss in figures["tool_misses"]:
            out.print(f"    tool miss: {miss}")
        for question in figures["rulebook_misses"]:
            out.print(f"    tool instead of the rule: {question}")


def print_answer_figures(name: str, figures: dict[str, Any], *, show_misses: bool) -> None:
    langs = ", ".join(f"{n} {lang}" for lang, n in figures["by_language"].items())
    out.print(f"{name}: {figures['questions']} questions ({langs})")
    out.print(f"  lead cites right {figures['hit@1']:.1%}   right citation in first 5 {figures['hit@5']:.1%}   "
              f"answered {figures['answered']:.1%}   wrongly declined {figures['wrongly_declined']}")
    out.print(f"  all key facts in the chat-sized answer {figures['all_key_facts']:.1%}   "
              f"(with more: {figures['all_key_facts_with_more']:.1%})")
    out.print(f"  words per answer: median {figures['words_median']:.0f}, p90 {figures['words_p90']:.0f}   "
              f"longest with sources {figures['longest_answer_words']}")
    per_language = ", ".join(f"{lang} {share:.0%}" for lang, share in figures["all_key_facts_by_language"].items())
    out.print(f"  all key facts by language: {per_language}")
    own = ", ".join(f"{lang} {share:.0%}" for lang, share in figures["in_asker_language"].items())
    curated = ", ".join(f"{lang} {share:.0%}" for lang, share in figures["curated_in_asker_language"].items())
    out.print(f"  answered in the asker's language: {own or '-'} (curated text, not quoted English: {curated or '-'})")
    domains = figures["off_topic_by_domain"]
    out.print(f"  off-topic answered confidently: {figures['off_topic_answered']} of {figures['off_topic']} "
              f"(far {domains['far']['answered']} of {domains['far']['of']}, "
              f"near-domain {domains['near']['answered']} of {domains['near']['of']})")
    if "dialogues" in figures:
        out.print(f"  dialogues {figures['dialogues']}: first turns right {figures['first_turns_right']:.1%}, "
                  f"follow-ups right {figures['follow_ups_right']:.1%} of {figures['follow_ups']}")
    if show_misses:
        for question in figures["fact_misses"]:
            out.print(f"    missing facts: {question}")
        for question in figures["off_topic_misses"]:
            out.print(f"    off-topic answered: {question}")
        for question in figures["declined_misses"]:
            out.print(f"    wrongly declined: {question}")
        for turn in figures.get("dialogue_misses", []):
            out.print(f"    dialogue miss: {turn}")
