"""The staff side of support requests: list by step, read one with its history, move it along the offer
process, assign, note, export, forget. Changes take the caller's session, so the console and the CLI write
their audit entry in the same transaction; moving a step records the requester's notices there too."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.outreach.events import upcoming
from bot.outreach.models import Event
from bot.storage import Database, QuestionLog
from bot.storage.models import utcnow
from bot.support.fields import countries, country_name, fold
from bot.support.models import SupportEntry, SupportNotice, SupportRequest
from bot.support.notices import enqueue

STEPS = ("interest", "consultation", "draft", "coordination", "closed")
STEP_NAMES = {"interest": "Expression of interest", "consultation": "Consultation", "draft": "Draft package",
              "coordination": "Coordination", "closed": "Closed"}
CSV_FIELDS = ("reference", "step", "country", "institution", "areas", "timeline", "needs", "name", "role", "email",
              "language", "channel", "assignee", "created_at", "updated_at", "forgotten_at")


class SupportError(ValueError):
    """A staff request that cannot be done (unknown reference or step); the text says why."""


async def listing(db: Database, *, step: str | None = None) -> list[SupportRequest]:
    if step is not None and step not in STEPS:
        raise SupportError(f"unknown step {step!r}; use one of {', '.join(STEPS)}")
    query = select(SupportRequest).order_by(SupportRequest.created_at, SupportRequest.id)
    async with db.session() as session:
        return list((await session.scalars(query.where(SupportRequest.step == step) if step else query)).all())


async def board(db: Database) -> dict[str, list[SupportRequest]]:
    """Requests by step, every step present, in the offer process's order."""
    columns: dict[str, list[SupportRequest]] = {step: [] for step in STEPS}
    for request in await listing(db):
        columns[request.step].append(request)
    return columns


async def get(db: Database, *, reference: str) -> SupportRequest | None:
    """One request with its history; the reference is matched whatever its case."""
    async with db.session() as session:
        return await session.scalar(select(SupportRequest).options(selectinload(SupportRequest.entries))
                                    .where(SupportRequest.reference == reference.strip().upper()))


async def notices(db: Database, *, request_id: int) -> list[SupportNotice]:
    async with db.session() as session:
        return list((await session.scalars(select(SupportNotice).where(SupportNotice.request_id == request_id)
                                           .order_by(SupportNotice.id))).all())


async def locked(session: AsyncSession, reference: str) -> SupportRequest:
    request = await session.scalar(select(SupportRequest).where(SupportRequest.reference == reference.strip().upper())
                                   .with_for_update())
    if request is None:
        raise SupportError(f"there is no support request {reference.strip()[:40]!r}")
    return request


async def move(session: AsyncSession, *, reference: str, step: str, actor: str) -> SupportRequest:
    """Move a request to another step, with a history line and a notice for each way the requester gave."""
    if step not in STEPS:
        raise SupportError(f"unknown step {step!r}; use one of {', '.join(STEPS)}")
    request = await locked(session, reference)
    if request.step == step:
        raise SupportError(f"{request.reference} is already at {STEP_NAMES[step]}")
    entry = SupportEntry(request_id=request.id, actor=actor, kind="step", text=STEP_NAMES[step],
                         details={"from": request.step, "to": step})
    request.step, request.updated_at = step, utcnow()
    session.add(entry)
    await session.flush()
    enqueue(session, request, entry)
    return request


async def assign(session: AsyncSession, *, reference: str, assignee: str, actor: str) -> SupportRequest:
    request = await locked(session, reference)
    request.assignee = assignee.strip()[:320] or None
    session.add(SupportEntry(request_id=request.id, actor=actor, kind="assign", text=request.assignee or "nobody"))
    return request


async def note(session: AsyncSession, *, reference: str, text: str, actor: str) -> SupportRequest:
    text = text.strip()
    if not text:
        raise SupportError("the note is empty")
    request = await locked(session, reference)
    session.add(SupportEntry(request_id=request.id, actor=actor, kind="note", text=text[:5000]))
    return request


async def forget(session: AsyncSession, *, reference: str, actor: str) -> SupportRequest:
    """Delete the requester's personal data (name, role, email, chat address, the free text they wrote and
    staff notes that may quote them); the anonymised record (country, areas, steps, dates) stays."""
    request = await locked(session, reference)
    request.name = request.role = request.email = request.chat = None
    request.needs, request.institution = "(deleted)", "(deleted)"
    request.forgotten_at = utcnow()
    for entry in (await session.scalars(select(SupportEntry).where(SupportEntry.request_id == request.id))).all():
        if entry.kind == "note":
            entry.text = "(deleted)"
    for notice in (await session.scalars(select(SupportNotice).where(SupportNotice.request_id == request.id,
                                                                     SupportNotice.state == "pending"))).all():
        notice.state, notice.last_error = "skipped", "the request's contact details were deleted"
    session.add(SupportEntry(request_id=request.id, actor=actor, kind="forget", text="personal data deleted"))
    return request


def country_names(country: str) -> list[str]:
    """The country's name in English, French and Spanish, for finding its questions in the log."""
    code = countries().get(fold(country))
    return sorted({country_name(code, lang) for lang in ("en", "fr", "es")}) if code else [country]


async def country_questions(db: Database, *, country: str, limit: int = 50) -> list[QuestionLog]:
    """Logged questions that name the country (in any of the three languages), newest first."""
    names = country_names(country)
    async with db.session() as session:
        return list((await session.scalars(
            select(QuestionLog).where(or_(*(QuestionLog.question.ilike(f"%{name}%") for name in names)))
            .order_by(QuestionLog.asked_at.desc()).limit(limit))).all())


# The support areas that are also outreach topics; general capacity-building events fit any request.
EVENT_TOPICS = {"authorization", "reporting", "tracking", "methodology"}


async def events_to_register(db: Database, *, areas: Sequence[str], limit: int = 10) -> list[Event]:
    """Upcoming events on the request's areas (or on capacity building) that take registrations: the product
    keeps no registrations itself (each event links to its organiser's form), so staff can point the country
    to those forms."""
    wanted = (set(areas) & EVENT_TOPICS) | {"capacity-building"}
    rows = await upcoming(db, limit=200)
    return [e for e in rows if e.registration_url and wanted & set(e.topics)][:limit]


def to_csv(requests: Sequence[SupportRequest]) -> str:
    """Every request as one CSV row (areas joined with ';'), for staff's own spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for r in requests:
        row = {name: getattr(r, name) for name in CSV_FIELDS}
        row["areas"] = ";".join(r.areas)
        writer.writerow(["" if row[name] is None else str(row[name]) for name in CSV_FIELDS])
    return out.getvalue()
