"""Telling a requester their request moved: a notice row per channel (the chat they asked in, and email when
they gave one) is written in the transaction that moved the request, then claimed by a conditional update
and sent through the platform's messenger, so a notice goes out once even with several workers."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.outreach.notifier import SendResult
from bot.storage import Database
from bot.storage.models import utcnow
from bot.support.models import SupportEntry, SupportNotice, SupportRequest
from bot.texts import say

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
BATCH = 100


@runtime_checkable
class Messenger(Protocol):
    """What a platform's notifier adds to send a short text to one address: a chat id for a chat platform,
    an email address for email. Never raises: the SendResult says what happened."""

    platform: str

    async def send_text(self, address: str, text: str, *, subject: str, language: str) -> SendResult: ...


def messengers_of(notifiers: Mapping[str, object]) -> dict[str, Messenger]:
    """The configured platforms' notifiers that can send such texts, by platform name."""
    return {name: n for name, n in notifiers.items() if isinstance(n, Messenger)}


def enqueue(session: AsyncSession, request: SupportRequest, entry: SupportEntry) -> list[SupportNotice]:
    """Record the notices of one step move (the entry must be flushed, so it has an id)."""
    channels = [c for c, address in ((request.channel, request.chat), ("email", request.email)) if address]
    notices = [SupportNotice(request_id=request.id, entry_id=entry.id, channel=c, step=request.step, state="pending",
                             attempts=0) for c in dict.fromkeys(channels)]
    session.add_all(notices)
    return notices


def wording(request: SupportRequest, step: str, *, contact: str) -> tuple[str, str]:
    """The notice's subject and text (neutral markup) in the requester's language."""
    language, name = request.language, say(f"support.step.{step}", request.language)
    text = say("support.notice", language, reference=request.reference, step=name,
               what=say(f"support.what.{step}", language, contact=contact))
    return say("support.notice.subject", language, reference=request.reference, step=name), text


async def deliver(db: Database, messengers: Mapping[str, Messenger], *, contact: str) -> int:
    """Send the pending notices this process can send; returns how many went out."""
    async with db.session() as session:
        ids = list((await session.scalars(select(SupportNotice.id).where(SupportNotice.state == "pending")
                                          .order_by(SupportNotice.id).limit(BATCH))).all())
    sent = 0
    for notice_id in ids:
        token = uuid.uuid4().hex
        async with db.session() as session:
            claimed = await session.execute(update(SupportNotice).where(
                SupportNotice.id == notice_id, SupportNotice.state == "pending").values(state="claimed", claimed_by=token))
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            continue  # another worker has it
        state, error = await send_one(db, notice_id, messengers, contact=contact)
        sent += state == "sent"
        async with db.session() as session:
            notice = await session.get(SupportNotice, notice_id)
            if notice is None or notice.claimed_by != token:
                continue
            notice.attempts += 1
            notice.last_error = (error or "")[:500] or None
            notice.state = "failed" if state == "pending" and notice.attempts >= MAX_ATTEMPTS else state
            notice.sent_at = utcnow() if state == "sent" else None
    return sent


async def send_one(db: Database, notice_id: int, messengers: Mapping[str, Messenger], *,
                   contact: str) -> tuple[str, str | None]:
    """(new state, error) after trying one claimed notice."""
    async with db.session() as session:
        notice = await session.get(SupportNotice, notice_id)
        request = await session.get(SupportRequest, notice.request_id) if notice else None
    if notice is None or request is None or request.forgotten_at is not None:
        return "skipped", "the request's contact details were deleted"
    address = request.email if notice.channel == "email" else request.chat
    messenger = messengers.get(notice.channel)
    if not address:
        return "skipped", "no address"
    if messenger is None:
        return "skipped", f"{notice.channel} is not configured for notices"
    subject, text = wording(request, notice.step, contact=contact)
    try:
        result = await messenger.send_text(address, text, subject=subject, language=request.language)
    except Exception as error:  # a messenger should not raise; treat it like a network error
        result = SendResult.transient(f"{type(error).__name__}: {error}")
    if result.status == "ok":
        return "sent", None
    error = (result.error or "").replace(address, "***")  # a mail server's refusal may quote the address
    log.info("support notice %s via %s: %s (%s)", notice_id, notice.channel, result.status, error)
    return ("failed" if result.status == "permanent" else "pending"), error
