"""The knowledge base's horizon: the latest CMA session whose Article 6 outcomes it covers. A question about a
later session gets an honest "my sources stop at ..." instead of older decisions presented as the latest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml
from babel.dates import format_date

from bot.texts import say

SESSION = re.compile(r"\bCMA\s*\.?\s*(\d{1,2})\b", re.IGNORECASE)
COP = re.compile(r"\bCOP\s*-?\s*(\d{2})\b", re.IGNORECASE)
# A session named by its year: "the 2026 climate conference", "decisions adopted at the CMA in 2027".
SESSION_WORDS = r"(?:COP|CMA|climate (?:conference|summit|talks)|session|conférence|sesión|conferencia|cumbre)"
YEAR_NEAR_SESSION = re.compile(rf"\b{SESSION_WORDS}\b[^?.!]{{0,40}}?\b(20\d\d)\b|\b(20\d\d)\b[^?.!]{{0,25}}?\b{SESSION_WORDS}\b",
                               re.IGNORECASE)
# A session named after another one: "the session after Belém", "la CMA suivant la CMA.7", "the next COP".
AFTER = re.compile(r"\b(?:after|following|suivant|suivante|après|posterior a|después de|siguiente a)\s+(?:the\s+|la\s+|el\s+)?"
                   r"(?:(?:COP|CMA)\s*\.?\s*\d+|glasgow|sharm el-sheikh|sharm|dubai|baku|belém|belem)\b|"
                   r"\b(?:next|upcoming|prochaine?|próxim[ao])\s+(?:COP|CMA|climate conference|conférence des Parties|"
                   r"conferencia de las Partes)\b", re.IGNORECASE)
PLACES = {"glasgow": 3, "sharm el-sheikh": 4, "sharm": 4, "dubai": 5, "baku": 6, "belém": 7, "belem": 7}
PLACE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PLACES) + r")\b", re.IGNORECASE)
COP_OFFSET = 23  # CMA.2 met with COP25 (Madrid, 2019), CMA.3 with COP26, and so on
YEAR_OFFSET = 2018  # CMA.3 in 2021 (none in 2020), CMA.4 in 2022 ...
MONTHS = re.compile(r"([A-Za-z]+)\s+(\d{4})\s*$")
FORMATS = {"en": "MMMM y", "fr": "MMMM y", "es": "MMMM 'de' y"}


@dataclass(frozen=True)
class Horizon:
    session: str  # "CMA.6"
    number: int
    place: str
    month: date  # the first day of the month the session ended in (`dates:` names the month)
    checked: date | None = None

    def month_year(self, language: str) -> str:
        return format_date(self.month, FORMATS.get(language, FORMATS["en"]), locale=language)

    def reply(self, language: str) -> str:
        return say("reply.horizon", language, session=self.session, month_year=self.month_year(language))

    def later_session(self, question: str) -> int | None:
        """The number of a CMA session after the horizon that the question asks about, if any."""
        sessions = named_sessions(question)
        for after in AFTER.finditer(question):
            # "the session after Belém" is the one after the session named; "the next COP" the one after ours.
            sessions.append(max(named_sessions(after.group()) or [self.number]) + 1)
        later = [n for n in sessions if n > self.number]
        return max(later) if later else None


def named_sessions(text: str) -> list[int]:
    """The CMA sessions a text names: by number (CMA.8, COP31), by place (Belém) or by year."""
    sessions = [int(n) for n in SESSION.findall(text)]
    sessions += [int(n) - COP_OFFSET for n in COP.findall(text) if int(n) > COP_OFFSET]
    sessions += [PLACES[place.lower()] for place in PLACE.findall(text)]
    for before, after in YEAR_NEAR_SESSION.findall(text):
        sessions.append(int(before or after) - YEAR_OFFSET)
    return sessions


def load_horizon(path: Path) -> Horizon | None:
    """horizon.yaml (latest_session, place, dates, checked); None when absent, an error when malformed."""
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    session = str(data.get("latest_session", "")).strip()
    number = SESSION.fullmatch(session)
    month = MONTHS.search(str(data.get("dates", "")))
    if not number or not month:
        raise ValueError(f"{path}: expected latest_session like 'CMA.6' and dates like '11-22 November 2024'")
    month_start = datetime.strptime(f"1 {month.group(1)} {month.group(2)}", "%d %B %Y").date()
    checked = data.get("checked")
    return Horizon(session=f"CMA.{int(number.group(1))}", number=int(number.group(1)),
                   place=str(data.get("place", "")), month=month_start,
                   checked=checked if isinstance(checked, date) else None)
