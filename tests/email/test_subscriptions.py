"""Email subscriptions end to end against a real SMTP server on 127.0.0.1: the confirmation link, the notice
(MIME structure, headers, the .ics), one-click unsubscribe, and what 4xx and 5xx answers do."""

from __future__ import annotations

import re

import httpx
from icalendar import Calendar

from adapters.email import PLATFORM, store
from adapters.email.subscribers import Subscribers
from bot.outreach.dispatcher import Dispatcher, Policy
from bot.outreach.ratelimit import RateLimits
from bot.services import Backend
from tests.email.conftest import publish
from tests.email.smtp_server import SmtpServer

ADDRESS = "Ana.Focal@Ministry.GOV"
STORED = "Ana.Focal@ministry.gov"
FAST = Policy(backoff_base=0.01, backoff_cap=0.05, max_wait=5)


def link_in(text: str, path: str) -> str:
    match = re.search(rf"http://\S+{path}\?t=\S+", text)
    assert match, text
    return match.group(0)


async def tick(backend: Backend, *, retry_after: float = 60.0) -> None:
    notifier = PLATFORM.notifier(backend)
    notifier.retry_after = retry_after
    dispatcher = Dispatcher(backend.db, {"email": notifier}, base_url=backend.outreach.base_url,
                            limits=RateLimits({"email": PLATFORM.rate}), policy=FAST)
    await dispatcher.tick(drain=True)


async def confirmed(subscribers: Subscribers, smtp: SmtpServer, web: httpx.AsyncClient) -> str:
    """Subscribe the way a person does: the request, the mail, the link, the button. The chat id."""
    message = await subscribers.request(address=ADDRESS, topics=["reporting"], language="fr",
                                        timezone="Europe/Paris", source="form")
    assert STORED in message and "Presque terminé" in message
    (mail,) = smtp.to(STORED)
    assert mail["Subject"] == "Merci de confirmer : annonces d'événements de l'A6IP"
    assert mail["Content-Language"] == "fr"
    link = link_in(mail.get_body(("plain",)).get_content(), "/email/confirm")
    assert link in mail.get_body(("html",)).get_content().replace("&amp;", "&")
    page = await web.get(link)
    assert page.status_code == 200 and "Confirmer" in page.text and "Présentation" not in page.text
    done = await web.post(link)
    assert done.status_code == 200 and "Abonnement confirmé" in done.text
    row = await store.by_address(subscribers.backend.db, address=STORED)
    assert row is not None and row.confirmed_at is not None
    return row.chat_id


