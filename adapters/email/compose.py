"""Emails built from the one notice layout (bot.outreach.render): a plain-text and an HTML alternative of the
same content, the event's .ics attached, and the headers mail providers expect of a subscription
(List-Unsubscribe with one-click POST, RFC 8058). Also the confirmation and the staff emails."""

from __future__ import annotations

from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from html import escape

from bot.escalation import Escalation
from bot.outreach.calendar import to_ics
from bot.outreach.notice import Notice
from bot.outreach.render import EventLayout, notice_layout, render_plain
from bot.texts import say, topics_text

from adapters.email.smtp import Mailer
from adapters.email.store import Address


def base_message(mailer: Mailer, *, to: str, subject: str, message_id: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mailer.sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = message_id or make_msgid(domain=mailer.domain)
    return message


def with_language(message: EmailMessage, language: str) -> EmailMessage:
    """Content-Language goes on last: set_content and add_alternative move Content-* headers set before them
    into a sub-part (or drop them), so set earlier it never reaches the reader's mail client."""
    message["Content-Language"] = language
    return message


def html_page(language: str, body: str) -> str:
    """A bare HTML document: mail clients strip most else, and a screen reader gets the language."""
    return (f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8"></head>'
            f'<body style="font-family:sans-serif;line-height:1.5;max-width:40em">{body}</body></html>')


def html_event(event: EventLayout) -> str:
    status = f" <strong>[{escape(event.status)}]</strong>" if event.status else ""
    rows = "".join(f"<tr><th align=\"left\" valign=\"top\">{escape(label)}</th><td>{escape(value)}</td></tr>"
                   for label, value in event.fields)
    links = " · ".join(f'<a href="{escape(link.url)}">{escape(link.label)}</a>' for link in event.links)
    return (f"<h2>{escape(event.title)}{status}</h2><p>{escape(event.kind)}</p>"
            f"<table cellpadding=\"4\">{rows}</table><p>{links}</p>")


def notice_message(mailer: Mailer, notice: Notice, *, address: Address, unsubscribe_url: str) -> EmailMessage:
    """One notice as multipart/mixed: (text/plain | text/html) alternatives, then text/calendar."""
    language = notice.language
    layout = notice_layout(notice)
    subject = layout.heading if notice.kind == "digest" else f"{layout.heading}: {layout.events[0].title}"
    domain_id = f"<a6bot.notice.{notice.delivery_id}@{mailer.domain}>" if notice.delivery_id is not None else None
    message = base_message(mailer, to=address.address, subject=f"A6IP · {subject}",
                           message_id=domain_id)  # stable across retries: a resend is recognisably the same
    message["List-Id"] = f"A6IP event notices <events.{mailer.domain}>"
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    footer = say("email.footer", language, topics=topics_text(address.topics, language), zone=notice.timezone)
    unsubscribe = say("email.unsubscribe.link", language)
    message.set_content(f"{render_plain(notice)}\n\n-- \n{footer}\n{unsubscribe}: {unsubscribe_url}\n")
    body = f"<h1>{escape(layout.heading)}</h1>" + "".join(html_event(e) for e in layout.events)
    if layout.description:
        body += "".join(f"<p>{escape(part)}</p>" for part in layout.description.split("\n\n"))
    body += (f'<hr><p style="font-size:small">{escape(footer)}<br>'
             f'<a href="{escape(unsubscribe_url)}">{escape(unsubscribe)}</a></p>')
    message.add_alternative(html_page(language, body), subtype="html")
    if notice.events:  # a resource announcement has no date to put in a calendar
        calendar = to_ics(notice.events, name=layout.events[0].title if len(notice.events) == 1 else "A6IP events")
        message.add_attachment(calendar, maintype="text", subtype="calendar", params={"method": "PUBLISH"},
                               filename="event.ics" if len(notice.events) == 1 else "a6ip-events.ics")
    return with_language(message, language)


def confirmation_message(mailer: Mailer, address: Address, *, url: str, days: int) -> EmailMessage:
    language = address.language
    text = say("email.confirm.body", language, topics=topics_text(address.topics, language), zone=address.timezone,
               days=days, url=url)
    message = base_message(mailer, to=address.address, subject=say("email.confirm.subject", language))
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text + "\n")
    link = f'<a href="{escape(url)}">{escape(url)}</a>'
    paragraphs = "".join("<p>" + escape(part).replace(escape(url), link).replace("\n", "<br>") + "</p>"
                         for part in text.split("\n\n"))
    message.add_alternative(html_page(language, paragraphs), subtype="html")
    return with_language(message, language)


def staff_message(mailer: Mailer, escalation: Escalation, *, to: str) -> EmailMessage:
    """The question for staff, in English (the staff's working language), replying to the asker if known."""
    answered = say("staff.mail.answered" if escalation.answered else "staff.mail.unanswered")
    reply = say("staff.mail.reply", address=escalation.reply_to) if escalation.reply_to else say("staff.mail.no_reply")
    message = base_message(mailer, to=to, subject=say("staff.mail.subject", channel=escalation.channel))
    if escalation.reply_to:
        message["Reply-To"] = escalation.reply_to
    message.set_content(say("staff.mail.body", channel=escalation.channel, language=escalation.language,
                            asked=f"{escalation.asked_at:%Y-%m-%d %H:%M} UTC", question=escalation.question,
                            answered=answered, confidence=f"{escalation.confidence:.2f}", reply=reply) + "\n")
    return with_language(message, "en")
