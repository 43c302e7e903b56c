"""The webhook endpoint on the shared HTTP server: checks Telegram's secret token header, queues the update."""

from __future__ import annotations

import hmac
import json
import logging
import re
import secrets
from typing import Any
from urllib.parse import urlparse

from starlette.requests import Request
from starlette.responses import Response
from telegram.ext import Application

from bot.server import Endpoint

from adapters.telegram.app import parse_update

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,256}")


def webhook_secret(configured: str | None) -> str:
    """The configured secret (checked against Telegram's rules), or a fresh random one: setWebhook is
    called at every start, so a generated secret is as good as a configured one and never left empty."""
    if not configured:
        return secrets.token_urlsafe(32)
    if not SECRET_FORMAT.fullmatch(configured):
        raise ValueError("A6BOT_TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    return configured


def webhook_path(url: str) -> str:
    """The route to serve: the path of the public webhook URL (a proxy in front may map it)."""
    return urlparse(url).path or "/"


def webhook_endpoint(application: Application[Any, Any, Any, Any, Any, Any], secret: str) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        """403 without the right secret (nothing else happens); 200 once the update is queued or skipped."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, secret.encode()):
            log.warning("refused a Telegram webhook call without the right secret from %s",
                        request.client.host if request.client else "?")
            return Response("forbidden", status_code=403)
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return Response("body is not JSON", status_code=400)
        update = parse_update(data, application.bot)
        if update is not None:
            await application.update_queue.put(update)
        return Response(status_code=200)

    return endpoint
