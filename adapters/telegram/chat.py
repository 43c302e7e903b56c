"""Which messages are questions: everything in a private chat; in groups only what is addressed to the bot."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity


def mentions_bot(message: Message, *, username: str, bot_id: int) -> list[str]:
    """The pieces of text that mention this bot (@username, or a text mention of its user)."""
    found = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    return [text for entity, text in found.items()
            if (entity.type == MessageEntity.MENTION and text[1:].casefold() == username.casefold())
            or (entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id)]


def replies_to_bot(message: Message, *, bot_id: int) -> bool:
    reply = message.reply_to_message
    return reply is not None and reply.from_user is not None and reply.from_user.id == bot_id


def question_in(message: Message, *, username: str, bot_id: int) -> str | None:
    """The question a message asks the bot, with the mention removed; None when it is not for the bot."""
    text = message.text or ""
    if message.chat.type == "private":
        return text
    mentions = mentions_bot(message, username=username, bot_id=bot_id)
    if not mentions and not replies_to_bot(message, bot_id=bot_id):
        return None
    for mention in mentions:
        text = re.sub(re.escape(mention), " ", text, count=1, flags=re.IGNORECASE)
    return " ".join(text.split()).strip(" ,:")


def command_args(text: str | None) -> str:
    """What follows '/command' or '/command@bot' (keeps line breaks, unlike PTB's context.args)."""
    parts = (text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""
