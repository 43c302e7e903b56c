"""A French-speaking official asks in Telegram whether A6IP can help set up their authorization process,
records an expression of interest through the guided conversation (real PTB client, Bot API test server),
and hears in the same chat when staff move it to consultation in the console."""

from __future__ import annotations

from pathlib import Path
import shutil

import pytest
from sqlalchemy import select

from adapters.telegram import PLATFORM
from bot.config import Settings
from bot.console.models import AuditEntry
from bot.platform import Runner
from bot.services import Services
from bot.storage import QuestionLog
from bot.support.models import SupportDraft, SupportRequest
from tests.conftest import TINY_EVENTS, TINY_KB
from tests.support.conftest import Console, count, move
from tests.telegram.botapi_server import TOKEN, BotApiServer, Call
from tests.telegram.conftest import api, bot, exchange, prepared_data  # noqa: F401  (fixtures)

FRENCH = {"user_id": 2001, "first_name": "Amina", "username": "amina", "language_code": "fr"}


@pytest.fixture
def settings(tmp_path: Path, api: BotApiServer, prepared_data: Path) -> Settings:  # noqa: F811
    shutil.copytree(prepared_data, tmp_path / "data")
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=TINY_KB, events_dir=TINY_EVENTS,
                    database_url="", telegram_token=TOKEN, telegram_api_url=api.api_url)


async def say(api: BotApiServer, text: str, user: dict, chat: int) -> Call:
    [reply] = await exchange(api, api.text_update(text, user=user, chat=api.chat(chat)))
    return reply


async def tap(api: BotApiServer, call: Call, label: str, user: dict, *, method: str = "sendMessage") -> Call:
    return (await exchange(api, api.press(call, label, user=user), method=method))[-1]


async def test_french_request_in_telegram_then_staff_move_it_and_the_chat_hears(
        api: BotApiServer, bot: Runner, services: Services, console: Console) -> None:  # noqa: F811
    amina = api.user(**FRENCH)
    chat = FRENCH["user_id"]
    offer = await say(api, "L'A6IP peut-elle nous aider à mettre en place notre processus d'autorisation ?", amina, chat)
    assert offer.text.startswith("Programmes d'appui de l'A6IP") and "manifestation d'intérêt" in offer.text
    assert [b["text"] for b in offer.buttons] == ["Commencer la manifestation d'intérêt", "Plus tard"]
    country = await tap(api, offer, "Commencer", amina)
    assert country.text.startswith("1/8 · Pour quel pays")
    assert not api.sent("editMessageReplyMarkup")[-1].params.get("reply_markup")  # the offer's buttons are gone
    empty = await say(api, "   ", amina, chat)
    assert empty.text.startswith("Veuillez écrire le nom de votre pays, par exemple Tunisie.")
    await say(api, "Tunisie", amina, chat)
    await say(api, "Ministère de l'Environnement", amina, chat)
    await say(api, "Amina Ben Salah", amina, chat)
    await say(api, "Directrice du climat", amina, chat)
    bad = await say(api, "amina.environnement.tn", amina, chat)
    assert bad.text.startswith("« amina.environnement.tn » n'est pas une adresse électronique")
    areas = await say(api, "amina@environnement.gov.tn", amina, chat)
    assert "6/8" in areas.text and "Communication d'informations" in [b["text"] for b in areas.buttons]
    ticked = await tap(api, areas, "Autorisation", amina, method="editMessageText")
    assert "✅ Autorisation" in [b["text"] for b in ticked.buttons]
    timeline = await tap(api, ticked, "Terminé", amina)
    assert "7/8" in timeline.text
    needs = await tap(api, timeline, "D'ici 6 mois", amina)
    assert "8/8" in needs.text
    summary = await say(api, "Nous devons établir le cadre juridique et institutionnel de l'autorisation des RATI.",
                        amina, chat)
    assert "Pays: Tunisie" in summary.text and "Domaines: Autorisation" in summary.text
    assert await count(services.db, SupportRequest) == 0
    done = await tap(api, summary, "Envoyer", amina)
    assert "référence A6-" in done.text and "Merci" in done.text
    async with services.db.session() as session:
        request = await session.scalar(select(SupportRequest))
        logged = (await session.scalars(select(QuestionLog.question))).all()
    assert request is not None and request.chat == str(chat) and request.channel == "telegram"
    assert request.reference in done.text and request.email == "amina@environnement.gov.tn"
    assert logged == []  # neither the offer's question nor any answer of the flow went to the question log

    services.support.messengers["telegram"] = PLATFORM.notifier(services)
    viewer = await console("viewer")
    refused = await move(viewer, request.reference, "consultation")
    assert refused.status_code == 403
    curator = await console("curator")
    board = await curator.get("/support")
    assert request.reference in board.text and "Tunisia" in board.text
    before = len(api.sent("sendMessage", chat))
    moved = await move(curator, request.reference, "consultation")
    assert moved.status_code == 303
    notices = api.sent("sendMessage", chat)[before:]
    assert len(notices) == 1
    assert notices[0].text.startswith(f"Votre demande d'appui A6IP {request.reference} passe à l'étape : "
                                      "Consultation (en ligne ou en présentiel).")
    page = await curator.get(f"/support/{request.reference}")
    assert "moved to Consultation" in page.text and "<td>telegram</td><td>sent</td>" in page.text
    async with services.db.session() as session:
        audit = (await session.scalars(select(AuditEntry).where(AuditEntry.action == "support.step"))).all()
    assert [(a.actor, a.target) for a in audit] == [("curator@a6ip.test", request.reference)]
    await services.support.deliver()
    assert len(api.sent("sendMessage", chat)[before:]) == 1  # delivered once


async def test_cancelling_midway_in_telegram_leaves_nothing(api: BotApiServer, bot: Runner,  # noqa: F811
                                                             services: Services) -> None:
    amina = api.user(**FRENCH)
    chat = FRENCH["user_id"]
    [offer] = await exchange(api, api.text_update("/support", user=amina, chat=api.chat(chat)))
    country = await tap(api, offer, "Commencer", amina)
    await say(api, "Tunisie", amina, chat)
    institution = await say(api, "Ministère de l'Environnement", amina, chat)
    cancelled = await tap(api, institution, "Annuler", amina)
    assert cancelled.text.startswith("Annulé : rien n'a été enregistré.") and "/support" in cancelled.text
    assert await count(services.db, SupportDraft) == 0 and await count(services.db, SupportRequest) == 0
    stale = await tap(api, country, "Annuler", amina)
    assert "n'est plus ouverte" in stale.text


async def test_in_a_group_the_offer_points_to_a_private_chat(api: BotApiServer, bot: Runner,  # noqa: F811
                                                              services: Services) -> None:
    group, amina = api.chat(-5, "group"), api.user(**FRENCH)
    [offer] = await exchange(api, api.text_update("@a6ip_test_bot L'A6IP peut-elle nous aider à mettre en place "
                                                  "notre processus d'autorisation ?", user=amina, chat=group))
    assert offer.text.startswith("Programmes d'appui de l'A6IP") and offer.buttons == []
    assert "envoyez-moi /support en conversation privée" in offer.text
    [command] = await exchange(api, api.text_update("/support", user=amina, chat=group))
    assert command.text.startswith("Pour que vos coordonnées restent privées") and command.buttons == []
    assert await count(services.db, SupportDraft) == 0
