"""Official decision PDFs: turn pypdf's wrapped page text into the one-paragraph-per-line form of the
txt reports (page headers, page numbers, footnotes and line wrapping removed) for the same parser."""

from __future__ import annotations

import re
from collections import Counter

from knowledge.loaders.decision_model import (
    ANNEX_RE, APPENDIX_RE, CONFERENCE_RE, DATE_RE, DECISION_RE, NOTE_RE, PLENARY_RE,
)

_MARKER_START = re.compile(r"(?:\d{1,3}\.\s|\(?[a-z]{1,5}\)\s|[a-z]\.\s|(?:[IVXL]{1,6}|[A-Z])\.\s)")
_PAGE_EDGE = re.compile(r"\s*(?:\d{1,3}|GE\.\d{2}-\d{5}.*|.*\bGE\.\d{2}-\d{5}\s*\d*|FCCC/\S+)\s*")
_FOOTNOTE_START = re.compile(r"\s*(\d{1,3}|\*{1,3})\s+(?:[A-Z“\"‘*(]|https?:|www\.)")
_WORD = re.compile(r"[^\W\d_]+")


def _closed(line: str) -> bool:
    """Lines that are complete on their own: the next line never continues them."""
    return bool(DECISION_RE.fullmatch(line) or ANNEX_RE.fullmatch(line) or APPENDIX_RE.fullmatch(line)
                or NOTE_RE.fullmatch(line) or DATE_RE.fullmatch(line) or PLENARY_RE.search(line) and len(line) < 60)


def _starts_new(line: str) -> bool:
    """Whether a physical line opens a new paragraph, heading or sub-paragraph."""
    return bool(_closed(line) or _MARKER_START.match(line) or CONFERENCE_RE.match(line))


def clean_page(text: str) -> str:
    """Drop the running header (symbol, page number, GE. job number) and the footnotes at the page foot,
    and remove the footnote markers that those footnotes explain ("Report1" -> "Report")."""
    lines = text.split("\n")
    while lines and (not lines[0].strip() or _PAGE_EDGE.fullmatch(lines[0])):
        lines.pop(0)
    while lines and (not lines[-1].strip() or _PAGE_EDGE.fullmatch(lines[-1])):
        lines.pop()
    notes: list[str] = []
    for i in range(1, len(lines)):
        if not lines[i - 1].strip() and _FOOTNOTE_START.match(lines[i]):
            notes = [m.group(1) for line in lines[i:] if (m := re.match(r"\s*(\d{1,3})\s", line))]
            lines = lines[:i - 1]
            break
    body = "\n".join(line for line in lines if line.strip())
    for number in notes:
        body = re.sub(rf"(?<=[a-zà-ÿ\)\];,’”]){number}(?=[\s,;:)]|\.(?!\d)|$)", "", body)
    return body


def _join(previous: str, line: str) -> str:
    """Join a wrapped line: "capacity-" + "building" keeps the hyphen without a space."""
    previous = previous.rstrip()
    if previous.endswith("-") and line[:1].isalpha():
        return re.sub(r"\s+-$", "-", previous) + line.lstrip()
    return f"{previous} {line.strip()}"


def repair_words(text: str) -> str:
    """Re-join words pypdf split with a space ("sustaina ble", "i n") when the joined word occurs
    elsewhere in the document and one half does not, and close spaced hyphens ("non- Party")."""
    text = re.sub(r"(?<=\w) -(?=\w)|(?<=\w)- (?=\w)", "-", text)
    text = re.sub(r"(?<=[\w)]) +(?=[,;:)])|(?<=\() +", "", text)
    counts = Counter(w.lower() for w in _WORD.findall(text))

    def fix(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        joined = (left + right).lower()
        rare = min(counts[left.lower()], counts[right.lower()])
        return left if counts[joined] and (rare <= 2 or counts[joined] >= 10 * rare) else match.group(0)

    return re.sub(r"\b([^\W\d_]+) (?=([a-zà-ÿ]+)\b)", fix, text)


def logical_lines(pages: list[str]) -> list[str]:
    """One line per paragraph, heading or sub-paragraph, in reading order across pages."""
    text = repair_words("\n".join(clean_page(page) for page in pages))
    out: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        if out and not _closed(out[-1]) and not _starts_new(line):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
    return out
