"""`/a6 support` and the guided expression of interest in Slack: the core's replies (bot.support) as Block Kit
with a button per choice. The flow runs in a direct message with the bot, so nobody types their email
address into a channel; in a channel the bot explains and points to the DM."""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import Block, escape, fallback, section, text_blocks
from bot.services import Services
from bot.support import Reply, Where
from bot.texts import say

CHANNEL = "slack"
ACTION = re.compile(r"^a6_support_\d+$")  # one action id per button (Slack wants them unique in a message)
COMMAND = "/a6 support"


def support_blocks(reply: Reply, *, buttons: bool = True) -> list[Block]:
    """The reply's text, then its buttons in one actions block (ticked when chosen)."""
    blocks = text_blocks(escape(reply.text))
    if buttons and reply.buttons:
        blocks.append({"type": "actions", "block_id": "a6_support", "elements": [
            {"type": "button", "action_id": f"a6_support_{n}", "value": b.value,
             "text": {"type": "plain_text", "text": (("✅ " if b.chosen else "") + b.label)[:75]},
             **({"style": "primary"} if b.chosen else {})}
            for n, b in enumerate(reply.buttons)]})
    return blocks


class SlackSupport:
    """The flow's three ways in: the sub-command, a DM message, a button."""

    def __init__(self, services: Services, *, multi_workspace: bool) -> None:
        self.support = services.support
        self.multi_workspace = multi_workspace

    def where(self, *, team: str, channel: str, user: str, language: str) -> Where:
        """The DM is the conversation; notices reach the user (workspace-prefixed with OAuth installs)."""
        return Where(conversation=f"{CHANNEL}:{team}:{channel}:{user}", channel=CHANNEL,
                     chat=f"{team}:{user}" if self.multi_workspace else user, language=language, command=COMMAND)

    async def command(self, command: dict[str, Any], language: str, respond: Any) -> None:
        channel = str(command.get("channel_id", ""))
        if not channel.startswith("D"):
            private = say("support.private", language, support=COMMAND)
            await respond(text=fallback(private), blocks=text_blocks(escape(private)), response_type="ephemeral")
            return
        reply = await self.support.command(self.where(team=command["team_id"], channel=channel,
                                                      user=command["user_id"], language=language))
        await respond(text=fallback(reply.text), blocks=support_blocks(reply), response_type="ephemeral")

    async def message(self, client: AsyncWebClient, event: dict[str, Any], *, team: str, language: str,
                      thread_ts: str | None, in_dm: bool) -> bool:
        """A message for the bot: True when the flow took it (an answer in the DM, or the offer)."""
        where = self.where(team=team, channel=event["channel"], user=event["user"], language=language)
        reply = await self.support.message(event.get("text") or "", where)
        if reply is None:
            return False
        blocks = support_blocks(reply, buttons=in_dm)
        if not in_dm:
            blocks.append(section(escape(say("support.private", language, support=COMMAND))))
        await client.chat_postMessage(channel=event["channel"], thread_ts=thread_ts, text=fallback(reply.text),
                                      blocks=blocks, unfurl_links=False)
        return True

    async def click(self, body: dict[str, Any], language: str, respond: Any) -> None:
        """Ticking an area replaces the message; anything else answers below it."""
        value = str((body.get("actions") or [{}])[0].get("value", ""))
        user, channel = (body.get("user") or {}), (body.get("channel") or {})
        where = self.where(team=str(user.get("team_id") or (body.get("team") or {}).get("id") or ""),
                           channel=str(channel.get("id", "")), user=str(user.get("id", "")), language=language)
        reply = await self.support.press(value, where)
        toggle = value.startswith("area:") and not reply.done
        await respond(text=fallback(reply.text), blocks=support_blocks(reply), replace_original=toggle,
                      response_type="ephemeral")
