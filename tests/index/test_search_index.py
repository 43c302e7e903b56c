"""The facade with the real model: search, incremental upsert/delete, persistence, model mismatch."""

import numpy as np
import pytest

from index import Acronyms, IndexItem, SearchIndex

pytestmark = pytest.mark.model

PASSAGES = {
    1: "Each participating Party submits annual information in the agreed electronic format by 15 April.",
    2: "The Supervisory Body supervises the mechanism and approves methodologies.",
    3: "A share of proceeds of 5 per cent of issued emission reductions goes to the Adaptation Fund.",
    4: "Registries track internationally transferred mitigation outcomes from first transfer to use.",
}


def items(ids=PASSAGES):
    return [IndexItem(i, PASSAGES[i], f"h{i}", {"text": PASSAGES[i], "citation": f"c{i}"}) for i in ids]


@pytest.fixture
def index(encoder):
    idx = SearchIndex(encoder, acronyms=Acronyms([("AEF", "agreed electronic format"),
                                                  ("ITMO", "internationally transferred mitigation outcome")]))
    idx.upsert(items())
    return idx


def test_finds_the_passage_that_answers(index):
    assert index.search("When is the annual report due?", k=2)[0].id == 1
    assert index.search("how much goes to the Adaptation Fund", k=2)[0].id == 3


def test_acronym_question_finds_spelled_out_passage(index):
    assert index.search("Where are ITMOs recorded?", k=1)[0].id == 4
    assert index.search("AEF deadline", k=1)[0].id == 1


def test_delete_and_replace_by_id(index):
    index.delete([1])
    assert all(hit.id != 1 for hit in index.search("annual information agreed electronic format", k=4))
    index.upsert([IndexItem(3, "Capacity building workshops in Mongolia and Thailand.", "new", {"text": "x"})])
    assert len(index) == 3
    assert index.search("workshops in Mongolia", k=1)[0].id == 3
    assert len(index.dense) == 3  # replaced, not duplicated


def test_upsert_embeds_only_new_items(encoder, index):
    calls = []
    original = encoder.encode_passages
    encoder.encode_passages = lambda texts, **kw: calls.append(len(texts)) or original(texts, **kw)
    try:
        index.upsert([IndexItem(9, "Non-market approaches under Article 6.8.", "h9", {"text": "nma"})])
    finally:
        encoder.encode_passages = original
    assert calls == [1]


def test_save_and_load_round_trip(index, encoder, tmp_path):
    path = tmp_path / "index"
    index.save(path)
    loaded = SearchIndex.load(path, encoder)
    assert loaded is not None and loaded.fingerprint() == index.fingerprint()
    vector = loaded.embed_query("annual information deadline")
    assert np.allclose(vector, index.embed_query("annual information deadline"))
    assert loaded.search("annual information deadline", k=1)[0].id == 1


def test_index_built_with_another_model_is_not_loaded(index, encoder, tmp_path):
    path = tmp_path / "index"
    index.save(path)

    class Other:
        name, dim = "another-model", encoder.dim

    assert SearchIndex.load(path, Other()) is None
    assert SearchIndex.load(tmp_path / "missing", encoder) is None


def test_question_variants_match(encoder):
    idx = SearchIndex(encoder)
    idx.upsert([IndexItem(5, "Annual information is due by 15 April.", "h", {"text": "t"},
                          questions=["When is annual information due?", "AEF deadline"])])
    best, score = idx.match_questions(idx.query_vector("when is the annual information due"), k=1)[0]
    assert best == 5 and score > 0.9
    idx.delete([5])
    assert idx.match_questions(idx.query_vector("when is the annual information due")) == []


def test_multilingual_scores_cover_curated_and_imported_passages(encoder):
    from index import E5Encoder, QueryVector

    idx = SearchIndex(encoder, crosslingual=E5Encoder())
    idx.upsert([IndexItem(1, PASSAGES[1], "h1", {"text": PASSAGES[1]}, questions=["When is annual information due?"],
                          crosslingual=True),
                IndexItem(3, PASSAGES[3], "h3", {"text": PASSAGES[3]})])  # a decision paragraph: main model only
    question = "By when must we submit our annual information?"
    query = idx.multilingual_query(question, QueryVector(idx.embed_query(question)))
    scores = idx.multilingual_scores(query, [1, 3, 99])  # 99 is not indexed
    assert set(scores) == {1, 3}
    assert scores[1][0] > scores[3][0]  # the passage that answers
    assert scores[1][1] > 0.85 and scores[3][1] == 0.0  # a close curated phrasing; none for the decision
