"""The support-package flow as channels see it (`services.support`): a command, a typed message or a pressed
button in, a plain Reply (text in neutral markup, buttons) out. Drafts are saved after every answer so the
conversation resumes after an interruption within a day; only a confirmed draft becomes a request."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.language import detect_language
from bot.storage import Database
from bot.storage.models import utcnow
from bot.support import flow
from bot.support.detect import about_support
from bot.support.fields import country_name
from bot.support.flow import Draft, Reply, Turn
from bot.support.models import SupportDraft, SupportEntry, SupportRequest
from bot.support.notices import Messenger, deliver
from bot.texts import say

LIFETIME = timedelta(days=1)  # an expression of interest left unfinished this long starts afresh
# A draft silent this long takes typed answers again only after /support resumes it: the next message after
# a pause is more likely a question than the answer to "Which country?". Its buttons keep working.
PAUSE = timedelta(minutes=30)
REFERENCE_TRIES = 5


@dataclass(frozen=True)
class Where:
    """Who is talking through what: the conversation id (`telegram:<chat>`...), the channel, the address its
    notices reach them at (None: the channel takes none), their language and how the channel spells /support."""

    conversation: str
    channel: str
    chat: str | None
    language: str
    command: str = "/support"


@dataclass
class Support:
    """Keyword arguments in, plain replies out; adapters render the buttons their own way."""

    db: Database
    contact: str
    lifetime: timedelta = LIFETIME
    pause: timedelta = PAUSE
    messengers: dict[str, Messenger] = field(default_factory=dict)  # set by `a6bot run` from the notifiers

    async def command(self, where: Where) -> Reply:
        """/support: resume an open expression of interest, or explain the package and offer to start."""
        draft = await self.load(where.conversation)
        if draft is not None:
            await self.save(where, draft)  # typed answers are welcome again
            return flow.prompt(draft, before=say("support.resume", draft.language))
        return flow.intro(where.language)

    async def message(self, text: str, where: Where) -> Reply | None:
        """A typed message: the answer to the open question, the offer when it asks about support, else None
        (the channel answers it as a question). Answers given here are never logged as questions."""
        draft = await self.load(where.conversation, within=self.pause)
        if draft is not None:
            return await self.after(flow.answer(draft, text), where)
        if about_support(text):
            return flow.intro(detect_language(text, default=where.language))
        return None

    async def press(self, value: str, where: Where) -> Reply:
        """A button: start, not now, or one of the open question's buttons."""
        if value == "start":
            draft = Draft(language=where.language)
            await self.save(where, draft)
            return flow.prompt(draft)
        if value == "later":
            return Reply(say("support.later", where.language, support=where.command), done=True)
        draft = await self.load(where.conversation)
        if draft is None:
            return Reply(say("support.closed", where.language, support=where.command), done=True)
        return await self.after(flow.press(draft, value), where)

    async def active(self, conversation: str) -> bool:
        return await self.load(conversation) is not None

    async def deliver(self) -> int:
        """Send the pending step notices through this process's messengers."""
        return await deliver(self.db, self.messengers, contact=self.contact)

    async def after(self, turn: Turn, where: Where) -> Reply:
        draft = turn.draft
        if turn.outcome == "cancel":
            await self.drop(where.conversation)
            return Reply(say("support.cancelled", draft.language, support=where.command), done=True)
        if turn.outcome == "confirm":
            reference = await self.confirm(draft, where)
            # A channel that takes no notices (the web page) tells by email only: the confirmation says where.
            key = "support.confirmed" if where.chat is not None else "support.confirmed.email"
            text = say(key, draft.language, reference=reference, contact=self.contact, email=draft.answers["email"])
            return Reply(text, done=True, reference=reference)
        await self.save(where, draft)
        return flow.prompt(draft, before=turn.error)

    async def load(self, conversation: str, *, within: timedelta | None = None) -> Draft | None:
        """The conversation's draft if it was saved `within` (by default the lifetime) ago."""
        async with self.db.session() as session:
            row = await session.get(SupportDraft, conversation)
            if row is None or row.updated_at < utcnow() - (within or self.lifetime):
                return None
            answers = dict(row.fields)
            editing = bool(answers.pop("_editing", False))
            return Draft(row.step, row.language, answers, editing)

    async def save(self, where: Where, draft: Draft) -> None:
        """Keep the draft (one row per conversation) and forget drafts abandoned for longer than a day."""
        values = {**draft.answers, "_editing": draft.editing}
        async with self.db.session() as session:
            await session.execute(delete(SupportDraft).where(SupportDraft.updated_at < utcnow() - self.lifetime))
            row = await session.get(SupportDraft, where.conversation)
            if row is None:
                session.add(SupportDraft(conversation=where.conversation, step=draft.step, language=draft.language,
                                         channel=where.channel, chat=where.chat, fields=values, updated_at=utcnow()))
            else:
                row.step, row.language, row.fields, row.updated_at = draft.step, draft.language, values, utcnow()

    async def drop(self, conversation: str) -> None:
        async with self.db.session() as session:
            await session.execute(delete(SupportDraft).where(SupportDraft.conversation == conversation))

    async def confirm(self, draft: Draft, where: Where) -> str:
        """The request, its first history line and the draft's removal in one transaction; a reference taken
        by a concurrent confirmation is retried with the next number."""
        for attempt in range(REFERENCE_TRIES):
            try:
                async with self.db.session() as session:
                    request = await create(session, draft, where)
                    await session.execute(delete(SupportDraft).where(SupportDraft.conversation == where.conversation))
                    return request.reference
            except IntegrityError:
                if attempt == REFERENCE_TRIES - 1:
                    raise
        raise AssertionError("unreachable")


async def next_reference(session: AsyncSession, year: int) -> str:
    prefix = f"A6-{year}-"
    last = await session.scalar(select(func.max(SupportRequest.reference))
                                .where(SupportRequest.reference.like(prefix + "%")))
    return f"{prefix}{(int(last.rsplit('-', 1)[1]) + 1) if last else 1:04d}"


async def create(session: AsyncSession, draft: Draft, where: Where) -> SupportRequest:
    answers = draft.answers
    request = SupportRequest(
        reference=await next_reference(session, utcnow().year), step="interest",
        country=country_name(answers["country"], "en"), institution=answers["institution"], areas=answers["areas"],
        timeline=answers["timeline"], needs=answers["needs"], name=answers["name"], role=answers["role"],
        email=answers["email"], language=draft.language, channel=where.channel, chat=where.chat)
    session.add(request)
    await session.flush()
    session.add(SupportEntry(request_id=request.id, actor="requester", kind="created", text="",
                             details={"channel": where.channel}))
    return request
