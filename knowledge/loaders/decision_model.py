"""Patterns and records shared by the decision parser, so the txt and PDF paths agree on the structure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DECISION_RE = re.compile(r"(?:Decision|Decisión|Décision)\s+(\d{1,3}/(?:CMA|CP|CMP)\.\d{1,2})\s*\**")
DECISION_LINE_RE = re.compile(r"^[ \t]*(?:Decision|Decisión|Décision)\s+\d{1,3}/(?:CMA|CP|CMP)\.\d{1,2}[ \t*]*$", re.M)
SYMBOL_RE = re.compile(r"FCCC/(?:PA/CMA|CP|KP/CMP)/\d{4}/\d+(?:/Add\.\d+)?")
ANNEX_RE = re.compile(r"(?:Annex|Anexo|Annexe)(?:\s+([IVXL]+))?\s*\**")
APPENDIX_RE = re.compile(r"(?:Appendix|Apéndice|Appendice)(?:\s+([IVXL]+|\d+))?\s*\**")
PLENARY_RE = re.compile(r"(?:plenary meeting|sesión plenaria|séance plénière)\s*$", re.I)
DATE_RE = re.compile(r"\d{1,2}(?: de)? [A-Za-zéû]+(?: de)? \d{4}")
PARA_RE = re.compile(r"(\d{1,3})\.(?:\s+(.*))?")
SUB_RE = re.compile(r"\(?([a-z]{1,5})\)\s+(.*)")
DOT_SUB_RE = re.compile(r"([a-z])\.\s+(.*)")
HEADING_RE = re.compile(r"([IVXL]{1,6}|[A-Z])\.\s+(.*)")
CONFERENCE_RE = re.compile(r"(?:The Conference of the Parties|La Conferencia de las Partes|La Conférence des Parties)")
NOTE_RE = re.compile(r"\[[^\]]{1,40}\]")
RANK = {"para": 0, "letter": 1, "roman": 2, "dot": 3}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(text: str) -> int | None:
    """Value of a roman numeral (I..XXXIX, any case), None when the text is not one."""
    values = [_ROMAN.get(ch) for ch in text.upper()]
    if not text or None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))  # type: ignore
    return total if 0 < total < 40 and text.upper() == to_roman(total) else None


def to_roman(value: int) -> str:
    """Roman numeral for 1..39 (enough for chapters and sub-paragraphs)."""
    out = "X" * (value // 10)
    return out + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][value % 10]


def find_symbol(text: str) -> str | None:
    """The report symbol (e.g. FCCC/PA/CMA/2021/10/Add.1): its first occurrence names the document."""
    match = SYMBOL_RE.search(text)
    return match.group(0) if match else None


def is_decision_text(text: str) -> bool:
    """A decision report carries an FCCC symbol and at least one "Decision N/CMA.N" heading line."""
    return find_symbol(text) is not None and DECISION_LINE_RE.search(text) is not None


@dataclass
class Item:
    """A numbered paragraph or one of its sub-paragraphs, with its own sub-paragraphs."""

    label: str
    kind: str  # para, letter, roman, dot
    text: str
    children: list[Item] = field(default_factory=list)

    def line(self) -> str:
        """The item's own text with its official marker ("20. ...", "(a) ...")."""
        marker = f"({self.label})" if self.kind in ("letter", "roman") else f"{self.label}."
        return f"{marker} {self.text}".strip()

    def render(self) -> str:
        """The item and all its sub-paragraphs, one per line."""
        return "\n".join([self.line(), *(child.render() for child in self.children)])


@dataclass
class Block:
    """One citable unit found in a report: a numbered paragraph, a preamble or unnumbered text."""

    decision: str
    place: str  # "", "annex", "annex I", "annex II, appendix"
    headings: list[str]
    kind: str  # para, preamble, text
    item: Item | None = None
    text: str = ""
    chapter: str = ""


def successor(label: str, kind: str) -> str:
    """The next marker in a list: b after a, iv after iii."""
    if kind == "roman":
        return to_roman((roman_value(label) or 0) + 1).lower()
    return chr(ord(label) + 1)

