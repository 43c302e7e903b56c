"""Issue 12's "done when": an event published in the staff console reaches a Telegram chat (Bot API test
server), a Slack channel (Web API test server) and a confirmed email subscriber (a real SMTP server on
127.0.0.1) exactly once each, with the .ics attached to the email, whose one-click unsubscribe works; every
notifier comes from the one list of platforms."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from adapters.email import store
from bot.cli.platforms import PLATFORMS
from bot.config import Settings
from bot.console.accounts import add_staff
from bot.console.app import console_app
from bot.outreach.service import build_notifiers, close_notifiers, make_dispatcher
from bot.platform import rates
from bot.server import HttpServer
from bot.services import Services
from tests.conftest import TINY_EVENTS, TINY_KB, serving
from tests.console.conftest import PASSWORD, post_form, sign_in
from tests.email.conftest import smtp  # noqa: F401  (shared fixture)
from tests.email.smtp_server import SmtpServer
from tests.slack.webapi_server import free_port
from tests.slack.webapi_server import WebApiServer
from tests.telegram.botapi_server import TOKEN, BotApiServer

pytestmark = pytest.mark.model
TITLE = "Article 6.2 reporting clinic"
ADDRESS = "focal.point@ministry.test"


@pytest.fixture
async def telegram() -> AsyncIterator[BotApiServer]:
    server = BotApiServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def slack() -> AsyncIterator[WebApiServer]:
    async with WebApiServer() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path, smtp: SmtpServer, telegram: BotApiServer, slack: WebApiServer) -> Settings:
    port = free_port()
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", http_port=port, public_url=f"http://127.0.0.1:{port}",
                    telegram_token=TOKEN, telegram_api_url=telegram.api_url,
                    slack_bot_token=SecretStr("xoxb-test"), slack_signing_secret=SecretStr("secret"),
                    slack_api_url=slack.url, smtp_url=smtp.url, mail_from="A6IP bot <bot@a6ip.test>")


async def test_an_event_published_in_the_console_reaches_every_channel_once(
        services: Services, settings: Settings, smtp: SmtpServer, telegram: BotApiServer, slack: WebApiServer) -> None:
    server = HttpServer("127.0.0.1", settings.http_port)
    async with serving(services, PLATFORMS, server) as runners:
        assert sorted(r.platform for r in runners) == ["email", "slack", "telegram", "web"]
        notifiers = build_notifiers(PLATFORMS, services)
        try:
            await services.outreach.subscribe(platform="telegram", chat_id="1001", topics=["reporting"])
            await services.outreach.subscribe(platform="slack", chat_id="C0REPORTING", topics=["6.2"])
            async with httpx.AsyncClient(base_url=settings.public_url, timeout=30) as web:
                page = await web.get("/")
                token = re.search(r'data-token="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
                asked = await web.post("/email/subscribe", json={"token": token, "email": ADDRESS, "topics": ["reporting"],
                                                                 "language": "en", "timezone": "Europe/Paris"})
                assert asked.status_code == 200, asked.text
                link = re.search(r"http://\S+/email/confirm\?t=\S+", smtp.to(ADDRESS)[0].get_body(("plain",)).get_content())
                assert (await web.post(link.group(0))).status_code == 200  # type: ignore[union-attr]

                await add_staff(services.db, email="curator@a6ip.test", role="curator", password=PASSWORD, actor="test")
                console = httpx.AsyncClient(transport=httpx.ASGITransport(app=console_app(services)),
                                            base_url="http://console.test")
                async with console:
                    assert (await sign_in(console, "curator@a6ip.test")).status_code == 303
                    saved = await post_form(console, "/events/new", "/events/save", {
                        "title": TITLE, "uid": "reporting-clinic-2031", "kind": "training", "start": "2031-05-20 14:00",
                        "end": "2031-05-20 16:00", "timezone": "Asia/Tokyo", "topics": ["reporting", "6.2"],
                        "place": "Tokyo", "registration_url": "https://a6ip.test/register"})
                    assert saved.status_code == 303, saved.text

                dispatcher = make_dispatcher(settings, services.db, notifiers, rates=rates(PLATFORMS))
                first = await dispatcher.tick(drain=True)
                again = await dispatcher.tick(drain=True)
                assert first.sent == 3 and again.sent == 0 and first.failed == 0

                assert len([c for c in telegram.sent("sendMessage", "1001") if TITLE in c.text]) == 1
                assert len([c for c in slack.called("chat.postMessage") if c.params.get("channel") == "C0REPORTING"
                            and TITLE in str(c.params)]) == 1
                notices = [m for m in smtp.to(ADDRESS) if TITLE in str(m["Subject"])]
                assert len(notices) == 1
                (attachment,) = list(notices[0].iter_attachments())
                assert attachment.get_content_type() == "text/calendar" and "UID:reporting-clinic-2031" in \
                    attachment.get_content().replace("\r\n ", "")

                unsubscribe = notices[0]["List-Unsubscribe"].strip("<>")
                done = await web.post(unsubscribe, content=b"List-Unsubscribe=One-Click",
                                      headers={"Content-Type": "application/x-www-form-urlencoded"})
                assert done.status_code == 200 and "no more A6IP event notices" in done.text
                assert await store.by_address(services.db, address=ADDRESS) is None
        finally:
            await close_notifiers(notifiers)
