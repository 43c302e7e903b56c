"""The asker's language, from short questions and follow-ups too."""

import pytest

from bot.language import detect_language


@pytest.mark.parametrize("text, language", [
    ("Qu'est-ce qu'une démarche concertée ?", "fr"), ("et pour le 6.4 ?", "fr"), ("Et qui le fait ?", "fr"),
    ("délai ?", "fr"), ("bonjour", "fr"), ("merci !", "fr"),
    ("¿y cuál es el plazo?", "es"), ("y para el 6.4?", "es"), ("¿quién?", "es"), ("hola", "es"), ("gracias", "es"),
    ("and for 6.4?", "en"), ("what about the deadline?", "en"), ("hi", "en"), ("thanks", "en"),
    ("When is annual information under Article 6.2 due?", "en"),
])
def test_short_questions_are_recognised(text, language):
    assert detect_language(text) == language


def test_a_message_with_no_language_clue_keeps_the_conversation_language():
    assert detect_language("6.4?", default="es") == "es"
    assert detect_language("ITMO ?", default="fr") == "fr"
    assert detect_language("6.4?") == "en"
