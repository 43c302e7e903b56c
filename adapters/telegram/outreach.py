"""Handlers for events and subscriptions: /events, /subscribe, /unsubscribe, /subscriptions, /timezone,
their buttons, and the chat changes that move or stop a subscription (supergroup upgrade, bot removed).
Everything goes through the core's outreach facade (services.outreach) and comes back as frozen snapshots."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus

from bot.outreach.facade import SubscriptionView, summary
from bot.outreach.topics import parse_topics
from bot.texts import UserError, topic_label

from adapters.telegram.chat import command_args
from adapters.telegram.common import Context, chat_id_of, edit, key_of, may_manage, message_of, reply, services_of
from adapters.telegram.formatting import markup_html
from adapters.telegram.keyboards import events_keyboard, topics_keyboard
from adapters.telegram.notices import events_page_html
from adapters.telegram.texts import SPELLED, html, language, plain

PLATFORM = "telegram"
PAGE = 5


def summary_html(view: SubscriptionView | None, lang: str) -> str:
    return markup_html(summary(view, lang, subscribe=SPELLED["subscribe"]))


async def events_page(update: Update, context: Context, *, offset: int,
                      topic: str | None) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of upcoming events in the chat's time zone, with buttons to page through."""
    outreach, lang = services_of(context).outreach, language(update)
    infos = await outreach.upcoming(topic=topic, limit=PAGE + 1, offset=offset)
    sub = await outreach.subscription(platform=PLATFORM, chat_id=chat_id_of(update))
    page = events_page_html(infos[:PAGE], zone=sub.timezone if sub else "UTC", offset=offset, language=lang,
                            topic_label=topic_label(topic, lang) if topic else None)
    return page, events_keyboard(key_of(context), lang, offset=offset, page=PAGE, more=len(infos) > PAGE, topic=topic)


async def events(update: Update, context: Context) -> None:
    """/events, or /events <topic>."""
    try:
        topics = parse_topics(command_args(message_of(update).text))
        topic = topics[0] if topics else None
        await reply(update, *await events_page(update, context, offset=0, topic=topic))
    except UserError as error:
        await message_of(update).reply_text(error.say(language(update)))


async def events_button(update: Update, context: Context, args: list[str]) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit(update, *await events_page(update, context, offset=int(args[0]), topic=args[1] or None))


async def subscribe(update: Update, context: Context) -> None:
    """/subscribe shows the topic keyboard; /subscribe reporting, tracking (or all) subscribes directly."""
    lang = language(update)
    if not await may_manage(update, context):
        await reply(update, html("admins_only", lang))
        return
    outreach, chat_id = services_of(context).outreach, chat_id_of(update)
    try:
        topics = parse_topics(command_args(message_of(update).text))
    except UserError as error:
        await message_of(update).reply_text(error.say(lang))
        return
    if topics is None:
        current = await outreach.subscription(platform=PLATFORM, chat_id=chat_id)
        keyboard = topics_keyboard(key_of(context), current.topics if current else None, lang)
        await reply(update, html("sub.choose", lang), keyboard)
        return
    view = await outreach.subscribe(platform=PLATFORM, chat_id=chat_id, topics=topics, language=lang)
    await reply(update, summary_html(view, lang))


async def subscribe_button(update: Update, context: Context, args: list[str]) -> None:
    """A topic tapped on the keyboard (toggles it), 'All topics', or 'Done' (shows the summary)."""
    query, outreach, chat_id = update.callback_query, services_of(context).outreach, chat_id_of(update)
    lang = language(update)
    assert query is not None
    if not await may_manage(update, context):
        await query.answer(plain("admins_only", lang), show_alert=True)
        return
    if args[0] == ".":
        await query.answer()
        await edit(update, summary_html(await outreach.subscription(platform=PLATFORM, chat_id=chat_id), lang))
        return
    view = await outreach.toggle_topic(platform=PLATFORM, chat_id=chat_id, topic=args[0], language=lang)
    await query.answer(plain("saved", lang))
    await edit(update, f"{html('sub.choose', lang)}\n\n{summary_html(view, lang)}",
               topics_keyboard(key_of(context), view.topics if view else None, lang))


async def unsubscribe(update: Update, context: Context) -> None:
    """/unsubscribe stops everything; /unsubscribe reporting drops one topic."""
    lang = language(update)
    if not await may_manage(update, context):
        await reply(update, html("admins_only", lang))
        return
    try:
        topics = parse_topics(command_args(message_of(update).text))
    except UserError as error:
        await message_of(update).reply_text(error.say(lang))
        return
    view = await services_of(context).outreach.unsubscribe(platform=PLATFORM, chat_id=chat_id_of(update), topics=topics)
    await reply(update, summary_html(view, lang) if view else html("sub.ended", lang))


async def show_subscriptions(update: Update, context: Context) -> None:
    view = await services_of(context).outreach.subscription(platform=PLATFORM, chat_id=chat_id_of(update))
    await reply(update, summary_html(view, language(update)))


async def timezone(update: Update, context: Context) -> None:
    """/timezone Africa/Nairobi or /timezone Tokyo; without an argument, shows the current zone."""
    zone, outreach = command_args(message_of(update).text), services_of(context).outreach
    chat_id, lang = chat_id_of(update), language(update)
    if not zone:
        view = await outreach.subscription(platform=PLATFORM, chat_id=chat_id)
        await reply(update, html("tz.current", lang, zone=view.timezone if view else "UTC"))
        return
    if not await may_manage(update, context):
        await reply(update, html("admins_only", lang))
        return
    try:
        view = await outreach.set_timezone(platform=PLATFORM, chat_id=chat_id, timezone=zone)
    except UserError as error:
        await message_of(update).reply_text(error.say(lang))
        return
    await reply(update, html("tz.set", lang, zone=view.timezone))


async def migrate(update: Update, context: Context) -> None:
    """A group upgraded to a supergroup changes id: its subscription follows (either service message will do)."""
    message = message_of(update)
    old, new = ((message.chat_id, message.migrate_to_chat_id) if message.migrate_to_chat_id
                else (message.migrate_from_chat_id, message.chat_id))
    await services_of(context).outreach.moved(platform=PLATFORM, old_chat_id=str(old), new_chat_id=str(new))


async def removed(update: Update, context: Context) -> None:
    """The bot was blocked, kicked or left: pause the chat's subscription rather than fail sending to it."""
    change = update.my_chat_member
    if change is not None and change.new_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        await services_of(context).outreach.pause(platform=PLATFORM, chat_id=str(change.chat.id),
                                                  reason="the bot was blocked or removed from the chat")
