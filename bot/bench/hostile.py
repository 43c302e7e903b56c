"""The hostile inputs of issue 11 as small builders, shared by the hostile-input tests (tests/security) and
`a6bot bench restart`, so the benchmark throws at a running service exactly what the tests refuse one by one."""

from __future__ import annotations

# Nine levels of nine aliases: a few hundred bytes that a YAML loader expanding aliases turns into 9**8 copies.
LAUGHS = "\n".join(["a: &a 'lol lol lol lol lol lol lol lol lol'"]
                   + [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(8)])


def wall_of_text(size: int = 5_000_000) -> bytes:
    """A text document without a single space (finding 1): once a single passage the encoder spent minutes on."""
    return b"Title line\n\n" + b"x" * size


def faq_alias_bomb() -> str:
    """An FAQ file whose answer is the last alias of LAUGHS (finding 1)."""
    return LAUGHS + "\nentries:\n" + "- id: bomb\n  question: Q?\n  answer: *i\n  citations: [Decision 2/CMA.3]\n"


def events_alias_bomb() -> str:
    """An events file whose title is the last alias of LAUGHS (finding 6: a 312-million-character title)."""
    return LAUGHS + "\nevents:\n- uid: bomb\n  title: *i\n  start: 2027-01-01 10:00\n"


def calendar(*lines: str) -> bytes:
    """An iCalendar file with one VEVENT made of `lines`."""
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//x//EN", "BEGIN:VEVENT", *lines, "END:VEVENT",
            "END:VCALENDAR"]
    return "\r\n".join(body).encode() + b"\r\n"


# Finding 6: an endless minutely rule (1.5 million occurrences in the import window), in under 248 bytes.
RRULE_BOMB = calendar("UID:bomb@example.org", "DTSTART:20250101T000000Z", "DTEND:20250101T000100Z",
                      "RRULE:FREQ=MINUTELY", "SUMMARY:Bomb")
# February 30 every second: nothing to count while dateutil walks every day up to the year 9999.
NEVER_RULE = calendar("UID:never@example.org", "DTSTART:20000102T001500",
                      "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", "SUMMARY:Never")


def script_link_faq() -> str:
    """An FAQ entry citing a javascript: URL (finding 2: stored XSS that made a curator admin)."""
    return ("- id: xss\n  question: Where is the form?\n  answer: Follow the link.\n  citations:\n"
            "  - ref: Decision 2/CMA.3\n    url: javascript:fetch('/console/staff/add')\n")


def endless_feed_start() -> bytes:
    """The head of a feed that never ends (finding 4: a 300 MB .ics took the server from 1 GB to 4.6 GB)."""
    return b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nX-FILLER:"
