"""The public web chat's page and JSON endpoints on a live server: languages, answers with their sources in the
question's language, feedback, "ask A6IP staff" (console and email), and every refusal with its message."""

from __future__ import annotations

import html

import pytest

from adapters.email import store
from bot.services import Services
from bot.unanswered import open_questions
from tests.email.smtp_server import SmtpServer
from tests.web.conftest import token_of

pytestmark = pytest.mark.model
FRENCH = "Quand faut-il soumettre les informations annuelles au titre de l'article 6.2 ?"
ORIGIN_HEADERS = {"Content-Type": "application/json"}


async def test_page_speaks_the_browsers_language_with_a_switcher_and_a_strict_policy(http) -> None:
    page = await http.get("/", headers={"Accept-Language": "fr-CH, fr;q=0.9, en;q=0.8"})
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert "Interroger le bot de l'A6IP" in html.unescape(page.text) and 'href="?lang=es"' in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in page.text and " style=" not in page.text  # no inline script or style
    assert 'aria-live="polite"' in page.text and '<label for="question">' in page.text
    spanish = await http.get("/?lang=es", headers={"Accept-Language": "fr"})
    assert '<html lang="es">' in spanish.text and "Pregunte al bot de la A6IP" in spanish.text
    assert "subscribe-form" not in page.text  # email is not configured here
    embed = await http.get("/embed")
    assert "frame-ancestors 'self' https:" in embed.headers["content-security-policy"]
    script = await http.get("/embed.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert f'"{str(http.base_url).rstrip("/")}/embed"' in script.text and "__BASE__" not in script.text


async def test_a_french_question_gets_a_french_answer_with_sources_feedback_and_staff(http, services: Services) -> None:
    token = await token_of(http, "fr")
    asked = await http.post("/web/ask?lang=fr", json={"token": token, "question": FRENCH,
                                                       "language": "fr"})
    assert asked.status_code == 200, asked.text
    answer = asked.json()
    assert answer["language"] == "fr" and answer["answered"] and answer["sources"] and answer["ref"]
    assert {"answer", "more", "kind", "sources", "footer"} <= set(answer)
    thanks = await http.post("/web/feedback?lang=fr", json={"token": token, "ref": answer["ref"], "helpful": False,
                                                            "language": "fr"})
    assert thanks.json()["message"] == "Merci, votre avis est enregistré."
    staff = await http.post("/web/staff?lang=fr", json={"token": token, "ref": answer["ref"], "language": "fr"})
    assert staff.status_code == 200 and staff.json()["status"] == "no_staff_room"
    assert "A6_partnership@iges.or.jp" in staff.json()["message"]
    flagged = [q for q in await open_questions(services.db) if q.question == FRENCH]
    assert flagged and flagged[0].escalated and flagged[0].channel == "web"

    other = await token_of(http)  # another visitor cannot use this visitor's answer
    stolen = await http.post("/web/feedback", json={"token": other, "ref": answer["ref"], "helpful": True})
    assert stolen.status_code == 403


async def test_bad_and_forged_requests_get_a_clear_message_and_change_nothing(http, services: Services) -> None:
    token = await token_of(http)
    cases = [
        ({"token": token, "question": "   "}, {}, 400, "Please type something first."),
        ({"token": token, "question": "x" * 1001}, {}, 400, "1001 characters"),
        ({"token": token, "question": "What is\x00 an ITMO?"}, {}, 400, "U+0000"),
        ({"token": "forged", "question": "What is an ITMO?"}, {}, 403, "reload"),
        ({"token": token, "question": "What is an ITMO?"}, {"Origin": "https://evil.example"}, 403, "reload"),
        ({"token": token, "question": "What is an ITMO?"}, {"Sec-Fetch-Site": "cross-site"}, 403, "reload"),
    ]
    for body, headers, status, message in cases:
        response = await http.post("/web/ask", json=body, headers=headers)
        assert response.status_code == status and message in response.json()["error"], (body, response.text)
    form = await http.post("/web/ask", data={"token": token, "question": "What is an ITMO?"})
    assert form.status_code == 415
    huge = await http.post("/web/ask", content=b'{"question": "' + b"a" * 20000 + b'"}', headers=ORIGIN_HEADERS)
    assert huge.status_code == 413
    assert await open_questions(services.db) == []  # nothing of the above was logged


@pytest.mark.web_settings(web_ask_limit="2/minute")
async def test_a_client_over_its_limit_is_told_when_to_come_back(http) -> None:
    token = await token_of(http)
    for _ in range(2):
        assert (await http.post("/web/ask", json={"token": token, "question": "What is an ITMO?"})).status_code == 200
    refused = await http.post("/web/ask?lang=es", json={"token": token, "question": "What is an ITMO?"})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert "Demasiadas solicitudes" in refused.json()["error"]


@pytest.mark.web_settings(web_answer_seconds=0.0001)
async def test_busy_is_503_with_retry_after_never_a_server_error(http) -> None:
    token = await token_of(http)
    busy = await http.post("/web/ask", json={"token": token, "question": "What is an ITMO?"})
    assert busy.status_code == 503 and busy.headers["retry-after"] == "10" and "try again" in busy.json()["error"]


@pytest.mark.with_email
async def test_with_email_staff_get_the_question_by_mail_and_the_form_subscribes(http, smtp: SmtpServer,
                                                                                 services: Services) -> None:
    page = await http.get("/?lang=es")
    assert 'data-action="/email/subscribe"' in page.text and 'id="staff-email"' in page.text
    token = await token_of(http, "es")
    staff = await http.post("/web/staff?lang=es", json={"token": token, "language": "es", "email": "Ana@Min.GOB.test",
                                                        "question": "¿Cómo se prepara el informe inicial?"})
    assert staff.status_code == 200 and staff.json()["status"] == "forwarded", staff.text
    (mail,) = smtp.to("staff@a6ip.test")
    assert mail["Reply-To"] == "Ana@min.gob.test" and "¿Cómo se prepara el informe inicial?" in mail.get_content()
    bad = await http.post("/email/subscribe?lang=es", json={"token": token, "language": "es", "email": "nope"})
    assert bad.status_code == 400 and "correo electrónico válida" in bad.json()["error"]
    ok = await http.post("/email/subscribe?lang=es", json={"token": token, "language": "es", "email": "ana@min.gob.test",
                                                           "topics": ["6.2", "reporting"], "timezone": "America/Bogota"})
    assert ok.status_code == 200 and "ana@min.gob.test" in ok.json()["message"]
    row = await store.by_address(services.db, address="ana@min.gob.test")
    assert row is not None and row.topics == ("6.2", "reporting") and row.timezone == "America/Bogota"
    assert smtp.to("ana@min.gob.test")[0]["Subject"] == "Confirme, por favor: avisos de eventos de la A6IP"
    cross = await http.post("/email/subscribe", json={"token": token, "email": "x@min.gob.test"},
                            headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403 and await store.by_address(services.db, address="x@min.gob.test") is None
