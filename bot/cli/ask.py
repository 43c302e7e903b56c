"""`a6bot ask` and `a6bot chat`: the answering core from a terminal, no chat platform needed."""

from __future__ import annotations

import json
import sys

import typer

from bot.answering import Answer, QuestionError
from bot.cli.common import err, out, run, services


def show(answer: Answer) -> None:
    status = "" if answer.answered else " (no confident answer)"
    out.print(answer.plain(), markup=False)
    err.print(f"[dim]confidence {answer.confidence:.2f}{status}[/dim]")


def ask(question: str = typer.Argument(..., help="the question, or - to read one question per line from stdin"),
        as_json: bool = typer.Option(False, "--json", help="print JSON (one object per line with -)")) -> None:
    """Answer one question (or, with -, every line of standard input) from the knowledge base."""

    async def main() -> int:
        svc = await services()
        failures = 0
        try:
            lines = sys.stdin if question == "-" else [question]
            for line in lines:
                if question == "-" and not line.strip():
                    continue
                try:
                    answer = await svc.answerer.ask(line, channel="cli")
                except QuestionError as error:
                    failures += 1
                    if as_json:
                        print(json.dumps({"question": line.strip()[:200], "error": str(error)}), flush=True)
                    else:
                        err.print(f"[red]{error}[/red]")
                    continue
                if as_json:
                    print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
                else:
                    show(answer)
        finally:
            await svc.close()
        return 1 if failures and question != "-" else 0

    raise typer.Exit(run(main()))


def chat() -> None:
    """Talk to the bot in the terminal (empty line or Ctrl-D to leave)."""

    async def main() -> None:
        svc = await services()
        out.print("A6IP Article 6 assistant. Ask about Article 6.2, 6.4, 6.8, reporting, registries, A6IP...")
        out.print("Empty line or Ctrl-D to leave.\n")
        try:
            while True:
                try:
                    line = input("you> ")
                except (EOFError, KeyboardInterrupt):
                    break
                if not line.strip():
                    break
                try:
                    answer = await svc.answerer.ask(line, channel="cli")
                except QuestionError as error:
                    err.print(f"[red]{error}[/red]")
                    continue
                out.print("")
                show(answer)
                out.print("")
        finally:
            await svc.close()

    run(main())
