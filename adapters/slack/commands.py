"""The /a6 slash command: parse the sub-command, call the core's answerer or outreach facade, return Block Kit
to post, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from adapters.slack.blocks import Block, answer_blocks, escape, fallback, text_blocks
from adapters.slack.inbound import question_text
from adapters.slack.notices import event_blocks
from bot.answering import QuestionError
from bot.capacity import Busy
from bot.outreach.facade import summary
from bot.outreach.topics import TOPICS, parse_topics
from bot.services import Services
from bot.texts import UserError, say, topic_label

PLATFORM = "slack"
SUB_COMMANDS = ("ask", "events", "subscribe", "unsubscribe", "subscriptions", "timezone", "tools", "help", "support")
SPELLED = {name: f"/a6 {name}" for name in SUB_COMMANDS}


@dataclass
class Reply:
    """What to post back through the command's response_url."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    visible: bool = False  # in_channel instead of ephemeral

    @classmethod
    def of(cls, text: str) -> Reply:
        """A catalogue text (neutral markup is Slack's own *bold* and `code`), escaped for mrkdwn."""
        mrkdwn = escape(text)
        return cls(text=fallback(text), blocks=text_blocks(mrkdwn))


def words(key: str, language: str, **values: Any) -> str:
    """A catalogue text with the commands spelled the Slack way."""
    return say(key, language, **{**SPELLED, **values})


def help_text(language: str) -> str:
    return words("help", language, topics=", ".join(f"`{t}`" for t in TOPICS))


class Commands:
    """One method per sub-command; `chat_id` is whose subscription it is (the channel, or the user in a DM)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.outreach = services.outreach

    async def ask(self, args: str, *, user_id: str, language: str) -> Reply:
        try:
            answer = await self.services.answerer.ask(question_text(args), channel="slack", user_id=user_id)
        except QuestionError as error:
            return Reply.of(error.say(language))
        except Busy as busy:  # a slash command is answered once, within Slack's time: no retrying here
            return Reply.of(words("public.error.busy", language, seconds=busy.retry_after))
        return Reply(text=fallback(answer.plain()), blocks=answer_blocks(answer, language), visible=True)

    async def events(self, args: str, *, chat_id: str, language: str) -> Reply:
        topics = parse_topics(args)
        topic = topics[0] if topics else None
        infos = await self.outreach.upcoming(topic=topic, limit=5)
        about = words("events.about", language, topic=topic_label(topic, language)) if topic else ""
        if not infos:
            return Reply.of(words("events.none", language, about=about))
        view = await self.outreach.subscription(platform=PLATFORM, chat_id=chat_id)
        zone = view.timezone if view else "UTC"
        header = escape(words("events.header", language, about=about, zone=zone))
        blocks = [*text_blocks(header), *(b for info in infos for b in event_blocks(info, zone, language))]
        return Reply(text=fallback(header + " " + "; ".join(info.title for info in infos)), blocks=blocks)

    async def subscribe(self, args: str, *, chat_id: str, language: str) -> Reply:
        view = await self.outreach.subscribe(platform=PLATFORM, chat_id=chat_id, topics=parse_topics(args) or [],
                                             language=language)
        return Reply.of(summary(view, language, subscribe=SPELLED["subscribe"]))

    async def unsubscribe(self, args: str, *, chat_id: str, language: str) -> Reply:
        view = await self.outreach.unsubscribe(platform=PLATFORM, chat_id=chat_id, topics=parse_topics(args))
        return Reply.of(summary(view, language, subscribe=SPELLED["subscribe"]) if view else words("sub.ended", language))

    async def subscriptions(self, *, chat_id: str, language: str) -> Reply:
        view = await self.outreach.subscription(platform=PLATFORM, chat_id=chat_id)
        return Reply.of(summary(view, language, subscribe=SPELLED["subscribe"]))

    async def timezone(self, args: str, *, chat_id: str, language: str) -> Reply:
        if not args.strip():
            view = await self.outreach.subscription(platform=PLATFORM, chat_id=chat_id)
            return Reply.of(words("tz.current", language, zone=view.timezone if view else "UTC"))
        view = await self.outreach.set_timezone(platform=PLATFORM, chat_id=chat_id, timezone=args)
        return Reply.of(words("tz.set", language, zone=view.timezone))

    async def tools(self, args: str, *, chat_id: str, language: str) -> Reply:
        """Capacity-building resources, on a topic when one is given, those in the reader's language first."""
        tools = self.services.tools
        topic = tools.parse_topic(args)
        listing = tools.render_listing(await tools.listing(topic=topic), language=language, topic=topic,
                                       command=SPELLED["tools"])
        return Reply.of(listing)

    async def run(self, text: str, *, chat_id: str, user_id: str, language: str) -> Reply:
        """Dispatch `/a6 <sub-command> [args]`; unknown sub-commands get the list of known ones. A request the
        person can fix (unknown topic or zone) is explained and changes nothing."""
        name, _, args = (text or "").strip().partition(" ")
        name, args = name.lower(), args.strip()
        where = {"chat_id": chat_id, "language": language}
        try:
            if name == "ask":
                return await self.ask(args, user_id=user_id, language=language)
            if name in ("events", "subscribe", "unsubscribe", "timezone", "tools"):
                return await getattr(self, name)(args, **where)  # type: ignore[no-any-return]
            if name == "subscriptions":
                return await self.subscriptions(**where)
        except UserError as error:
            return Reply.of(error.say(language))
        if name in ("", "help"):
            return Reply.of(help_text(language))
        unknown = words("unknown_command", language, command=f"`/a6 {name[:40]}`", help=SPELLED["help"])
        return Reply.of(unknown + "\n\n" + help_text(language))
