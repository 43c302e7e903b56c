"""Multi-workspace installs: /slack/install, /slack/oauth_redirect and the SQLAlchemy stores on our database."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from pydantic import SecretStr
from sqlalchemy import text

from adapters.slack.oauth import InstalledTokens
from adapters.slack.settings import SlackSettings
from bot.config import Settings
from tests.slack.conftest import Slack, mention
from tests.slack.webapi_server import CLIENT_ID, CLIENT_SECRET, GOOD_CODE, PARTNER, WebApiServer


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The Slack settings plus an OAuth client id and secret: multi-workspace mode."""
    slack = settings.section(SlackSettings)
    slack.slack_client_id, slack.slack_client_secret = CLIENT_ID, SecretStr(CLIENT_SECRET)
    settings.public_url = "https://bot.example"
    return settings


async def install(slack: Slack, code: str = GOOD_CODE) -> int:
    page = await slack.http.get(slack.base + "/slack/install")
    assert page.status_code == 200
    authorize = next(part for part in page.text.split('"') if part.startswith("https://slack.com/oauth/v2/authorize"))
    query = parse_qs(urlparse(authorize.replace("&amp;", "&")).query)
    assert query["client_id"] == [CLIENT_ID] and "commands" in query["scope"][0]
    assert query["redirect_uri"] == ["https://bot.example/slack/oauth_redirect"]
    cookie = page.headers["set-cookie"].split(";")[0]  # Bolt binds the state to this browser (a Secure cookie)
    redirect = await slack.http.get(slack.base + "/slack/oauth_redirect",
                                    params={"code": code, "state": query["state"][0]}, headers={"Cookie": cookie})
    return redirect.status_code


async def test_install_saves_the_workspace_and_its_events_are_answered_with_its_token(slack: Slack) -> None:
    assert await install(slack) == 200
    (exchange,) = slack.api.called("oauth.v2.access")
    assert exchange.params["code"] == GOOD_CODE
    async with slack.services.db.session() as session:
        rows = (await session.execute(text("SELECT team_id, bot_token FROM slack_bots"))).all()
    assert [tuple(r) for r in rows] == [(PARTNER["team_id"], "xoxb-partner")]
    await slack.event(mention("What is an ITMO?", channel="C0PARTNER"), team=PARTNER["team_id"])
    (post,) = await slack.api.wait_for("chat.postMessage")
    assert post.token == "xoxb-partner" and post.params["channel"] == "C0PARTNER"
    tokens = InstalledTokens(slack.services.settings.section(SlackSettings), slack.services.db.engine)
    assert await tokens(PARTNER["team_id"]) == "xoxb-partner" and await tokens("T0NOBODY") is None


async def test_home_workspace_keeps_working_with_the_bot_token(slack: Slack) -> None:
    await slack.event(mention("What is an ITMO?"))
    (post,) = await slack.api.wait_for("chat.postMessage")
    assert post.token == "xoxb-test"


async def test_subscriptions_are_per_workspace_in_multi_workspace_mode(slack: Slack) -> None:
    await slack.command("subscribe 6.2")
    await slack.api.wait_responses(1)
    from bot.outreach import subscriptions

    assert await subscriptions.get(slack.services.db, platform="slack", chat_id="T0HOME:C0GENERAL") is not None


async def test_bad_code_or_forged_state_installs_nothing(slack: Slack) -> None:
    assert await install(slack, code="stolen") != 200
    forged = await slack.http.get(slack.base + "/slack/oauth_redirect", params={"code": GOOD_CODE, "state": "forged"})
    assert forged.status_code != 200
    async with slack.services.db.session() as session:
        assert (await session.scalar(text("SELECT count(*) FROM slack_bots"))) == 0


async def test_unknown_workspace_is_not_answered(slack: Slack) -> None:
    response = await slack.event(mention("What is an ITMO?"), team="T0STRANGER")
    assert response.status_code == 200  # refused quietly: an error status would only make Slack retry
    await asyncio.sleep(0.5)
    assert slack.api.called("chat.postMessage") == []


async def test_uninstalling_removes_the_workspace_and_it_is_no_longer_answered(slack: Slack) -> None:
    assert await install(slack) == 200
    await slack.event({"type": "app_uninstalled"}, team=PARTNER["team_id"])
    async with slack.services.db.session() as session:
        for _ in range(50):
            if not (await session.scalar(text("SELECT count(*) FROM slack_bots"))):
                break
            await asyncio.sleep(0.05)
        assert (await session.scalar(text("SELECT count(*) FROM slack_bots"))) == 0
    await slack.event(mention("What is an ITMO?", channel="C0PARTNER"), team=PARTNER["team_id"])
    await asyncio.sleep(0.5)
    assert slack.api.called("chat.postMessage") == []
