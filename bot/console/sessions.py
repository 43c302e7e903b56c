"""Server-side console sessions: the cookie holds only a random token; the `staff_sessions` row (keyed by the
token's SHA-256) holds who is signed in, the CSRF token and pending messages. Logout and a password change
delete rows, and idle and absolute expiry are checked on the server, so a copied cookie stops working."""

from __future__ import annotations

import copy
import hashlib
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, or_
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.console.models import StaffSession
from bot.storage import Database

COOKIE = "a6bot_console"
IDLE = 8 * 3600  # signed out after this long without a request
ABSOLUTE = 24 * 3600  # and this long after signing in, however active
ANONYMOUS_IDLE = 3600  # a sign-in page's session (only its CSRF token) lives an hour
TOUCH = 60  # seconds between writes of `seen_at` when nothing else changed (at most a quarter of the idle limit)
STATE = "a6bot.session"


@dataclass
class SessionState:
    """One request's view of its session; the middleware writes it back when the response starts."""

    token: str | None
    staff_id: int | None
    data: dict[str, Any]
    seen_at: float = 0.0
    original: dict[str, Any] = field(default_factory=dict)
    rotate: bool = False
    ended: bool = False

    def start(self, staff_id: int, csrf: str) -> None:
        """Sign in: a new token and a fresh CSRF token, so nothing planted before sign-in is reused."""
        self.data.clear()
        self.data["csrf"] = csrf
        self.staff_id, self.rotate, self.ended = staff_id, True, False

    def end(self) -> None:
        self.data.clear()
        self.staff_id, self.ended, self.rotate = None, True, False


def digest(token: str) -> str:
    """What the table keys on: a database dump does not hand out working cookies."""
    return hashlib.sha256(token.encode()).hexdigest()


def expired(row: StaffSession, now: float, *, idle: float, absolute: float) -> bool:
    limit = idle if row.staff_id is not None else min(idle, ANONYMOUS_IDLE)
    return now - row.seen_at > limit or now - row.created_at > absolute


async def load(db: Database, token: str, *, now: float, idle: float, absolute: float) -> StaffSession | None:
    """The live session for a cookie's token; an expired one is deleted and counts as none."""
    async with db.session() as session:
        row = await session.get(StaffSession, digest(token))
        if row is not None and expired(row, now, idle=idle, absolute=absolute):
            await session.delete(row)
            return None
        return row


async def create(db: Database, *, staff_id: int | None, data: dict[str, Any], now: float, idle: float,
                 absolute: float) -> str:
    """A new session row; returns the token for the cookie. Expired rows are purged on the way."""
    token = secrets.token_urlsafe(32)
    async with db.session() as session:
        await session.execute(delete(StaffSession).where(or_(
            StaffSession.seen_at < now - idle, StaffSession.created_at < now - absolute,
            (StaffSession.staff_id.is_(None)) & (StaffSession.seen_at < now - ANONYMOUS_IDLE))))
        session.add(StaffSession(id=digest(token), staff_id=staff_id, data=data, created_at=now, seen_at=now))
    return token


async def save(db: Database, token: str, *, data: dict[str, Any], now: float) -> None:
    async with db.session() as session:
        row = await session.get(StaffSession, digest(token))
        if row is not None:
            row.data, row.seen_at = data, now


async def revoke(db: Database, token: str) -> None:
    async with db.session() as session:
        await session.execute(delete(StaffSession).where(StaffSession.id == digest(token)))


class ServerSessions:
    """ASGI middleware: `request.session` is the row's data; the cookie carries only the random token."""

    def __init__(self, app: ASGIApp, *, db: Database, idle: float = IDLE, absolute: float = ABSOLUTE,
                 https_only: bool = False) -> None:
        self.app, self.db, self.idle, self.absolute = app, db, idle, absolute
        self.flags = "; HttpOnly; SameSite=Lax" + ("; Secure" if https_only else "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        now = time.time()
        token = HTTPConnection(scope).cookies.get(COOKIE)
        row = await load(self.db, token, now=now, idle=self.idle, absolute=self.absolute) if token else None
        state = SessionState(token if row else None, row.staff_id if row else None,
                             dict(row.data) if row else {}, row.seen_at if row else 0.0)
        state.original = copy.deepcopy(state.data)
        scope["session"], scope[STATE] = state.data, state
        cleared = token is not None and row is None

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie = await self.commit(state, time.time(), path=scope.get("root_path") or "/", cleared=cleared)
                if cookie:
                    MutableHeaders(scope=message).append("set-cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    async def commit(self, state: SessionState, now: float, *, path: str, cleared: bool) -> str | None:
        """Write the session back as of `now` (the response, not the request: a slow sign-in is not idle time);
        returns a Set-Cookie value when the browser's cookie must change."""
        if state.ended or state.rotate:
            if state.token:
                await revoke(self.db, state.token)
            if state.ended:
                return f"{COOKIE}=; Path={path}; Max-Age=0{self.flags}"
        if state.token and not state.rotate:
            if state.data != state.original or now - state.seen_at > min(TOUCH, self.idle / 4):
                await save(self.db, state.token, data=state.data, now=now)
            return None
        if state.rotate or state.data:
            token = await create(self.db, staff_id=state.staff_id, data=state.data, now=now, idle=self.idle,
                                 absolute=self.absolute)
            return f"{COOKIE}={token}; Path={path}; Max-Age={int(self.absolute)}{self.flags}"
        return f"{COOKIE}=; Path={path}; Max-Age=0{self.flags}" if cleared else None


def state_of(connection: HTTPConnection) -> SessionState:
    state = connection.scope.get(STATE)
    assert isinstance(state, SessionState), "the console's ServerSessions middleware is not installed"
    return state
