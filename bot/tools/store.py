"""Database functions for the catalogue (keyword-only, one session per unit of work): the shipped entries
loaded on every start, staff additions, edits and retirements, listings for the bot and the console."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage import Database
from bot.storage.models import utcnow
from bot.tools.catalogue import Resource
from bot.tools.models import ToolResource

FIELDS = tuple(f.name for f in fields(Resource))


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # staff edited or retired it: the shipped version waits


def resource_of(row: ToolResource) -> Resource:
    """The frozen view of a row, which is what leaves this module for the bot and the channels."""
    values = {name: getattr(row, name) for name in FIELDS}
    values["topics"], values["languages"] = tuple(row.topics), tuple(row.languages)
    return Resource(**values)


def _write(row: ToolResource, resource: Resource) -> None:
    for name in FIELDS:
        value = getattr(resource, name)
        setattr(row, name, list(value) if isinstance(value, tuple) else value)


async def sync_shipped(db: Database, resources: Sequence[Resource]) -> SyncReport:
    """Add shipped resources that are new and refresh those staff never touched; an entry staff edited or
    retired is left as staff left it, so a retired shipped resource stays retired across restarts."""
    report = SyncReport()
    async with db.session() as session:
        rows = {row.id: row for row in (await session.scalars(select(ToolResource))).all()}
        for resource in resources:
            row, digest = rows.get(resource.id), resource.fingerprint()
            if row is None:
                row = ToolResource(id=resource.id, origin="shipped", shipped_hash=digest, edited=False)
                _write(row, resource)
                session.add(row)
                report.added.append(resource.id)
            elif row.edited or row.retired_at is not None or row.origin != "shipped":
                report.kept.append(resource.id)
            elif row.shipped_hash != digest:
                _write(row, resource)
                row.shipped_hash = digest
                report.updated.append(resource.id)
    return report


async def active(db: Database) -> list[Resource]:
    """Every resource the bot may recommend (not retired)."""
    async with db.session() as session:
        rows = await session.scalars(select(ToolResource).where(ToolResource.retired_at.is_(None))
                                     .order_by(ToolResource.title))
        return [resource_of(row) for row in rows]


async def rows(db: Database, *, include_retired: bool = True) -> list[ToolResource]:
    """Rows with their curation state, for the console and `a6bot tools list`."""
    async with db.session() as session:
        query = select(ToolResource).order_by(ToolResource.title)
        if not include_retired:
            query = query.where(ToolResource.retired_at.is_(None))
        return list((await session.scalars(query)).all())


async def get(db: Database, *, resource_id: str) -> ToolResource | None:
    async with db.session() as session:
        return await session.get(ToolResource, resource_id)


async def save(session: AsyncSession, *, resource: Resource, origin: str, existing: bool) -> str:
    """Add a resource or change one (inside the caller's unit of work, beside its audit record); returns
    'added', 'changed' or 'unchanged'. ValueError for a clash of id or address."""
    row = await session.get(ToolResource, resource.id)
    if existing and row is None:
        raise ValueError(f"id: there is no resource {resource.id}")
    if not existing and row is not None:
        raise ValueError(f"id: a resource {resource.id} exists already; edit it instead")
    clash = await session.scalar(select(ToolResource.id).where(ToolResource.url == resource.url,
                                                               ToolResource.id != resource.id))
    if clash is not None:
        raise ValueError(f"url: {resource.url} is already the address of {clash}")
    if row is None:
        row = ToolResource(id=resource.id, origin=origin, edited=False)
        _write(row, resource)
        session.add(row)
        return "added"
    if resource_of(row) == resource:
        return "unchanged"
    _write(row, resource)
    row.edited = True
    row.link_status = row.link_detail = None  # a changed address is checked afresh
    return "changed"


async def retire(session: AsyncSession, *, resource_id: str, actor: str) -> ToolResource | None:
    """Stop recommending a resource (kept for the record and for restoring); None when unknown."""
    row = await session.get(ToolResource, resource_id)
    if row is not None and row.retired_at is None:
        row.retired_at, row.retired_by = utcnow(), actor
    return row


async def restore(session: AsyncSession, *, resource_id: str) -> ToolResource | None:
    row = await session.get(ToolResource, resource_id)
    if row is not None:
        row.retired_at = row.retired_by = None
    return row
