"""Typo tolerance (index.spelling): what is corrected, what is never touched, and the vocabulary following
the index through changes and a save and load."""

from pathlib import Path

import numpy as np

from index import IndexItem, SearchIndex
from index.spelling import Vocabulary


def vocabulary(*texts: str) -> Vocabulary:
    words = Vocabulary()
    words.add(list(range(len(texts))), [[text] for text in texts])
    return words


PASSAGES = vocabulary(
    "A corresponding adjustment is applied for the first transfer of internationally transferred mitigation "
    "outcomes under Article 6.4, paragraph 1(f); the secretariat keeps the international registry.",
    "La presentación de información inicial; les ajustements correspondants des démarches concertées; les "
    "registres nationaux.")


def test_mistyped_words_are_corrected_to_indexed_ones():
    assert PASSAGES.correct("what is a corresponding adjustmnet") == "what is a corresponding adjustment"
    assert PASSAGES.correct("internatinoally transferred mittigation") == "internationally transferred mitigation"
    assert PASSAGES.correct("Ajustements correpsondants", "fr") == "Ajustements correspondants"


def test_accents_need_not_be_typed():
    assert PASSAGES.correct("presentacion de informacion inicial") == "presentación de información inicial"
    assert PASSAGES.correct("demarches concertees") == "démarches concertées"


def test_a_word_is_not_corrected_into_another_language():
    assert PASSAGES.correct("the correpsondants", "en") == "the correpsondants"
    assert PASSAGES.correct("¿Pueden los revisores opinar?", "es") == "¿Pueden los revisores opinar?"


def test_correct_words_stay_as_typed():
    # a word the passages hold once, another form of an indexed word, a word nothing indexed is near
    for question in ["who is the secretariat?", "how are adjustments applied to transfers?",
                     "what about photosynthesis?"]:
        assert PASSAGES.correct(question) == question


def test_numbers_paragraph_references_acronyms_and_short_words_are_never_touched():
    question = "Is 6.4 para 1(f) on ITMOs, NDCs, A6.4ERs or the CMA3 rgistry? wht abot 2021?"
    assert PASSAGES.correct(question) == question.replace("rgistry", "registry")


def item(chunk_id: int, text: str) -> IndexItem:
    rows = np.zeros((1, 4), dtype=np.float32)
    rows[0, chunk_id % 4] = 1.0
    return IndexItem(chunk_id, text, str(chunk_id), {"text": text}, embeddings={"stub": rows})


class Stub:
    name, dim = "stub", 4


def test_the_vocabulary_follows_index_changes_and_is_saved_with_it(tmp_path: Path):
    index = SearchIndex(Stub())  # type: ignore[arg-type]
    index.apply([], [item(1, "Registries record transfers.")])
    assert index.corrected("Maldives wrkshop") == "Maldives wrkshop"
    index.apply([], [item(2, "The Maldives workshop covered initial reports.")])
    assert index.corrected("Maldives wrkshop") == "Maldives workshop"
    index.save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index", Stub())  # type: ignore[arg-type]
    assert loaded is not None and loaded.corrected("Maldives wrkshop") == "Maldives workshop"
    index.delete([2])
    assert index.corrected("Maldives wrkshop") == "Maldives wrkshop"
