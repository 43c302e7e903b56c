"""The one check every channel's question passes before the core reads it: not empty, not too long, and no
control characters (a NUL byte breaks PostgreSQL text and some platforms' handlers; other control and format
characters hide what was typed). Refusals are catalogue texts, so the terminal, the web chat, Telegram and
Slack say the same thing, each in its reader's language."""

from __future__ import annotations

import unicodedata

from bot.texts import UserError

MAX_QUESTION_CHARS = 1000
JOINERS = "\u200c\u200d"  # zero-width (non-)joiners are format characters that some scripts need


class QuestionError(UserError):
    """The message cannot be answered as a question (empty, too long, control characters); `say(language)`
    tells the person why in their language, `str()` in English."""


def control_character(text: str) -> str | None:
    """The first control or format character (other than tab, line breaks and joiners) as U+XXXX; None if clean."""
    for char in text:
        if char not in "\t\n\r" and char not in JOINERS and unicodedata.category(char) in ("Cc", "Cf"):
            return f"U+{ord(char):04X}"
    return None


def validate_question(text: str | None) -> str:
    """The question with its whitespace collapsed; QuestionError if it is empty, too long or holds a control
    character."""
    if (bad := control_character(text or "")) is not None:
        raise QuestionError("input.control", char=bad)
    question = " ".join((text or "").split())
    if not question:
        raise QuestionError("question.empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError("question.too_long", count=f"{len(question):,}", limit=f"{MAX_QUESTION_CHARS:,}")
    return question


__all__ = ["MAX_QUESTION_CHARS", "QuestionError", "control_character", "validate_question"]
