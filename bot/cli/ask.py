"""`a6bot ask` and `a6bot chat`: the answering core from a terminal, no chat platform needed."""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Iterable
from dataclasses import dataclass

import typer

from bot.answering import Answer, QuestionError
from bot.cli.common import err, out, run, services

MORE_WORDS = {"more", "/more", "plus", "más", "mas"}


@dataclass
class Line:
    """One input line of `ask -`: plain text, or a JSON object with a question and a conversation id."""

    question: str
    conversation: str | None = None
    error: str | None = None


def parse_line(raw: str) -> Line:
    """A JSON line `{"question": ..., "conversation": ...}` or a plain question; a JSON line without a text
    question is an error for that line only."""
    text = raw.strip()
    if not text.startswith("{"):
        return Line(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return Line(text)  # a question that happens to start with a brace
    question, conversation = data.get("question"), data.get("conversation")  # a "{" line parses to an object
    if not isinstance(question, str):
        return Line(text[:200], error='a JSON line needs a "question" string')
    if conversation is not None and not isinstance(conversation, (str, int)):
        return Line(question, error='"conversation" must be a string')
    return Line(question, str(conversation) if conversation is not None else None)


def show(answer: Answer) -> None:
    status = "" if answer.answered else f" ({answer.kind})" if answer.kind != "answer" else " (no confident answer)"
    out.print(answer.plain(), markup=False)
    if answer.more:
        out.print("\n(type 'more' for the rest of this answer)", markup=False)
    err.print(f"[dim]confidence {answer.confidence:.2f}{status}[/dim]")


def ask(question: str = typer.Argument(..., help="the question, or - to read one question per line from stdin "
                                                  '(plain text or JSON {"question": ..., "conversation": ...})'),
        as_json: bool = typer.Option(False, "--json", help="print JSON (one object per line with -)")) -> None:
    """Answer one question (or, with -, every line of standard input) from the knowledge base. Lines with the
    same conversation id form one conversation, in order."""

    async def main() -> int:
        svc = await services()
        failures = 0
        try:
            lines: Iterable[str] = sys.stdin if question == "-" else [question]
            for raw in lines:
                if question == "-" and not raw.strip():
                    continue
                line = parse_line(raw) if question == "-" else Line(raw)
                error = line.error
                if error is None:
                    try:
                        answer = await svc.answerer.ask(line.question, channel="cli", conversation=line.conversation)
                    except QuestionError as problem:
                        error = str(problem)
                if error is not None:
                    failures += 1
                    if as_json:
                        print(json.dumps({"question": line.question.strip()[:200], "error": str(error)},
                                         ensure_ascii=False), flush=True)
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
    """Talk to the bot in the terminal: one conversation, so follow-ups such as "and for 6.4?" work;
    'more' shows the rest of the last answer; exit, quit, /quit, an empty line or Ctrl-D leave."""

    async def main() -> None:
        svc = await services()
        conversation = f"cli:{secrets.token_hex(8)}"
        out.print("A6IP Article 6 assistant. Ask about Article 6.2, 6.4, 6.8, reporting, registries, A6IP...")
        out.print("'more' shows the rest of an answer; exit, quit, an empty line or Ctrl-D to leave.")
        out.print("A6IP support packages are requested with /support in Telegram, /a6 support in Slack or the "
                  "button on the web page; `a6bot support list` shows the requests.\n", markup=False)
        last: Answer | None = None
        try:
            while True:
                try:
                    line = input("you> ")
                except (EOFError, KeyboardInterrupt):
                    break
                if not line.strip():
                    break
                if line.strip().lower() in MORE_WORDS:
                    out.print("")
                    out.print(last.plain(more=True) if last and last.more else "Nothing more to show.", markup=False)
                    out.print("")
                    continue
                try:
                    answer = await svc.answerer.ask(line, channel="cli", conversation=conversation)
                except QuestionError as error:
                    err.print(f"[red]{error}[/red]")
                    continue
                out.print("")
                if answer.kind == "command":
                    out.print(answer.text, markup=False)
                    break
                show(answer)
                out.print("")
                last = answer
        finally:
            await svc.close()

    run(main())
