"""Tools on the public web page: the "Done when" Spanish question in the web chat, and the tools section
listing resources by topic in the page's language."""

from __future__ import annotations

import html

import pytest

from tests.email.conftest import port  # noqa: F401  (fixture)
from tests.web.conftest import http, settings, site, token_of  # noqa: F401  (fixtures)

pytestmark = pytest.mark.model


async def test_a_spanish_course_question_in_the_web_chat(http) -> None:  # type: ignore[no-untyped-def]
    token = await token_of(http, "es")
    asked = await http.post("/web/ask?lang=es", json={
        "token": token, "question": "¿Hay un curso sobre ajustes correspondientes en español?", "language": "es"})
    assert asked.status_code == 200, asked.text
    answer = asked.json()
    assert answer["kind"] == "tools" and answer["language"] == "es"
    assert answer["answer"].startswith("Recursos que pueden ayudar, en español cuando existen:")
    assert all(source["url"].startswith("https://") for source in answer["sources"])
    assert "curso en línea" in answer["answer"]


async def test_the_page_lists_tools_by_topic_in_its_language(http) -> None:  # type: ignore[no-untyped-def]
    page = html.unescape((await http.get("/?lang=fr")).text)
    assert "Outils de renforcement des capacités" in page
    assert "<summary>Registres (" in page and 'href="https://ndcpartnership.org/' in page
    assert "boîte à outils" in page
    assert "Outils de renforcement" not in html.unescape((await http.get("/embed?lang=fr")).text)
