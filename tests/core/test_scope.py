"""What the bot declines: neighbouring subjects and sessions after its horizon; Article 6 itself never."""

from pathlib import Path

import pytest

from bot.horizon import load_horizon
from bot.scope import neighbour_topic, unknown_name, vocabulary
from bot.smalltalk import command, small_talk, without_greeting

HORIZON = Path(__file__).resolve().parents[1] / "data" / "tiny_kb" / "horizon.yaml"


@pytest.mark.parametrize("question, topic", [
    ("What is Kenya's NDC target?", "targets"),
    ("Quel est l'objectif de la CDN du Maroc ?", "targets"),
    ("How much was pledged to the loss and damage fund?", "funds"),
    ("¿Qué es el nuevo objetivo colectivo cuantificado?", "funds"),
    ("What is the price of an EU ETS allowance?", "markets"),
    ("What is the price of ITMOs today?", "markets"),
    ("How should we design carbon pricing?", "markets"),
    ("Which units are eligible under CORSIA?", "markets"),
    ("How much are ITMOs trading for per tonne right now?", "markets"),
    ("How much is Singapore's carbon tax per tonne?", "markets"),
    ("Who can apply for money from the Adaptation Fund and how?", "funds"),
    ("Qui peut obtenir un financement du Fonds pour l'adaptation ?", "funds"),
    ("Who manages the Special Climate Change Fund?", "funds"),
    ("Comment fonctionne le marché national du carbone de la Chine ?", "markets"),
    # A neighbour asked about, with Article 6 only in the complement.
    ("What are Verra's rules for labelling credits authorized as ITMOs?", "markets"),
    ("How does the EU's CBAM treat steel from a country that transfers ITMOs?", "markets"),
    ("How can we get a Green Climate Fund grant to set up our Article 6 office?", "funds"),
    ("¿Qué requisitos pone el Fondo Verde para el Clima a los proyectos del artículo 6?", "funds"),
    ("How many ITMOs does Norway intend to buy for its NDC target?", "targets"),
    ("How much did Sweden pay per tonne for its ITMOs?", "markets"),
    ("By how much will Peru cut its emissions by 2035?", "targets"),
    # Other parts of the UNFCCC process.
    ("What goes in the inventory chapter of a biennial transparency report?", "processes"),
    ("What did the global stocktake conclude on mitigation?", "processes"),
    ("How is Article 2.1(c) being implemented?", "processes"),
])
def test_neighbouring_subjects_are_recognised(question, topic):
    assert neighbour_topic(question) == topic


@pytest.mark.parametrize("question", [
    "How much of the share of proceeds goes to the Adaptation Fund?",
    "Can A6.4ERs be used in the voluntary carbon market?",
    "Can a Party mark prices in its Article 6.2 reporting as confidential?",
    # carbon pricing as a policy, tied to Article 6, is not a market price
    "Which programmes help countries design carbon pricing and the institutions for Article 6?",
    "How does Japan support Article 6 through the A6IP?",
    "What must our NDC contain to take part in Article 6.2?",
    # What the 6.4 mechanism charges is its own rule, not a market price.
    "How much does it cost to issue A6.4ERs?", "¿Cuánto cuesta registrar una actividad del 6.4?",
    "Do Article 6.4 activities send part of their credits to the Adaptation Fund?",
    # The situation is a neighbour; the question asked is an Article 6 rule.
    "An airline wants our credits for CORSIA. Can we authorize ITMOs for that use?",
    "Can we use A6.4ERs we do not authorize in our domestic carbon tax?",
    "Can Ghana use ITMOs it buys towards its NDC target?",
    "Does the Article 6.2 annual information go into the biennial transparency report?",
])
def test_article_6_questions_are_not_declined(question):
    assert neighbour_topic(question) is None


