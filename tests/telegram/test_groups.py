"""In a group the bot answers only when mentioned, replied to, or asked with /ask; only admins change the
group's subscriptions; an upgrade to a supergroup keeps them; removing the bot pauses them."""

from __future__ import annotations

from typing import Any

from bot.platform import Runner
from bot.outreach import subscriptions
from bot.services import Services
from tests.telegram.botapi_server import BOT_USER, BotApiServer
from tests.telegram.conftest import exchange, silence

GROUP = BotApiServer.chat(-5, "group")


def say(api: BotApiServer, text: str, **extra: Any) -> dict[str, Any]:
    return api.text_update(text, chat=GROUP, **extra)


async def test_the_bot_keeps_out_of_the_conversation(api: BotApiServer, bot: Runner) -> None:
    await silence(api, say(api, "What is an ITMO? I always forget."))
    await silence(api, say(api, "@someone_else what is an ITMO?"))
    await silence(api, say(api, "/ask@other_bot what is an ITMO?"))
    await silence(api, say(api, "/frobnicate"))  # may be meant for another bot
    await silence(api, {"message": api.message(chat=GROUP, sticker={"file_id": "s", "file_unique_id": "u", "type": "regular",
                                                                    "width": 1, "height": 1, "is_animated": False,
                                                                    "is_video": False})})
    assert not api.sent("sendChatAction")


async def test_mention_reply_and_ask_are_answered_in_the_group(api: BotApiServer, bot: Runner) -> None:
    [by_mention] = await exchange(api, say(api, "@a6ip_test_bot what is an ITMO?"))
    assert by_mention.chat_id == "-5" and "mitigation outcomes" in by_mention.text
    assert by_mention.params["reply_parameters"]["message_id"]  # threaded under the question
    bot_message = {**by_mention.result, "from": BOT_USER}
    [by_reply] = await exchange(api, say(api, "and when is annual information due?", reply_to_message=bot_message))
    assert "15 April" in by_reply.text
    [by_command] = await exchange(api, say(api, "/ask@a6ip_test_bot When is annual information due?"))
    assert "15 April" in by_command.text
    [usage] = await exchange(api, say(api, "@a6ip_test_bot"))
    assert "Ask me a question" in usage.text
    [unknown] = await exchange(api, say(api, "/frobnicate@a6ip_test_bot"))
    assert "I don't know /frobnicate" in unknown.text


async def test_only_group_admins_change_subscriptions(api: BotApiServer, bot: Runner, services: Services) -> None:
    [refused] = await exchange(api, say(api, "/subscribe reporting"))
    assert "Only the group's administrators" in refused.text
    assert await subscriptions.get(services.db, platform="telegram", chat_id="-5") is None
    api.admins["-5"].add("1001")
    [done] = await exchange(api, say(api, "/subscribe reporting"))
    assert "Reporting" in done.text
    assert (await subscriptions.get(services.db, platform="telegram", chat_id="-5")).topics == ["reporting"]  # type: ignore[union-attr]


async def test_supergroup_upgrade_keeps_the_subscription(api: BotApiServer, bot: Runner, services: Services) -> None:
    await subscriptions.subscribe(services.db, platform="telegram", chat_id="-5", topics=["tracking"], timezone="Tokyo")
    supergroup = BotApiServer.chat(-1001234, "supergroup")
    await silence(api, {"message": api.message(chat=GROUP, migrate_to_chat_id=-1001234)})
    await silence(api, {"message": api.message(chat=supergroup, migrate_from_chat_id=-5)})
    assert await subscriptions.get(services.db, platform="telegram", chat_id="-5") is None
    moved = await subscriptions.get(services.db, platform="telegram", chat_id="-1001234")
    assert moved is not None and moved.topics == ["tracking"] and moved.timezone == "Asia/Tokyo"


async def test_removing_the_bot_pauses_the_subscription(api: BotApiServer, bot: Runner, services: Services) -> None:
    await subscriptions.subscribe(services.db, platform="telegram", chat_id="-5", topics=["tracking"])
    member = {"user": BOT_USER, "status": "member"}
    kicked = {"user": BOT_USER, "status": "kicked", "until_date": 0}
    api.push({"my_chat_member": {"chat": GROUP, "from": api.user(), "date": 1, "old_chat_member": member,
                                 "new_chat_member": kicked}})
    await api.settle(quiet=0.5)
    row = await subscriptions.get(services.db, platform="telegram", chat_id="-5")
    assert row is not None and row.paused and "removed" in (row.paused_reason or "")
