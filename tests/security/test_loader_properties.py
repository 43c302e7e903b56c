"""Property-based tests (hypothesis): every loader and importer, given generated input, ends in a result or in
the project's own error (LoadError, EventImportError) within a time bound, never in another exception; what it
returns is within the limits (chunk size, field lengths, event count)."""

from __future__ import annotations

import string
import time
from datetime import date, datetime
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.outreach.events import FIELD_LIMITS, EventSpec
from bot.outreach.importer import MAX_EVENTS, EventImportError, parse
from knowledge.links import safe_link
from knowledge.loaders.chunking import MAX_CHARS
from knowledge.loaders.faq import load_faq
from knowledge.loaders.html import load_html
from knowledge.loaders.markdown import load_markdown
from knowledge.loaders.pdf import load_pdf
from knowledge.types import LoadError, ParsedDocument

# The time bound is CPU time of the test's own thread (the machine may be shared; wall time says little there).
BOUNDED = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CPU_SECONDS = 6.0
PATH = Path("generated")

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=60),
                    st.sampled_from(["javascript:alert(1)", "https://unfccc.int/x", "2027-03-01 10:00", "Tokyo",
                                     "Mars/Olympus", "6.2", "webinar", "&a", "*a", "x" * 700]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=12), inner, max_size=5),
                      max_leaves=20)


def well_formed(document: ParsedDocument) -> None:
    """What any loaded document must be: bounded chunks, links only of the safe schemes."""
    assert document.chunks
    for chunk in document.chunks:
        assert document.doc_type == "faq" or len(chunk.text) <= MAX_CHARS
        assert chunk.url is None or safe_link(chunk.url) == chunk.url
    assert document.url is None or safe_link(document.url) == document.url


def loads_or_refuses(loader, name: str, data: bytes) -> None:  # type: ignore[no-untyped-def]
    started = time.thread_time()
    try:
        document = loader(PATH / name, data)
    except LoadError:
        return
    finally:
        assert time.thread_time() - started < CPU_SECONDS
    well_formed(document)


@BOUNDED
@given(st.text(max_size=3000), st.dictionaries(st.sampled_from(["title", "source_url", "topics", "updated",
                                                                 "language"]), values, max_size=5))
def test_markdown(body: str, meta: dict) -> None:
    front = f"---\n{yaml.safe_dump(meta)}---\n" if meta else ""
    loads_or_refuses(load_markdown, "guide.md", (front + body).encode("utf-8", "surrogatepass"))


faq_entries = st.lists(st.fixed_dictionaries(
    {"id": scalars, "question": scalars, "answer": scalars},
    optional={"citations": st.one_of(scalars, st.lists(st.one_of(scalars, st.fixed_dictionaries(
        {"ref": scalars}, optional={"url": scalars})), max_size=3)),
              "variants": values, "topics": values, "answer_fr": scalars, "variants_es": values,
              "checked": st.one_of(st.dates(), scalars)}), max_size=5)


@BOUNDED
@given(st.one_of(faq_entries, values))
def test_faq_yaml(entries: object) -> None:
    loads_or_refuses(load_faq, "faq.yaml", yaml.safe_dump(entries, allow_unicode=True).encode())


@BOUNDED
@given(st.text(max_size=2000))
def test_faq_yaml_raw_text(text: str) -> None:
    loads_or_refuses(load_faq, "faq.yaml", text.encode("utf-8", "surrogatepass"))


