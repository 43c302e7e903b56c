"""From "the bot could not answer" to "now it can": grouping, the pre-filled FAQ form, the answer afterwards."""

from __future__ import annotations

import html
import re

import numpy as np
from sqlalchemy import select

from bot.console.models import AuditEntry
from bot.unanswered import cluster
from bot.services import Services
from bot.storage import QuestionLog
from tests.console.conftest import Client, post_form

UNKNOWN = "How many seats does the Article 6.4 Supervisory Body have?"
VARIANT = "how many seats are there on the 6.4 supervisory body?"
OTHER = "What colour is the carpet at the UNFCCC secretariat?"


def test_cluster_groups_by_leader_similarity() -> None:
    vectors = np.array([[1, 0, 0], [0.9, 0.436, 0], [0, 1, 0], [0, 0, 1], [0.95, 0, 0.312]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert cluster(vectors, threshold=0.75) == [[0, 1, 4], [2], [3]]
    assert cluster(vectors[:0]) == []


async def test_group_becomes_an_faq_entry_and_the_bot_answers(client: Client, services: Services) -> None:
    c = await client("curator")
    for question in (UNKNOWN, VARIANT, OTHER):
        response = await post_form(c, "/chat", "/chat", {"question": question})
        assert "Not answered" in response.text
    helpful = await services.answerer.ask("When is annual information under Article 6.2 due?", channel="test")
    assert helpful.answered
    await services.answerer.feedback(helpful.log_id, helpful=False)  # disliked answers are listed too

    page = html.unescape((await c.get("/unanswered")).text)
    groups = re.findall(r'<span class="count">(\d+)×</span> (.+?)</h2>', page)
    assert groups[0] == ("2", VARIANT)  # the two phrasings form one group, most recent first
    assert ("1", OTHER) in groups and ("1", "When is annual information under Article 6.2 due?") in groups
    assert "1 marked not helpful" in page and "Closest sources found" in page

    link = html.unescape(re.findall(r'href="(/faq/new\?[^"]+)"', page)[0])
    form = html.unescape((await c.get(link)).text)
    assert f'value="{VARIANT}"' in form and UNKNOWN in form  # question and variant pre-filled
    assert re.search(r'name="citation" id="faq-citation" value="Decision', form)
    ids = re.findall(r'name="q" value="(\d+)"', form)
    assert len(ids) == 2

    entry = {"id": "a64-supervisory-body-seats", "question": VARIANT, "variants": UNKNOWN,
             "answer": "The Supervisory Body has twelve members, nominated by Parties to the Paris Agreement.",
             "citation": "Decision 3/CMA.3, annex, para. 5", "url": "", "topics": "6.4"}
    response = await c.post("/faq/save", data={"csrf": re.findall(r'name="csrf" value="([^"]+)"', form)[0],
                                               **entry, "q": ids})
    assert response.status_code == 303 and response.headers["location"] == "/unanswered"
    after = html.unescape((await c.get("/unanswered")).text)
    assert VARIANT not in after and OTHER in after

    answer = await services.answerer.ask(UNKNOWN, channel="test")
    assert answer.answered and "twelve members" in answer.text
    assert answer.sources[0].citation == "Decision 3/CMA.3, annex, para. 5"
    chat = html.unescape((await post_form(c, "/chat", "/chat", {"question": "how many seats on the supervisory body of 6.4"})).text)
    assert "Answered" in chat and "twelve members" in chat

    async with services.db.session() as session:
        resolved = (await session.scalars(select(QuestionLog.resolved).where(QuestionLog.id.in_(map(int, ids))))).all()
        audit = await session.scalar(select(AuditEntry).where(AuditEntry.action == "faq.save"))
    assert resolved == [True, True]
    assert audit is not None and audit.target == "console:faq/a64-supervisory-body-seats"
    assert sorted(audit.details["resolves"]) == sorted(map(int, ids))


async def test_faq_entries_can_be_edited_and_ids_are_not_reused(client: Client, services: Services) -> None:
    c = await client("curator")
    entry = {"id": "test-entry", "question": "What is the share of proceeds for adaptation?",
             "answer": "Five per cent of A6.4ERs issued go to the Adaptation Fund.",
             "citation": "Decision 3/CMA.3, annex, para. 67", "variants": "", "topics": ""}
    assert (await post_form(c, "/faq/new", "/faq/save", entry)).status_code == 303
    again = await post_form(c, "/faq/new", "/faq/save", {**entry, "answer": "Something else entirely."})
    assert again.status_code == 400 and "already used" in again.text
    incomplete = await post_form(c, "/faq/new", "/faq/save", {**entry, "id": "other", "citation": ""})
    assert incomplete.status_code == 400 and "missing" in incomplete.text
    bad_id = await post_form(c, "/faq/new", "/faq/save", {**entry, "id": "Bad ID!"})
    assert bad_id.status_code == 400 and "lower-case words" in bad_id.text

    page = (await c.get("/kb?q=share of proceeds")).text
    doc_id = re.findall(r'href="/kb/doc/(\d+)">FAQ: What is the share', page)[0]
    assert "Edit this FAQ entry" in (await c.get(f"/kb/doc/{doc_id}")).text
    form = (await c.get(f"/faq/new?doc={doc_id}")).text
    assert "Five per cent" in form and "readonly" in form
    edited = {**entry, "answer": "Five per cent of A6.4ERs at issuance go to the Adaptation Fund (share of proceeds).",
              "editing": "1"}
    assert (await post_form(c, f"/faq/new?doc={doc_id}", "/faq/save", edited)).status_code == 303
    answer = await services.answerer.ask("What is the share of proceeds for adaptation?", channel="test")
    assert "at issuance" in answer.text
    assert (await c.get("/faq/new?doc=1")).status_code == 404  # shipped documents are not edited here


async def test_dismiss_removes_a_group(client: Client, services: Services) -> None:
    c = await client("curator")
    await post_form(c, "/chat", "/chat", {"question": OTHER})
    page = (await c.get("/unanswered")).text
    ids = re.findall(r'name="q" value="(\d+)"', page)
    await post_form(c, "/unanswered", "/unanswered/dismiss", {"q": ids})
    assert "Nothing open" in (await c.get("/unanswered")).text


async def test_web_chat_refuses_empty_and_oversized_questions(client: Client) -> None:
    c = await client("viewer")
    empty = await post_form(c, "/chat", "/chat", {"question": "   "})
    assert empty.status_code == 400 and "Please type a question" in empty.text
    huge = await post_form(c, "/chat", "/chat", {"question": "why " * 400})
    assert huge.status_code == 400 and "at most 1,000 characters" in huge.text
