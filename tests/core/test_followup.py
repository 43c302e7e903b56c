"""Elliptical follow-ups are spelled out from the conversation's last question; new questions stay as typed."""

import pytest

from bot.conversations import Context
from bot.followup import readings
from bot.language import detect_language


@pytest.mark.parametrize("previous, follow_up, resolved", [
    ("What is an updated initial report?", "and what goes in it?", "What goes in the updated initial report?"),
    ("When is the Article 6.2 initial report due?", "and for 6.4?", "When is the Article 6.4 initial report due?"),
    ("Is there a mandatory share of proceeds under Article 6.2?", "and for 6.4?",
     "Is there a mandatory share of proceeds under Article 6.4?"),
    ("When must the Article 6.2 initial report be submitted?", "and for annual information?",
     "When must annual information be submitted?"),
    ("When is annual information under Article 6.2 due?", "what about the deadline?",
     "What is the deadline for annual information under Article 6.2?"),
    ("What does the Article 6 technical expert review check?", "and who does it?",
     "Who does the Article 6 technical expert review?"),
    ("Y a-t-il une part des fonds obligatoire au titre de l'article 6.2 ?", "et pour le 6.4 ?",
     "Y a-t-il une part des fonds obligatoire au titre de l'article 6.4 ?"),
    ("Que doit contenir le rapport initial de l'article 6.2 ?", "et quel est le délai ?",
     "Quel est le délai pour le rapport initial de l'article 6.2 ?"),
    ("¿Qué es la información anual del artículo 6.2?", "¿y cuál es el plazo?",
     "¿Cuál es el plazo de la información anual del artículo 6.2?"),
    ("¿Cómo está compuesto el Órgano de Supervisión del artículo 6.4?", "¿y cuánto dura su mandato?",
     "¿Cuánto dura el mandato del Órgano de Supervisión del artículo 6.4?"),
    # The subject is what the question is about, not who acts ("a Party").
    ("Can a Party change an authorization after ITMOs have been transferred?", "and can it be revoked?",
     "Can the authorization be revoked?"),
    ("What is a corresponding adjustment?", "how does it work for a multi-year NDC?",
     "How does the corresponding adjustment work for a multi-year NDC?"),
    # A short question naming no subject of its own asks about the previous one.
    ("When is Article 6.2 annual information due?", "in what format?",
     "In what format (Article 6.2 annual information)?"),
    ("¿Qué tasas se aplican en el mecanismo del artículo 6.4?", "¿están exentos los PMA?",
     "¿Están exentos los PMA (el mecanismo del artículo 6.4)?"),
    ("Quand les informations annuelles de l'article 6.2 doivent-elles être communiquées ?", "et sous quel format ?",
     "Sous quel format (les informations annuelles de l'article 6.2) ?"),
    ("Comment l'organe de supervision de l'article 6.4 est-il composé ?", "et comment prend-il ses décisions ?",
     "Comment prend-il les décisions de l'organe de supervision de l'article 6.4 ?"),
    ("¿Cuándo se revisarán las directrices del artículo 6.2?", "¿y las normas del 6.4?",
     "¿Cuándo se revisarán las normas del 6.4?"),
    ("Qu'est-ce qu'une démarche concertée ?", "et pour le 6.4 ?", "Qu'est-ce qu'une démarche concertée (article 6.4) ?"),
    # A track named by its instrument; a clause never takes the previous subject's place.
    ("Is cancellation for overall mitigation in global emissions required under Article 6.2?",
     "and under the mechanism?", "Is cancellation for overall mitigation in global emissions required under Article 6.4?"),
    ("¿Qué debe contener una autorización del artículo 6.2?", "¿y se publica?",
     "¿Se publica (la autorización del artículo 6.2)?"),
    ("Are LDCs exempt from Article 6.4 fees?", "what about SIDS?", "Are SIDS exempt from Article 6.4 fees?"),
    # A French or Spanish object pronoun: the subject is named after the verb.
    ("¿Cuándo hay que presentar el informe inicial del artículo 6.2?", "¿y quién lo revisa?",
     "¿Quién revisa el informe inicial del artículo 6.2?"),
    ("Quand faut-il soumettre le rapport initial de l'article 6.2 ?", "et qui l'examine ?",
     "Qui examine le rapport initial de l'article 6.2 ?"),
])
def test_a_follow_up_is_answered_as_the_question_it_stands_for(previous, follow_up, resolved):
    context = Context(question=previous, language=detect_language(previous))
    assert readings(follow_up, context, detect_language(follow_up, default=context.language))[0] == resolved


