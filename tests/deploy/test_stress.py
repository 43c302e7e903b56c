"""Reads are safe during writes: questions asked from many threads while staff import and remove documents
in the console get no error, and every source they cite is a passage that exists (or existed) under that
title: no KeyError, no "dictionary changed size", no id that points at another passage."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from sqlalchemy import select

from bot.answering import Answer
from bot.cli.platforms import open_services
from bot.console.curation import Curator
from bot.storage import ChunkRow, Document

from tests.deploy.conftest import HashEncoder, make_settings

ROUNDS = 12
ASKERS = 6
QUESTIONS = ["When is annual information under Article 6.2 due?", "What is an ITMO?", "Where are ITMOs recorded?",
             "What does stress note say about the registry?", "code word of the stress note"]


class Upload(io.BytesIO):
    async def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        return super().read(size)


def note(n: int) -> bytes:
    sections = "\n".join(f"## Part {p} of stress note {n}\nThe code word of stress note {n}, part {p}, is "
                         f"stressword{n}x{p}; the registry records it.\n" for p in range(60))
    return f"# Stress note {n}\n{sections}".encode()


async def test_questions_during_imports_and_removals(tmp_path: Path) -> None:
    svc = await open_services(make_settings(tmp_path / "data"), encoder=HashEncoder())
    curator = Curator(svc)
    titles: dict[int, str] = {}  # every chunk id ever stored -> its document's title

    async def remember() -> None:
        async with svc.db.session() as session:
            titles.update((await session.execute(select(ChunkRow.id, Document.title).join(Document))).all())

    answers: list[Answer] = []
    errors: list[BaseException] = []
    done = asyncio.Event()

    async def asker(n: int) -> None:
        turn = 0
        while not done.is_set():
            try:
                answers.append(await svc.answerer.ask(QUESTIONS[(n + turn) % len(QUESTIONS)], channel="test"))
            except Exception as error:  # noqa: BLE001 - the test counts every failure
                errors.append(error)
            turn += 1

    async def curate() -> None:
        try:
            for n in range(ROUNDS):
                await curator.upload(Upload(note(n)), f"stress-{n}.md", actor="test")
                await remember()
                if n % 2:  # remove the previous note while questions keep coming
                    async with svc.db.session() as session:
                        previous = await session.scalar(select(Document.id).where(
                            Document.source == f"console:upload/stress-{n - 1}.md"))
                    await curator.remove(previous, actor="test")
        finally:
            done.set()

    try:
        await remember()
        await asyncio.gather(curate(), *(asker(n) for n in range(ASKERS)))
        await remember()
    finally:
        await svc.close()
    assert errors == []
    cited = [source for answer in answers for source in answer.sources]
    assert len(answers) > ROUNDS and cited
    wrong = [(s.chunk_id, s.title) for s in cited if titles.get(s.chunk_id) != s.title]
    assert wrong == [], "sources that name no passage, or another passage's title"
    assert any(s.title.startswith("Stress note") for s in cited)
