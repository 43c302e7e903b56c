"""What the bot does for each Slack request, written against plain arguments so the listeners stay one-liners."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import store
from adapters.slack.blocks import Block, answer_blocks, escape, fallback, text_blocks
from adapters.slack.commands import run_command
from adapters.slack.settings import SlackSettings
from adapters.slack.inbound import is_dm, is_from_person, mentions, question_text, thread_of
from bot.answering import QuestionError
from bot.services import Services

log = logging.getLogger(__name__)
STAFF_MISSING = ("No A6IP staff channel is set up for this bot yet, so I could not pass your question on. "
                 "Please write to A6_partnership@iges.or.jp and the team will help.")


class SlackBot:
    """The adapter's behaviour: answers questions, runs /a6, records feedback, forwards questions to staff."""

    def __init__(self, services: Services, settings: SlackSettings, *, staff_client: AsyncWebClient | None) -> None:
        self.services = services
        self.settings = settings
        self.staff_client = staff_client

    async def first_sight(self, body: dict[str, Any]) -> bool:
        """False for an Events API event already handled (Slack's retries carry the same event_id)."""
        event_id = body.get("event_id")
        return not event_id or await store.first_sight(self.services.db, event_id=str(event_id))

    async def first_use(self, headers: Mapping[str, Sequence[str]]) -> bool:
        """False for a signature already accepted: Slack never re-sends one, so a repeat is a replay."""
        stamp, signature = header(headers, "x-slack-request-timestamp"), header(headers, "x-slack-signature")
        if not stamp or not signature:
            return True  # Socket Mode: nothing is signed, and nothing arrives over HTTP to replay
        if await store.first_use(self.services.db, timestamp=stamp, signature=signature):
            return True
        log.warning("ignored a replayed Slack request (timestamp %s)", stamp)
        return False

    async def reply_blocks(self, text: str, user: str | None) -> tuple[str, list[Block]]:
        try:
            answer = await self.services.answerer.ask(text, channel="slack", user_id=user)
        except QuestionError as error:
            return fallback(str(error)), text_blocks(escape(str(error)))
        return fallback(answer.plain()), answer_blocks(answer)

    async def answer(self, client: AsyncWebClient, event: dict[str, Any], *, team: str, thread_ts: str | None) -> None:
        text, blocks = await self.reply_blocks(question_text(event.get("text")), event.get("user"))
        await client.chat_postMessage(channel=event["channel"], thread_ts=thread_ts, text=text, blocks=blocks,
                                      unfurl_links=False)
        if thread_ts is not None and not is_dm(event):
            await store.remember_thread(self.services.db, team_id=team, channel=event["channel"], thread_ts=thread_ts)

    async def on_mention(self, client: AsyncWebClient, event: dict[str, Any], team: str) -> None:
        """A mention in a channel: answer in the message's thread (DMs arrive as message.im instead)."""
        if is_from_person(event) and not is_dm(event):
            await self.answer(client, event, team=team, thread_ts=thread_of(event) or event["ts"])

    async def on_message(self, client: AsyncWebClient, event: dict[str, Any], team: str, bot_user: str | None) -> None:
        """A DM, or a follow-up in a thread the bot answered in; mentions are left to on_mention."""
        if not is_from_person(event):
            return
        if is_dm(event):
            await self.answer(client, event, team=team, thread_ts=thread_of(event))
            return
        thread = thread_of(event)
        if thread and not mentions(event, bot_user) and await store.in_bot_thread(
                self.services.db, team_id=team, channel=event["channel"], thread_ts=thread):
            await self.answer(client, event, team=team, thread_ts=thread)

    def chat_id(self, command: dict[str, Any]) -> tuple[str, bool]:
        """Subscriptions belong to the channel, or to the user when run in a DM; workspace-prefixed with OAuth."""
        in_dm = command.get("channel_name") == "directmessage" or str(command.get("channel_id", "")).startswith("D")
        chat = command["user_id"] if in_dm else command["channel_id"]
        return (f"{command['team_id']}:{chat}" if self.settings.multi_workspace else chat), in_dm

    async def on_command(self, command: dict[str, Any], respond: Any) -> None:
        chat_id, in_dm = self.chat_id(command)
        reply = await run_command(self.services, command.get("text", ""), chat_id=chat_id,
                                  user_id=command["user_id"], in_dm=in_dm)
        await respond(text=reply.text, blocks=reply.blocks,
                      response_type="in_channel" if reply.visible else "ephemeral")

    async def on_feedback(self, body: dict[str, Any], respond: Any, *, helpful: bool) -> None:
        log_id = button_value(body)
        recorded = log_id is not None and await self.services.answerer.feedback(log_id, helpful=helpful)
        note = "Thanks, your feedback is recorded." if recorded else "That answer is no longer on record."
        await respond(text=note, response_type="ephemeral", replace_original=False)

    async def on_escalate(self, body: dict[str, Any], respond: Any) -> None:
        log_id = button_value(body)
        row = await self.services.answerer.escalate(log_id) if log_id is not None else None
        if row is None:
            note = "That answer is no longer on record; please ask again."
        elif not self.settings.slack_staff_channel or self.staff_client is None:
            note = STAFF_MISSING
        else:
            note = await forward(self.staff_client, self.settings.slack_staff_channel, row.question, row.id, body)
        await respond(text=note, response_type="ephemeral", replace_original=False)


async def forward(client: AsyncWebClient, staff_channel: str, question: str, log_id: int, body: dict[str, Any]) -> str:
    """Post the question to the staff channel; the user is told whether it went through."""
    user, channel = body.get("user", {}).get("id", "?"), (body.get("channel") or {}).get("id")
    where = f" in <#{channel}>" if channel and not channel.startswith("D") else ""
    text = f"Question for A6IP staff from <@{user}>{where} (log #{log_id}):\n>{escape(question)}"
    try:
        await client.chat_postMessage(channel=staff_channel, text=text, unfurl_links=False)
    except SlackApiError as error:
        log.warning("forwarding question %s to staff failed: %s", log_id, error.response.get("error"))
        return "Sorry, I could not reach the A6IP staff channel. Please write to A6_partnership@iges.or.jp."
    return "I have passed your question to A6IP staff; someone will get back to you here."


def header(headers: Mapping[str, Sequence[str]], name: str) -> str | None:
    """One header from Bolt's normalised (lower-case name -> values) headers."""
    values = headers.get(name) or []
    return values[0] if values else None


def button_value(body: dict[str, Any]) -> int | None:
    """The question-log id a feedback button carries; None for anything that is not one."""
    actions = body.get("actions") or [{}]
    value = str(actions[0].get("value", ""))
    return int(value) if value.isdigit() else None
