"""'Ask A6IP staff' through the core's staff facade: one flow for every channel, frozen data out, and the
person always told what happened, in their language, with the one staff contact (A6BOT_STAFF_EMAIL)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from bot.escalation import Escalation
from bot.services import Services
from bot.storage import QuestionLog

QUESTION = "When is annual information under Article 6.2 due?"


async def flagged(services: Services, log_id: int) -> bool:
    async with services.db.session() as session:
        return bool(await session.scalar(select(QuestionLog.escalated).where(QuestionLog.id == log_id)))


async def test_a_question_reaches_the_staff_room_once_flagged(services: Services) -> None:
    answer = await services.answerer.ask(QUESTION, channel="telegram", user_id="7")
    assert answer.log_id is not None
    posted: list[Escalation] = []

    async def staff_room(escalation: Escalation) -> bool:
        posted.append(escalation)
        return True

    outcome = await services.staff.escalate(answer.log_id, forward=staff_room, language="es")
    assert outcome.status == "forwarded" and outcome.message == "He pasado su pregunta al equipo de A6IP; alguien le responderá."
    [escalation] = posted
    assert escalation == outcome.escalation and escalation.question == QUESTION and escalation.channel == "telegram"
    assert escalation.log_id == answer.log_id and escalation.answered is answer.answered
    with pytest.raises(dataclasses.FrozenInstanceError):
        escalation.question = "changed"  # type: ignore[misc]
    assert await flagged(services, answer.log_id)


async def test_without_a_staff_room_or_when_it_fails_the_person_gets_the_contact(services: Services) -> None:
    services.settings.staff_email = "staff@a6ip.test"
    answer = await services.answerer.ask(QUESTION, channel="slack", user_id="U1")
    assert answer.log_id is not None
    none = await services.staff.escalate(answer.log_id, forward=None, language="en")
    assert none.status == "no_staff_room" and "no staff channel is set up" in none.message
    assert "staff@a6ip.test" in none.message and await flagged(services, answer.log_id)

    async def unreachable(escalation: Escalation) -> bool:
        raise ConnectionError("staff room offline")

    failed = await services.staff.escalate(answer.log_id, forward=unreachable, language="fr")
    assert failed.status == "failed"
    assert failed.message == "Désolé, je n'ai pas pu joindre le canal de l'équipe A6IP. Écrivez à staff@a6ip.test."


async def test_an_unknown_question_is_not_forwarded(services: Services) -> None:
    async def staff_room(escalation: Escalation) -> bool:
        raise AssertionError("nothing may be forwarded")

    outcome = await services.staff.escalate(999_999, forward=staff_room, language="en")
    assert outcome.status == "unknown" and outcome.escalation is None and "no longer on record" in outcome.message
    assert await services.answerer.escalate(999_999) is None
