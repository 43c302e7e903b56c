"""How an answer is laid out: the lead first, at most two supporting points introduced by what they answer,
the chat-sized part within about 150 words, the rest in `more`, twins merged, the asker's language."""

from datetime import date

from bot.composition import CHAT_WORDS, compose
from index import Hit

CONTACT = "staff@example.org"

TODAY = date(2026, 11, 28)


def faq(n: int, question: str, text: str, citation: str, score: float = 0.9, **meta) -> Hit:
    return Hit(n, score, score, 0.0, {"kind": "faq", "doc_type": "faq", "question": question, "text": text,
                                      "citation": citation, "title": "FAQ", **meta})


def guide(n: int, heading: str, text: str, citation: str, score: float = 0.8) -> Hit:
    return Hit(n, score, score, 0.0, {"kind": "passage", "doc_type": "markdown", "heading": heading, "text": text,
                                      "citation": citation, "title": "Guide"})


LEAD = faq(1, "When is annual information under Article 6.2 due?",
           "By 15 April of the following year, in the agreed electronic format, for the Article 6 database.",
           "Decision 2/CMA.3, annex, para. 20")
TWIN = guide(2, "Annual information", "Annual information is due by 15 April of the following year in the agreed "
             "electronic format, for recording in the Article 6 database.", "Decision 6/CMA.4, annex V")
TOPICS = ["registries record holdings", "reviews check consistency", "authorizations name uses", "adjustments avoid doubles"]
OTHERS = [faq(10 + n, f"Question number {n} about reporting?", " ".join([f"Sentence {n} says {TOPICS[n]} {m}." for m in
                                                                         range(9)]),
              f"Decision 2/CMA.3, annex, para. {30 + n}", score=0.8 - n / 100) for n in range(4)]


def test_lead_then_supporting_points_with_headings_and_the_rest_in_more():
    composed = compose([LEAD, *OTHERS], "When is annual information due?", lead=LEAD, lead_heading=False,
                       language="en", answered=True, contact=CONTACT, today=TODAY)
    assert composed.text.startswith("By 15 April of the following year")
    assert len(composed.text.split()) <= CHAT_WORDS
    blocks = composed.text.split("\n\n")
    assert 2 <= len(blocks) <= 3
    assert all(block.split("\n")[0].startswith("Question number") for block in blocks[1:])  # introduced by its question
    assert composed.more and "[5]" in composed.more
    cited = [f"[{n}]" for n in range(1, len(composed.sources) + 1)]
    assert all(mark in composed.text + composed.more for mark in cited)
    assert composed.sources[0].citation == "Decision 2/CMA.3, annex, para. 20"


def test_an_faq_and_a_guide_saying_the_same_thing_become_one_point_citing_both():
    composed = compose([LEAD, TWIN], "When is annual information due?", lead=LEAD, lead_heading=False,
                       language="en", answered=True, contact=CONTACT, today=TODAY)
    assert composed.text.count("15 April") == 1 and "[1][2]" in composed.text
    assert [s.citation for s in composed.sources] == ["Decision 2/CMA.3, annex, para. 20", "Decision 6/CMA.4, annex V"]


def test_a_lead_that_is_not_a_paraphrase_of_the_question_gets_its_own_question_as_heading():
    composed = compose([LEAD], "annual info?", lead=LEAD, lead_heading=True, language="en", answered=True, contact=CONTACT,
                       today=TODAY)
    assert composed.text.startswith("When is annual information under Article 6.2 due?\nBy 15 April")


def test_a_curated_french_answer_leads_a_french_question():
    translated = faq(3, "What is a cooperative approach?", "An Article 6.2 arrangement between Parties.",
                     "Decision 2/CMA.3, annex, para. 1",
                     translations={"fr": {"answer": "Un arrangement entre Parties au titre de l'article 6.2.",
                                          "question": "Qu'est-ce qu'une démarche concertée ?"}})
    composed = compose([translated, *OTHERS[:1]], "Qu'est-ce qu'une démarche concertée ?", lead=translated,
                       lead_heading=False, language="fr", answered=True, contact=CONTACT, today=TODAY)
    lead, supporting = composed.text.split("\n\n")[:2]
    assert lead.startswith("Un arrangement entre Parties")
    # English material that fits follows, announced in French and quoted: the curated entry may answer a
    # nearby question and the English passage the one asked.
    assert supporting.startswith("Autres sources (en anglais) :\nQuestion number 0 about reporting?\n« Sentence 0 says")


def test_only_english_material_is_said_in_the_askers_language_and_quoted():
    composed = compose([LEAD], "¿Cuándo vence la información anual?", lead=LEAD, lead_heading=False, language="es",
                       answered=True, contact=CONTACT, today=TODAY)
    first, quote = composed.text.split("\n\n")[:2]
    assert first == "Mis fuentes solo responden a esta pregunta en inglés; este es el extracto que responde:"
    assert quote.startswith("« By 15 April") and quote.endswith("» [1]")


def test_a_dated_answer_checked_long_ago_says_as_of_when():
    stale = faq(4, "When is it due?", "It is due by 31 December 2025.", "Decision 4/CMA.6, para. 14",
                checked="2026-01-15")
    composed = compose([stale], "When is it due?", lead=stale, lead_heading=False, language="en", answered=True, contact=CONTACT,
                       today=TODAY)
    assert "(as of 15 January 2026)" in composed.text and "The date of 31 December 2025 has passed." in composed.text
    fresh = compose([LEAD], "When is it due?", lead=LEAD, lead_heading=False, language="en", answered=True, contact=CONTACT,
                    today=TODAY)
    assert "as of" not in fresh.text and "passed" not in fresh.text
    said_in_the_past = faq(5, "When was it due?", "It was due by 31 December 2024.", "Decision 18/CMA.1, para. 3")
    assert "passed" not in compose([said_in_the_past], "When?", lead=said_in_the_past, lead_heading=False,
                                   language="en", answered=True, contact=CONTACT, today=TODAY).text


def test_unsure_answers_show_the_closest_sources_and_no_more():
    composed = compose([LEAD, *OTHERS], "weather?", lead=None, lead_heading=False, language="fr", answered=False, contact=CONTACT,
                       today=TODAY)
    assert composed.text.startswith("Je n'ai pas de réponse sûre") and not composed.more
    assert len(composed.sources) == 4


def test_a_supporting_point_too_long_for_the_budget_keeps_its_most_relevant_whole_sentences():
    long_lead = faq(6, "What does the registry record?", " ".join(f"Registry fact number {n} is here." for n in range(18)),
                    "Decision 2/CMA.3, annex, para. 29")
    detail = guide(7, "Registry connection", "National registries may connect voluntarily to the mechanism registry. "
                   + " ".join(f"Unrelated remark {n} about something else entirely." for n in range(10)),
                   "Decision 6/CMA.6, para. 17")
    composed = compose([long_lead, detail], "Can national registries connect to the mechanism registry?",
                       lead=long_lead, lead_heading=False, language="en", answered=True, contact=CONTACT, today=TODAY)
    assert len(composed.text.split()) <= CHAT_WORDS
    shown = composed.text.split("\n\n")[1]
    assert shown.startswith("Registry connection\nNational registries may connect voluntarily") and "…" not in shown
    assert composed.more.startswith("Registry connection\n") and len(composed.more) > len(shown)  # the rest, in more
    assert [s.citation for s in composed.sources] == ["Decision 2/CMA.3, annex, para. 29", "Decision 6/CMA.6, para. 17"]
