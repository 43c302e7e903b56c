"""Handlers for events and subscriptions: /events, /subscribe, /unsubscribe, /subscriptions, /timezone,
their buttons, and the chat changes that move or stop a subscription (supergroup upgrade, bot removed)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus

from bot.outreach import events as event_store
from bot.outreach import subscriptions
from bot.outreach.service import base_url
from bot.outreach.topics import TOPICS, normalize_topic

from adapters.telegram import texts
from adapters.telegram.chat import command_args
from adapters.telegram.common import Context, chat_id_of, edit, key_of, may_manage, message_of, reply, services_of
from adapters.telegram.keyboards import events_keyboard, topics_keyboard
from adapters.telegram.notices import events_page_html
from adapters.telegram.subscribing import PLATFORM, parse_topics, summary_html, toggle_topic

PAGE = 5
CHOOSE = "Tap topics to follow or stop following them, then <b>Done</b>."


async def events_page(context: Context, chat_id: str, *, offset: int, topic: str | None) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of upcoming events in the chat's time zone, with buttons to page through."""
    services = services_of(context)
    rows = await event_store.upcoming(services.db, topic=topic, limit=PAGE + 1, offset=offset)
    sub = await subscriptions.get(services.db, platform=PLATFORM, chat_id=chat_id)
    infos = [event_store.info(r, base_url=base_url(services.settings)) for r in rows[:PAGE]]
    html = events_page_html(infos, zone=sub.timezone if sub else "UTC", offset=offset,
                            topic_label=TOPICS.get(topic or ""))
    return html, events_keyboard(key_of(context), offset=offset, page=PAGE, more=len(rows) > PAGE, topic=topic)


async def events(update: Update, context: Context) -> None:
    """/events, or /events <topic>."""
    try:
        topic = normalize_topic(arg) if (arg := command_args(message_of(update).text)) else None
    except ValueError as error:
        await message_of(update).reply_text(str(error))
        return
    await reply(update, *await events_page(context, chat_id_of(update), offset=0, topic=topic))


async def events_button(update: Update, context: Context, args: list[str]) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit(update, *await events_page(context, chat_id_of(update), offset=int(args[0]), topic=args[1] or None))


async def subscribe(update: Update, context: Context) -> None:
    """/subscribe shows the topic keyboard; /subscribe reporting tracking (or all) subscribes directly."""
    if not await may_manage(update, context):
        await reply(update, texts.GROUP_ADMINS_ONLY)
        return
    db, chat_id = services_of(context).db, chat_id_of(update)
    try:
        topics = parse_topics(command_args(message_of(update).text))
    except ValueError as error:
        await message_of(update).reply_text(str(error))
        return
    if topics is None:
        row = await subscriptions.get(db, platform=PLATFORM, chat_id=chat_id)
        await reply(update, CHOOSE, topics_keyboard(key_of(context), row.topics if row else None))
        return
    await reply(update, summary_html(await subscriptions.subscribe(db, platform=PLATFORM, chat_id=chat_id, topics=topics)))


async def subscribe_button(update: Update, context: Context, args: list[str]) -> None:
    """A topic tapped on the keyboard (toggles it), 'All topics', or 'Done' (shows the summary)."""
    query, db, chat_id = update.callback_query, services_of(context).db, chat_id_of(update)
    assert query is not None
    if not await may_manage(update, context):
        await query.answer(texts.GROUP_ADMINS_ONLY, show_alert=True)
        return
    if args[0] == ".":
        await query.answer()
        await edit(update, summary_html(await subscriptions.get(db, platform=PLATFORM, chat_id=chat_id)))
        return
    row = await toggle_topic(db, chat_id=chat_id, topic=args[0])
    await query.answer("Saved")
    await edit(update, f"{CHOOSE}\n\n{summary_html(row)}", topics_keyboard(key_of(context), row.topics if row else None))


async def unsubscribe(update: Update, context: Context) -> None:
    """/unsubscribe stops everything; /unsubscribe reporting drops one topic."""
    if not await may_manage(update, context):
        await reply(update, texts.GROUP_ADMINS_ONLY)
        return
    try:
        topics = parse_topics(command_args(message_of(update).text))
    except ValueError as error:
        await message_of(update).reply_text(str(error))
        return
    row = await subscriptions.unsubscribe(services_of(context).db, platform=PLATFORM, chat_id=chat_id_of(update),
                                          topics=topics or None)
    await reply(update, summary_html(row))


async def show_subscriptions(update: Update, context: Context) -> None:
    row = await subscriptions.get(services_of(context).db, platform=PLATFORM, chat_id=chat_id_of(update))
    await reply(update, summary_html(row))


async def timezone(update: Update, context: Context) -> None:
    """/timezone Africa/Nairobi or /timezone Tokyo; without an argument, shows the current zone."""
    zone, db, chat_id = command_args(message_of(update).text), services_of(context).db, chat_id_of(update)
    if not zone:
        row = await subscriptions.get(db, platform=PLATFORM, chat_id=chat_id)
        await reply(update, f"Times are shown in {row.timezone if row else 'UTC'}. Change it with "
                            "<code>/timezone Europe/Paris</code> or a city: <code>/timezone Tokyo</code>.")
        return
    if not await may_manage(update, context):
        await reply(update, texts.GROUP_ADMINS_ONLY)
        return
    try:
        row = await subscriptions.set_timezone(db, platform=PLATFORM, chat_id=chat_id, timezone=zone)
    except ValueError as error:
        await message_of(update).reply_text(str(error))
        return
    await message_of(update).reply_text(f"Done: times are now shown in {row.timezone}.")


async def migrate(update: Update, context: Context) -> None:
    """A group upgraded to a supergroup changes id: its subscription follows (either service message will do)."""
    message = message_of(update)
    old, new = ((message.chat_id, message.migrate_to_chat_id) if message.migrate_to_chat_id
                else (message.migrate_from_chat_id, message.chat_id))
    await subscriptions.migrate_chat(services_of(context).db, platform=PLATFORM, old_chat_id=str(old), new_chat_id=str(new))


async def removed(update: Update, context: Context) -> None:
    """The bot was blocked, kicked or left: pause the chat's subscription rather than fail sending to it."""
    change = update.my_chat_member
    if change is not None and change.new_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        await subscriptions.pause(services_of(context).db, platform=PLATFORM, chat_id=str(change.chat.id),
                                  reason="the bot was blocked or removed from the chat")
