"""What the Slack adapter remembers: threads the bot answered in, event ids already handled (retries), and
signatures already accepted (replays)."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta, timezone
from typing import Protocol

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import DateTime, String, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SEEN_FOR = timedelta(days=1)  # Slack retries within minutes; a day is ample
# Bolt accepts a timestamp up to 5 minutes either side of its clock, so a signature stays usable until
# timestamp + 5 min; a minute more covers clock drift between workers.
SIGNATURE_VALID_FOR = timedelta(minutes=6)


class Database(Protocol):
    """The core's database handle (`services.db`) as this store uses it: one session per unit of work."""

    def session(self) -> AbstractAsyncContextManager[AsyncSession]: ...


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class SlackBase(DeclarativeBase):
    """The Slack platform's own tables, apart from the core's (its migrations: adapters/slack/migrations)."""


# slack_sdk's own tables (migration 0003 creates them) join this metadata, so autogenerate knows they are ours.
SQLAlchemyInstallationStore.build_installations_table(SlackBase.metadata, "slack_installations")
SQLAlchemyInstallationStore.build_bots_table(SlackBase.metadata, "slack_bots")
SQLAlchemyOAuthStateStore.build_oauth_states_table(SlackBase.metadata, "slack_oauth_states")


class SlackThread(SlackBase):
    """A thread the bot answered in, so follow-ups there are answered without a new mention."""

    __tablename__ = "slack_threads"
    __table_args__ = (UniqueConstraint("team_id", "channel", "thread_ts", name="uq_slack_thread"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(32))
    thread_ts: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SlackSeenEvent(SlackBase):
    """An Events API event id already handled; the primary key makes a second handling impossible."""

    __tablename__ = "slack_seen_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


async def first_sight(db: Database, *, event_id: str) -> bool:
    """True the first time an event id arrives, False for Slack's retries of it (even across processes)."""
    try:
        async with db.session() as session:
            await session.execute(delete(SlackSeenEvent).where(SlackSeenEvent.seen_at < utcnow() - SEEN_FOR))
            session.add(SlackSeenEvent(event_id=event_id[:64]))
        return True
    except IntegrityError:
        return False


class SlackSeenRequest(SlackBase):
    """A signed request already accepted; the (timestamp, signature) key makes each signature single-use."""

    __tablename__ = "slack_seen_requests"

    request_ts: Mapped[str] = mapped_column(String(20), primary_key=True)
    signature: Mapped[str] = mapped_column(String(100), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


def signature_expiry(timestamp: str) -> datetime:
    """When Bolt would refuse this timestamp as stale anyway, so the entry can go."""
    try:
        return datetime.fromtimestamp(int(timestamp), timezone.utc) + SIGNATURE_VALID_FOR
    except (ValueError, OverflowError, OSError):
        return utcnow() + SIGNATURE_VALID_FOR


async def first_use(db: Database, *, timestamp: str, signature: str) -> bool:
    """True the first time a signed request arrives, False when the same signature comes again (a replay)."""
    try:
        async with db.session() as session:
            await session.execute(delete(SlackSeenRequest).where(SlackSeenRequest.expires_at < utcnow()))
            session.add(SlackSeenRequest(request_ts=timestamp[:20], signature=signature[:100],
                                         expires_at=signature_expiry(timestamp)))
        return True
    except IntegrityError:
        return False


async def remember_thread(db: Database, *, team_id: str, channel: str, thread_ts: str) -> None:
    try:
        async with db.session() as session:
            session.add(SlackThread(team_id=team_id, channel=channel, thread_ts=thread_ts))
    except IntegrityError:
        pass  # already known: the bot answered in this thread before


async def in_bot_thread(db: Database, *, team_id: str, channel: str, thread_ts: str) -> bool:
    async with db.session() as session:
        found = await session.scalar(select(SlackThread.id).where(
            SlackThread.team_id == team_id, SlackThread.channel == channel, SlackThread.thread_ts == thread_ts))
    return found is not None
