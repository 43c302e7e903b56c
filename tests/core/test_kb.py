"""Importing documents: every format, re-import, change, removal, failures, and the index following along."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.kb import import_paths, list_documents, remove_documents, sync_index
from bot.storage import ChunkRow, Document

MD = """---
title: Article 6 glossary note
source_url: https://example.org/note
topics: [reporting]
---
## The agreed electronic format
Annual information goes into the Article 6 database using the agreed electronic format, each April.
"""
HTML = "<html><head><title>Workshop notes</title></head><body><h1>Workshop</h1><p>Maldives workshop on initial reports.</p></body></html>"


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


async def count(services, model) -> int:
    async with services.db.session() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def test_every_format_imports_and_bad_files_are_reported(services, tmp_path):
    write(tmp_path, "note.md", MD)
    write(tmp_path, "notes.txt", "Registry notes\n\nNational registries track ITMOs.\n")
    write(tmp_path, "page.html", HTML)
    write(tmp_path, "empty.md", "")
    write(tmp_path, "latin1.txt", "Caf\xe9 cr\xe8me".encode("latin-1"))
    write(tmp_path, "broken.pdf", b"%PDF-1.4 this is not really a pdf")
    write(tmp_path, "bad-front.md", "---\ntitle: [unclosed\n---\n## x\ny\n")
    before = await count(services, Document)
    summary = await import_paths(services.db, [tmp_path, tmp_path / "missing.md"])
    assert len(summary.added) == 3
    failed = dict(summary.failed)
    assert set(map(lambda p: Path(p).name, failed)) == {"empty.md", "latin1.txt", "broken.pdf", "bad-front.md",
                                                       "missing.md"}
    assert all(reason for reason in failed.values())
    assert await count(services, Document) == before + 3


async def test_reimport_unchanged_changes_nothing_and_changed_keeps_identity(services, tmp_path):
    path = write(tmp_path, "note.md", MD)
    await import_paths(services.db, [path])
    stats = await sync_index(services.db, services.index)
    assert stats.embedded > 0
    async with services.db.session() as session:
        doc = await session.scalar(select(Document).where(Document.source == str(path.resolve())))
        first_id, first_chunks = doc.id, set(await session.scalars(select(ChunkRow.id).where(ChunkRow.document_id == doc.id)))
    again = await import_paths(services.db, [path])
    assert again.unchanged == [str(path)] and not again.added and not again.updated
    assert (await sync_index(services.db, services.index)).embedded == 0

    write(tmp_path, "note.md", MD.replace("each April", "by 15 April of the following year"))
    changed = await import_paths(services.db, [path])
    assert changed.updated == [str(path)]
    stats = await sync_index(services.db, services.index)
    assert stats.embedded == len(first_chunks) and stats.removed == len(first_chunks)  # only this document
    async with services.db.session() as session:
        doc = await session.scalar(select(Document).where(Document.source == str(path.resolve())))
        assert doc.id == first_id
    hits = services.index.search("agreed electronic format following year", k=3)
    assert any("15 April" in hit.meta["text"] for hit in hits)


async def test_remove_drops_document_chunks_and_index_entries(services, tmp_path):
    path = write(tmp_path, "notes.txt", "Maldives notes\n\nThe Maldives workshop covered initial reports.\n")
    other = write(tmp_path, "other.md", MD)
    await import_paths(services.db, [path, other])
    await sync_index(services.db, services.index)
    before = await count(services, Document)
    docs = {doc.source: doc.id for doc, _ in await list_documents(services.db)}
    refs = [str(docs[str(path.resolve())]), "no-such-doc", str(other)]
    removed, unknown = await remove_documents(services.db, refs)
    assert removed == [str(path.resolve()), str(other.resolve())] and unknown == ["no-such-doc"]
    assert await count(services, Document) == before - 2  # every removal named in one call is committed
    await sync_index(services.db, services.index)
    assert all("Maldives" not in hit.meta["text"] for hit in services.index.search("Maldives workshop", k=5))


async def test_index_persists_and_reloads_without_reembedding(settings, encoder, tmp_path):
    from bot.services import open_services

    first = await open_services(settings, encoder=encoder)
    fingerprint = first.index.fingerprint()
    await first.close()
    calls = []
    original = encoder.encode_passages
    encoder.encode_passages = lambda texts, **kw: calls.append(len(texts)) or original(texts, **kw)
    try:
        second = await open_services(settings, encoder=encoder)
    finally:
        encoder.encode_passages = original
    assert calls == [] and second.index.fingerprint() == fingerprint
    await second.close()


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2].parent / "shared").exists(), reason="no corpus")
async def test_decision_import_gives_paragraph_citations(services):
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "unfccc-article6" / "txt"
    summary = await import_paths(services.db, [corpus / "CMA2021_3_Decisions_1_to_4.txt"])
    assert len(summary.added) == 1
    async with services.db.session() as session:
        chunk = await session.scalar(select(ChunkRow).where(ChunkRow.citation == "Decision 2/CMA.3, annex, para. 20"))
    assert chunk is not None and "15 April" in chunk.text
    assert chunk.url and chunk.url.startswith("https://unfccc.int/")


async def test_shipped_file_removed_by_an_upgrade_leaves_the_knowledge_base(settings, encoder, tmp_path):
    import shutil

    from bot.services import open_services

    kb = tmp_path / "kb"
    shutil.copytree(settings.knowledge_dir, kb)
    settings.knowledge_dir = kb
    first = await open_services(settings, encoder=encoder)
    assert any(hit.meta["title"] == "Tracking ITMOs" for hit in first.index.search("registries", k=3))
    await first.close()
    (kb / "registries.md").unlink()
    second = await open_services(settings, encoder=encoder)
    sources = [doc.source for doc, _ in await list_documents(second.db)]
    assert sources == ["shipped:faq.yaml"]
    assert all(hit.meta["title"] != "Tracking ITMOs" for hit in second.index.search("registries", k=3))
    await second.close()


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2].parent / "shared").exists(), reason="no corpus")
async def test_a_report_in_pdf_and_text_is_kept_once_from_the_text(services):
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "unfccc-article6"
    pdf, txt = corpus / "pdf" / "decisions-1-4-CMA.3.pdf", corpus / "txt" / "CMA2021_3_Decisions_1_to_4.txt"
    summary = await import_paths(services.db, [pdf, txt])
    assert summary.added == [str(txt)] and summary.duplicate == [str(pdf)] and not summary.failed
    async with services.db.session() as session:
        sources = (await session.scalars(select(Document.source).join(ChunkRow).where(
            ChunkRow.citation == "Decision 2/CMA.3, annex, para. 20", Document.doc_type == "decision"))).all()
    assert sources == [str(txt)]
    again = await import_paths(services.db, [pdf, txt])
    assert again.unchanged == [str(txt)] and again.duplicate == [str(pdf)]
