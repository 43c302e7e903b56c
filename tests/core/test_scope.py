"""What the bot declines: neighbouring subjects and sessions after its horizon; Article 6 itself never."""

from pathlib import Path

import pytest

from bot.horizon import load_horizon
from bot.scope import neighbour_topic
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
