"""Sending through the SMTP server of A6BOT_SMTP_URL with aiosmtplib, and what its answers mean for outreach:
4xx is "try again later", 5xx refusing the recipient or the message pauses that address, and anything about
the connection, the sender or the login is our own problem, retried with backoff and logged."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib

from bot.outreach.notifier import SendResult

log = logging.getLogger("adapters.email")
TRUE = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    username: str | None
    password: str | None
    use_tls: bool  # TLS from the first byte (smtps://, usually port 465)
    start_tls: bool | None  # True: STARTTLS required; False: never; None: when the server offers it
    timeout: float
    cafile: str | None

    @classmethod
    def parse(cls, url: str) -> SmtpServer:
        """smtp://user:password@host:587?starttls=true, smtps://user:password@host:465, smtp://host:25."""
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("A6BOT_SMTP_URL must look like smtp://user:password@host:587?starttls=true")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        implicit = parts.scheme == "smtps" or query.get("tls", "").lower() in TRUE
        starttls = query.get("starttls")
        return cls(host=parts.hostname, port=parts.port or (465 if implicit else 587),
                   username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None, use_tls=implicit,
                   start_tls=None if implicit or starttls is None else starttls.lower() in TRUE,
                   timeout=float(query.get("timeout", 30)), cafile=query.get("cafile"))


@dataclass(frozen=True)
class Mailer:
    """One SMTP server and one sender; a connection per message (outreach sends at most a few per second)."""

    server: SmtpServer
    sender: str  # the From header, e.g. "A6IP bot <bot@example.org>"

    @property
    def sender_address(self) -> str:
        return parseaddr(self.sender)[1]

    @property
    def domain(self) -> str:
        return self.sender_address.rpartition("@")[2] or "localhost"

    async def send(self, message: EmailMessage) -> None:
        """Hand the message to the server; raises aiosmtplib's errors (see `result_of`)."""
        server = self.server
        await aiosmtplib.send(message, sender=self.sender_address, hostname=server.host, port=server.port,
                              username=server.username, password=server.password, use_tls=server.use_tls,
                              start_tls=server.start_tls, timeout=server.timeout, cert_bundle=server.cafile)


def result_of(error: Exception, *, retry_after: float) -> SendResult:
    """What a failed send means: retry (4xx), pause the address (5xx for the recipient or the message),
    or our own transient trouble (connection, TLS, login, sender refused)."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        codes = [e.code for e in error.recipients]
        detail = "; ".join(f"{e.code} {e.message}" for e in error.recipients)
        if codes and all(500 <= c < 600 for c in codes):
            return SendResult.permanent(f"recipient refused: {detail}")
        return SendResult.retry(retry_after, f"recipient deferred: {detail}")
    if isinstance(error, (aiosmtplib.SMTPRecipientRefused, aiosmtplib.SMTPDataError)):
        if 500 <= error.code < 600:
            return SendResult.permanent(f"{error.code} {error.message}")
        return SendResult.retry(retry_after, f"{error.code} {error.message}")
    if isinstance(error, aiosmtplib.SMTPResponseException) and 400 <= error.code < 500:
        return SendResult.retry(retry_after, f"{error.code} {error.message}")
    log.error("sending email failed on our side: %s: %s", type(error).__name__, error)
    return SendResult.transient(f"{type(error).__name__}: {error}")


def masked(address: str) -> str:
    """An address fit for a log line: 'j***@ministry.gov'."""
    local, _, domain = address.rpartition("@")
    return f"{local[:1]}***@{domain}" if local else "***"
