"""Typo questions for `a6bot bench answers --typos`: each question with one or two of its content words
misspelled as fast typing does (two letters swapped, one dropped, one doubled), deterministically, so runs
before and after a change compare the same misspellings."""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import replace

from bot.bench.question_sets import DevQuestion, QuestionSet

CONTENT_WORD = re.compile(r"(?<![\w.])[^\W\d_]{5,}(?![\w])")  # the words the correction may mend: 5+ letters


def misspell(question: str, seed: int = 0) -> str:
    """The question with one or two content words (not acronyms) mistyped; unchanged if it has none."""
    spots = [m for m in CONTENT_WORD.finditer(question) if sum(c.isupper() for c in m.group(0)) < 2]
    if not spots:
        return question
    rng = random.Random(zlib.crc32(question.encode()) + seed)
    chosen = sorted(rng.sample(spots, min(len(spots), rng.choice([1, 2]))), key=lambda m: m.start(), reverse=True)
    for match in chosen:
        word = match.group(0)
        at = rng.randrange(1, len(word) - 1)  # the first letter is rarely the one mistyped
        typo = rng.choice([word[:at] + word[at + 1] + word[at] + word[at + 2:],  # swapped
                           word[:at] + word[at + 1:],  # dropped
                           word[:at] + word[at] + word[at:]])  # doubled
        question = question[:match.start()] + typo + question[match.end():]
    return question


def with_typos(found: QuestionSet, seed: int = 0) -> QuestionSet:
    """The set's single questions misspelled (dialogues left out: the follow-up bench measures those)."""
    return QuestionSet(questions=[replace(q, question=misspell(q.question, seed)) for q in found.questions])
