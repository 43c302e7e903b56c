"""The /a6 slash command: parse the sub-command, call the core or outreach, return Block Kit to post."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.slack.blocks import Block, answer_blocks, escape, fallback, text_blocks
from adapters.slack.inbound import question_text
from adapters.slack.notices import event_blocks
from bot.answering import QuestionError
from bot.outreach import events, subscriptions
from bot.outreach.service import base_url
from bot.outreach.topics import TOPICS
from bot.services import Services

HELP = ("*A6IP assistant* — cited answers on Article 6 and A6IP events.\n"
        "• `/a6 ask <question>` — ask a question (or mention me, or write to me directly)\n"
        "• `/a6 events [topic]` — upcoming events\n"
        "• `/a6 subscribe [topics]` — event notices here (no topic = all topics)\n"
        "• `/a6 unsubscribe [topics]` — stop them (no topic = all)\n"
        "• `/a6 subscriptions` — what this {target} is subscribed to\n"
        "• `/a6 help` — this list\n"
        "Topics: {topics}")


@dataclass
class Reply:
    """What to post back through the command's response_url."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    visible: bool = False  # in_channel instead of ephemeral

    @classmethod
    def of(cls, mrkdwn: str) -> Reply:
        return cls(text=fallback(mrkdwn), blocks=text_blocks(mrkdwn))


def split_topics(args: str) -> list[str]:
    """'6.2, private sector' or '6.2 reporting' -> topic words as typed."""
    parts = args.split(",") if "," in args else args.split()
    return [p.strip() for p in parts if p.strip()]


def topic_labels(topics: list[str]) -> str:
    return ", ".join(f"{TOPICS.get(t, t)} (`{t}`)" for t in topics) if topics else "all topics"


def help_text(target: str) -> str:
    return HELP.format(target=target, topics=", ".join(f"`{t}`" for t in TOPICS))


def help_reply(target: str) -> Reply:
    return Reply.of(help_text(target))


async def ask(services: Services, args: str, *, user_id: str) -> Reply:
    try:
        answer = await services.answerer.ask(question_text(args), channel="slack", user_id=user_id)
    except QuestionError as error:
        return Reply.of(escape(str(error)))
    return Reply(text=fallback(answer.plain()), blocks=answer_blocks(answer), visible=True)


async def upcoming(services: Services, args: str) -> Reply:
    topic = args.strip() or None
    try:
        rows = await events.upcoming(services.db, topic=topic, limit=5)
    except ValueError as error:
        return Reply.of(escape(str(error)))
    if not rows:
        return Reply.of("No upcoming events" + (f" on {escape(topic)}." if topic else "."))
    base = base_url(services.settings)
    blocks = [block for row in rows for block in event_blocks(events.info(row, base_url=base), "UTC")]
    text = "Upcoming events: " + "; ".join(row.title for row in rows)
    return Reply(text=fallback(text), blocks=blocks)


async def subscribe(services: Services, args: str, *, chat_id: str, target: str) -> Reply:
    try:
        row = await subscriptions.subscribe(services.db, platform="slack", chat_id=chat_id,
                                            topics=split_topics(args))
    except ValueError as error:
        return Reply.of(escape(str(error)))
    return Reply.of(f"Subscribed this {target} to event notices on {topic_labels(row.topics)}.")


async def unsubscribe(services: Services, args: str, *, chat_id: str, target: str) -> Reply:
    try:
        row = await subscriptions.unsubscribe(services.db, platform="slack", chat_id=chat_id,
                                              topics=split_topics(args) or None)
    except ValueError as error:
        return Reply.of(escape(str(error)))
    if row is None:
        return Reply.of(f"This {target} gets no event notices any more.")
    return Reply.of(f"This {target} still gets notices on {topic_labels(row.topics)}.")


async def show(services: Services, *, chat_id: str, target: str) -> Reply:
    row = await subscriptions.get(services.db, platform="slack", chat_id=chat_id)
    if row is None:
        return Reply.of(f"This {target} has no subscription. Try `/a6 subscribe 6.2` or `/a6 subscribe`.")
    paused = f"\nPaused: {escape(row.paused_reason or 'delivery failed')}." if row.paused else ""
    return Reply.of(f"This {target} gets event notices on {topic_labels(row.topics)}.{paused}")


async def run_command(services: Services, text: str, *, chat_id: str, user_id: str, in_dm: bool) -> Reply:
    """Dispatch `/a6 <sub-command> [args]`; unknown sub-commands get the list of known ones."""
    name, _, args = (text or "").strip().partition(" ")
    name, args = name.lower(), args.strip()
    target = "conversation" if in_dm else "channel"
    if name == "ask":
        return await ask(services, args, user_id=user_id)
    if name == "events":
        return await upcoming(services, args)
    if name == "subscribe":
        return await subscribe(services, args, chat_id=chat_id, target=target)
    if name == "unsubscribe":
        return await unsubscribe(services, args, chat_id=chat_id, target=target)
    if name == "subscriptions":
        return await show(services, chat_id=chat_id, target=target)
    if name in ("", "help"):
        return help_reply(target)
    return Reply.of(f"I don't know the sub-command `{escape(name[:40])}`.\n" + help_text(target))
