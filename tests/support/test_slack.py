"""Two expressions of interest in one install: one in French through Telegram, one in Slack (a DM with the
bot, two areas); staff move the Slack one to consultation and the requester hears in that DM; the CSV export
holds both; a viewer cannot move either."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from adapters.slack import PLATFORM as SLACK
from bot.config import Settings
from bot.platform import Runner
from bot.services import Services
from bot.support.models import SupportRequest
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.slack.conftest import SIGNING_SECRET, Slack, mention, message, slack, slack_api  # noqa: F401
from tests.slack.webapi_server import WebApiServer, free_port
from tests.support.conftest import Console, move
from tests.support.test_telegram import FRENCH, say, tap
from tests.telegram.botapi_server import TOKEN, BotApiServer
from tests.telegram.conftest import api, bot  # noqa: F401  (fixtures)

DM = "D0ALICE"


@pytest.fixture
def settings(tmp_path: Path, slack_api: WebApiServer, api: BotApiServer) -> Settings:  # noqa: F811
    """Slack and Telegram both configured, each talking to its test server."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", http_port=free_port(), slack_bot_token=SecretStr("xoxb-test"),
                    slack_signing_secret=SecretStr(SIGNING_SECRET), slack_api_url=slack_api.url,
                    multilingual=False, telegram_token=TOKEN, telegram_api_url=api.api_url)


async def typed(slack: Slack, text: str, n: int) -> dict:  # noqa: F811
    """A DM to the bot; returns the bot's reply posted in the DM."""
    before = len(slack.api.called("chat.postMessage"))
    await slack.event(message(text, channel=DM, channel_type="im", ts=f"1700000300.{n:06d}"))
    calls = await slack.api.wait_for("chat.postMessage", before + 1)
    reply = calls[before].params
    assert reply["channel"] == DM
    return reply


async def clicked(slack: Slack, value: str) -> dict:  # noqa: F811
    before = len(slack.api.responses)
    assert (await slack.click("a6_support_0", value, channel=DM)).status_code == 200
    return (await slack.api.wait_responses(before + 1))[before]


def buttons(reply: dict) -> dict[str, str]:
    return {e["value"]: e["text"]["text"] for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]}


def shown(reply: dict) -> str:
    return " ".join(b["text"]["text"] for b in reply["blocks"] if b["type"] == "section")


async def test_slack_request_with_two_areas_and_both_in_the_csv(
        slack: Slack, api: BotApiServer, bot: Runner, services: Services, console: Console) -> None:  # noqa: F811
    amina, chat = api.user(**FRENCH), FRENCH["user_id"]
    offer = await say(api, "/support", amina, chat)
    await tap(api, offer, "Commencer", amina)
    for answer in ("Tunisie", "Ministère de l'Environnement", "Amina Ben Salah", "Directrice du climat",
                   "amina@environnement.gov.tn", "autorisation"):
        reply = await say(api, answer, amina, chat)
    await say(api, "D'ici la COP31", amina, chat)
    summary = await say(api, "Nous devons établir le cadre juridique de l'autorisation des RATI.", amina, chat)
    await tap(api, summary, "Envoyer", amina)

    channel_reply = await slack.command("support")
    assert channel_reply.status_code == 200
    [private] = await slack.api.wait_responses(1)
    assert "direct message" in private["text"]  # no email addresses typed into a channel
    await slack.command("support", channel=DM)
    intro = (await slack.api.wait_responses(2))[1]
    assert "A6IP support packages" in intro["text"] and set(buttons(intro)) == {"start", "later"}
    first = await clicked(slack, "start")
    assert "1/8" in first["text"] and "cancel" in buttons(first)
    empty = await typed(slack, "  ", 1)
    assert "Please type your country's name" in shown(empty)
    for n, answer in enumerate(("Viet Nam", "Ministry of Natural Resources and Environment", "Nguyen Van An",
                                "Deputy Director, Department of Climate Change"), start=2):
        await typed(slack, answer, n)
    bad = await typed(slack, "an@", 6)
    assert "“an@” is not an email address" in shown(bad)
    areas = await typed(slack, "an.nguyen@monre.gov.vn", 7)
    assert "6/8" in shown(areas) and buttons(areas)["area:tracking"] == "Tracking"
    ticked = await clicked(slack, "area:reporting")
    assert ticked["replace_original"] is True and buttons(ticked)["area:reporting"] == "✅ Reporting"
    await clicked(slack, "area:tracking")
    timeline = await clicked(slack, "areas")
    assert "7/8" in timeline["text"]
    await clicked(slack, "timeline:12m")
    summary = await typed(slack, "We need a national registry and the initial report under Article 6.2.", 8)
    assert "*Areas*: Reporting, Tracking" in shown(summary) and "*Timeline*: Within a year" in shown(summary)
    confirmed = await clicked(slack, "confirm")
    assert "recorded under the reference *A6-" in confirmed["text"]

    async with services.db.session() as session:
        rows = (await session.scalars(select(SupportRequest).order_by(SupportRequest.id))).all()
    assert [(r.country, r.channel, r.areas) for r in rows] == [
        ("Tunisia", "telegram", ["authorization"]), ("Vietnam", "slack", ["reporting", "tracking"])]
    vietnam = rows[1]
    assert vietnam.chat == "U0ALICE" and vietnam.reference in confirmed["text"]

    services.support.messengers["slack"] = SLACK.notifier(services)
    viewer, curator = await console("viewer"), await console("curator")
    assert (await move(viewer, vietnam.reference, "consultation")).status_code == 403
    before = len(slack.api.called("chat.postMessage"))
    assert (await move(curator, vietnam.reference, "consultation")).status_code == 303
    [notice] = (await slack.api.wait_for("chat.postMessage", before + 1))[before:]
    assert notice.params["channel"] == "U0ALICE"  # the requester's DM with the bot
    assert notice.params["text"].replace("*", "").startswith(f"Your A6IP support request {vietnam.reference} has moved to: "
                                            "Consultation (online or in person).")
    export = await viewer.get("/support/export.csv")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(export.text)))
    assert [(r["reference"], r["country"], r["step"], r["areas"]) for r in table] == [
        (rows[0].reference, "Tunisia", "interest", "authorization"),
        (vietnam.reference, "Vietnam", "consultation", "reporting;tracking")]
    assert table[1]["email"] == "an.nguyen@monre.gov.vn" and table[0]["timeline"] == "D'ici la COP31"


async def test_a_support_question_in_a_channel_gets_the_offer_pointing_to_a_dm(slack: Slack) -> None:  # noqa: F811
    await slack.event(mention("Can A6IP help us set up our authorization process?"))
    (reply,) = await slack.api.wait_for("chat.postMessage")
    assert reply.params["channel"] == "C0GENERAL" and reply.params["thread_ts"] == "1700000100.000100"
    assert "A6IP support packages" in shown(reply.params) and "direct message" in shown(reply.params)
    assert not buttons(reply.params)  # no flow in a channel: nobody types an email address there
