"""The typo benchmark's misspellings (bot.bench.typos): the same every run, one or two words, as fast typing."""

from bot.bench.typos import misspell

QUESTION = "Which corresponding adjustments apply to ITMOs first transferred under Article 6.2 in 2025?"


def test_misspellings_are_repeatable_and_touch_one_or_two_content_words():
    typed = misspell(QUESTION)
    assert typed == misspell(QUESTION) != QUESTION
    changed = [(a, b) for a, b in zip(QUESTION.split(), typed.split(), strict=True) if a != b]
    assert 1 <= len(changed) <= 2
    for clean, wrong in changed:
        assert len(clean) >= 5 and abs(len(clean) - len(wrong)) <= 1 and not clean.isupper()
    assert {"ITMOs", "6.2", "2025?"} <= set(typed.split())
    assert misspell(QUESTION, seed=1) != typed or misspell(QUESTION, seed=2) != typed
