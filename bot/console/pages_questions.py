"""Unanswered and disliked questions, grouped; the web chat where staff try the bot's answers."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.answering import QuestionError
from bot.capacity import Busy
from bot.console.auth import Staff, flash, guard
from bot.texts import say
from bot.unanswered import grouped
from bot.console.web import go, page, text


@guard("viewer")
async def unanswered(request: Request, staff: Staff) -> Response:
    services = request.app.state.services
    groups = await grouped(services.db, services.index.encoder)
    return page(request, "unanswered.html", staff, groups=groups)


@guard("curator")
async def dismiss(request: Request, staff: Staff) -> Response:
    ids = [int(i) for i in (await request.form()).getlist("q") if isinstance(i, str) and i.isdigit()]
    if ids:
        await request.app.state.curator.resolve(ids, actor=staff.email)
        flash(request, f"Dismissed {len(ids)} question(s).")
    return go(request, "/unanswered")


@guard("viewer")
async def chat(request: Request, staff: Staff) -> Response:
    """Ask as an official would; the question is logged like any other, under channel 'web'."""
    answer, error, question, status = None, None, "", 200
    if request.method == "POST":
        question = text(await request.form(), "question", 5000)
        try:
            answer = await request.app.state.services.answerer.ask(question, channel="web", user_id=staff.email)
        except QuestionError as problem:
            error, status = str(problem), 400
        except Busy as busy:
            error, status = say("public.error.busy", "en", seconds=busy.retry_after), 503
    return page(request, "chat.html", staff, answer=answer, error=error, question=question, status_code=status)


routes = [
    Route("/unanswered", unanswered),
    Route("/unanswered/dismiss", dismiss, methods=["POST"]),
    Route("/chat", chat, methods=["GET", "POST"]),
]
