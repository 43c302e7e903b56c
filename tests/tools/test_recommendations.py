"""Recommendations through the one answerer: tool-seeking questions in three languages get one to three
resources with a reason and a link, in the asker's language where one exists (or an honest note and the
closest); rulebook questions keep their rulebook answer, with at most one fitting tool line under it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.services import Services
from bot.tools import store
from bot.tools.catalogue import load_folder
from bot.tools.recommend import Pick, choose

pytestmark = pytest.mark.model
SAMPLE = load_folder()[0]


async def test_a_toolkit_question_gets_fitting_resources_with_reasons_and_links(services: Services) -> None:
    answer = await services.answerer.ask("Is there a toolkit to help us decide our Article 6 authorization policy?")
    assert answer.kind == "tools" and answer.answered and 1 <= len(answer.sources) <= 3
    assert all(s.url and s.url.startswith("https://") for s in answer.sources)
    assert "ndcp-article-6-readiness-toolkit" in ids_of(answer.sources, await store.rows(services.db))
    assert answer.text.startswith("Resources that may help:")
    for n, source in enumerate(answer.sources, start=1):
        assert f"{n}. {source.title}" in answer.text and f"[{n}]" in answer.text
    data = answer.to_json()
    assert data["kind"] == "tools" and data["answer"] == answer.text and data["sources"][0]["url"]


def ids_of(sources, rows) -> set[str]:  # type: ignore[no-untyped-def]
    by_url = {row.url: row.id for row in rows}
    return {by_url[s.url] for s in sources}


async def test_a_spanish_course_question_gets_courses_in_spanish_first(services: Services) -> None:
    answer = await services.answerer.ask("¿Hay un curso sobre ajustes correspondientes en español?")
    assert answer.kind == "tools" and answer.language == "es"
    rows = {row.url: row for row in await store.rows(services.db)}
    first = rows[answer.sources[0].url]
    assert "es" in first.languages and first.type == "e-learning"
    assert answer.text.startswith("Recursos que pueden ayudar, en español cuando existen:")
    assert "curso en línea" in answer.text  # the kind in the asker's language


async def test_none_in_the_asked_language_is_said_honestly_with_the_closest(services: Services) -> None:
    """Retire every resource in French: the bot says so and offers the closest ones in another language."""
    async with services.db.session() as session:
        for row in await store.rows(services.db):
            if "fr" in row.languages:
                await store.retire(session, resource_id=row.id, actor="test")
    answer = await services.answerer.ask("Existe-t-il une formation en ligne sur les démarches concertées ?")
    assert answer.kind == "tools" and answer.sources
    assert answer.text.startswith("Je ne connais pas de telle ressource en français ; les plus proches sont en anglais")


async def test_rulebook_questions_keep_the_rulebook_answer(services: Services) -> None:
    answer = await services.answerer.ask("When is annual information under Article 6.2 due?")
    assert answer.kind == "answer" and "15 April" in answer.text
    guided = await services.answerer.ask("What does the guidance say about a template for the authorization?")
    assert guided.kind != "tools"


async def test_a_request_the_rulebook_answers_gets_the_rule_and_one_tool_line(services: Services) -> None:
    """Worded as a request, but the rulebook answers it closely (the test knowledge base's FAQ on annual
    information): the rule answers, ending with the one resource the request would have got; a request for
    a course on the same subject still gets the tool list."""
    answer = await services.answerer.ask(
        "Is there a platform for the annual information each Party submits under Article 6.2?")
    assert answer.kind == "answer" and answer.answered and "15 April" in answer.text
    assert answer.footer is not None and answer.footer.count("A tool for this:") == 1
    course = await services.answerer.ask("Is there a course on annual information under Article 6.2?")
    assert course.kind == "tools"


def test_own_language_resources_come_first_without_crowding_out_the_best_fit() -> None:
    """Asked in French, one French resource leads and the two best fits in English follow; asked "in French",
    two French ones lead. Scores are the ranking's (bot.tools.recommend.rank)."""
    english = [Pick(replace(SAMPLE, id=f"en-{n}", url=f"https://example.org/en/{n}"), score, 0.8, False)
               for n, score in enumerate((1.2, 1.1, 1.05))]
    french = [Pick(replace(SAMPLE, id=f"fr-{n}", url=f"https://example.org/fr/{n}"), score, 0.7, True)
              for n, score in enumerate((0.95, 0.9))]
    picks = sorted(english + french, key=lambda p: -p.score)
    assert [p.resource.id for p in choose(picks)] == ["fr-0", "en-0", "en-1"]
    assert [p.resource.id for p in choose(picks, named=True)] == ["fr-0", "fr-1", "en-0"]


async def test_a_spanish_request_without_the_catalogue_s_words_gets_the_fitting_resource(services: Services) -> None:
    """Asked by its form ("busco algo...") and by what the official wants to do, not by a kind of resource
    or a title: the self-paced course on cooperative approaches, which exists in Spanish, comes first."""
    answer = await services.answerer.ask(
        "Busco algo que nuestros técnicos puedan seguir a su ritmo para aprender a poner en marcha los enfoques "
        "cooperativos")
    assert answer.kind == "tools" and answer.language == "es"
    rows = {row.url: row for row in await store.rows(services.db)}
    assert rows[answer.sources[0].url].id == "undp-unfccc-operationalizing-article-6-2-course"


async def test_a_rulebook_question_worded_as_a_request_gets_the_rule(services: Services) -> None:
    """"Is there an official outline...?" asks for what the decisions themselves set out: the rule answers."""
    for question in ("Is there an official outline for the initial report under Article 6.2?",
                     "¿Existe un formato oficial para enviar cada año la información sobre los RMTI transferidos?"):
        answer = await services.answerer.ask(question)
        assert answer.kind == "answer", question
