"""Which questions ask for a resource (bot.tools.cues), in English, French and Spanish, and which ask for
the rule or for an event, so a rulebook question is never answered with a toolkit instead of the rule."""

from __future__ import annotations

import pytest

from bot.tools.cues import (asked_language, asks_for_material, named_publishers, publisher_names, seeks_resource,
                            speaks_of_parties, wanted_level, wanted_topics, wanted_types)


@pytest.mark.parametrize("question", [
    "Is there a toolkit to help us decide our Article 6 authorization policy?",
    "A template for the initial report",
    "Any e-learning on corresponding adjustments in French?",
    "How do other countries set up their authorization process?",
    "Which course should I take on 6.4?",
    "Existe-t-il une formation en ligne sur les ajustements correspondants ?",
    "Avez-vous un modèle de lettre d'autorisation ?",
    "Comment d'autres pays organisent-ils l'autorisation ?",
    "¿Hay un curso sobre ajustes correspondientes en español?",
    "¿Tienen una plantilla de carta de autorización?",
    "¿Cómo lo hacen otros países para el seguimiento?",
    "Where can I see the initial reports other Parties have already submitted?",
    "What does a letter of authorization from a host government look like? A sample would help.",
    "Background reading on how Article 6 reporting relates to the biennial transparency report",
    "Which programmes help countries design the institutions for Article 6?",
    "Où lire les accords bilatéraux signés par la Suisse au titre de l'article 6 ?",
    "Des conseils pour évaluer les bénéfices de développement durable d'une activité avant de l'autoriser ?",
    "¿Dónde puedo ver los informes iniciales que ya presentaron otras Partes?",
    "¿Hay alguna lectura sobre cómo integrar el artículo 6 en la CDN?",
    "What support does UNDP offer countries for Article 6 readiness?",
    "Quelles formations le secrétariat de la CCNUCC propose-t-il sur l'article 6 ?",
    "I'm new to Article 6. Where should I start?",
    "Soy nuevo en el artículo 6, ¿por dónde empiezo?",
    "How did Sweden set up its authorization procedure as a buyer?",
    "Comment le Ghana a-t-il organisé son bureau des marchés du carbone ?",
    "Is there an FAQ for project developers on Singapore's implementation agreements?",
    "Who has published work on additionality under 6.2?",
    "What should I read to understand corresponding adjustments?",
    "¿Me pueden recomendar un curso sobre el artículo 6?",
    "Est-ce qu'il y a un guide sur l'autorisation ?",
    "We are new to this. Any template for the initial report?",
    # asked by their form, without naming a kind of resource the catalogue uses
    "Where is the list of activities that asked to move from the CDM to the 6.4 mechanism?",
    "Who could help us assess our capacity gaps for Article 6?",
    "Nous cherchons une note d'information simple sur l'article 6 pour nos collègues",
    "Où se trouve la liste des activités du MDP en transition ?",
    "¿Existe un proyecto que apoye a los países andinos en su estrategia del artículo 6?",
    "¿Quién puede apoyarnos para preparar nuestro marco institucional del artículo 6?",
    "How many bilateral agreements under Article 6 have been signed so far?",
    # an obligation told as context, then the request
    "Our authority has to sign a letter for every transfer. Is there a model letter we could adapt?",
])
def test_questions_that_ask_for_a_resource(question: str) -> None:
    assert seeks_resource(question)


