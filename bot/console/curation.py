"""Knowledge base changes made by staff: upload, URL import, FAQ entries, removal; each writes its audit entry
in the same transaction as the change (both or neither), then re-syncs the index, so the bot answers from the
new content without a restart."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
import tempfile
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from sqlalchemy import select, update

from bot.console.accounts import record
from bot.console.faq import FaqEntry, entry_of
from bot.console.faq_overrides import base_sources, current_chunk
from bot.fetch import FetchError, fetch
from bot.indexing import IndexBusy
from bot.kb import SyncStats, remove_documents, store_document
from bot.services import Services
from bot.storage.models import Document, QuestionLog
from knowledge.loaders import LOADERS, NOT_DOCUMENTS, load_file
from knowledge.loaders import suffix_for as loader_suffix
from knowledge.types import LoadError

MAX_UPLOAD = 20 * 1024 * 1024
SAFE_NAME = re.compile(r"^[\w][\w .()+,-]*$")


class CurationError(ValueError):
    """A change staff asked for that cannot be made; the text says why and nothing was changed."""


class Readable(Protocol):
    async def read(self, size: int = -1) -> bytes: ...


def check_filename(name: str) -> str:
    """The uploaded file's name when it is a plain, supported file name; path tricks are refused, not cleaned."""
    if not name:
        raise CurationError("Choose a file to upload.")
    if "/" in name or "\\" in name or ".." in name or "\x00" in name or len(name) > 200 or not SAFE_NAME.match(name):
        raise CurationError(f"The file name {name!r} is not allowed: use a plain name such as guide-6-2.pdf "
                            "(letters, digits, spaces, dots, dashes; no folders).")
    if name.lower() in NOT_DOCUMENTS:
        raise CurationError(f"{name} is not a document (the glossary and source list are not uploaded here).")
    suffix = Path(name).suffix.lower()
    if suffix not in LOADERS:
        raise CurationError(f"{name}: files of type '{suffix or '(none)'}' cannot be imported; "
                            f"use one of {', '.join(sorted(LOADERS))}.")
    return name


async def save_limited(stream: Readable, path: Path) -> int:
    """Copy an upload to disk in 1 MB pieces, stopping as soon as it passes the size limit."""
    size = 0
    with path.open("wb") as out:
        while piece := await stream.read(1024 * 1024):
            size += len(piece)
            if size > MAX_UPLOAD:
                raise CurationError(f"{path.name} is larger than {MAX_UPLOAD // (1024 * 1024)} MB; "
                                    "split it or import a smaller file.")
            out.write(piece)
    return size


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CurationError(f"{url!r} is not a web address: only http:// and https:// links can be imported.")
    return url.strip()


def suffix_for(url: str, content_type: str) -> str:
    """The loader a downloaded page needs: from its content type, else from the end of its path."""
    suffix = loader_suffix(url, content_type)
    if suffix is None:
        kind = content_type.split(";")[0].strip().lower()
        raise CurationError(f"{url[:200]} returned '{kind or 'unknown'}' content, which cannot be imported "
                            "(web pages, PDF, text, Markdown and FAQ YAML can).")
    return suffix


