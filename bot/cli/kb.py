"""`a6bot kb import|list|remove`: staff manage the knowledge base from the terminal."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import typer
from rich.table import Table

from bot.cli import watch
from bot.cli.common import err, out, progress_bars, quiet_libraries, run
from bot.cli.platforms import open_database
from bot.config import Settings
from bot.kb import import_paths, indexed_items, list_documents, remove_documents, sync_index
from bot.services import import_shipped, make_index, prebuilt_path, tool_vectors
from bot.storage import Database
from bot.tools.catalogue import load_folder
from bot.tools.recommend import TOOLS_PREFIX, Recommender, prebuilt_section
from index import SearchIndex
from index.prebuilt import Prebuilt
from knowledge.glossary import CONTENT
from knowledge.loaders import collect_files
from knowledge.types import LoadError

app = typer.Typer(help="Import, list and remove knowledge base documents.", no_args_is_help=True)
app.add_typer(watch.app, name="watch")


async def _reindex(settings: Settings, db: Database, progress) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    index = await asyncio.to_thread(make_index, settings)
    await sync_index(db, index, path=settings.index_dir,
                     progress=lambda done, total: progress("Indexing", done, total))


@app.command("import")
def import_(paths: list[Path] = typer.Argument(..., help="files and folders: .md .yaml .txt .pdf .html")) -> None:
    """Import documents; unchanged files are skipped, changed ones replace their old chunks."""
    quiet_libraries()
    settings = Settings()

    async def main() -> int:
        db = await open_database(settings)
        try:
            total = 0
            for path in paths:
                try:
                    total += len(collect_files([path]))
                except LoadError:
                    pass
            with progress_bars() as progress:
                done = 0

                def on_file(path: Path, status: str) -> None:
                    nonlocal done
                    done += 1
                    progress("Importing", done, total)

                summary = await import_paths(db, paths, on_file=on_file)
                await _reindex(settings, db, progress)
        finally:
            await db.close()
        for path, reason in summary.failed:
            err.print(f"[red]failed[/red] {path}: {reason}", markup=True, highlight=False)
        out.print(f"added {len(summary.added)}, updated {len(summary.updated)}, "
                  f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}")
        if summary.duplicate:
            out.print(f"skipped {len(summary.duplicate)} decision report(s) already imported from another file: "
                      + ", ".join(Path(p).name for p in summary.duplicate))
        return 1 if summary.failed else 0

    raise typer.Exit(run(main()))


@app.command("list")
def list_() -> None:
    """List documents with their type, origin and number of chunks."""
    settings = Settings()

    async def main() -> None:
        db = await open_database(settings)
        try:
            rows = await list_documents(db)
        finally:
            await db.close()
        table = Table("id", "type", "origin", "chunks", "title", "source")
        for doc, chunks in rows:
            table.add_row(str(doc.id), doc.doc_type, doc.origin, str(chunks), doc.title[:60], doc.source)
        out.print(table)

    run(main())


@app.command("remove")
def remove(refs: list[str] = typer.Argument(..., help="document ids or sources as `kb list` shows them")) -> None:
    """Remove documents and their chunks; the index follows."""
    quiet_libraries()
    settings = Settings()

    async def main() -> int:
        db = await open_database(settings)
        try:
            removed, unknown = await remove_documents(db, refs)
            if removed:
                with progress_bars() as progress:
                    await _reindex(settings, db, progress)
        finally:
            await db.close()
        for source in removed:
            out.print(f"removed {source}")
        for ref in unknown:
            err.print(f"[red]no such document:[/red] {ref}")
        return 1 if unknown else 0

    raise typer.Exit(run(main()))


def catalogue_vectors(index: SearchIndex, previous: Prebuilt) -> dict[str, dict[str, np.ndarray]]:
    """The shipped tools catalogue embedded by each model of the index (the recommender uses the multilingual
    one, or the main one when that is switched off), as sections of the prebuilt file; vectors of `previous`
    are kept for texts that did not change (they are keyed by model and text), so only edits are encoded."""
    resources = load_folder()
    return {prebuilt_section(encoder): Recommender(encoder, prebuilt=previous).prebuilt(resources)
            for encoder in (index.encoder, index.crosslingual) if encoder is not None}


@app.command("prebuild")
def prebuild(output: Path = typer.Option(None, "--output", help="default: prebuilt-vectors.npz in the knowledge "
                                                                  "base folder, where every start looks")) -> None:
    """Embed the shipped knowledge base and tools catalogue with the configured models and save the vectors,
    so a fresh install or a new container loads them instead of encoding for minutes (the Dockerfile runs
    this)."""
    import asyncio
    import tempfile

    quiet_libraries()
    settings = Settings()
    target = output or prebuilt_path(settings)

    async def main() -> int:
        with tempfile.TemporaryDirectory(prefix="a6bot-prebuild-") as folder:
            scratch = settings.model_copy(update={"data_dir": Path(folder), "database_url": ""})
            db = Database(scratch.effective_database_url)
            try:
                await db.migrate()
                with progress_bars() as progress:
                    progress("Reading the shipped knowledge base", 0, 0)
                    await import_shipped(db, settings.knowledge_dir or CONTENT)
                    progress("Loading the models", 0, 0)
                    index = await asyncio.to_thread(make_index, scratch)
                    await sync_index(db, index, progress=lambda done, total: progress("Embedding", done, total))
                    items = await indexed_items(db, index)
                    progress("Embedding the tools catalogue", 0, 0)
                    previous = tool_vectors(Prebuilt.load(target, only=lambda name: name.startswith(TOOLS_PREFIX)))
                    catalogue = await asyncio.to_thread(catalogue_vectors, index, previous)
            finally:
                await db.close()
        prebuilt = Prebuilt.of(index, items)
        prebuilt.vectors.update(catalogue)
        prebuilt.save(target)
        out.print(f"{len(items)} passages, {len(prebuilt)} vector sets ({', '.join(sorted(prebuilt.vectors))}) "
                  f"written to {target} ({target.stat().st_size // 1024} KB)")
        return 0

    raise typer.Exit(run(main()))
