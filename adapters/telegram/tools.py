"""/tools [topic]: the capacity-building catalogue through the core's facade (services.tools), in the
reader's language, split to Telegram's message size."""

from __future__ import annotations

from telegram import Update

from bot.texts import UserError

from adapters.telegram.chat import command_args
from adapters.telegram.common import Context, message_of, reply, services_of
from adapters.telegram.formatting import markup_html, split_html
from adapters.telegram.texts import SPELLED, language


async def tools(update: Update, context: Context) -> None:
    """/tools, or /tools <topic>."""
    lang, facade = language(update), services_of(context).tools
    try:
        topic = facade.parse_topic(command_args(message_of(update).text))
    except UserError as error:
        await message_of(update).reply_text(error.say(lang))
        return
    listing = facade.render_listing(await facade.listing(topic=topic), language=lang, topic=topic,
                                    command=SPELLED["tools"])
    for part in split_html(markup_html(listing)):
        await reply(update, part)
