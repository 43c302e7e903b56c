"""The pure parts: Telegram HTML of answers and notices (checked by the test server's Telegram HTML rules),
splitting long messages, mention detection, signed callback data, topic parsing."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from telegram import Chat, Message, MessageEntity, User

from adapters.telegram.chat import command_args, question_in
from adapters.telegram.formatting import MAX_MESSAGE, answer_html, split_html, utf16_len
from adapters.telegram.keyboards import answer_keyboard, callback_key, pack, topics_keyboard, unpack
from adapters.telegram.notices import notice_html
from bot.outreach.topics import parse_topics
from bot.answering import Answer
from bot.compose import Source
from bot.outreach.notifier import EventInfo, Notice
from tests.telegram.botapi_server import EntityParseError, parse_html

HOSTILE = '<script>alert("x")</script> & \'quotes\' "double" <b>bold?</b> &amp;'


def source(**overrides: object) -> Source:
    values = {"title": "Decision 2/CMA.3", "citation": "Decision 2/CMA.3, annex, para. 20",
              "url": "https://unfccc.int/a.pdf?x=1&y=2", "excerpt": "Parties report by 15 April.", "score": 0.9}
    return Source(**{**values, **overrides})  # type: ignore[arg-type]


def answer(**overrides: object) -> Answer:
    values = {"question": "q", "text": "Parties report by 15 April. [1]", "answered": True, "confidence": 0.9,
              "sources": [source()]}
    return Answer(**{**values, **overrides})  # type: ignore[arg-type]


def test_hostile_knowledge_text_is_shown_verbatim_and_accepted_by_telegram() -> None:
    html = answer_html(answer(text=HOSTILE + " [1]", footer=HOSTILE,
                              sources=[source(citation=HOSTILE, excerpt=HOSTILE)], answered=False))
    shown = parse_html(html)  # raises like Telegram's "can't parse entities" if anything slipped through
    assert shown.count(HOSTILE) == 4  # body, footer, citation and (not confident) excerpt, character for character
    assert "<script>" not in html and 'href="https://unfccc.int/a.pdf?x=1&amp;y=2"' in html


def test_citations_are_links_but_only_to_safe_urls() -> None:
    html = answer_html(answer(text="Parties report by 15 April. [1][2][3]",
                              sources=[source(), source(citation="Evil", url="javascript:alert(1)"),
                                       source(citation="No link", url=None)]))
    assert '[1] <a href="https://unfccc.int/a.pdf?x=1&amp;y=2">Decision 2/CMA.3, annex, para. 20</a>' in html
    assert "[2] Evil" in html and "javascript" not in html and "[3] No link" in html


def test_the_answer_lists_the_sources_it_cites_and_more_lists_the_rest() -> None:
    both = answer(text="Parties report by 15 April. [1]", more="Annual information\nIn the AEF. [2]",
                  sources=[source(), source(citation="Decision 4/CMA.6, para. 5")], resolved_question="When is it due?")
    short, rest = answer_html(both), answer_html(both, more=True)
    assert short.startswith("<i>Answering: When is it due?</i>") and "[2]" not in short.split("</b>")[-1]
    assert rest.startswith("Annual information") and "Decision 4/CMA.6, para. 5" in rest
    assert "Decision 2/CMA.3" not in rest and "Answering" not in rest
    parse_html(short), parse_html(rest)


def test_excerpts_are_shown_only_when_the_bot_is_not_confident() -> None:
    assert "Parties report by 15 April.</i>" not in answer_html(answer())
    assert "<i>Parties report by 15 April.</i>" in answer_html(answer(answered=False, text="I don't know."))


def test_short_messages_are_not_split() -> None:
    assert split_html("one\n\ntwo") == ["one\n\ntwo"]


def test_long_answers_split_at_paragraph_boundaries() -> None:
    paragraphs = [f"Paragraph {n} " + "word " * 150 for n in range(30)]  # ~23,000 characters
    chunks = split_html("\n\n".join(paragraphs))
    assert len(chunks) > 5 and all(utf16_len(c) <= MAX_MESSAGE for c in chunks)
    assert "\n\n".join(chunks) == "\n\n".join(paragraphs).strip()  # nothing lost, every cut between paragraphs


def test_an_oversized_paragraph_is_cut_without_breaking_tags_or_entities() -> None:
    text = "<i>" + "caf&amp;é 🌍 " * 1500 + "</i>\n\n" + "x" * 9000
    chunks = split_html(text)
    assert all(utf16_len(c) <= MAX_MESSAGE for c in chunks)
    shown = [parse_html(c) for c in chunks]  # each chunk is valid Telegram HTML on its own
    assert "".join(shown).replace(" ", "").count("caf&é") == 1500 and "".join(shown).count("x") == 9000


def test_the_server_counts_like_telegram() -> None:
    with pytest.raises(EntityParseError):
        parse_html("a <unknown>tag</unknown>")
    assert utf16_len("👍") == 2


def message(text: str, *, chat_type: str = "group", entities: list[MessageEntity] | None = None,
            reply_to: Message | None = None) -> Message:
    chat = Chat(-5, chat_type)
    return Message(1, datetime.now(timezone.utc), chat, from_user=User(7, "Ana", False), text=text,
                   entities=entities, reply_to_message=reply_to)


BOT = {"username": "a6ip_test_bot", "bot_id": 123}


def test_private_chats_ask_everything() -> None:
    assert question_in(message("what is an ITMO?", chat_type="private"), **BOT) == "what is an ITMO?"


def test_groups_ask_only_when_the_bot_is_mentioned_or_replied_to() -> None:
    assert question_in(message("what is an ITMO?"), **BOT) is None
    mention = message("@A6IP_test_bot what is an ITMO?", entities=[MessageEntity("mention", 0, 14)])
    assert question_in(mention, **BOT) == "what is an ITMO?"
    other = message("@someone_else what is an ITMO?", entities=[MessageEntity("mention", 0, 13)])
    assert question_in(other, **BOT) is None
    by_name = message("A6IP bot, what is an ITMO?", entities=[MessageEntity("text_mention", 0, 8, user=User(123, "A6IP bot", True))])
    assert question_in(by_name, **BOT) == "what is an ITMO?"
    bot_message = Message(9, datetime.now(timezone.utc), Chat(-5, "group"), from_user=User(123, "A6IP bot", True), text="…")
    assert question_in(message("and for 6.4?", reply_to=bot_message), **BOT) == "and for 6.4?"
    assert question_in(message("@a6ip_test_bot", entities=[MessageEntity("mention", 0, 14)]), **BOT) == ""


def test_command_args_keep_the_whole_question() -> None:
    assert command_args("/ask@a6ip_test_bot  What is\nan ITMO? ") == "What is\nan ITMO?"
    assert command_args("/ask") == ""


def test_callback_data_is_short_signed_and_forgery_is_refused() -> None:
    key = callback_key("123:ABC")
    markup = answer_keyboard(key, 2_147_483_647, "es")
    assert markup is not None
    datas = [b.callback_data for row in markup.inline_keyboard for b in row]
    datas += [b.callback_data for row in topics_keyboard(key, (), "fr").inline_keyboard for b in row]
    assert all(isinstance(d, str) and len(d.encode()) <= 64 for d in datas)
    assert unpack(key, pack(key, "fb", 12, 1)) == ["fb", "12", "1"]
    forged = pack(key, "fb", 12, 1).replace("fb:12", "fb:13")
    assert unpack(key, forged) is None and unpack(key, "fb:12:1") is None and unpack(key, None) is None
    assert unpack(callback_key("999:OTHER"), pack(key, "st", 1)) is None


def test_topics_from_the_command_line() -> None:
    assert parse_topics("reporting tracking") == ["reporting", "tracking"]
    assert parse_topics("Reporting, 6.2") == ["6.2", "reporting"]
    assert parse_topics("all") == [] and parse_topics("  ") is None
    with pytest.raises(ValueError, match="known topics"):
        parse_topics("reporting astrology")


def event(**overrides: object) -> EventInfo:
    values = dict(uid="ev-1", title="Tracking <WG> & \"friends\"", kind="wg-meeting", topics=("tracking",),
                  starts_at=datetime(2026, 3, 12, 1, 0, tzinfo=timezone.utc), ends_at=datetime(2026, 3, 12, 3, 0, tzinfo=timezone.utc),
                  timezone="Asia/Tokyo", all_day=False, place="Bonn <Hall 2>", online=False, hybrid=False,
                  organiser="UNFCCC & IGES", registration_url="https://a6ip.test/register?a=1&b=2", description="<p>Agenda</p>",
                  language="en", status="scheduled", revision=1, calendar_url="http://bot.test/calendar/ev-1.ics")
    return EventInfo(**{**values, **overrides})  # type: ignore[arg-type]


def test_notices_show_both_zones_the_place_and_links_escaped() -> None:
    html = notice_html(Notice(kind="announce", events=(event(),), timezone="America/Nassau"))
    shown = parse_html(html)
    assert "New event" in shown and 'Tracking <WG> & "friends"' in shown and "Bonn <Hall 2>" in shown
    assert "21:00 EDT" in shown and "(your time)" in shown and "10:00 JST" in shown and "Asia/Tokyo, organiser" in shown
    assert '<a href="https://a6ip.test/register?a=1&amp;b=2">Register</a>' in html
    assert '<a href="http://bot.test/calendar/ev-1.ics">Add to calendar (.ics)</a>' in html
    assert "<p>Agenda</p>" in shown  # the description is text, never markup


def test_change_notices_say_what_changed() -> None:
    html = notice_html(Notice(kind="change", events=(event(status="changed"),), timezone="Asia/Tokyo", changes=("starts_at",)))
    assert parse_html(html).startswith("Event changed (starts at)")
