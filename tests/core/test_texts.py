"""The bot's own words: every language says everything English says, with the same placeholders, in the
official UNFCCC terms; and the language is read from what each platform knows of its user."""

from __future__ import annotations

from string import Formatter

import pytest

from bot.texts import CATALOGUE, KIND_LABELS, TOPIC_LABELS, UserError, language_of, say, topic_label


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_language_has_every_text_with_the_same_placeholders(language: str) -> None:
    english, other = CATALOGUE["en"], CATALOGUE[language]
    assert set(other) == set(english)
    assert {key: fields(other[key]) for key in english} == {key: fields(english[key]) for key in english}
    assert set(TOPIC_LABELS[language]) == set(TOPIC_LABELS["en"]) and set(KIND_LABELS[language]) == set(KIND_LABELS["en"])


def test_french_and_spanish_use_the_official_terms() -> None:
    french = " ".join([*CATALOGUE["fr"].values(), *TOPIC_LABELS["fr"].values()])
    spanish = " ".join([*CATALOGUE["es"].values(), *TOPIC_LABELS["es"].values()])
    assert topic_label("6.2", "fr") == "Article 6.2 : démarches concertées" and "approches coopératives" not in french
    assert "démarches non fondées sur le marché" in french and "ajustements correspondants" in french.lower()
    assert "mécanisme établi par le paragraphe 4 de l'article 6" in french and "RATI" in french
    assert topic_label("6.2", "es") == "Artículo 6.2: enfoques cooperativos" and "enfoques no relacionados con el mercado" in spanish
    assert "presentación de información" in spanish.lower() and "ajustes correspondientes" in spanish.lower()
    assert "RMTI" in spanish and "NDC" not in spanish


@pytest.mark.parametrize(("tag", "language"), [("fr", "fr"), ("fr-FR", "fr"), ("es_419", "es"), ("ES-es", "es"),
                                               ("en-GB", "en"), ("pt-BR", "en"), ("", "en"), (None, "en")])
def test_the_language_comes_from_the_platforms_tag(tag: str | None, language: str) -> None:
    assert language_of(tag) == language


def test_an_error_people_can_fix_is_explained_in_their_language() -> None:
    error = UserError("error.zone", zone="Atlantis")
    assert isinstance(error, ValueError) and str(error).startswith("I don't know the time zone 'Atlantis'")
    assert error.say("es").startswith("No conozco la zona horaria «Atlantis»")
    assert say("feedback.thanks", "de") == say("feedback.thanks", "en")  # unknown language: English
