"""What the bot's public, anonymous HTTP endpoints share (the web chat, the email subscription form and the
links in emails): a signed visitor token instead of a session cookie, a same-origin check, JSON bodies with
a size cap and clean text fields, per-client rate limits, and signing keys derived from the install's secret.

Why a token and no cookie: the web chat is embedded in other sites' pages, where browsers withhold cookies
from the frame; a token handed out with the page and sent back in each request works there too. Together
with the same-origin check and JSON-only bodies (which a cross-site form cannot send) it is the CSRF
protection an anonymous endpoint needs: nobody's account is at stake, but a foreign page must not drive it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from itsdangerous import BadSignature, URLSafeTimedSerializer
from limits import RateLimitItem, parse_many
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter
from starlette.requests import Request

from bot.config import Settings
from bot.inputs import control_character
from bot.shared_secrets import user_salt
from bot.texts import UserError

JSON_BODY = 8 * 1024  # a question of 1,000 characters, an email address and a few fields fit many times over
VISITOR_HOURS = 12  # a page left open longer asks to be reloaded
ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                     r"[A-Za-z]{2,63}$")


def email_address(text: str) -> str:
    """'Name@Ministry.GOV ' -> 'Name@ministry.gov' (domains are case-blind); UserError if it is no address."""
    value = text.strip()
    if len(value) > 254 or not ADDRESS.match(value):
        raise UserError("email.invalid_address")
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def signing_key(settings: Settings, purpose: str) -> bytes:
    """A key for one purpose ("visitor", "email-confirm"...), derived from the per-install secret, so a
    token made for one purpose is worthless for another."""
    return hmac.new(user_salt(settings), purpose.encode(), hashlib.sha256).digest()


class PublicError(Exception):
    """A request the endpoint refuses, with the catalogue key (bot.texts) of what to tell the person."""

    def __init__(self, status: int, key: str, *, retry_after: int | None = None, **values: Any) -> None:
        super().__init__(key)
        self.status, self.key, self.values, self.retry_after = status, key, values, retry_after


class Visitors:
    """Signed, expiring visitor tokens: each carries a random visitor id (the web conversation's id), and
    references to that visitor's answers (so feedback and "ask staff" only reach one's own questions)."""

    def __init__(self, key: bytes, *, max_age: int = VISITOR_HOURS * 3600) -> None:
        self.tokens = URLSafeTimedSerializer(key, salt="visitor")
        self.refs = URLSafeTimedSerializer(key, salt="answer")
        self.max_age = max_age

    def new(self) -> str:
        return self.tokens.dumps(secrets.token_urlsafe(12))

    def visitor(self, token: object) -> str:
        """The visitor id in a token; PublicError (403, reload the page) when it is forged or too old."""
        try:
            value = self.tokens.loads(token, max_age=self.max_age) if isinstance(token, str) else None
        except BadSignature:
            value = None
        if not isinstance(value, str):
            raise PublicError(403, "public.error.expired")
        return value

    def ref(self, visitor: str, log_id: int) -> str:
        return self.refs.dumps([visitor, log_id])

    def log_id(self, visitor: str, ref: object) -> int:
        """The logged question a reference points to, if it is this visitor's; else PublicError."""
        try:
            value = self.refs.loads(ref, max_age=self.max_age) if isinstance(ref, str) else None
        except BadSignature:
            value = None
        if not (isinstance(value, list) and len(value) == 2 and value[0] == visitor and isinstance(value[1], int)):
            raise PublicError(403, "public.error.expired")
        return value[1]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(request: Request, public_url: str | None) -> bool:
    """A browser's request comes from our own pages (Origin is this host or A6BOT_PUBLIC_URL, and the fetch
    metadata, when sent, says same-origin). Non-browser clients send neither header and pass: a forged
    request can only come from a browser driven by another site, and those always say where they come from."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    allowed = {f"{scheme}://{request.headers.get('host', '')}".lower() for scheme in ("http", "https")}
    if public_url:
        allowed.add(origin_of(public_url))
    return origin.lower() in allowed


async def json_body(request: Request, *, limit: int = JSON_BODY) -> dict[str, Any]:
    """The request's JSON object, read no further than `limit` bytes; PublicError for anything else."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise PublicError(415, "public.error.json")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise PublicError(413, "public.error.too_large")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PublicError(413, "public.error.too_large")
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise PublicError(400, "public.error.json") from None
    if not isinstance(value, dict):
        raise PublicError(400, "public.error.json")
    return value


def text_field(body: dict[str, Any], name: str, *, limit: int, required: bool = True) -> str:
    """A trimmed text field: PublicError when missing (if required), too long or holding control characters."""
    value = body.get(name, "")
    if not isinstance(value, str):
        raise PublicError(400, "public.error.field", field=name)
    value = value.strip()
    if not value and required:
        raise PublicError(400, "public.error.empty")
    if len(value) > limit:
        raise PublicError(400, "public.error.too_long", count=len(value), limit=limit)
    if (bad := control_character(value)) is not None:
        raise PublicError(400, "input.control", char=bad)
    return value


def client_address(request: Request) -> str:
    """Whom per-client limits count: the peer address, which the HTTP server takes from X-Forwarded-For only
    when the peer is a trusted proxy."""
    return request.client.host if request.client else "unknown"


@dataclass
class ClientLimits:
    """Named rate limits ("10/minute;200/day") per key, kept in this process's memory (moving windows,
    from the `limits` library): a restart forgets them, and each worker counts its own share."""

    rules: dict[str, str]
    parsed: dict[str, list[RateLimitItem]] = field(init=False)
    limiter: MovingWindowRateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.parsed = {name: parse_many(rule) for name, rule in self.rules.items()}
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def hit(self, name: str, key: str) -> None:
        """Count one request of kind `name` from `key`; PublicError 429 with Retry-After past a limit."""
        for item in self.parsed[name]:
            if not await self.limiter.hit(item, name, key):
                stats = await self.limiter.get_window_stats(item, name, key)
                wait = max(1, int(stats.reset_time - time.time()) + 1)
                raise PublicError(429, "public.error.too_many", retry_after=wait, seconds=wait)