@pytest.mark.parametrize("question", [
    "What is an ITMO?",
    "What does the guidance say about a template for the authorization?",
    "When is the next webinar on reporting?",
    "Can corresponding adjustments be applied in the form of a multi-year emissions trajectory?",
    "Qu'est-ce qu'un ajustement correspondant ?",
    "¿Qué información debe incluir el informe inicial?",
    "Must a Party use the agreed electronic format?",
    "What must the initial report contain?",
    "Which template must Parties use to submit annual information?",
    "Who reviews the reports submitted by Parties?",
    "Are there any data requirements for tracking?",
    "Give me an introduction to corresponding adjustments",
    "I need to know when the initial report is due",
    "Which programmes count as cooperative approaches?",
    "Is there anything in the decision about vintages?",
    "Y a-t-il une date limite pour le rapport initial ?",
    "Quisiera saber cuándo vence el plazo del informe inicial",
    "Is there a template the host Party must use for its statement?",
    "Is there an official template for the AEF?",
    "¿Hay una plantilla obligatoria para el informe inicial?",
    "How does the Supervisory Body approve a methodology?",
    "What support must be provided to developing country Parties?",
    "Who runs the Article 6.4 mechanism registry?",
    "Qui tient le registre international ?",
    "Can I get an overview of the participation requirements?",
    # the rulebook's own instruments: official or agreed, or what the decisions give
    "Is there an agreed format for sending the annual information?",
    "Do the decisions give a structure for the initial report?",
    "Existe-t-il un canevas officiel pour le rapport initial ?",
    "¿Existe un formato oficial para enviar la información anual?",
    "Who keeps the international registry?",
    # a situation told first, then the question (its "programme" is a programme of activities, not a resource)
    "We only issue mitigation contribution units for a cookstove programme. Does the registry still take the 5%?",
    "Nous accueillons un programme d'activités. Faut-il un ajustement correspondant ?",
    # a task for the bot, not a published resource (off-topic, declined by the answerer's confidence)
    "Can you write me a Python script that merges two Excel files?",
    "¿Puedes escribir una macro de Excel que sume dos columnas?",
])
def test_questions_for_the_rule_or_an_event(question: str) -> None:
    assert not seeks_resource(question)


def test_kind_topics_and_language_named_in_the_question() -> None:
    question = "¿Hay un curso sobre ajustes correspondientes en español?"
    assert wanted_types(question) == {"e-learning"}
    assert wanted_topics(question) == {"corresponding-adjustments"}
    assert asked_language(question) == "es"
    assert asked_language("Any e-learning in French?") == "fr"
    assert asked_language("Is there a toolkit?") is None
    assert "template" in wanted_types("Avez-vous un modèle de lettre ?")
    assert "case-study" in wanted_types("How do other countries do it?")


def test_publishers_and_level_named_in_the_question() -> None:
    """A question naming a publisher (in its own language) favours that publisher's resources; descriptive
    parts of the publisher field and Article 6 vocabulary are not names."""
    assert publisher_names("UNDP and UNFCCC (funded by Switzerland's SECO)") == {"undp", "unfccc"}
    assert publisher_names("NDC Partnership; Perspectives Climate Research") == {"ndc partnership",
                                                                                 "perspectives climate research"}
    assert "roadmap" not in " ".join(publisher_names("National MRV system; roadmap prepared with UNDP support"))
    assert "undp" in named_publishers("Quel appui le PNUD offre-t-il ?").split()
    assert "world bank" in named_publishers("¿Qué apoyo ofrece el Banco Mundial?")
    assert wanted_level("Je débute sur l'article 6 : par où commencer ?") == "introductory"
    assert wanted_level("A technical paper on baselines") is None


@pytest.mark.parametrize("question", [
    "Any e-learning on corresponding adjustments in French?",
    "Avez-vous un modèle de lettre d'autorisation ?",
    "Where do I find the version in force of the Article 6.4 methodology standard?",
    "Connaissez-vous une base de données des activités au titre de l'article 6 ?",
    "We are choosing between a national registry and the international one. Anything that compares them?",
    "Where can I see the initial reports other Parties have already submitted?",
    "Do you have a template for an authorization letter?",
])
def test_requests_for_what_only_partners_publish(question: str) -> None:
    """A course, a model letter, the current text, a database of deals, other Parties' examples: a resource
    even when the rulebook matches the subject closely."""
    assert asks_for_material(question)


@pytest.mark.parametrize("question", [
    "Is there a template for the Article 6 technical expert review report?",
    "Is there a registry every Party in a cooperative approach needs to have?",
    "¿Existe un registro internacional para las Partes que no tienen registro propio?",
    "Is there a forum for registry administrators of participating Parties?",
])
def test_requests_for_what_the_rules_define(question: str) -> None:
    """Outlines, registries, forums: the decisions define them, so the rule may answer (bot.tools.service)."""
    assert not asks_for_material(question)


def test_parties_are_the_rulebook_s_word_but_other_parties_are_examples() -> None:
    assert speaks_of_parties("Is there a registry every Party in a cooperative approach needs to have?")
    assert speaks_of_parties("Y a-t-il un registre que chaque Partie participante doit avoir ?")
    assert not speaks_of_parties("Where can I see the initial reports other Parties have already submitted?")
    assert not speaks_of_parties("Is there a toolkit for our country?")
