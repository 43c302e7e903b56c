"""Conversation contexts: per-id isolation, expiry after silence, shared by every worker through the database,
and follow-ups answered as the question they stand for."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.answering import Answerer
from bot.conversations import LIFETIME, Context, ConversationStore
from bot.storage import Database, QuestionLog
from bot.storage.models import utcnow

pytestmark = pytest.mark.model


async def test_each_conversation_sees_only_its_own_context(services):
    store = ConversationStore(services.db)
    await store.save("telegram:1", Context(question="What is an ITMO?", language="en"))
    await store.save("slack:T1:C1:1700000000.1", Context(question="¿Qué es un RMTI?", language="es"))
    assert (await store.get("telegram:1")).question == "What is an ITMO?"
    assert (await store.get("slack:T1:C1:1700000000.1")).language == "es"
    assert await store.get("telegram:2") is None
    await store.save("telegram:1", Context(question="When is annual information due?", turns=2))
    assert (await store.get("telegram:1")).question == "When is annual information due?"


async def test_a_context_expires_after_half_an_hour_of_silence(services):
    store = ConversationStore(services.db)
    start = utcnow()
    await store.save("web:abc", Context(question="What is an ITMO?"), now=start)
    assert await store.get("web:abc", now=start + LIFETIME - timedelta(seconds=1)) is not None
    assert await store.get("web:abc", now=start + LIFETIME + timedelta(seconds=1)) is None
    assert await store.purge(now=start + LIFETIME + timedelta(seconds=1)) == 1
    assert await store.get("web:abc", now=start) is None


async def test_a_follow_up_is_answered_as_the_full_question(services):
    first = await services.answerer.ask("When is annual information under Article 6.2 due?", conversation="cli:x")
    follow = await services.answerer.ask("and what goes in it?", conversation="cli:x")
    assert first.resolved_question == first.question
    assert follow.resolved_question == "What goes in annual information under Article 6.2?"
    assert follow.understood() == "Answering: What goes in annual information under Article 6.2?"
    alone = await services.answerer.ask("and what goes in it?", conversation="cli:other")
    assert alone.resolved_question == "and what goes in it?"  # no context: nothing to fill in
    async with services.db.session() as session:
        logged = (await session.scalars(select(QuestionLog.question).order_by(QuestionLog.id))).all()
    assert logged[1] == follow.resolved_question  # staff read the question as it was answered


async def test_a_new_subject_is_not_polluted_by_the_previous_one(services):
    await services.answerer.ask("When is annual information under Article 6.2 due?", conversation="cli:y")
    answer = await services.answerer.ask("What is an ITMO?", conversation="cli:y")
    assert answer.resolved_question == "What is an ITMO?" and answer.understood() is None
    assert answer.sources[0].citation == "Decision 2/CMA.3, annex, para. 1"


async def shared_context(answerers: list[Answerer]) -> None:
    first, second = answerers
    await first.ask("When is annual information under Article 6.2 due?", conversation="telegram:42")
    follow = await second.ask("what about the deadline?", conversation="telegram:42")
    assert follow.resolved_question == "What is the deadline for annual information under Article 6.2?"
    assert follow.answered and "15 April" in follow.text
    other = await second.ask("what about the deadline?", conversation="telegram:43")
    assert other.resolved_question == "what about the deadline?"


async def test_two_workers_on_one_sqlite_database_share_conversations(services):
    other = Database(services.db.url)
    try:
        await shared_context([services.answerer, Answerer(services.settings, other, services.index)])
    finally:
        await other.close()


async def test_two_workers_on_postgresql_share_conversations(services, pg_url):
    workers = [Database(pg_url), Database(pg_url)]
    try:
        await workers[0].migrate()
        await shared_context([Answerer(services.settings, db, services.index) for db in workers])
        store = ConversationStore(workers[1])
        await store.save("telegram:42", Context(question="What is an ITMO?"))  # an upsert, not a duplicate key
        assert (await store.get("telegram:42")).question == "What is an ITMO?"
    finally:
        for db in workers:
            await db.close()
