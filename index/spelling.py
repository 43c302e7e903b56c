"""Typo tolerance: a question's misspelled words corrected to the closest word the index holds.

Officials type fast; "adjustmnet" matches nothing in BM25 and blurs the embedding, so a well-answered
question goes unanswered. The vocabulary is the words of the indexed passages, their curated question
phrasings and translations (English, French, Spanish), kept per chunk id so that it follows every change
to the index. Only a word the vocabulary does not know is touched, and only when a known word is within
one edit (words of 5-8 letters) or two (longer words); a transposition ("mnet" for "ment") counts as one
edit, as it is one slip of the fingers (optimal string alignment distance, rapidfuzz). Accents are ignored
when comparing, so "presentacion" becomes "presentación". Numbers, paragraph references ("6.4", "1(f)"),
acronyms and short words are never touched, nor is a real English, French or Spanish word the knowledge
base happens not to hold (pyspellchecker's word lists): without that check, "plants" became "plans" and
"summit" "submit" in correctly spelled development questions. Nor is a word corrected into a word of another
language than the question's (the Spanish "revisores" is not a typo of the French "registres").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from index import by_chunk
from index.lexical import STOPWORDS

# A run of letters standing alone: the "A" and "ER" of "A6.4ER" or the "f" of "1(f)" are not words here,
# nor the "doesn" of "doesn't".
WORD = re.compile(r"(?<![\w.])[^\W\d_]+(?![\w'’])")
LANGUAGES = ("en", "fr", "es")
SHORTEST = 5  # shorter words are left alone: too many real words lie one edit apart
LONG = 9  # from this length, two edits


def fold(word: str) -> str:
    """Lower case without accents: the form words are compared in."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def words_of(texts: Iterable[str]) -> list[str]:
    """The distinct lower-cased words of some texts."""
    return sorted({w.lower() for text in texts for w in WORD.findall(text) if len(w) >= 2})


@cache
def dictionaries() -> dict[str, frozenset[str]]:
    """Language -> its words (English, French, Spanish; loaded once, in about a second)."""
    from spellchecker import SpellChecker

    return {language: frozenset(SpellChecker(language=language, distance=1).word_frequency.dictionary)
            for language in LANGUAGES}


def max_edits(word: str) -> int:
    return 0 if len(word) < SHORTEST else 1 if len(word) < LONG else 2


class Vocabulary:
    """Chunk id -> its distinct words; the lookup tables are rebuilt lazily after a change (as the lexical
    index's BM25 model is), and replaced as one tuple, so concurrent readers see one version."""

    def __init__(self) -> None:
        self.words: dict[int, list[str]] = {}
        self._built: _Tables | None = None
        self._stemmers = [Stemmer.Stemmer(language) for language in ("english", "french", "spanish")]
        self._stemming = threading.Lock()  # a PyStemmer stemmer is not safe to share between threads
        self._dictionaries = dictionaries()

    def __len__(self) -> int:
        return len(self.words)

    def add(self, ids: list[int], texts: list[list[str]]) -> None:
        for chunk_id, parts in zip(ids, texts, strict=True):
            self.words[int(chunk_id)] = words_of(parts)
        self._built = None

    def remove(self, ids: Iterable[int]) -> None:
        for chunk_id in ids:
            self.words.pop(int(chunk_id), None)
        self._built = None

    def _stem(self, words: list[str]) -> list[str]:
        """English stems, as the lexical index has them."""
        with self._stemming:
            return self._stemmers[0].stemWords(words)

    def _inflection(self, word: str, other: str) -> bool:
        """Whether two words are forms of one word in English, French or Spanish ("podía", "podían")."""
        with self._stemming:
            return any(stemmer.stemWord(word) == stemmer.stemWord(other) for stemmer in self._stemmers)

    def _build(self) -> _Tables:
        counts = Counter(w for words in self.words.values() for w in words)
        forms: dict[str, str] = {}
        for word, _ in counts.most_common():
            forms.setdefault(fold(word), word)
        by_length: dict[int, list[str]] = {}
        for folded in forms:
            by_length.setdefault(len(folded), []).append(folded)
        self._built = _Tables(set(counts), forms, {w: n for n, w in enumerate(forms)},
                              set(self._stem(list(counts))), by_length)
        return self._built

    def _foreign(self, word: str, language: str) -> bool:
        """Whether a word is a word of other languages only (not of the question's, nor a term of art)."""
        return word not in self._dictionaries.get(language, frozenset()) and any(
            word in words for other, words in self._dictionaries.items() if other != language)

    def correct(self, text: str, language: str = "en") -> str:
        """The text with each unknown word replaced by the closest known one, when one is close enough."""
        if not self.words:
            return text
        tables = self._built or self._build()

        def replace(match: re.Match[str]) -> str:
            word = match.group(0)
            lower = word.lower()
            edits = max_edits(word)
            if not edits or sum(c.isupper() for c in word) > 1 or lower in STOPWORDS or lower in tables.known:
                return word  # short, an acronym ("ITMOs", "NDC"), a function word or a known word
            folded = fold(word)
            if any(lower in words for words in self._dictionaries.values()):
                return word  # a real word the knowledge base does not hold
            if folded in tables.forms:
                return tables.forms[folded]  # the same word with its accents: "presentacion" -> "presentación"
            if self._stem([lower])[0] in tables.stems:
                return word  # another form of an indexed word ("adjustments" where "adjustment" is indexed)
            choices = [w for n in range(len(folded) - edits, len(folded) + edits + 1)
                       for w in tables.by_length.get(n, [])]
            close = [found for found in process.extract(folded, choices, scorer=OSA.distance, score_cutoff=edits,
                                                        limit=None) if not self._foreign(tables.forms[found[0]], language)]
            if not close:
                return word
            nearest = min(close, key=lambda found: (found[1], tables.rank[found[0]]))[0]  # the commonest of ties
            best = tables.forms[nearest]
            return word if self._inflection(lower, best) else best  # "podía" is not a typo of "podían"

        def keep_capital(match: re.Match[str]) -> str:
            word, found = match.group(0), replace(match)
            return found[:1].upper() + found[1:] if word[:1].isupper() and found != word else found

        return WORD.sub(keep_capital, text)

    def save(self, path: Path) -> None:
        by_chunk.save(path, self.words)

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        vocabulary = cls()
        vocabulary.words = by_chunk.load(path)
        return vocabulary


@dataclass(frozen=True)
class _Tables:
    """What correcting looks words up in: the known words; folded word -> its commonest written form, and
    its rank by frequency; the stems of the known words; folded words by length."""

    known: set[str]
    forms: dict[str, str]
    rank: dict[str, int]
    stems: set[str]
    by_length: dict[int, list[str]]
