"""One notice layout for every channel, in the subscriber's language: plain text, Telegram HTML and Slack blocks
show the same heading, fields and links, which bot.outreach.render lays out once."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from adapters.slack.notices import notice_blocks
from adapters.telegram.notices import notice_html
from bot.outreach.dispatcher import Dispatcher
from bot.outreach.facade import Outreach
from bot.outreach.memory import MemoryNotifier
from bot.outreach.notice import EventInfo, Notice
from bot.outreach.render import notice_layout, render_plain

from .conftest import BASE, add_event, utc


def event(**overrides: object) -> EventInfo:
    values = dict(uid="ev-9", title="Tracking WG", kind="wg-meeting", topics=("tracking",),
                  starts_at=datetime(2026, 3, 12, 1, 0, tzinfo=timezone.utc),
                  ends_at=datetime(2026, 3, 12, 3, 0, tzinfo=timezone.utc), timezone="Asia/Tokyo", all_day=False,
                  place="Bonn", online=False, hybrid=True, organiser="A6IP Center (IGES)",
                  registration_url="https://a6ip.test/register", description="Registries and reporting.",
                  language="en", status="scheduled", revision=2, calendar_url=f"{BASE}/calendar/ev-9.ics")
    return EventInfo(**{**values, **overrides})  # type: ignore[arg-type]


def shown_in_telegram(notice: Notice) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", notice_html(notice)))


def shown_in_slack(notice: Notice) -> str:
    blocks = notice_blocks(notice)
    text = " ".join(str(b.get("text", {}).get("text", "")) + " ".join(e.get("text", "") for e in b.get("elements", []))
                    for b in blocks)
    return html.unescape(re.sub(r"<!date\^\d+\^[^|]*\|([^>]*)>", r"\1", text))


def test_every_channel_shows_the_one_layout() -> None:
    for language in ("en", "fr", "es"):
        notice = Notice(kind="change", events=(event(),), timezone="America/Nassau", language=language,
                        changes=("starts_at", "place"))
        layout = notice_layout(notice)
        pieces = [layout.heading, *(e.title for e in layout.events), *(e.kind for e in layout.events),
                  *(f"{label}:" for e in layout.events for label, _ in e.fields),
                  *(e.fields[1][1] for e in layout.events), *(link.label for e in layout.events for link in e.links)]
        for shown in (render_plain(notice), shown_in_telegram(notice), shown_in_slack(notice)):
            missing = [p for p in pieces if p not in shown]
            assert not missing, (language, missing, shown)


def test_the_layout_speaks_the_subscribers_language() -> None:
    notice = Notice(kind="reminder-1d", events=(event(status="cancelled"),), timezone="Europe/Paris", language="fr")
    text = render_plain(notice)
    assert text.startswith("Demain") and "Tracking WG [ANNULÉ]" in text and "Réunion de groupe de travail" in text
    assert "Quand : " not in text and "Quand: jeu. 12 mars 2026, 02:00 CET – 04:00 CET (votre heure)" in text
    assert "(Asia/Tokyo, organisateur)" in text and "Où: Bonn et en ligne (hybride)" in text
    assert "Ajouter à l'agenda (.ics): http://bot.test/calendar/ev-9.ics" in text


async def test_a_spanish_subscription_gets_its_reminder_in_spanish(db) -> None:
    """The subscription keeps the language it was made in; its reminders come in that language."""
    outreach = Outreach(db, base_url=BASE)
    await outreach.subscribe(platform="memory", chat_id="lima", topics=["tracking"], language="es",
                             timezone="America/Lima")
    await outreach.subscribe(platform="memory", chat_id="accra", topics=["tracking"], timezone="Africa/Accra")
    await add_event(db, title="Reporting WG", kind="wg-meeting", start="2026-03-12 10:00", zone="Europe/Berlin",
                    online=True)
    notifier = MemoryNotifier()
    dispatcher = Dispatcher(db, {"memory": notifier}, base_url=BASE)
    await dispatcher.tick(utc(2026, 3, 1))  # the announcement
    await dispatcher.tick(utc(2026, 3, 11, 9))  # a day before, 10:00 in Berlin
    reminders = {chat: render_plain(n) for chat, n in notifier.sent if n.kind == "reminder-1d"}
    assert reminders["lima"].startswith("Mañana\n\nReporting WG\nReunión de grupo de trabajo")
    assert "Cuándo: jue 12 mar 2026, 04:00 -05 (su hora)" in reminders["lima"] and "Dónde: En línea" in reminders["lima"]
    assert "Añadir al calendario (.ics)" in reminders["lima"]
    assert reminders["accra"].startswith("Tomorrow\n\nReporting WG\nWorking-group meeting")
