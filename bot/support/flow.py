"""The guided conversation as a plain state machine, the same in every channel: a draft (which question is
open, the answers so far) and what a typed answer or a pressed button does to it. No I/O: bot.support.service
loads and saves drafts and turns a confirmed one into a request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from bot.support import fields as check
from bot.support.fields import AREAS, TIMELINES
from bot.texts import UserError, say

QUESTIONS = ("country", "institution", "name", "role", "email", "areas", "timeline", "needs")
CANCEL_WORDS = {"cancel", "/cancel", "stop", "annuler", "arreter", "cancelar", "parar"}  # folded: no accents
YES_WORDS = {"yes", "ok", "send", "confirm", "oui", "envoyer", "confirmer", "si", "enviar", "confirmar"}
DONE_WORDS = {"done", "termine", "listo", "ok"}
Outcome = Literal["next", "confirm", "cancel"]


@dataclass(frozen=True)
class Button:
    """A choice under a message: its label in the reader's language and the value sent back when pressed."""

    label: str
    value: str
    chosen: bool = False


@dataclass(frozen=True)
class Reply:
    """What a channel shows: text in neutral markup (*bold*), buttons, and whether the flow is over."""

    text: str
    buttons: tuple[Button, ...] = ()
    done: bool = False
    reference: str | None = None


@dataclass
class Draft:
    """An expression of interest being filled in: the open question ("summary" and "edit" after the last)."""

    step: str = "country"
    language: str = "en"
    answers: dict[str, Any] = field(default_factory=dict)
    editing: bool = False  # changing one answer from the summary: go back to it afterwards


@dataclass(frozen=True)
class Turn:
    """The result of one answer or button: the draft as it now is, an error to show, and what to do."""

    draft: Draft
    outcome: Outcome = "next"
    error: str | None = None


def following(draft: Draft) -> str:
    """The question after the current one, or the summary when all are answered or one was being changed."""
    if draft.editing or draft.step == QUESTIONS[-1]:
        return "summary"
    return QUESTIONS[QUESTIONS.index(draft.step) + 1]


def moved(draft: Draft, **answers: Any) -> Draft:
    step = following(draft)
    return Draft(step, draft.language, {**draft.answers, **answers}, editing=False if step == "summary" else draft.editing)


def answer(draft: Draft, text: str) -> Turn:
    """A typed answer to the open question: kept and the next question asked, or an error saying why not."""
    word = check.fold(text)
    if word in CANCEL_WORDS:
        return Turn(draft, "cancel")
    try:
        if draft.step == "country":
            return Turn(moved(draft, country=check.country_code(text)))
        if draft.step in ("institution", "name", "role", "needs"):
            return Turn(moved(draft, **{draft.step: check.plain_text(draft.step, text)}))
        if draft.step == "email":
            return Turn(moved(draft, email=check.email(text)))
        if draft.step == "areas":
            if word in DONE_WORDS:
                return done_choosing(draft)
            return Turn(moved(draft, areas=check.areas(text, draft.language)))
        if draft.step == "timeline":
            return Turn(moved(draft, timeline=check.plain_text("timeline", text), timeline_choice=None))
        if draft.step == "summary" and word in YES_WORDS:
            return Turn(draft, "confirm")
    except UserError as error:
        return Turn(draft, error=error.say(draft.language))
    return Turn(draft)  # summary or edit: show it again with its buttons


def press(draft: Draft, value: str) -> Turn:
    """A button of the open question; a button of an earlier message (already answered) shows the open one."""
    name, _, arg = value.partition(":")
    if name == "cancel":
        return Turn(draft, "cancel")
    if name == "area" and draft.step == "areas" and arg in AREAS:
        ticked = draft.answers.get("areas", [])
        chosen = [a for a in AREAS if (a in ticked) != (a == arg)]  # toggle `arg`, keep the deck's order
        return Turn(Draft(draft.step, draft.language, {**draft.answers, "areas": chosen}, draft.editing))
    if name == "areas" and draft.step == "areas":
        return done_choosing(draft)
    if name == "timeline" and draft.step == "timeline" and arg in TIMELINES:
        return Turn(moved(draft, timeline=say(f"support.timeline.{arg}", "en"), timeline_choice=arg))
    if name == "confirm" and draft.step == "summary":
        return Turn(draft, "confirm")
    if name == "edit" and draft.step in ("summary", "edit"):
        if arg in QUESTIONS:
            return Turn(Draft(arg, draft.language, draft.answers, editing=True))
        return Turn(Draft("edit", draft.language, draft.answers))
    return Turn(draft)


def done_choosing(draft: Draft) -> Turn:
    if not draft.answers.get("areas"):
        return Turn(draft, error=say("support.error.areas", draft.language))
    return Turn(moved(draft))


def shown(draft: Draft, name: str) -> str:
    """An answer as the requester reads it in the summary, in their language."""
    value, language = draft.answers.get(name), draft.language
    if name == "country":
        return check.country_name(str(value), language)
    if name == "areas":
        return ", ".join(say(f"support.area.{a}", language) for a in value or [])
    if name == "timeline" and draft.answers.get("timeline_choice"):
        return say(f"support.timeline.{draft.answers['timeline_choice']}", language)
    return str(value or "")


def summary(draft: Draft) -> str:
    return "\n".join(f"*{say(f'support.field.{name}', draft.language)}*: {shown(draft, name)}" for name in QUESTIONS)


def prompt(draft: Draft, *, before: str | None = None) -> Reply:
    """The open question with its buttons (and a cancel button), after `before` (an error or a greeting)."""
    language, step = draft.language, draft.step
    buttons: list[Button] = []
    if step == "areas":
        chosen = draft.answers.get("areas", [])
        buttons = [Button(say(f"support.area.{a}", language), f"area:{a}", a in chosen) for a in AREAS]
        buttons.append(Button(say("support.button.done", language), "areas"))
    elif step == "timeline":
        buttons = [Button(say(f"support.timeline.{t}", language), f"timeline:{t}") for t in TIMELINES]
    if step == "summary":
        text = say("support.summary", language, summary=summary(draft))
        buttons = [Button(say("support.button.confirm", language), "confirm"),
                   Button(say("support.button.edit", language), "edit")]
    elif step == "edit":
        text = say("support.edit", language)
        buttons = [Button(say(f"support.field.{name}", language), f"edit:{name}") for name in QUESTIONS]
    else:
        text = say(f"support.ask.{step}", language)
    buttons.append(Button(say("support.button.cancel", language), "cancel"))
    return Reply("\n\n".join(t for t in (before, text) if t), tuple(buttons))


def intro(language: str) -> Reply:
    """The two or three lines on the support package, and the offer to start."""
    return Reply(say("support.intro", language) + "\n" + say("support.hint", language),
                 (Button(say("support.button.start", language), "start"),
                  Button(say("support.button.later", language), "later")))