@pytest.mark.parametrize("previous, follow_up, resolved", [
    # Another paragraph asked with words that only repeat the question.
    ("When is the Article 6.2 initial report due?", "Same question for 6.4.",
     "When is the Article 6.4 initial report due?"),
    ("What is the share of proceeds under Article 6.4?", "Does it apply to 6.2 too?",
     "What is the share of proceeds under Article 6.2?"),
    ("¿Qué es el informe inicial del artículo 6.2?", "¿Y en el caso del 6.4?", "¿Qué es el informe inicial del artículo 6.4?"),
    # The phrase a preposition opened in the previous question is the slot the follow-up fills.
    ("What is the longest crediting period for an emission reduction activity under 6.4?", "and for removals?",
     "What is the longest crediting period for removals?"),
    ("¿Qué porcentaje de las RE-A6.4 se cancela para la mitigación global de las emisiones?", "¿y para adaptación?",
     "¿Qué porcentaje de las RE-A6.4 se cancela para adaptación?"),
    # A noun pointed back at with a demonstrative is the previous subject.
    ("How big is the share of proceeds for adaptation under the 6.4 mechanism?", "and who gets those units?",
     "Who gets the units (the share of proceeds for adaptation under the 6.4 mechanism)?"),
    # "one" and a locative "there" stand for the previous subject.
    ("What is the longest crediting period for removals?", "can the host country set a shorter one?",
     "Can the host country set a shorter one (the longest crediting period for removals)?"),
    ("Is there a UNFCCC platform for non-market approaches?", "does putting our NMA there commit us to anything?",
     "Does putting our NMA there commit us to anything (the UNFCCC platform for non-market approaches)?"),
    # The verb came before the subject: the subject keeps its last word.
    ("When do we have to submit the Article 6.2 initial report?", "is the review report public?",
     "Is the review report public (the Article 6.2 initial report)?"),
])
def test_a_follow_up_fills_the_slot_it_names(previous, follow_up, resolved):
    context = Context(question=previous, language=detect_language(previous))
    assert readings(follow_up, context, detect_language(follow_up, default=context.language))[0] == resolved


@pytest.mark.parametrize("question", [
    "What is the A6IP?", "Qu'est-ce qu'une démarche concertée ?", "What is Kenya's NDC target?",
    "How long do Supervisory Body members serve?", "¿Qué es un RMTI?", "What is the consistency check?",
    "When is the next A6IP training?",
])
def test_a_new_question_is_not_polluted_by_the_previous_one(question):
    context = Context(question="What is an updated initial report?")
    assert readings(question, context, detect_language(question)) == [question]


def test_a_follow_up_the_words_cannot_settle_has_both_readings():
    context = Context(question="How long are crediting periods under the Article 6.4 mechanism?")
    assert readings("and for removals?", context, "en") == [
        "How long are crediting periods under removals?",
        "How long are crediting periods under the Article 6.4 mechanism for removals?"]


@pytest.mark.parametrize("turns, resolved", [
    (["¿Qué es el informe inicial del artículo 6.2?", "¿y cuál es el plazo?", "¿quién lo revisa?"],
     "¿Quién revisa el informe inicial del artículo 6.2?"),
    (["Quelle est la part des fonds pour l'adaptation dans le mécanisme de l'article 6.4 ?",
      "les PMA en sont-ils exemptés ?", "et qui reçoit ces unités ?"],
     "Qui reçoit les unités (la part des fonds pour l'adaptation dans le mécanisme de l'article 6.4) ?"),
])
def test_the_third_turn_still_asks_about_the_conversations_subject(turns, resolved):
    """Each turn is spelled out from the previous one as answered, so an aspect ("the deadline") or a
    bracketed subject does not become the subject of the next turn."""
    context = Context(question=turns[0], language=detect_language(turns[0]))
    for turn in turns[1:]:
        context = Context(question=readings(turn, context, context.language)[0], language=context.language)
    assert context.question == resolved
