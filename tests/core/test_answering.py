"""The answering core on the tiny knowledge base: cited answers, the threshold, logging, bad input."""

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.answering import QuestionError
from bot.kb import import_paths, sync_index
from bot.storage import QuestionLog


async def test_faq_answer_leads_with_its_citation(services):
    answer = await services.answerer.ask("When is annual information under Article 6.2 due?", channel="cli")
    assert answer.answered and answer.confidence >= 0.5
    assert "15 April" in answer.text
    assert answer.sources[0].citation == "Decision 2/CMA.3, annex, para. 20"
    assert answer.sources[0].url.startswith("https://unfccc.int/")
    assert answer.faq_id == "test-annual-information"
    assert len(answer.plain().split()) <= 400


async def test_acronym_question_is_answered(services):
    answer = await services.answerer.ask("what's an ITMO?")
    assert answer.answered and answer.sources[0].citation == "Decision 2/CMA.3, annex, para. 1"


@pytest.mark.parametrize("question", ["What is the weather in Paris tomorrow?", "Give me a cake recipe",
                                      "who won the world cup"])
async def test_off_topic_questions_get_no_confident_answer(services, question):
    answer = await services.answerer.ask(question)
    assert not answer.answered
    # Declined outright when it names something the sources never mention (Paris in the tiny knowledge base),
    # else the unsure reply pointing to A6IP staff.
    assert ("confident" in answer.text and "A6IP staff" in answer.text) or (
        answer.kind == "declined" and "I answer questions on Article 6" in answer.text)


async def test_french_and_spanish_questions_find_english_guidance(services):
    fr = await services.answerer.ask("Quelle est la date limite pour les informations annuelles de l'article 6.2 ?")
    es = await services.answerer.ask("¿Cuál es el plazo para presentar la información anual del artículo 6.2?")
    for answer, lang in ((fr, "fr"), (es, "es")):
        assert answer.language == lang and answer.answered
        assert "15 April" in answer.text


async def test_every_question_is_logged_with_a_hashed_user(services):
    answer = await services.answerer.ask("What is an ITMO?", channel="telegram", user_id="424242")
    unanswered = await services.answerer.ask("Best pizza in Naples?", channel="slack", user_id="U777")
    async with services.db.session() as session:
        rows = (await session.scalars(select(QuestionLog).order_by(QuestionLog.id))).all()
    assert [r.id for r in rows] == [answer.log_id, unanswered.log_id]
    first, second = rows
    assert first.channel == "telegram" and first.answered and first.sources
    assert first.user_hash and "424242" not in first.user_hash and len(first.user_hash) == 64
    assert second.answered is False
    assert [q.question for q in await services.answerer.recent_unanswered()] == ["Best pizza in Naples?"]
    assert await services.answerer.feedback(answer.log_id, helpful=False)
    assert not await services.answerer.feedback(999999, helpful=True)


@pytest.mark.parametrize("text", ["", "   ", "x" * 5000])
async def test_empty_or_huge_messages_are_refused_and_not_logged(services, text):
    with pytest.raises(QuestionError) as error:
        await services.answerer.ask(text)
    assert str(error.value)
    async with services.db.session() as session:
        assert (await session.scalars(select(QuestionLog))).all() == []


async def test_json_shape(services):
    data = (await services.answerer.ask("What is an ITMO?")).to_json()
    assert {"question", "answer", "answered", "confidence", "sources"} <= set(data)
    assert {"title", "citation", "url", "excerpt", "score"} == set(data["sources"][0])


CORPUS_TXT = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "unfccc-article6" / "txt"


@pytest.mark.skipif(not CORPUS_TXT.exists(), reason="no corpus")
async def test_paragraphs_outside_article_6_do_not_vouch_for_an_answer(services, tmp_path):
    # The Dubai report bundles the global stocktake, whose para. 33 names the biodiversity framework; its first
    # part (the report's front matter and the stocktake to para. 45 or so) is enough and embeds in seconds.
    report = tmp_path / "CMA2023_5_Decisions_1_to_5.txt"
    lines = (CORPUS_TXT / report.name).read_text(encoding="utf-8").splitlines(keepends=True)
    report.write_text("".join(lines[:120]), encoding="utf-8")
    await import_paths(services.db, [report])
    await sync_index(services.db, services.index)
    answer = await services.answerer.ask("What are the main targets of the Kunming-Montreal Global Biodiversity "
                                         "Framework?")
    assert not answer.answered
    assert answer.sources and answer.sources[0].citation.startswith("Decision 1/CMA.5")  # still shown as closest


SUPERVISORY_BODY = """---
title: The Supervisory Body
topics: ["6.4"]
language: en
---
## Members
The Supervisory Body supervises the Article 6.4 mechanism under the authority of the CMA. It has 12 members
drawn from Parties to the Paris Agreement. Two come from each of the five United Nations regional groups. One
comes from the least developed countries and one from small island developing States. Each member has an
alternate, elected in the same way. Members serve in their personal expert capacity and need scientific,
technical, socioeconomic or legal expertise. A term lasts two years, and nobody may serve more than two
consecutive terms. The body meets at least twice a year. Its meetings are open to observers unless the body
decides otherwise. Its reports go to the CMA every year with recommendations. The secretariat services it.
Source: Decision 3/CMA.3, annex, paras. 4-11
"""


async def test_a_spanish_question_gets_the_english_sentences_that_answer_it(services, tmp_path):
    guide = tmp_path / "supervisory-body.md"
    guide.write_text(SUPERVISORY_BODY, encoding="utf-8")
    await import_paths(services.db, [guide])
    await sync_index(services.db, services.index)
    answer = await services.answerer.ask("¿Cuánto dura el mandato de un miembro del Órgano de Supervisión y "
                                         "cuántos mandatos puede cumplir?")
    assert answer.language == "es"
    # The passage is longer than a source's share of the answer: the kept sentences must be the ones on terms,
    # although the question shares no words with them.
    excerpt = answer.sources[0].excerpt
    assert len(excerpt.split()) < len(SUPERVISORY_BODY.split()) - 20
    assert "two years" in excerpt and "two consecutive terms" in excerpt