tags = st.sampled_from(["<h1>", "</h1>", "<h2>", "<p>", "</p>", "<script>", "</script>", "<title>", "</title>",
                        '<link rel="canonical" href="javascript:alert(1)">', '<a href="javascript:x">', "<br>",
                        "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "<svg>"])


@BOUNDED
@given(st.lists(st.one_of(tags, st.text(max_size=200)), max_size=40))
def test_html(parts: list[str]) -> None:
    loads_or_refuses(load_html, "page.html", "".join(parts).encode("utf-8", "surrogatepass"))


@BOUNDED
@given(st.binary(max_size=3000), st.sampled_from([b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", b""]))
def test_pdf(tail: bytes, head: bytes) -> None:
    loads_or_refuses(load_pdf, "file.pdf", head + tail)


def events_or_refusal(data: bytes, fmt: str) -> None:
    started = time.thread_time()
    try:
        specs = parse(data, fmt, f"generated.{fmt}")
    except EventImportError:
        return
    finally:
        assert time.thread_time() - started < CPU_SECONDS
    assert len(specs) <= MAX_EVENTS
    for spec in specs:
        assert isinstance(spec, EventSpec)
        for field, limit in FIELD_LIMITS.items():
            value = getattr(spec, field)
            assert value is None or (isinstance(value, str) and len(value) <= limit)
        assert spec.registration_url is None or safe_link(spec.registration_url) == spec.registration_url


record = st.dictionaries(st.sampled_from(["uid", "title", "start", "end", "timezone", "all_day", "topics", "kind",
                                          "place", "online", "registration_url", "description", "status", "region"]),
                         values, max_size=10)


@BOUNDED
@given(st.one_of(st.lists(record, max_size=5), st.fixed_dictionaries({"events": st.lists(record, max_size=5)}), values))
def test_events_yaml(records: object) -> None:
    events_or_refusal(yaml.safe_dump(records, allow_unicode=True).encode(), "yaml")


@BOUNDED
@given(st.lists(st.lists(st.one_of(st.text(max_size=30), st.sampled_from(["2027-01-01 10:00", "UTC", "6.2"])),
                         min_size=1, max_size=5), max_size=6),
       st.sampled_from(["uid,title,start\n", "uid,title,start,end,timezone,topics\n", "title\n", ""]))
def test_events_csv(rows: list[list[str]], header: str) -> None:
    text = header + "\n".join(",".join(row) for row in rows)
    events_or_refusal(text.encode("utf-8", "surrogatepass"), "csv")


stamps = st.one_of(st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)).map(lambda d: f"{d:%Y%m%dT%H%M%S}"),
                   st.dates(date(1900, 1, 1), date(2100, 1, 1)).map(lambda d: f"{d:%Y%m%d}"), st.text(max_size=12))
rule_parts = st.lists(st.sampled_from(["FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY", "FREQ=DAILY", "FREQ=WEEKLY",
                                       "FREQ=YEARLY", "COUNT=3", "COUNT=100000", "INTERVAL=2", "UNTIL=21000101T000000Z",
                                       "BYHOUR=1,2,3", "BYMINUTE=0,30", "BYMONTHDAY=31", "BYDAY=MO,TU", "BYSETPOS=-1",
                                       "BYMONTH=2;BYMONTHDAY=30", "garbage"]), min_size=1, max_size=4, unique=True)
properties = st.one_of(
    st.builds(lambda v, z: f"DTSTART{z}:{v}", stamps, st.sampled_from(["", ";TZID=Europe/Paris", ";TZID=Mars/X",
                                                                       ";VALUE=DATE"])),
    st.builds(lambda v: f"DTEND:{v}", stamps),
    st.builds(lambda p: "RRULE:" + ";".join(p), rule_parts),
    st.builds(lambda v: f"SUMMARY:{v}", st.text(string.printable.replace("\r", "").replace("\n", ""), max_size=80)),
    st.builds(lambda v: f"UID:{v}", st.text(string.ascii_letters + "/@.?#", min_size=1, max_size=20)),
    st.sampled_from(["URL:javascript:alert(1)", "URL:https://unfccc.int/", "CATEGORIES:tracking,webinar",
                     "STATUS:CANCELLED", "LOCATION:Online", "RDATE:20270101T000000Z", "EXDATE:20270101T000000Z"]))


@BOUNDED
@given(st.lists(st.lists(properties, max_size=7), min_size=1, max_size=4))
def test_icalendar(events: list[list[str]]) -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//generated//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", *event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    events_or_refusal(("\r\n".join(lines) + "\r\n").encode(), "ics")


@BOUNDED
@given(st.binary(max_size=2000))
def test_icalendar_raw_bytes(data: bytes) -> None:
    events_or_refusal(b"BEGIN:VCALENDAR\r\n" + data, "ics")
