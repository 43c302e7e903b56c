"""Acronym expansion from the glossary, so "ITMO" and "internationally transferred mitigation outcome" meet."""

from __future__ import annotations

import re
from collections.abc import Iterable


class Acronyms:
    """Two-way map between acronyms (matched case-sensitively, as written) and their spelled-out forms."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.expansions: dict[str, list[str]] = {}
        for term, expansion in pairs:
            if term and expansion:
                self.expansions.setdefault(term, []).append(expansion)
        terms = sorted(self.expansions, key=len, reverse=True)
        self._term_re = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, terms)) + r")s?(?![\w])") if terms else None
        phrases = {exp.lower(): term for term, exps in self.expansions.items() for exp in exps}
        self._phrases = phrases
        ordered = sorted(phrases, key=len, reverse=True)
        self._phrase_re = (
            re.compile(r"\b(" + "|".join(re.escape(p) for p in ordered) + r")", re.IGNORECASE) if ordered else None
        )

    def expand(self, text: str) -> str:
        """The text followed by the expansions of its acronyms and the acronyms of its spelled-out terms."""
        extra: list[str] = []
        if self._term_re:
            for term in dict.fromkeys(m.group(1) for m in self._term_re.finditer(text)):
                extra.extend(self.expansions[term])
        if self._phrase_re:
            for phrase in dict.fromkeys(m.group(1).lower() for m in self._phrase_re.finditer(text)):
                extra.append(self._phrases[phrase])
        if not extra:
            return text
        return f"{text} ({'; '.join(dict.fromkeys(extra))})"
