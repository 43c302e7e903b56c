"""Is a message asking how to get A6IP's support (rather than a question about the rules)? A few patterns per
language: the support package by name, or a request for help to the asker's own country or institution to
set something up. Questions asking to understand or explain something are left to the answerer."""

from __future__ import annotations

import re

from bot.support.fields import fold

PACKAGE = re.compile(r"support package|programme d ?appui|paquete de apoyo|expression of interest|"
                     r"manifestation d ?interet|expresion de interes")
HELP = re.compile(r"\b(help|support|assist|assistance|aider|aide|appui|soutien|accompagner|accompagnement|"
                  r"ayudar|ayuda|apoyo|apoyar|asistencia|acompanar)\b")
US = re.compile(r"\b(us|our|we|my country|my ministry|nous|notre|nos|nosotros|nosotras|nuestro|nuestra|"
                r"nuestros|nuestras|nos)\b")
SET_UP = re.compile(r"\b(a6ip|partnership|set up|setting up|establish|develop|build|design|prepare|implement|"
                    r"mettre en place|mise en place|etablir|elaborer|developper|concevoir|preparer|"
                    r"establecer|desarrollar|elaborar|disenar|preparar|poner en marcha|implementar|crear)\b")
HELP_US = re.compile(r"\b(ayudarnos|apoyarnos|asistirnos|acompanarnos)\b")  # Spanish joins the pronoun on
UNDERSTAND = re.compile(r"\b(understand|explain|what is|what are|comprendre|expliquer|qu est ce|"
                        r"entender|comprender|explicar|que es)\b")


def about_support(text: str) -> bool:
    """'Can A6IP help us set up our authorization process?' yes; 'help us understand ITMOs' no."""
    folded = fold(text).replace("'", " ")
    if PACKAGE.search(folded):
        return True
    asks_for_us = bool(HELP_US.search(folded) or (HELP.search(folded) and US.search(folded)))
    return bool(asks_for_us and SET_UP.search(folded)
                and not UNDERSTAND.search(folded))
