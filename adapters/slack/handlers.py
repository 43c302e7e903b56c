"""What the bot does for each Slack request, written against plain arguments so the listeners stay one-liners."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import store
from adapters.slack.blocks import Block, answer_blocks, escape, fallback, text_blocks
from adapters.slack.commands import Commands
from adapters.slack.inbound import is_dm, is_from_person, mentions, question_text, thread_of
from adapters.slack.locale import Locales
from adapters.slack.settings import SlackSettings
from adapters.slack.support import SlackSupport
from bot.answering import QuestionError
from bot.escalation import Escalation
from bot.services import Services
from bot.texts import say

log = logging.getLogger(__name__)


class SlackBot:
    """The adapter's behaviour: answers questions, runs /a6, records feedback, forwards questions to staff."""

    def __init__(self, services: Services, settings: SlackSettings, *, staff_client: AsyncWebClient | None) -> None:
        self.services = services
        self.settings = settings
        self.staff_client = staff_client
        self.commands = Commands(services)
        self.locales = Locales()
        self.support = SlackSupport(services, multi_workspace=settings.multi_workspace)

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

    async def reply_blocks(self, client: AsyncWebClient, text: str, user: str | None,
                           busy: Callable[[str], Awaitable[object]] | None = None) -> tuple[str, list[Block]]:
        try:
            answer = await self.services.answerer.ask(text, channel="slack", user_id=user, busy=busy)
        except QuestionError as error:
            refusal = error.say(await self.locales.language(client, user))
            return fallback(refusal), text_blocks(escape(refusal))
        return fallback(answer.plain()), answer_blocks(answer, await self.locales.language(client, user))

    async def answer(self, client: AsyncWebClient, event: dict[str, Any], *, team: str, thread_ts: str | None) -> None:
        language = await self.locales.language(client, event.get("user"))
        if await self.support.message(client, {**event, "text": question_text(event.get("text"))}, team=team,
                                      language=language, thread_ts=thread_ts, in_dm=is_dm(event)):
            return  # the support flow's answer (never logged as a question), or its offer

        async def busy(notice: str) -> None:
            await client.chat_postMessage(channel=event["channel"], thread_ts=thread_ts, text=notice)

        text, blocks = await self.reply_blocks(client, question_text(event.get("text")), event.get("user"), busy)
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

    async def on_command(self, client: AsyncWebClient, command: dict[str, Any], respond: Any) -> None:
        chat_id, _ = self.chat_id(command)
        language = await self.locales.language(client, command.get("user_id"))
        if (command.get("text") or "").strip().lower().split(" ")[0] == "support":
            await self.support.command(command, language, respond)
            return
        reply = await self.commands.run(command.get("text", ""), chat_id=chat_id, user_id=command["user_id"],
                                        language=language)
        await respond(text=reply.text, blocks=reply.blocks,
                      response_type="in_channel" if reply.visible else "ephemeral")

    async def on_feedback(self, client: AsyncWebClient, body: dict[str, Any], respond: Any, *, helpful: bool) -> None:
        log_id = button_value(body)
        recorded = log_id is not None and await self.services.answerer.feedback(log_id, helpful=helpful)
        language = await self.locales.language(client, (body.get("user") or {}).get("id"))
        note = say("feedback.thanks" if recorded else "feedback.gone", language)
        await respond(text=note, response_type="ephemeral", replace_original=False)

    async def on_support_click(self, client: AsyncWebClient, body: dict[str, Any], respond: Any) -> None:
        language = await self.locales.language(client, (body.get("user") or {}).get("id"))
        await self.support.click(body, language, respond)

    async def on_escalate(self, client: AsyncWebClient, body: dict[str, Any], respond: Any) -> None:
        """'Ask A6IP staff': the core flags the question; it goes to the staff channel when there is one."""
        log_id = button_value(body)
        language = await self.locales.language(client, (body.get("user") or {}).get("id"))
        staff_channel, staff_client = self.settings.slack_staff_channel, self.staff_client

        async def forward(escalation: Escalation) -> bool:
            assert staff_channel is not None and staff_client is not None
            return await post_to_staff(staff_client, staff_channel, escalation, body)

        if log_id is None:
            note = say("staff.gone", language)
        else:
            outcome = await self.services.staff.escalate(
                log_id, forward=forward if staff_channel and staff_client else None, language=language)
            note = outcome.message
        await respond(text=note, response_type="ephemeral", replace_original=False)


async def post_to_staff(client: AsyncWebClient, staff_channel: str, escalation: Escalation,
                        body: dict[str, Any]) -> bool:
    """Post the question to the staff channel (staff read English); False when Slack refuses."""
    user, channel = body.get("user", {}).get("id", "?"), (body.get("channel") or {}).get("id")
    where = f" in <#{channel}>" if channel and not channel.startswith("D") else ""
    text = f"Question for A6IP staff from <@{user}>{where} (log #{escalation.log_id}):\n>{escape(escalation.question)}"
    try:
        await client.chat_postMessage(channel=staff_channel, text=text, unfurl_links=False)
    except SlackApiError as error:
        log.warning("forwarding question %s to staff failed: %s", escalation.log_id, error.response.get("error"))
        return False
    return True


def header(headers: Mapping[str, Sequence[str]], name: str) -> str | None:
    """One header from Bolt's normalised (lower-case name -> values) headers."""
    values = headers.get(name) or []
    return values[0] if values else None


def button_value(body: dict[str, Any]) -> int | None:
    """The question-log id a feedback button carries; None for anything that is not one."""
    actions = body.get("actions") or [{}]
    value = str(actions[0].get("value", ""))
    return int(value) if value.isdigit() else None
