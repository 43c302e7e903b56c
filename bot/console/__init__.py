"""Staff console: sign-in, knowledge base curation, events, unanswered questions, dashboard, web chat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.server import HttpServer
    from bot.services import Services


def mount_console(services: Services, server: HttpServer) -> Any:
    """Mount the console at /console; imported lazily so migrations can load the models without the web stack."""
    from bot.console.app import mount_console as mount

    return mount(services, server)
