"""Start-up never waits on indexing, and never re-encodes what another worker (or the last run) encoded:
vectors live with the chunks in the database; a chunk the encoder fails on is reported and skipped."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import httpx
import pytest

from bot.cli.platforms import open_services
from bot.cli.run import add_health
from bot.console.curation import CurationError, Curator
from bot.console.faq import FaqEntry
from bot.kb import import_paths
from bot.server import HttpServer

from tests.deploy.conftest import HashEncoder, free_port, make_settings

QUESTION = "When is annual information under Article 6.2 due?"


async def test_a_new_worker_loads_stored_vectors_instead_of_encoding(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    first = HashEncoder()
    svc = await open_services(make_settings(tmp_path / "worker-1", url), encoder=first)
    try:
        indexed = len(svc.index)
        assert indexed > 0 and first.passages >= indexed
        before = await svc.answerer.ask(QUESTION)
    finally:
        await svc.close()
    second = HashEncoder()  # a second worker: its own empty data directory, the same database
    svc = await open_services(make_settings(tmp_path / "worker-2", url), encoder=second)
    try:
        after = await svc.answerer.ask(QUESTION)
        assert second.passages == 0, "the new worker encoded passages instead of loading their vectors"
        assert len(svc.index) == indexed
        assert [s.citation for s in after.sources] == [s.citation for s in before.sources]
    finally:
        await svc.close()


async def test_a_poisoned_document_is_reported_and_skipped_not_retried(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    encoder = HashEncoder(poison="zanzibarite")
    svc = await open_services(settings, encoder=encoder)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.md").write_text("# Bad\n## Minerals\nThe zanzibarite report breaks the encoder.\n")
    (docs / "good.md").write_text("# Good\n## Registries\nThe quokka registry records every transfer.\n")
    try:
        await import_paths(svc.db, [docs])
        stats = await svc.indexer.update()
        assert [f.source for f in stats.failed] == [str((docs / "bad.md").resolve())]
        assert "RuntimeError" in stats.failed[0].reason
        assert any("quokka" in hit.meta["text"] for hit in svc.index.search("quokka registry", k=3))
        skipped = svc.indexer.status()["skipped"]
        assert len(skipped) == 1 and skipped[0]["source"].endswith("bad.md")
        encoded = encoder.passages
        again = await svc.indexer.update()
        assert again.failed == [] and encoder.passages == encoded  # not tried again until it changes
    finally:
        await svc.close()
    # A restart with the poisoned document in the database is healthy and answers from the stored vectors while
    # the encoder is still held up on the poisoned chunk (a start that waited for it would never be healthy);
    # once the encoder fails on it, /healthz lists it as skipped.
    restarted = HashEncoder(poison="zanzibarite")
    restarted.gate = threading.Event()
    svc = await open_services(settings, encoder=restarted, wait=False)
    server = HttpServer("127.0.0.1", free_port())
    add_health(server, svc)
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}", timeout=5) as client:
            await svc.indexer.wait()
            response = await client.get("/healthz")
            assert response.status_code == 200 and response.json()["status"] == "ok"
            assert "skipped" not in response.json()  # not tried yet: the encoder is held
            assert any("quokka" in hit.meta["text"] for hit in svc.index.search("quokka registry", k=3))
            assert (await svc.answerer.ask("Which registry records every transfer?")).kind != "starting"
            restarted.gate.set()
            for _ in range(200):
                if "skipped" in (body := (await client.get("/healthz")).json()):
                    break
                await asyncio.sleep(0.05)
            assert [s["source"] for s in body["skipped"]] == [str((docs / "bad.md").resolve())]
    finally:
        restarted.gate.set()
        await server.stop()
        await svc.close()


async def test_healthz_answers_at_once_while_indexing_and_questions_get_still_starting(tmp_path: Path) -> None:
    encoder = HashEncoder()
    encoder.gate = threading.Event()  # the encoder waits: start-up indexing is slow
    settings = make_settings(tmp_path / "data")
    svc = await open_services(settings, encoder=encoder, wait=False)
    server = HttpServer("127.0.0.1", free_port())
    add_health(server, svc)
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}", timeout=5) as client:
            response = await client.get("/healthz")
            body = response.json()
            assert response.status_code == 503 and body["status"] == "indexing"
            assert body["progress"]["indexed"] == 0 and body["checks"] == {"database": True, "index": False}
            answer = await svc.answerer.ask("Quand faut-il soumettre les informations annuelles ?")
            assert answer.kind == "starting" and "démarrer" in answer.text and not answer.sources
            encoder.gate.set()
            await svc.indexer.wait()
            response = await client.get("/healthz")
            assert response.status_code == 200 and response.json()["status"] == "ok"
            assert response.json()["progress"]["indexed"] == len(svc.index) > 0
            assert (await svc.answerer.ask(QUESTION)).kind == "answer"
    finally:
        encoder.gate.set()
        await server.stop()
        await svc.close()


async def test_a_change_waits_for_the_index_lock_only_so_long(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", index_lock_timeout=0.3)
    svc = await open_services(settings, encoder=HashEncoder())
    entry = FaqEntry("lock-test", "What is a lock test?", "A lock test checks the timeout.", "Test note")
    try:
        async with svc.indexer.writing():  # another change holds the index
            with pytest.raises(CurationError, match="Nothing was changed"):
                await Curator(svc).save_faq(entry, actor="test")
        assert not await Curator(svc).document_exists(entry.source)
        assert "lock-test" in await Curator(svc).save_faq(entry, actor="test")
    finally:
        await svc.close()
