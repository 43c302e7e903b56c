"""State machine over a report's logical lines (one paragraph each): decisions, annexes, chapters,
sections and numbered paragraphs with their sub-paragraphs, in reading order."""

from __future__ import annotations

from knowledge.loaders.decision_model import (
    ANNEX_RE, APPENDIX_RE, CONFERENCE_RE, DECISION_RE, DOT_SUB_RE, HEADING_RE, NOTE_RE, PARA_RE, PLENARY_RE, RANK,
    SUB_RE, Block, Item, roman_value, successor,
)


class DecisionParser:
    """Feed logical lines, then read `blocks` and `decisions`. Strict mode (PDF) only accepts markers that
    continue the current numbering, since a wrapped line may start with "2022." or "(a)" by chance."""

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        self.blocks: list[Block] = []
        self.decisions: list[tuple[str, str]] = []
        self.decision = ""
        self.closed = True
        self.in_preamble = False
        self._reset_place("")

    def _reset_place(self, place: str) -> None:
        """Start a new container (decision body, annex, appendix): numbering restarts in each."""
        self.place, self.place_title = place, ""
        self.chapter = self.section = self.subheading = ""
        self.last_no = 0
        self.item: Item | None = None
        self.stack: list[Item] = []
        self.loose: list[str] = []
        self.loose_at: tuple[list[str], str] = ([], "")
        self.pending: list[tuple[int, str]] = []
        self.preamble: list[str] = []
        self.expect = ""

    # -- structure -------------------------------------------------------------------------------------
    def headings(self) -> list[str]:
        """Heading path of the current position, e.g. [decision: title, Annex, IV. Reporting, B. ...]."""
        title = self.decisions[-1][1] if self.decisions else ""
        path = [f"Decision {self.decision}: {title}" if title else f"Decision {self.decision}"]
        if self.place:
            label = self.place[0].upper() + self.place[1:]
            path.append(f"{label}: {self.place_title}" if self.place_title and self.place_title != title else label)
        return path + [h for h in (self.chapter, self.section, self.subheading) if h]

    def end_item(self) -> None:
        """Emit the open numbered paragraph, if any."""
        if self.item is not None:
            self.blocks.append(Block(self.decision, self.place, self.headings(), "para", item=self.item))
            self.item, self.stack = None, []

    def flush(self) -> None:
        """Emit the open paragraph, unnumbered text (with headings that had nothing below) and preamble."""
        self.end_item()
        if self.pending:
            self._add_loose([text for _, text in self.pending])
            self.pending = []
        if self.loose:
            headings, chapter = self.loose_at
            self.blocks.append(Block(self.decision, self.place, headings, "text", text="\n\n".join(self.loose),
                                     chapter=chapter))
            self.loose = []
        if self.preamble:
            self.blocks.append(Block(self.decision, "", self.headings()[:1], "preamble",
                                     text="\n\n".join([self.headings()[0], *self.preamble])))
            self.preamble = []

    def close(self) -> None:
        """End of the decision (its "nth plenary meeting" line) or of the file."""
        self.flush()
        self.closed = True

    # -- line handling ---------------------------------------------------------------------------------
    def feed(self, raw: str) -> None:
        """Classify one logical line and update the structure."""
        line = " ".join(raw.split())
        if not line:
            return
        match = DECISION_RE.fullmatch(line)
        if match:
            self.close()
            self.decision, self.closed = match.group(1), False
            self.decisions.append((self.decision, ""))
            self._reset_place("")
            self.expect = "title"
            self.in_preamble = True
            return
        if self.closed:
            return  # cover page, table of contents, or the date and notes after a plenary line
        if PLENARY_RE.search(line) and len(line) < 60:
            self.close()
        elif NOTE_RE.fullmatch(line) or self._container(line) or self._title(line):
            return
        elif not (self._paragraph(line) or self._heading(line) or self._subparagraph(line)):
            self._text(line)

    def _title(self, line: str) -> bool:
        """The line after "Decision N/CMA.N" or "Annex" is its title (unless the text starts at once)."""
        expect, self.expect = self.expect, ""
        if expect == "title" and not CONFERENCE_RE.match(line):
            self.decisions[-1] = (self.decision, line.rstrip(" *"))
            return True
        if expect == "annex" and not (PARA_RE.fullmatch(line) or HEADING_RE.fullmatch(line)):
            self.place_title = line.rstrip(" *")
            return True
        return False

    def _container(self, line: str) -> bool:
        """Annex / Annex I / Appendix headings; a nested "Annex" inside an outline is only text."""
        annex, appendix = ANNEX_RE.fullmatch(line), APPENDIX_RE.fullmatch(line)
        if annex:
            number = roman_value(annex.group(1)) if annex.group(1) else 0
            current = self.place.split(",")[0]
            previous = roman_value(current.split()[-1]) if current.startswith("annex ") else 0
            if (number == 0 and current == "") or (number and number == (previous or 0) + 1 and current != "annex"):
                self.flush()
                self._reset_place(f"annex {annex.group(1)}" if number else "annex")
                self.in_preamble, self.expect = False, "annex"
                return True
        if appendix and "appendix" not in self.place:
            self.flush()
            suffix = f"appendix {appendix.group(1)}" if appendix.group(1) else "appendix"
            self._reset_place(f"{self.place}, {suffix}" if self.place else suffix)
            self.in_preamble, self.expect = False, "annex"
            return True
        return False

    def _paragraph(self, line: str) -> bool:
        """A numbered paragraph "20. ..." opens a new citable unit."""
        match = PARA_RE.fullmatch(line)
        if not match:
            return False
        number, text = int(match.group(1)), (match.group(2) or "").strip()
        if text and number != self.last_no + 1 and len(text.split()) <= 20 and text[-1] not in ".;:,":
            self._set_heading(3, f"{number}. {text}")  # numbered sub-heading, e.g. "1. Tracking methods"
            return True
        if self.strict and not self.last_no < number <= self.last_no + 3:
            return False
        if not text:
            return True  # a stray footnote number on its own line
        self.pending = []
        self.flush()
        self.in_preamble = False
        self.item = Item(str(number), "para", text)
        self.stack = [self.item]
        self.last_no = number
        return True

    def _heading(self, line: str) -> bool:
        """Chapter "IV. Reporting" or section "B. Annual information"; "I." is a section after "H."."""
        match = HEADING_RE.fullmatch(line)
        if not match:
            return False
        label, title = match.groups()
        next_section = chr(ord(self.section.split(".")[0]) + 1) if self.section else "A"
        chapter_no = roman_value(self.chapter.split(".")[0]) if self.chapter else 0
        is_chapter = roman_value(label) is not None and (not self.strict or roman_value(label) in (1, (chapter_no or 0) + 1))
        is_section = len(label) == 1 and (not self.strict or label in ("A", next_section))
        if label == next_section and is_section:
            is_chapter = False
        if not (is_chapter or is_section):
            return False
        self._set_heading(1 if is_chapter else 2, f"{label}. {title}")
        return True

    def _set_heading(self, level: int, text: str) -> None:
        """Enter a chapter (1), section (2) or numbered sub-heading (3); headings with nothing below
        them (outlines) become unnumbered text."""
        self.end_item()
        if any(pending_level >= level for pending_level, _ in self.pending):
            self._add_loose([line for _, line in self.pending])
            self.pending = []
        self.pending.append((level, text))
        if level == 1:
            self.chapter, self.section, self.subheading = text, "", ""
        elif level == 2:
            self.section, self.subheading = text, ""
        else:
            self.subheading = text
        self.in_preamble = False

    def _subparagraph(self, line: str) -> bool:
        """"(a)", "(i)", "a." (and Spanish "a)") belong to the open paragraph, nested by marker type."""
        match = SUB_RE.fullmatch(line) or DOT_SUB_RE.fullmatch(line)
        if self.item is None or not match:
            return False
        label, text = match.groups()
        dotted = match.re is DOT_SUB_RE
        kinds = ["dot"] if dotted else [k for k, ok in (("letter", len(label) == 1),
                                                         ("roman", roman_value(label) is not None)) if ok]
        fitting = [k for k in kinds if self._continues(k, label)]
        if len(fitting) == 2:  # "(i)" after "(h)": a roman list if the item above announces one
            fitting = ["roman"] if self.stack[-1].text.rstrip().endswith(":") else ["letter"]
        kind = fitting[0] if fitting else None
        if kind is None and (self.strict or not kinds):
            return False
        kind = kind or kinds[-1]
        while RANK[self.stack[-1].kind] >= RANK[kind]:
            self.stack.pop()
        child = Item(label, kind, text)
        self.stack[-1].children.append(child)
        self.stack.append(child)
        return True

    def _continues(self, kind: str, label: str) -> bool:
        """Whether a marker of this kind continues the list it would join (or starts one with a/i)."""
        parent = next(item for item in reversed(self.stack) if RANK[item.kind] < RANK[kind])
        siblings = [c for c in parent.children if c.kind == kind]
        if not siblings:
            return label == ("i" if kind == "roman" else "a")
        return label == successor(siblings[-1].label, kind)

    def _text(self, line: str) -> None:
        """Unmarked text: preamble clause, continuation of a paragraph, or outline/table text."""
        if self.in_preamble:
            self.preamble.append(line)
        elif self.item is not None:
            self.stack[-1].text += (" " if self.strict else "\n") + line
        else:
            self._add_loose([text for _, text in self.pending] + [line])
            self.pending = []

    def _add_loose(self, lines: list[str]) -> None:
        """Collect unnumbered text; its citation is the place where it started."""
        if not self.loose:
            self.loose_at = (self.headings(), self.chapter.split(".")[0] if self.chapter else "")
        self.loose.extend(lines)
