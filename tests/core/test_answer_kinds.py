"""What is not a question (greetings, thanks, exit), what is declined (neighbouring subjects, later sessions),
and the asker's language, through the answering core on the tiny knowledge base."""

import pytest
from sqlalchemy import func, select

from bot.storage import QuestionLog

pytestmark = pytest.mark.model


async def logged(services) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(QuestionLog)))


@pytest.mark.parametrize("message, language, example", [
    ("hi", "en", "When is annual information under Article 6.2 due?"),
    ("Thanks!", "en", "What is a corresponding adjustment?"),
    ("bonjour", "fr", "Qu'est-ce qu'un ajustement correspondant ?"),
    ("¡Gracias!", "es", "¿Qué es un ajuste correspondiente?"),
])
async def test_greetings_and_thanks_get_a_short_reply_with_examples_and_are_not_logged(services, message, language,
                                                                                        example):
    answer = await services.answerer.ask(message, conversation="cli:talk")
    assert answer.kind == "smalltalk" and answer.answered is False and answer.language == language
    assert example in answer.text and len(answer.text.split()) <= 80 and not answer.sources
    assert answer.log_id is None and await logged(services) == 0
    assert await services.answerer.recent_unanswered() == []


@pytest.mark.parametrize("message", ["exit", "quit", "/quit"])
async def test_exit_commands_are_commands_not_questions(services, message):
    answer = await services.answerer.ask(message)
    assert answer.kind == "command" and answer.answered is False and await logged(services) == 0


async def test_a_neighbouring_subject_is_declined_saying_what_the_bot_covers(services):
    answer = await services.answerer.ask("What is Kenya's NDC target?")
    assert answer.kind == "declined" and answer.answered is False and not answer.sources
    assert "countries' own NDC targets" in answer.text and "Article 6" in answer.text
    french = await services.answerer.ask("Quel est l'objectif de la CDN du Kenya ?")
    assert french.kind == "declined" and "objectifs des CDN" in french.text


async def test_a_question_about_something_the_sources_never_mention_is_declined_naming_it(services):
    answer = await services.answerer.ask("Who chairs Kenya's climate council?")
    assert answer.kind == "declined" and not answer.answered and not answer.sources
    assert "my sources say nothing about Kenya" in answer.text and "Article 6" in answer.text
    spanish = await services.answerer.ask("¿Cómo funciona el programa de California?")
    assert spanish.kind == "declined" and "mis fuentes no dicen nada sobre California" in spanish.text
    # The same kind of question about what the sources cover is answered.
    assert (await services.answerer.ask("When is annual information under Article 6.2 due?")).answered


async def test_an_event_named_after_a_place_the_rulebook_never_mentions_is_still_answered(services):
    from datetime import datetime, timezone

    from bot.outreach import events as store

    spec = store.EventSpec(uid="nairobi-ca", title="Nairobi training on corresponding adjustments",
                           starts_at=store.local_datetime("2099-03-12 10:00", "Africa/Nairobi"),
                           timezone="Africa/Nairobi", topics=["corresponding-adjustments"], kind="training",
                           place="Nairobi, Kenya")
    async with services.db.session() as session:
        await store.upsert(session, spec, source="test", now=datetime(2026, 2, 1, tzinfo=timezone.utc))
    answer = await services.answerer.ask("When is the next training in Nairobi?")
    assert answer.kind == "event" and "Nairobi training on corresponding adjustments" in answer.text


@pytest.mark.parametrize("question, expected", [
    ("What did CMA.8 decide on Article 6?", "My sources cover decisions up to CMA.6, November 2024; "
                                            "for later sessions see unfccc.int."),
    ("decisions adopted at COP31", "My sources cover decisions up to CMA.6, November 2024"),
    ("¿Qué se decidió en la COP31 sobre el artículo 6?", "Mis fuentes cubren las decisiones hasta la CMA.6, "
                                                          "noviembre de 2024"),
])
async def test_a_later_session_gets_the_horizon_reply(services, question, expected):
    answer = await services.answerer.ask(question)
    assert answer.kind == "declined" and not answer.answered and answer.text.startswith(expected)


async def test_a_french_question_gets_the_curated_french_answer(services):
    answer = await services.answerer.ask("Qu'est-ce qu'une démarche concertée ?")
    assert answer.answered and answer.language == "fr"
    assert answer.text.startswith("Une démarche concertée est un arrangement au titre de l'article 6.2")
    assert "[1]" in answer.text and answer.sources[0].citation == "Decision 2/CMA.3, annex, para. 1"
    spanish = await services.answerer.ask("¿Qué es un enfoque cooperativo?")
    assert spanish.text.startswith("Un enfoque cooperativo es un acuerdo")


async def test_english_only_material_is_announced_in_the_askers_language_and_quoted(services):
    answer = await services.answerer.ask("Quand faut-il soumettre les informations annuelles au titre de l'article 6.2 ?")
    assert answer.answered and answer.text.startswith("Mes sources ne répondent à cette question qu'en anglais")
    assert "« " in answer.text and "15 April" in answer.text and "[1]" in answer.text


async def test_the_chat_sized_answer_and_more_in_json(services):
    data = (await services.answerer.ask("What is an ITMO?")).to_json()
    assert {"question", "answer", "answered", "confidence", "sources", "resolved_question", "more"} <= set(data)
    assert len(str(data["answer"]).split()) <= 150 and isinstance(data["more"], str)
