"""Dashboard figures and chart, and the chat staff commands (/stats, /unanswered, /reindex) with their refusal."""

from __future__ import annotations

import html
import re

from bot.config import Settings
from bot.console.stats import day_chart
from bot.stats import gather
from bot.outreach import subscriptions
from bot.services import Services
from bot.staff import is_admin
from tests.console.conftest import Client

ANSWERABLE = "When is annual information under Article 6.2 due?"
UNANSWERABLE = "Where can I park my bicycle near the Bonn campus?"


async def ask_some(services: Services) -> None:
    first = await services.answerer.ask(ANSWERABLE, channel="telegram", user_id="1")
    await services.answerer.feedback(first.log_id, helpful=True)
    second = await services.answerer.ask("What is an ITMO?", channel="slack", user_id="U1")
    await services.answerer.feedback(second.log_id, helpful=False)
    await services.answerer.ask(UNANSWERABLE, channel="web", user_id="x")
    await subscriptions.subscribe(services.db, platform="telegram", chat_id="1", topics=["reporting", "6.2"])
    await subscriptions.subscribe(services.db, platform="slack", chat_id="C1", topics=[])


async def test_stats_figures(services: Services) -> None:
    await ask_some(services)
    stats = await gather(services.db)
    assert (stats.asked, stats.answered, stats.helpful, stats.not_helpful) == (3, 2, 1, 1)
    assert round(stats.answer_rate, 3) == 0.667
    assert stats.open_questions == 2  # the unanswered one and the disliked one
    assert dict(stats.topics)["6.2"] == 2 and dict(stats.topics)["reporting"] == 1
    assert stats.subscribers == {"telegram": 1, "slack": 1}
    assert dict(stats.subscriber_topics) == {"reporting": 1, "6.2": 1, "(all topics)": 1}
    assert len(stats.days) == 30 and stats.days[-1][1:] == (2, 1)


def test_chart_is_inline_svg_with_one_bar_pair_per_day() -> None:
    from datetime import date, timedelta

    days = [(date(2026, 1, 1) + timedelta(days=n), n, 1) for n in range(10)]
    svg = str(day_chart(days))
    assert svg.startswith("<svg") and svg.count('class="ok"') == 10 and svg.count('class="miss"') == 10
    assert "10 Jan: 9 answered, 1 not answered" in svg and "max 10/day" in svg
    assert "http" not in svg.replace("http://www.w3.org", "")


async def test_dashboard_page(client: Client, services: Services) -> None:
    await ask_some(services)
    page = html.unescape((await (await client("viewer")).get("/")).text)
    assert "<svg" in page and "67%" in page and "1 / 1" in page
    assert re.search(r"<td>telegram</td><td>1</td>", page)
    assert "<script src=\"/static/console.js\"" in page and "cdn" not in page.lower()


def test_is_admin_reads_a6bot_admins(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("A6BOT_ADMINS", "telegram:12345, slack:U0123")
    settings = Settings(_env_file=None)
    assert is_admin(settings, "telegram", 12345) and is_admin(settings, "slack", "U0123")
    assert not is_admin(settings, "slack", "12345") and not is_admin(settings, "telegram", "1234")


async def test_staff_commands(services: Services) -> None:
    services.settings.admins = ["telegram:42"]
    await ask_some(services)
    for command in ("/stats", "/unanswered", "/reindex"):
        refusal = await services.staff.command(platform="telegram", user_id="7", command=command, language="en")
        assert refusal.startswith("Sorry, /") and "only for A6IP staff" in refusal
    stats = await services.staff.command(platform="telegram", user_id="42", language="en", command="/stats@a6bot")
    assert "3 questions, 2 answered (67%)" in stats and "Subscribers: 2" in stats
    unanswered = await services.staff.command(platform="telegram", user_id="42", language="en", command="unanswered")
    assert UNANSWERABLE in unanswered and "/console/unanswered" in unanswered
    reindex = await services.staff.command(platform="telegram", user_id="42", language="en", command="/reindex")
    assert reindex == f"Index up to date: {len(services.index)} passages (0 embedded, 0 removed)."
    unknown = await services.staff.command(platform="telegram", user_id="42", language="en", command="/frobnicate")
    assert "Unknown staff command /frobnicate" in unknown