def test_the_horizon_reply_names_the_latest_session_in_the_askers_language():
    horizon = load_horizon(HORIZON)
    assert horizon is not None and horizon.session == "CMA.6"
    assert horizon.reply("en") == ("My sources cover decisions up to CMA.6, November 2024; "
                                   "for later sessions see unfccc.int.")
    assert "novembre 2024" in horizon.reply("fr") and "noviembre de 2024" in horizon.reply("es")
    assert horizon.later_session("What did CMA.8 decide on Article 6?") == 8
    assert horizon.later_session("decisions adopted at COP31") == 8
    assert horizon.later_session("What happened at Belém on Article 6.4?") == 7
    assert horizon.later_session("¿Qué se decidió en la conferencia de 2027?") == 9
    for question in ("What did CMA.6 decide on 6.2?", "Decision 2/CMA.3, annex, para. 20", "What did COP29 decide?",
                     "When is annual information due in 2026?"):
        assert horizon.later_session(question) is None, question


def test_a_session_named_after_another_is_a_later_session():
    horizon = load_horizon(HORIZON)
    assert horizon is not None
    assert horizon.later_session("What reporting tables were adopted at the session after Baku?") == 7
    assert horizon.later_session("What will the next COP decide on Article 6?") == 7
    assert horizon.later_session("What did Baku decide after CMA.5?") is None
    assert horizon.later_session("When is the next session of the Supervisory Body?") is None


def test_a_question_naming_what_the_sources_never_mention_is_about_something_else():
    known = vocabulary(["Parties transfer ITMOs under Article 6.2; the CDM issued CERs.", "Paris Agreement"])
    assert unknown_name("How does the California cap-and-trade program work?", known) == "California"
    assert unknown_name("What is the JCM?", known) == "JCM"
    # Known names (in the singular too), an explained alias, and anything that names Article 6 are not.
    assert unknown_name("What happens to a CER under the Paris Agreement?", known) is None
    assert unknown_name("Peut-on utiliser des URCE (CER) ?", known) is None
    assert unknown_name("Can Kenya transfer ITMOs?", known) is None


def test_an_official_naming_their_country_is_asking_about_the_rules():
    # The sources name few countries, but a country is a Party: "my sources say nothing about Peru" would
    # decline the commonest way officials ask. Unknown names that are not countries are still declined.
    known = vocabulary(["Each participating Party shall have, or have access to, a registry; the international "
                        "registry serves Parties without one."])
    assert unknown_name("Can Peru use the international registry instead of its own?", known) is None
    assert unknown_name("Ghana and Switzerland signed a deal; what must Ghana report first?", known) is None
    assert unknown_name("¿Puede Colombia usar el registro internacional?", known) is None
    assert unknown_name("Le Sénégal doit-il avoir un registre national ?", known) is None
    assert unknown_name("Can Costa Rica and Côte d'Ivoire use the international registry?", known) is None
    assert unknown_name("Can Peru use the Verra registry?", known) == "Verra"
    assert unknown_name("Who chairs Kenya's climate council?", known) == "Kenya"


def test_a_malformed_horizon_file_is_an_error(tmp_path):
    path = tmp_path / "horizon.yaml"
    path.write_text("latest_session: soon\ndates: later\n", encoding="utf-8")
    with pytest.raises(ValueError, match="latest_session"):
        load_horizon(path)
    assert load_horizon(tmp_path / "absent.yaml") is None


@pytest.mark.parametrize("text, kind", [
    ("hi", "greeting"), ("Hello there!", "greeting"), ("¡Hola!", "greeting"), ("bonjour", "greeting"),
    ("thanks!", "thanks"), ("merci beaucoup", "thanks"), ("gracias", "thanks"), ("bye", "farewell"),
    ("hi, what is an ITMO?", None), ("history of Article 6", None),
])
def test_small_talk(text, kind):
    assert small_talk(text) == kind


def test_exit_commands_and_greetings_in_front_of_questions():
    assert [command(t) for t in ("exit", "quit", "/quit", " QUIT ", "exit strategy")] == \
        ["exit", "exit", "exit", "exit", None]
    assert without_greeting("Hello, when is annual information due?") == "when is annual information due?"
    assert without_greeting("hello") == "hello"
