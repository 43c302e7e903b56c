"""Pure formatting: mrkdwn escaping, Block Kit limits, reading Slack's event text."""

from __future__ import annotations

from adapters.slack.blocks import MAX_BLOCKS, MAX_SECTION_CHARS, answer_blocks, escape, link, split_text
from adapters.slack.inbound import question_text
from bot.answering import Answer, Source


def answer(text: str, sources: int = 3) -> Answer:
    return Answer(question="q", text=text, answered=True, confidence=0.9, log_id=42,
                  sources=[Source(title=f"Doc {n}", citation=f"Decision {n}/CMA.3 <annex> & more",
                                  url=f"https://unfccc.int/d{n}?a=1&b=2|x", excerpt="", score=0.5)
                           for n in range(sources)])


def test_escape_only_the_three_control_characters() -> None:
    assert escape("a & b < c > d *e* _f_ `g`") == "a &amp; b &lt; c &gt; d *e* _f_ `g`"
    assert escape("<!channel> <@U123>") == "&lt;!channel&gt; &lt;@U123&gt;"


def test_links_cannot_be_broken_by_their_url_or_label() -> None:
    assert link("https://x.org/?a=1&b=2|3>", "A | B <c>") == "<https://x.org/?a=1&amp;b=2%7C3%3E|A ¦ B &lt;c&gt;>"


def test_split_text_respects_the_limit_and_loses_nothing() -> None:
    text = " ".join(f"word{n}" for n in range(3000))
    pieces = split_text(text)
    assert all(len(p) <= MAX_SECTION_CHARS for p in pieces) and len(pieces) > 5
    assert " ".join(pieces).split() == text.split()
    assert all(len(p) <= 100 for p in split_text("x" * 1000, 100))  # no break point: hard cut


def test_long_answer_stays_within_block_kit_limits_and_keeps_sources_and_buttons() -> None:
    blocks = answer_blocks(answer("& " * 100_000, sources=3))
    assert len(blocks) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= MAX_SECTION_CHARS for b in blocks if b["type"] == "section")
    assert "shortened" in str(blocks[-5]) and blocks[-1]["type"] == "actions"
    assert all(not b["text"]["text"].endswith("&amp") for b in blocks if b["type"] == "section")


def test_answer_blocks_escape_text_and_link_sources() -> None:
    blocks = answer_blocks(answer("Submit by 15 April <b>&</b> [1]", sources=1))
    assert blocks[0]["text"]["text"] == "Submit by 15 April &lt;b&gt;&amp;&lt;/b&gt; [1]"
    assert blocks[1]["elements"][0]["text"] == \
        "[1] <https://unfccc.int/d0?a=1&amp;b=2%7Cx|Decision 0/CMA.3 &lt;annex&gt; &amp; more>"
    assert [e["value"] for e in blocks[2]["elements"]] == ["42", "42", "42"]


def test_question_text_reads_slack_markup() -> None:
    raw = "<@UBOT> what does <https://unfccc.int/a|decision 2/CMA.3> say about &lt;ITMOs&gt; &amp; <#C1|general>?"
    assert question_text(raw) == "what does decision 2/CMA.3 say about <ITMOs> & general?"
    assert question_text("<@UBOT|a6bot>   ") == ""
    assert question_text("see <https://x.org/p>") == "see https://x.org/p"