class Curator:
    """The console's write side; each change and its index update run under the index's lock, which a
    change waits for at most `index_lock_timeout` seconds (then staff are told to try again)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    @contextlib.asynccontextmanager
    async def lock(self) -> AsyncIterator[None]:
        try:
            async with self.services.indexer.writing():
                yield
        except IndexBusy as error:
            raise CurationError(f"Nothing was changed: {error}.") from error

    async def reindex(self) -> SyncStats:
        return await self.services.indexer.refresh()

    async def _store(self, path: Path, *, source: str, url: str | None, actor: str, action: str) -> str:
        """Parse, store and index one file; a parse error changes nothing."""
        try:
            parsed = await asyncio.to_thread(load_file, path)
        except LoadError as error:
            raise CurationError(f"{source.rsplit('/', 1)[-1]} could not be imported: {error.reason}") from error
        parsed.source, parsed.url = source, parsed.url or url
        async with self.lock():
            try:
                async with self.services.db.session() as session:
                    status = await store_document(self.services.db, parsed, origin="console", session=session)
                    await record(session, actor=actor, action=action, target=source, status=status,
                                 title=parsed.title, chunks=len(parsed.chunks))
            except LoadError as error:
                raise CurationError(f"{source} could not be imported: {error.reason}") from error
            await self.reindex()
        if status == "duplicate":
            return f"{parsed.title}: the same decision report is already in the knowledge base; nothing changed"
        return f"{parsed.title}: {status} ({len(parsed.chunks)} passages)"

    async def upload(self, stream: Readable, filename: str, *, actor: str) -> str:
        name = check_filename(filename)
        with tempfile.TemporaryDirectory(prefix="a6bot-upload-") as folder:
            path = Path(folder) / name
            await save_limited(stream, path)
            return await self._store(path, source=f"console:upload/{name}", url=None, actor=actor,
                                     action="kb.upload")

    async def import_url(self, url: str, *, actor: str) -> str:
        url = check_url(url)
        try:
            page = await fetch(url, limit=MAX_UPLOAD, allow=self.services.settings.fetch_allow)
        except FetchError as error:
            raise CurationError(f"{url[:200]}: {error}") from error
        return await self.store_fetched(page.content, suffix_for(page.url, page.content_type), source=url, url=url,
                                        actor=actor, action="kb.import_url")

    async def store_fetched(self, content: bytes, suffix: str, *, source: str, url: str | None, actor: str,
                            action: str) -> str:
        """Import downloaded bytes as the document `source` through the same path as uploads (URL import, an
        approved source watch change)."""
        with tempfile.TemporaryDirectory(prefix="a6bot-url-") as folder:
            path = Path(folder) / f"page{suffix}"
            path.write_bytes(content)
            return await self._store(path, source=source, url=url, actor=actor, action=action)

    async def save_faq(self, entry: FaqEntry, *, actor: str, resolves: list[int] | None = None) -> str:
        """Store a console FAQ entry (new or edited) and mark the questions it answers as resolved."""
        try:
            parsed = entry.parse()
        except LoadError as error:
            raise CurationError(f"The FAQ entry is not complete: {error.reason}") from error
        overridden = await base_sources(self.services.db, key=entry.id)
        async with self.lock():
            async with self.services.db.session() as session:
                status = await store_document(self.services.db, parsed, origin="console", session=session)
                if resolves:
                    await session.execute(update(QuestionLog).where(QuestionLog.id.in_(resolves))
                                          .values(resolved=True))
                await record(session, actor=actor, action="faq.save", target=entry.source, status=status,
                             question=entry.question, resolves=resolves or [], overrides=overridden)
            await self.reindex()
        return f"FAQ entry {entry.id} {status}" + (" (it replaces the shipped text until restored)" if overridden else "")

    async def hide_faq(self, key: str, *, actor: str) -> str:
        """Retire an entry (shipped, imported or console) so the bot stops answering with it."""
        chunk = await current_chunk(self.services.db, key=key)
        if chunk is None:
            raise CurationError(f"There is no FAQ entry {key!r}.")
        overridden = await base_sources(self.services.db, key=key)
        async with self.lock():
            async with self.services.db.session() as session:
                await store_document(self.services.db, entry_of(chunk).hidden(), origin="console", session=session)
                await record(session, actor=actor, action="faq.hide", target=FaqEntry(key, "", "", "").source,
                             overrides=overridden)
            await self.reindex()
        return f"FAQ entry {key} hidden: the bot no longer answers with it"

    async def restore_faq(self, key: str, *, actor: str) -> str:
        """Drop the console edit or hide marker of a shipped or imported entry, so its own text applies again."""
        source = FaqEntry(key, "", "", "").source
        if not await base_sources(self.services.db, key=key):
            raise CurationError(f"{key} has no shipped or imported text to restore; remove the entry instead.")
        async with self.lock():
            async with self.services.db.session() as session:
                removed, _ = await remove_documents(self.services.db, [source], session=session)
                if not removed:
                    raise CurationError(f"{key} is not edited or hidden; there is nothing to restore.")
                await record(session, actor=actor, action="faq.restore", target=source)
            await self.reindex()
        return f"FAQ entry {key} restored to its shipped text"

    async def remove(self, document_id: int, *, actor: str) -> str:
        async with self.services.db.session() as session:
            document = await session.get(Document, document_id)
            if document is None:
                raise CurationError(f"There is no document {document_id}.")
            title = document.title
        async with self.lock():
            async with self.services.db.session() as session:
                removed, _ = await remove_documents(self.services.db, [str(document_id)], session=session)
                await record(session, actor=actor, action="kb.remove", target=removed[0] if removed else title,
                             title=title)
            await self.reindex()
        return f"Removed {title}"

    async def resolve(self, log_ids: list[int], *, actor: str) -> None:
        """Dismiss questions that need no FAQ entry (spam, off-topic), so they leave the unanswered list."""
        async with self.services.db.session() as session:
            await session.execute(update(QuestionLog).where(QuestionLog.id.in_(log_ids)).values(resolved=True))
            await record(session, actor=actor, action="questions.dismiss", target=",".join(map(str, log_ids)))

    async def document_exists(self, source: str) -> bool:
        async with self.services.db.session() as session:
            return await session.scalar(select(Document.id).where(Document.source == source)) is not None
