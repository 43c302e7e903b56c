"""The web chat's JSON endpoints: ask, feedback and "ask A6IP staff". Each checks that the request comes
from our own page (same origin, a signed visitor token, JSON only), counts it against the client's limit,
and answers with a message in the visitor's language, never a server error page."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bot.answering import MAX_QUESTION_CHARS, Answer
from bot.capacity import Busy
from bot.escalation import Escalation, Forward
from bot.public import ClientLimits, PublicError, Visitors, client_address, email_address, json_body, same_origin, \
    text_field
from bot.services import Services
from bot.support import Reply, Where
from bot.texts import LANGUAGES, UserError, say

log = logging.getLogger("adapters.web")
CHANNEL = "web"
BUSY_RETRY = 10  # seconds a visitor is asked to wait when answering takes too long


@dataclass
class Chat:
    services: Services
    visitors: Visitors
    limits: ClientLimits
    answer_seconds: float

    async def guarded(self, request: Request, kind: str) -> tuple[dict[str, Any], str, str]:
        """The JSON body, the visitor id and the page's language; PublicError for anything refused."""
        if not same_origin(request, self.services.settings.public_url):
            raise PublicError(403, "public.error.expired")
        body = await json_body(request)
        visitor = self.visitors.visitor(body.get("token"))
        if kind == "ask" and await self.services.support.active(f"{CHANNEL}:{visitor}"):
            kind = "support"  # the answers of an open expression of interest come quicker than questions
        await self.limits.hit(kind, client_address(request))
        language = body.get("language") if body.get("language") in LANGUAGES else "en"
        return body, visitor, language

    def answer_json(self, answer: Answer, visitor: str) -> dict[str, Any]:
        """What the page shows: the answer and its "More", the sources, and a reference for the buttons."""
        return {"answer": answer.text, "more": answer.more, "answered": answer.answered, "kind": answer.kind,
                "language": answer.language, "footer": answer.footer,
                "resolved_question": answer.resolved_question if answer.resolved_question != answer.question else None,
                "sources": [{"n": n, "citation": s.citation, "title": s.title, "url": s.url}
                            for n, s in enumerate(answer.sources, start=1)],
                "ref": self.visitors.ref(visitor, answer.log_id) if answer.log_id is not None else None}

    async def answer(self, question: str, visitor: str) -> Answer:
        """The core's answer in this visitor's conversation; PublicError 503 (busy) when it takes too long."""
        try:
            async with asyncio.timeout(self.answer_seconds):
                return await self.services.answerer.ask(question, channel=CHANNEL, user_id=visitor,
                                                        conversation=f"{CHANNEL}:{visitor}")
        except Busy as busy:  # beyond this worker's capacity: refused at once, asked to come back
            raise PublicError(503, "public.error.busy", retry_after=busy.retry_after,
                              seconds=busy.retry_after) from None
        except TimeoutError:
            log.warning("a web question took longer than %.0f s", self.answer_seconds)
            raise PublicError(503, "public.error.busy", retry_after=BUSY_RETRY, seconds=BUSY_RETRY) from None

    async def ask(self, request: Request) -> Response:
        """A question; or, while an expression of interest is open, the answer to its question (never logged)."""
        async def run() -> dict[str, Any]:
            body, visitor, language = await self.guarded(request, "ask")
            question = text_field(body, "question", limit=MAX_QUESTION_CHARS)
            reply = await self.services.support.message(question, where(visitor, language))
            if reply is not None:
                return support_json(reply)
            return self.answer_json(await self.answer(question, visitor), visitor)
        return await respond(request, run)

    async def support(self, request: Request) -> Response:
        """The page's support button ({"command": true}) and the flow's buttons ({"value": ...})."""
        async def run() -> dict[str, Any]:
            body, visitor, language = await self.guarded(request, "support")
            place = where(visitor, language)
            if body.get("command") is True:
                return support_json(await self.services.support.command(place))
            value = text_field(body, "value", limit=100)
            return support_json(await self.services.support.press(value, place))
        return await respond(request, run)

    async def feedback(self, request: Request) -> Response:
        async def run() -> dict[str, Any]:
            body, visitor, language = await self.guarded(request, "ask")
            log_id = self.visitors.log_id(visitor, body.get("ref"))
            recorded = await self.services.answerer.feedback(log_id, helpful=body.get("helpful") is True)
            return {"message": say("feedback.thanks" if recorded else "feedback.gone", language)}
        return await respond(request, run)

    async def escalate(self, request: Request) -> Response:
        """'Ask A6IP staff', from under an answer (its reference) or from the form (a question typed there,
        asked first so staff see what the bot found): flagged for the console, and mailed to staff when
        email is set up, with the visitor's address for a reply if they gave one (mailed, never stored)."""
        async def run() -> dict[str, Any]:
            body, visitor, language = await self.guarded(request, "staff")
            typed = text_field(body, "email", limit=254, required=False)
            reply_to = email_address(typed) if typed else None
            if body.get("ref"):
                log_id = self.visitors.log_id(visitor, body.get("ref"))
            else:
                answer = await self.answer(text_field(body, "question", limit=MAX_QUESTION_CHARS), visitor)
                if answer.log_id is None:  # small talk is never logged: nothing for staff to read
                    raise PublicError(400, "public.error.empty")
                log_id = answer.log_id
            outcome = await self.services.staff.escalate(log_id, forward=self.forward(reply_to), language=language)
            return {"message": outcome.message, "status": outcome.status}
        return await respond(request, run)

    def forward(self, reply_to: str | None) -> Forward | None:
        mailbox = self.services.staff.mailbox
        if mailbox is None:
            return None

        async def forward(escalation: Escalation) -> bool:
            return await mailbox(replace(escalation, reply_to=reply_to))
        return forward


def where(visitor: str, language: str) -> Where:
    """The visitor's conversation; the page takes no notices (chat None): step notices go by email."""
    return Where(conversation=f"{CHANNEL}:{visitor}", channel=CHANNEL, chat=None, language=language,
                 command=f"“{say('support.button.web', language)}”")


def support_json(reply: Reply) -> dict[str, Any]:
    """A reply of the support flow as the page shows it: text (with *bold*), buttons, and whether it is over."""
    return {"support": {"text": reply.text, "done": reply.done, "reference": reply.reference,
                        "buttons": [{"label": b.label, "value": b.value, "chosen": b.chosen} for b in reply.buttons]}}


async def respond(request: Request, run: Any) -> Response:
    """JSON from `run`, or {"error": message} with the right status (and Retry-After) for what was refused."""
    try:
        return JSONResponse(await run())
    except PublicError as error:
        language = request.query_params.get("lang", "en")
        headers = {"retry-after": str(error.retry_after)} if error.retry_after else None
        return JSONResponse({"error": say(error.key, language if language in LANGUAGES else "en", **error.values)},
                            error.status, headers=headers)
    except UserError as error:
        language = request.query_params.get("lang", "en")
        return JSONResponse({"error": error.say(language if language in LANGUAGES else "en")}, 400)
