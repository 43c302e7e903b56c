"""Questions about events are answered from the events table; other questions fall through to the knowledge base."""

from __future__ import annotations

from bot.outreach.questions import EventAnswers, parse_question

from .conftest import BASE, add_event, utc


async def answers(db):
    await add_event(db, uid="ca", title="Training on corresponding adjustments", kind="training",
                    topics=["corresponding-adjustments", "6.2"], start="2027-01-20 09:30", zone="Asia/Tokyo",
                    place="Tokyo, Japan", hybrid=True, registration_url="https://example.org/ca")
    await add_event(db, uid="twg", title="Tracking WG", kind="wg", topics=["tracking"], start="2027-03-09 14:00",
                    zone="Asia/Tokyo", online=True)
    await add_event(db, uid="old", title="Old training", kind="training", topics=["corresponding-adjustments"],
                    start="2026-01-10 10:00", zone="UTC")
    return EventAnswers(db, base_url=BASE, now=utc(2026, 11, 25))


async def test_next_training_on_a_topic(db):
    a = await answers(db)
    answer = await a.respond("When is the next training on corresponding adjustments?", "en")
    assert answer.answered and "Training on corresponding adjustments" in answer.text
    assert "Wed 20 Jan 2027, 09:30 JST (Asia/Tokyo)" in answer.text and "Old training" not in answer.text
    assert answer.sources[0].url == "https://example.org/ca"


async def test_what_is_on_in_a_month(db):
    a = await answers(db)
    answer = await a.respond("What is on in March?", "en")
    assert "Tracking WG" in answer.text and "corresponding" not in answer.text
    assert answer.sources[0].url == f"{BASE}/calendar/event/twg.ics"
    none = await a.respond("What is on in June?", "en")
    assert none.answered and "No upcoming event in June" in none.text and not none.sources


async def test_is_the_wg_online(db):
    a = await answers(db)
    answer = await a.respond("Is the tracking WG online?", "en")
    assert "Tracking WG is online" in answer.text


async def test_knowledge_questions_fall_through(db):
    a = await answers(db)
    assert await a.respond("When is annual information under Article 6.2 due?", "en") is None
    assert parse_question("What is a corresponding adjustment?") is None


async def test_footer_names_next_event_on_topic(db):
    a = await answers(db)
    footer = await a.footer(["corresponding-adjustments"], "en")
    assert footer.startswith("Next event on this topic: Training on corresponding adjustments")
    assert await a.footer(["6.8"], "en") is None


def test_a_meeting_in_a_rulebook_question_is_not_an_events_question():
    assert parse_question("How many Supervisory Body members have to be present for a meeting to be quorate, "
                          "and does someone joining online count?") is None
    assert parse_question("Who chairs the meetings of the Supervisory Body?") is None
    assert parse_question("When is the next tracking working group meeting?") is not None
    assert parse_question("Any webinars on registries?") is not None


async def test_event_questions_in_french_and_spanish_are_answered_in_that_language(db):
    a = await answers(db)
    french = await a.respond("Quand a lieu la prochaine formation sur les ajustements correspondants ?", "fr")
    assert french.kind == "event" and french.text.startswith("Prochain événement :")
    assert "Training on corresponding adjustments — mer. 20 janv. 2027" in french.text
    assert french.sources[0].citation.startswith("Événements de l'A6IP : Training on corresponding adjustments")
    spanish = await a.respond("¿Qué hay en el calendario en junio?", "es")
    assert spanish.text == "El calendario de la A6IP aún no anuncia ninguna fecha (evento en junio)."
    assert (await a.footer(["corresponding-adjustments"], "es")).startswith("Próximo evento sobre este tema: Training")
    assert parse_question("Qu'est-ce que la Conférence des Parties agissant comme réunion des Parties ?") is None
