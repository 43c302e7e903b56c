"""Announcing a new resource to the subscribers of its topics, exactly once, through the outreach engine.

A curator asks for it in the console (not on every add: the shipped catalogue is synced at each start and an
import may add dozens at once, which would flood subscribers). One unit of work stamps the resource's
`announced_at`, only where it is still empty, and records one "resource" delivery per matching subscription
in the outbox; the outreach dispatcher then sends them like event notices (lease, retries, per-platform
pacing), each in its subscriber's language. Retiring the resource cancels what is still queued (`cancel`);
when that was every announcement, nobody was told and the stamp is cleared, so a restored resource can be
announced again.
Two curators or two workers racing: the second finds the stamp
(PostgreSQL makes it wait for the first to commit) and records nothing, so nobody is told twice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.outreach.models import Delivery, Subscription
from bot.outreach.outbox import insert_planned, wall_now
from bot.outreach.planner import Planned
from bot.tools.models import ToolResource


def wants(sub: Subscription, topics: list[str]) -> bool:
    """A subscription hears of a resource on one of its topics (no topics: all); one limited to some kinds of
    event asked for those events only, so it is not sent resources."""
    return not sub.paused and not sub.kinds and (not sub.topics or bool(set(sub.topics) & set(topics)))


def payload(row: ToolResource) -> dict[str, Any]:
    """What the notice shows, fixed now (bot.outreach.notice.ResourceInfo), so a later edit cannot change a
    message that is already on its way."""
    return {"resource_id": row.id, "resource": {"title": row.title, "publisher": row.publisher, "type": row.type, "topics": list(row.topics),
                         "languages": list(row.languages), "url": row.url,
                         "descriptions": {"en": row.description, "fr": row.description_fr,
                                          "es": row.description_es}}}


async def announce(session: AsyncSession, *, resource_id: str, now: datetime | None = None) -> int:
    """Queue the announcement of a resource inside the caller's unit of work (beside its audit record) and
    return how many subscriptions it goes to. ValueError, naming why, for an unknown or retired resource or
    one announced already."""
    at = now or wall_now()
    claimed = await session.execute(update(ToolResource).where(
        ToolResource.id == resource_id, ToolResource.announced_at.is_(None), ToolResource.retired_at.is_(None))
        .values(announced_at=at))
    row = await session.get(ToolResource, resource_id)
    if row is None:
        raise ValueError(f"there is no resource {resource_id}")
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        if row.retired_at is not None:
            raise ValueError(f"{row.title} is retired; restore it before announcing it")
        raise ValueError(f"{row.title} was announced already, on {row.announced_at:%Y-%m-%d %H:%M} UTC")
    subs = (await session.scalars(select(Subscription).where(Subscription.paused.is_(False)))).all()
    planned = [Planned(None, sub.id, "resource", 0, at, payload(row)) for sub in subs if wants(sub, row.topics)]
    if planned:
        await insert_planned(session, planned)
    return len(planned)


async def cancel(session: AsyncSession, *, resource_id: str) -> int:
    """Skip the resource's announcements still waiting in the outbox (also those waiting for a retry), inside
    the caller's unit of work, and return how many: a retired resource must not reach anyone. A send already
    in flight finishes."""
    row = await session.get(ToolResource, resource_id)
    if row is None:
        return 0
    queued = (await session.scalars(select(Delivery).where(Delivery.kind == "resource",
                                                           Delivery.state == "pending"))).all()
    mine = [d for d in queued if _is_for(d, row)]
    for delivery in mine:
        delivery.state, delivery.last_error = "skipped", "resource retired"
    if mine and not await _reached_anyone(session, row):
        row.announced_at = None  # nobody was told, so a restored resource can be announced afresh
    return len(mine)


async def _reached_anyone(session: AsyncSession, row: ToolResource) -> bool:
    """Whether an announcement of the resource left the outbox (sent, or being sent) rather than skipped."""
    others = (await session.scalars(select(Delivery).where(Delivery.kind == "resource",
                                                           Delivery.state != "skipped"))).all()
    return any(_is_for(d, row) for d in others)


def _is_for(delivery: Delivery, row: ToolResource) -> bool:
    """Rows queued before the payload named the resource are recognised by its address."""
    payload = delivery.payload
    if "resource_id" in payload:
        return bool(payload["resource_id"] == row.id)
    return bool(payload.get("resource", {}).get("url") == row.url)
