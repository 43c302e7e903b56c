"""The expression of interest on the public web page, at the HTTP level (the page's own JSON endpoints, as its
script calls them): the button, the offer on a support question, typed answers and buttons, a clear refusal
for bad input; staff move the request and the requester gets the notice by email (the page takes none)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.email import PLATFORM as EMAIL
from bot.services import Services
from bot.storage import QuestionLog
from bot.support.models import SupportRequest
from tests.email.conftest import port, smtp  # noqa: F401  (fixtures)
from tests.email.smtp_server import SmtpServer
from tests.support.conftest import Console, count, move
from tests.web.conftest import http, settings, site, token_of  # noqa: F401  (fixtures)


async def post(http, path: str, token: str, **body: object) -> dict:  # noqa: F811
    response = await http.post(f"{path}?lang=es", json={"token": token, "language": "es", **body})
    assert response.status_code == 200, response.text
    return response.json()["support"]


@pytest.mark.with_email
async def test_a_spanish_request_on_the_web_page_and_its_email_notice(
        http, services: Services, console: Console, smtp: SmtpServer) -> None:  # noqa: F811
    page = await http.get("/?lang=es")
    assert 'id="support"' in page.text and "Solicitar apoyo de la A6IP" in page.text
    assert "Para solicitar un paquete de apoyo de la A6IP para su país, pulse «Solicitar apoyo" in page.text
    token = await token_of(http, "es")
    offer = await post(http, "/web/ask", token, question="¿Puede la A6IP ayudarnos a establecer nuestro proceso de "
                                                          "autorización?")
    assert offer["text"].startswith("*Paquetes de apoyo de la A6IP*")
    assert [b["value"] for b in offer["buttons"]] == ["start", "later"]
    resumed = await post(http, "/web/support", token, command=True)
    assert resumed["buttons"][0]["label"] == "Empezar la expresión de interés"
    first = await post(http, "/web/support", token, value="start")
    assert first["text"].startswith("1/8 · ¿Para qué *país*")
    empty = await http.post("/web/ask?lang=es", json={"token": token, "language": "es", "question": "  "})
    assert empty.status_code == 400  # the page's own check: nothing typed
    unknown = await post(http, "/web/ask", token, question="Narnia")
    assert unknown["text"].startswith("No reconozco «Narnia» como un país")
    for answer in ("Perú", "Ministerio del Ambiente", "Lucía Quispe", "Especialista en mercados de carbono"):
        await post(http, "/web/ask", token, question=answer)
    bad = await post(http, "/web/ask", token, question="lucia@")
    assert bad["text"].startswith("«lucia@» no es una dirección de correo electrónico")
    await post(http, "/web/ask", token, question="lucia.quispe@minam.gob.pe")
    ticked = await post(http, "/web/support", token, value="area:methodology")
    assert [b["label"] for b in ticked["buttons"] if b["chosen"]] == ["Desarrollo de metodologías"]
    await post(http, "/web/support", token, value="areas")
    await post(http, "/web/support", token, value="timeline:3m")
    summary = await post(http, "/web/ask", token, question="Necesitamos desarrollar una línea de base para proyectos "
                                                             "de residuos sólidos.")
    assert "*País*: Perú" in summary["text"] and "*Plazo*: En 3 meses" in summary["text"]
    done = await post(http, "/web/support", token, value="confirm")
    assert done["done"] and done["reference"] and done["reference"] in done["text"]
    assert "se le informará de cada etapa en lucia.quispe@minam.gob.pe" in done["text"]  # by email: the page takes none
    async with services.db.session() as session:
        request = await session.scalar(select(SupportRequest))
    assert request is not None and request.country == "Peru" and request.channel == "web" and request.chat is None
    assert await count(services.db, QuestionLog) == 0  # no answer of the flow was logged as a question

    services.support.messengers["email"] = EMAIL.notifier(services)
    curator = await console("curator")
    assert (await move(curator, request.reference, "draft")).status_code == 303
    [mail] = smtp.wait_for(1)
    message = smtp.to("lucia.quispe@minam.gob.pe")[0]
    assert message["Subject"] == (f"Su solicitud de apoyo de la A6IP {request.reference}: Propuesta de borrador del "
                                  "paquete de apoyo")
    assert "El equipo de la A6IP está preparando una propuesta" in message.get_content()
    assert message["Content-Language"] == "es" and mail.recipients == ["lucia.quispe@minam.gob.pe"]
