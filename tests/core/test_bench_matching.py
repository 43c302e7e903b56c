"""How `a6bot bench answers` decides that a source cites the paragraph a question rests on."""

import pytest

from bot.bench.answers import cites, has_fact


@pytest.mark.parametrize("source, expected", [
    ("Decision 2/CMA.3, annex, para. 20", "2/CMA.3, annex, para. 20"),
    ("Decision 7/CMA.4, annex I, paras. 11-17", "7/CMA.4, annex I, para. 15"),
    ("Decision 6/CMA.4, annex II, paras. 27, 35-43", "6/CMA.4, annex II, para. 39"),
    ("Decision 3/CMA.3, annex, paras. 40-41 and 45", "3/CMA.3, annex, para. 45"),
    ("Decision 2/CMA.3, annex, para. 18(i)(v)-(vi)", "2/CMA.3, annex, para. 18(g)"),
    ("Decision 3/CMA.3, annex, para. 4", "3/CMA.3"),
    ("A6IP update deck (2024)", "A6IP update deck"),
])
def test_a_source_covering_the_paragraph_counts(source: str, expected: str) -> None:
    assert cites(source, expected)


@pytest.mark.parametrize("source, expected", [
    ("Decision 7/CMA.4, annex I, paras. 11-17", "7/CMA.4, annex II, para. 15"),  # other annex
    ("Decision 2/CMA.3, para. 14", "2/CMA.3, annex, para. 14"),  # the decision, not its annex
    ("Decision 2/CMA.3, annex, paras. 13-14", "2/CMA.3, annex, para. 15"),
    ("Decision 4/CMA.6, para. 5(h)-(n)", "4/CMA.6, para. 8"),
    ("Decision 3/CMA.3", "3/CMA.3, annex, para. 31"),  # a whole decision is not a paragraph
])
def test_a_neighbouring_paragraph_does_not(source: str, expected: str) -> None:
    assert not cites(source, expected)


def test_key_facts_allow_alternatives_and_ignore_case_and_spacing() -> None:
    assert has_fact("Due by 15  April of the following year", "15 april")
    assert has_fact("five per cent of A6.4ERs", ["5 per cent", "five per cent"])
    assert not has_fact("by 31 December", "15 April")
