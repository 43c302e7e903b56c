"""Knowledge base pages: documents, their passages, uploads, URL imports, FAQ entries, removal."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.console.auth import Staff, flash, guard
from bot.console.curation import CurationError
from bot.console.faq import SOURCE_PREFIX, FaqEntry, entry_of, slug
from bot.console.faq_overrides import base_sources, current_chunk, overrides
from bot.unanswered import by_ids
from bot.console.web import go, lines, page, text
from bot.kb import list_documents
from bot.storage import ChunkRow, Document


def curator(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.curator


@guard("viewer")
async def documents(request: Request, staff: Staff) -> Response:
    """All documents, filtered by title or source; with a query, also the best matching passages."""
    services = request.app.state.services
    query = request.query_params.get("q", "").strip()[:300]
    rows = await list_documents(services.db)
    if query:
        rows = [(d, n) for d, n in rows if query.lower() in f"{d.title} {d.source}".lower()]
    hits = await asyncio.to_thread(services.index.search, query, 8) if query else []
    return page(request, "kb.html", staff, rows=rows, query=query, hits=hits)


@guard("viewer")
async def document(request: Request, staff: Staff) -> Response:
    async with request.app.state.services.db.session() as session:
        doc = await session.scalar(select(Document).options(selectinload(Document.chunks))
                                   .where(Document.id == request.path_params["doc_id"]))
    if doc is None:
        return page(request, "message.html", staff, status_code=404, message="There is no such document.")
    console = doc.source.startswith(SOURCE_PREFIX)
    keys = [chunk.key for chunk in doc.chunks if chunk.key and chunk.kind != "passage"]
    restorable = console and bool(keys) and bool(await base_sources(request.app.state.services.db, key=keys[0]))
    return page(request, "document.html", staff, doc=doc, editable=console, restorable=restorable,
                overrides={} if console else await overrides(request.app.state.services.db))


@guard("curator")
async def upload(request: Request, staff: Staff) -> Response:
    form = await request.form()
    file = form.get("file")
    try:
        if not isinstance(file, UploadFile):
            raise CurationError("Choose a file to upload.")
        flash(request, await curator(request).upload(file, file.filename or "", actor=staff.email))
    except CurationError as error:
        flash(request, str(error), "error")
    return go(request, "/kb")


@guard("curator")
async def import_url(request: Request, staff: Staff) -> Response:
    try:
        flash(request, await curator(request).import_url(text(await request.form(), "url", 2000), actor=staff.email))
    except CurationError as error:
        flash(request, str(error), "error")
    return go(request, "/kb")


@guard("curator")
async def remove(request: Request, staff: Staff) -> Response:
    try:
        flash(request, await curator(request).remove(int(request.path_params["doc_id"]), actor=staff.email))
    except CurationError as error:
        flash(request, str(error), "error")
    return go(request, "/kb")


@guard("curator")
async def faq_form(request: Request, staff: Staff) -> Response:
    """A blank FAQ form, one pre-filled from a group of unanswered questions, or an existing console entry."""
    params = request.query_params
    entry, ids = FaqEntry(id="", question="", answer="", citation=""), [int(i) for i in params.getlist("q") if i.isdigit()]
    if "key" in params:
        chunk = await current_chunk(request.app.state.services.db, key=params["key"][:300])
        if chunk is None:
            return page(request, "message.html", staff, status_code=404, message="There is no such FAQ entry.")
        entry = entry_of(chunk)
    elif "doc" in params:
        async with request.app.state.services.db.session() as session:
            chunk = await session.scalar(select(ChunkRow).join(Document).where(
                Document.id == int(params["doc"]), Document.source.startswith(SOURCE_PREFIX)))
        if chunk is None:
            return page(request, "message.html", staff, status_code=404, message="No console FAQ entry there.")
        entry = entry_of(chunk)
    elif ids:
        group = await by_ids(request.app.state.services.db, ids)
        if group.questions:
            best = (group.best_sources(1) or [{}])[0]
            entry = FaqEntry(id=slug(group.lead), question=group.lead, answer=best.get("excerpt") or "",
                             citation=best.get("citation") or "", url=best.get("url"), variants=group.variants)
    return page(request, "faq_form.html", staff, entry=entry, ids=ids, editing="doc" in params or "key" in params)


@guard("curator")
async def faq_save(request: Request, staff: Staff) -> Response:
    form = await request.form()
    entry = FaqEntry(id=text(form, "id", 120), question=text(form, "question", 1000), answer=text(form, "answer"),
                     citation=text(form, "citation", 500), url=text(form, "url", 1000) or None,
                     variants=lines(form, "variants"), topics=[t.strip() for t in text(form, "topics").split(",") if t.strip()])
    ids = [int(i) for i in form.getlist("q") if isinstance(i, str) and i.isdigit()]
    try:
        if not text(form, "editing") and (await curator(request).document_exists(entry.source)
                                          or await base_sources(request.app.state.services.db, key=entry.id)):
            raise CurationError(f"The id {entry.id} is already used by another FAQ entry; choose another "
                                "(or open that entry and edit it).")
        flash(request, await curator(request).save_faq(entry, actor=staff.email, resolves=ids))
    except CurationError as error:
        flash(request, str(error), "error")
        return page(request, "faq_form.html", staff, status_code=400, entry=entry, ids=ids,
                    editing=bool(text(form, "editing")))
    return go(request, "/unanswered" if ids else "/kb")


@guard("curator")
async def faq_hide(request: Request, staff: Staff) -> Response:
    """Retire an FAQ entry; it stays listed, marked hidden, and can be restored."""
    try:
        flash(request, await curator(request).hide_faq(text(await request.form(), "key", 300), actor=staff.email))
    except CurationError as error:
        flash(request, str(error), "error")
    return go(request, "/kb")


@guard("curator")
async def faq_restore(request: Request, staff: Staff) -> Response:
    """Back to the shipped (or imported) text of an edited or hidden entry."""
    try:
        flash(request, await curator(request).restore_faq(text(await request.form(), "key", 300), actor=staff.email))
    except CurationError as error:
        flash(request, str(error), "error")
    return go(request, "/kb")


routes = [
    Route("/kb", documents),
    Route("/kb/doc/{doc_id:int}", document),
    Route("/kb/upload", upload, methods=["POST"]),
    Route("/kb/url", import_url, methods=["POST"]),
    Route("/kb/doc/{doc_id:int}/remove", remove, methods=["POST"]),
    Route("/faq/new", faq_form),
    Route("/faq/save", faq_save, methods=["POST"]),
    Route("/faq/hide", faq_hide, methods=["POST"]),
    Route("/faq/restore", faq_restore, methods=["POST"]),
]
