"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd in its own thread and event loop, real TCP):
it keeps every message it accepts, checks a login when asked to, and answers RCPT with scripted replies
("451 ..." for a deferral, "550 ..." for a dead mailbox) so the bot's handling of each can be seen."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.slack.webapi_server import free_port

USER, PASSWORD = "bot", "s3cret pass"


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Handler:
    received: list[Received] = field(default_factory=list)
    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)  # address -> replies to give, in turn
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802 - aiosmtpd hook
                          rcpt_options: list[str]) -> str:
        replies = self.rcpt_replies.get(address)
        if replies:
            return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd hook
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))  # type: ignore[arg-type]
        return "250 Message accepted"


def authenticate(handler: Handler):  # type: ignore[no-untyped-def]
    def check(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() and \
            auth_data.password == PASSWORD.encode()
        if ok:
            handler.logins.append(USER)
        return AuthResult(success=ok)
    return check


class SmtpServer:
    """`with SmtpServer() as smtp:` a server on a free port; `smtp.url` is the A6BOT_SMTP_URL to use."""

    def __init__(self, *, require_auth: bool = True, **tls: Any) -> None:
        self.handler = Handler()
        self.port = free_port()
        self.require_auth = require_auth
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port,
                                     authenticator=authenticate(self.handler), auth_require_tls=False,
                                     **tls)

    @property
    def url(self) -> str:
        return f"smtp://{USER}:{PASSWORD.replace(' ', '%20')}@127.0.0.1:{self.port}" if self.require_auth \
            else f"smtp://127.0.0.1:{self.port}"

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def to(self, address: str) -> list[EmailMessage]:
        return [r.message for r in self.handler.received if address in r.recipients]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.handler.received) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} messages, got {len(self.handler.received)}")
            time.sleep(0.02)
        return self.handler.received
