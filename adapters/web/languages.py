"""Which language the page speaks: ?lang= when the visitor chose one, else their browser's Accept-Language."""

from __future__ import annotations

from starlette.requests import Request

from bot.texts import LANGUAGES, language_of

NAMES = {"en": "English", "fr": "Français", "es": "Español"}


def accepted(header: str) -> str:
    """The best of our languages in an Accept-Language header ('fr-CH, fr;q=0.9, en;q=0.8' -> 'fr')."""
    best, best_q = "en", -1.0
    for position, item in enumerate(header.split(",")[:20]):
        tag, _, params = item.strip().partition(";")
        try:
            q = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            continue
        language = language_of(tag)
        if tag.strip() and (language != "en" or tag.strip().lower().startswith("en")) and q - position * 1e-6 > best_q:
            best, best_q = language, q - position * 1e-6
    return best


def page_language(request: Request) -> str:
    chosen = request.query_params.get("lang", "")
    return chosen if chosen in LANGUAGES else accepted(request.headers.get("accept-language", ""))