async def test_confirmed_subscriber_gets_the_notice_and_unsubscribes_in_one_click(
        backend: Backend, subscribers: Subscribers, smtp: SmtpServer, web: httpx.AsyncClient) -> None:
    await publish(backend, uid="before", title="Before confirming", topics=["reporting"])
    await subscribers.request(address=ADDRESS, topics=["reporting"], language="fr", timezone="Europe/Paris",
                              source="form")
    await tick(backend)
    assert len(smtp.to(STORED)) == 1  # the confirmation only: nothing is sent before the link is followed
    smtp.received.clear()
    await store.forget(backend.db, chat_id=(await store.by_address(backend.db, address=STORED)).chat_id)

    chat_id = await confirmed(subscribers, smtp, web)
    view = await backend.outreach.subscription(platform="email", chat_id=chat_id)
    assert view is not None and view.topics == ("reporting",) and view.language == "fr" and view.timezone == "Europe/Paris"
    assert STORED not in chat_id  # the core knows the address only by an opaque id

    await publish(backend, uid="wg-reporting-7", title="Reporting working group", topics=["reporting"])
    await publish(backend, uid="other-topic", title="Registries clinic", topics=["registries"] if False else ["6.4"])
    await tick(backend)
    notices = smtp.to(STORED)[1:]
    assert len(notices) == 2  # "before" (already published, on the topic) and the new one; not the 6.4 event
    notice = next(n for n in notices if "Reporting working group" in n["Subject"])
    assert notice["From"] == "A6IP bot <bot@a6ip.test>" and notice["To"] == STORED
    assert notice["Subject"] == "A6IP · Nouvel événement: Reporting working group"
    assert notice["Content-Language"] == "fr"
    assert notice["Date"] and re.fullmatch(r"<a6bot\.notice\.\d+@a6ip\.test>", notice["Message-ID"])
    assert notice["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = notice["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(f"{backend.settings.public_url}/email/unsubscribe?t=")

    assert notice.get_content_type() == "multipart/mixed"
    alternative, attachment = notice.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.get_payload()] == ["text/plain", "text/html"]
    plain, html = (p.get_content() for p in alternative.get_payload())
    for part in (plain, html.replace("&amp;", "&")):
        assert "Reporting working group" in part and "Nouvel événement" in part and unsubscribe in part
        assert "https://a6ip.test/register" in part and "/calendar/event/wg-reporting-7.ics" in part
    assert "Tokyo" in plain and "Europe/Paris" in plain

    assert attachment.get_content_type() == "text/calendar" and attachment.get_filename() == "event.ics"
    assert attachment.get_param("method") == "PUBLISH"
    calendar = Calendar.from_ical(attachment.get_content())
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "wg-reporting-7" and str(event["SUMMARY"]) == "Reporting working group"
    assert event.decoded("DTSTART").isoformat() == "2031-03-12T10:00:00+09:00"
    assert str(event["URL"]) == "https://a6ip.test/register"

    one_click = await web.post(unsubscribe, content=b"List-Unsubscribe=One-Click",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert one_click.status_code == 200 and "adresse a été supprimée" in one_click.text
    assert await backend.outreach.subscription(platform="email", chat_id=chat_id) is None
    assert await store.by_address(backend.db, address=STORED) is None  # the address itself is gone
    again = await web.post(unsubscribe, content=b"List-Unsubscribe=One-Click",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert again.status_code == 200  # a provider's retry still succeeds, and changes nothing

    sent = len(smtp.received)
    await publish(backend, uid="after", title="After unsubscribing", topics=["reporting"])
    await tick(backend)
    assert len(smtp.received) == sent


async def test_a_4xx_is_retried_and_delivered_once(backend: Backend, subscribers: Subscribers,
                                                    smtp: SmtpServer) -> None:
    await subscribers.request(address=ADDRESS, topics=[], language="en", timezone="UTC", source="staff",
                              confirmed=True)
    assert smtp.received == []  # --confirmed: no confirmation mail
    smtp.handler.rcpt_replies[STORED] = ["451 4.7.1 Greylisted, please try again later"]
    await publish(backend, uid="greylisted", title="Tracking webinar", topics=["tracking"])
    await tick(backend, retry_after=0.2)
    (mail,) = smtp.to(STORED)
    assert mail["Subject"] == "A6IP · New event: Tracking webinar"
    assert smtp.handler.rcpt_replies[STORED] == []  # the deferral was met, then the retry went through
    assert smtp.handler.logins  # the URL's user and password were used to log in
    row = await store.by_address(backend.db, address=STORED)
    view = await backend.outreach.subscription(platform="email", chat_id=row.chat_id)
    assert view is not None and not view.paused


async def test_a_5xx_pauses_the_address(backend: Backend, subscribers: Subscribers, smtp: SmtpServer) -> None:
    await subscribers.request(address=ADDRESS, topics=[], language="en", timezone="UTC", source="staff",
                              confirmed=True)
    smtp.handler.rcpt_replies[STORED] = ["550 5.1.1 No such mailbox"]
    await publish(backend, uid="bounced", title="Authorization training", topics=["authorization"])
    await tick(backend)
    assert smtp.to(STORED) == []
    row = await store.by_address(backend.db, address=STORED)
    view = await backend.outreach.subscription(platform="email", chat_id=row.chat_id)
    assert view is not None and view.paused and "550" in (view.paused_reason or "")
    await publish(backend, uid="next", title="Next training", topics=["authorization"])
    await tick(backend)
    assert smtp.to(STORED) == []  # paused: not tried again until the address subscribes again


async def test_links_that_are_forged_or_replaced_change_nothing(
        backend: Backend, subscribers: Subscribers, smtp: SmtpServer, web: httpx.AsyncClient) -> None:
    await subscribers.request(address=ADDRESS, topics=["reporting"], language="en", timezone=None, source="form")
    first = link_in(smtp.to(STORED)[0].get_body(("plain",)).get_content(), "/email/confirm")
    forged = first[:-3] + ("AAA" if not first.endswith("AAA") else "BBB")
    assert (await web.post(forged)).status_code == 400
    assert (await web.get(first.split("?")[0] + "/../unsubscribe?t=nope")).status_code == 400
    row = await store.by_address(backend.db, address=STORED)
    await store.record_request(backend.db, address=STORED, topics=["tracking"], language="en", timezone="UTC",
                               source="form")  # a newer request (its own mail) replaces the first link
    replaced = await web.post(first)
    assert replaced.status_code == 400 and "expired" in replaced.text
    assert await backend.outreach.subscription(platform="email", chat_id=row.chat_id) is None


async def test_bad_input_is_refused_with_a_message(subscribers: Subscribers, smtp: SmtpServer) -> None:
    from bot.texts import UserError

    for address, key in (("not an address", "email.invalid_address"), ("a@b", "email.invalid_address"),
                         ("x" * 250 + "@a6ip.test", "email.invalid_address")):
        try:
            await subscribers.request(address=address, topics=[], language="en", timezone=None, source="form")
        except UserError as error:
            assert error.key == key
        else:
            raise AssertionError(f"{address!r} was accepted")
    for topics, zone, key in ((["astrology"], None, "error.topic"), ([], "Mars/Olympus", "error.zone")):
        try:
            await subscribers.request(address=ADDRESS, topics=topics, language="en", timezone=zone, source="form")
        except UserError as error:
            assert error.key == key
        else:
            raise AssertionError("accepted")
    await subscribers.request(address=ADDRESS, topics=[], language="es", timezone=None, source="form")
    try:
        await subscribers.request(address=ADDRESS, topics=[], language="es", timezone=None, source="form")
    except UserError as error:
        assert error.key == "email.too_soon" and "revise su bandeja" in error.say("es")
    else:
        raise AssertionError("a second confirmation went out at once")
    assert len(smtp.received) == 1
