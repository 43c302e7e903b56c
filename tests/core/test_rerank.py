"""A passage filed under another Article 6 track than the one the question names does not lead."""

from bot.rerank import rerank, tracks_named
from index import Hit


def hit(id_: int, score: float, topics: list[str]) -> Hit:
    return Hit(id_, score, score, 0.0, {"topics": topics, "kind": "faq", "key": f"faq-{id_}"})


def test_the_track_named_in_the_question_leads():
    store = {1: {"topics": ["participation", "6.2"]}, 2: {"topics": ["participation", "6.4"]}}
    hits = [hit(1, 0.98, ["participation", "6.2"]), hit(2, 0.90, ["participation", "6.4"])]
    ranked, matches = rerank(hits, [(1, 0.98), (2, 0.90)], store,
                             "What are the participation requirements for Article 6.4?")
    assert [h.id for h in ranked] == [2, 1] and matches[0][0] == 2


def test_no_track_or_two_tracks_leave_the_order_alone():
    hits = [hit(1, 0.98, ["6.2"]), hit(2, 0.90, ["6.4"])]
    for question in ("What is a corresponding adjustment?", "How do 6.2 and 6.4 differ?"):
        ranked, _ = rerank(hits, [], {}, question)
        assert [h.id for h in ranked] == [1, 2], question
    assert tracks_named("Article 6, paragraph 4") == {"6.4"} and tracks_named("Decision 6/CMA.4, para. 2") == set()
