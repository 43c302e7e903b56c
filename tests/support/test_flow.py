"""The guided expression of interest in the core, as every channel drives it: each answer validated with a
clear message in the asker's language, a summary to confirm, edit or cancel, a reference on confirmation,
nothing stored as a request before then, and a conversation that resumes within a day."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.storage import Database
from bot.storage.models import utcnow
from bot.support import Support, Where
from bot.support.detect import about_support
from bot.support.models import SupportDraft, SupportRequest

HERE = Where(conversation="test:1", channel="telegram", chat="1", language="fr")


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'bot.db'}")
    await database.migrate()
    yield database
    await database.close()


async def count(db: Database, model: type) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("question", [
    "Can A6IP help us set up our authorization process?",
    "L'A6IP peut-elle nous aider à mettre en place notre processus d'autorisation ?",
    "¿Puede la A6IP ayudarnos a establecer nuestro proceso de autorización?",
    "How do we get an A6IP support package?"])
def test_questions_about_getting_support_are_recognised(question: str) -> None:
    assert about_support(question)


@pytest.mark.parametrize("question", [
    "What is an ITMO?", "Can you help us understand corresponding adjustments?",
    "Quand l'information annuelle est-elle due ?", "¿Qué es un RMTI?", "How do we report annual information?"])
def test_rulebook_questions_are_left_to_the_answerer(question: str) -> None:
    assert not about_support(question)


async def test_a_french_expression_of_interest_from_question_to_reference(db: Database) -> None:
    support = Support(db, contact="staff@a6ip.test")
    offer = await support.message("L'A6IP peut-elle nous aider à mettre en place notre processus d'autorisation ?", HERE)
    assert offer is not None and "Programmes d'appui de l'A6IP" in offer.text
    assert [b.value for b in offer.buttons] == ["start", "later"]
    first = await support.press("start", HERE)
    assert first.text.startswith("1/8 · Pour quel *pays*")
    empty = await support.message("   ", HERE)
    assert empty is not None and empty.text.startswith("Veuillez écrire le nom de votre pays")
    wrong = await support.message("Atlantide", HERE)
    assert wrong is not None and "Je ne reconnais pas « Atlantide » comme un pays" in wrong.text
    for answer, asked in [("Tunisie", "2/8"), ("Ministère de l'Environnement", "3/8"), ("Amina Ben Salah", "4/8"),
                          ("Directrice du climat", "5/8")]:
        reply = await support.message(answer, HERE)
        assert reply is not None and asked in reply.text, reply
    bad = await support.message("amina at environnement", HERE)
    assert bad is not None and "« amina at environnement » n'est pas une adresse électronique" in bad.text
    areas = await support.message("amina@Environnement.GOV.TN", HERE)
    assert areas is not None and "6/8" in areas.text
    assert [b.label for b in areas.buttons][:6] == [
        "Stratégie relative à l'article 6", "Autorisation", "Communication d'informations", "Suivi",
        "Lancement de projets", "Élaboration de méthodologies"]
    none_chosen = await support.press("areas", HERE)
    assert none_chosen.text.startswith("Choisissez au moins un domaine")
    await support.press("area:authorization", HERE)
    ticked = await support.press("area:reporting", HERE)
    assert [b.value for b in ticked.buttons if b.chosen] == ["area:authorization", "area:reporting"]
    timeline = await support.press("areas", HERE)
    assert "7/8" in timeline.text
    needs = await support.press("timeline:6m", HERE)
    assert "8/8" in needs.text
    short = await support.message("de l'aide", HERE)
    assert short is not None and short.text.startswith("Veuillez décrire vos besoins")
    summary = await support.message("Nous devons établir le cadre juridique de l'autorisation des RATI.", HERE)
    assert summary is not None and "*Pays*: Tunisie" in summary.text and "amina@environnement.gov.tn" in summary.text
    assert "Autorisation, Communication d'informations" in summary.text and "D'ici 6 mois" in summary.text
    assert await count(db, SupportRequest) == 0  # nothing is a request before it is confirmed
    edit = await support.press("edit", HERE)
    assert "Que souhaitez-vous modifier" in edit.text
    await support.press("edit:role", HERE)
    back = await support.message("Directrice générale du climat", HERE)
    assert back is not None and "*Fonction*: Directrice générale du climat" in back.text  # straight back to the summary
    done = await support.press("confirm", HERE)
    assert done.done and done.reference == f"A6-{utcnow().year}-0001" and done.reference in done.text
    assert "staff@a6ip.test" in done.text
    async with db.session() as session:
        request = await session.scalar(select(SupportRequest))
    assert request is not None and request.country == "Tunisia" and request.areas == ["authorization", "reporting"]
    assert request.timeline == "Within 6 months" and request.language == "fr" and request.chat == "1"
    assert await count(db, SupportDraft) == 0
    assert await support.message("Quand l'information annuelle est-elle due ?", HERE) is None  # back to questions


async def test_cancelling_midway_leaves_nothing(db: Database) -> None:
    support = Support(db, contact="staff@a6ip.test")
    await support.press("start", HERE)
    await support.message("Tunisie", HERE)
    cancelled = await support.message("annuler", HERE)
    assert cancelled is not None and cancelled.done and cancelled.text.startswith("Annulé : rien n'a été enregistré")
    assert await count(db, SupportDraft) == 0 and await count(db, SupportRequest) == 0
    stale = await support.press("area:reporting", HERE)
    assert stale.done and "n'est plus ouverte" in stale.text


async def test_an_interrupted_conversation_resumes_within_a_day(db: Database) -> None:
    support = Support(db, contact="staff@a6ip.test")
    await support.press("start", HERE)
    await support.message("Tunisia", HERE)
    async with db.session() as session:
        (await session.get(SupportDraft, HERE.conversation)).updated_at = utcnow() - timedelta(hours=3)
    assert await support.message("Qu'est-ce qu'un RATI ?", HERE) is None  # after a pause: a question, answered
    resumed = await support.command(HERE)
    assert resumed.text.startswith("Bon retour") and "2/8" in resumed.text
    answered = await support.message("Ministère de l'Environnement", HERE)
    assert answered is not None and "3/8" in answered.text
    async with db.session() as session:
        (await session.get(SupportDraft, HERE.conversation)).updated_at = utcnow() - timedelta(days=1, minutes=1)
    fresh = await support.command(HERE)
    assert [b.value for b in fresh.buttons] == ["start", "later"]  # a day later: the offer again, not the old draft
