"""The Bot API test server (tests/telegram/botapi_server.py) as a process, for deploy/stack-test.sh: the Bot
API on port 8081 with Telegram's flood limits, and on port 8082 `GET /stats[?chat=ID][&match=TEXT]` (what
the bots sent: counts, duplicates, per sending address, the texts sent to one chat, how many chats got a text
containing TEXT; and the webhook they registered). Runs in a container of the bot's image with
botapi_server.py mounted beside it."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

from aiohttp import web
from botapi_server import BotApiServer


class CountingServer(BotApiServer):
    """Also counts each sender's successful sendMessage calls, to tell the workers' shares apart."""

    def __init__(self) -> None:
        super().__init__(flood_control=True)
        self.by_sender: Counter[str] = Counter()

    async def handle(self, request: web.Request) -> web.Response:
        response = await super().handle(request)
        if request.match_info["method"] == "sendMessage" and response.status == 200:
            self.by_sender[request.remote or "?"] += 1
        return response


def stats(server: CountingServer, chat: str | None, match: str | None) -> dict[str, Any]:
    """Successful sends; a duplicate is the same text sent to the same chat again."""
    sent = server.sent("sendMessage")
    messages = Counter((call.chat_id, call.params.get("text", "")) for call in sent)
    return {"sent": len(sent), "unique": len(messages), "duplicates": len(sent) - len(messages),
            "refused_429": sum(1 for c in server.calls if c.method == "sendMessage" and c.status == 429),
            "by_sender": dict(server.by_sender), "webhook": server.webhook,
            "chats_with": len({chat_id for chat_id, text in messages if match and match in text}),
            "texts": [text for chat_id, text in messages if chat_id == chat]}


async def main() -> None:
    server = CountingServer()
    await server.start(port=8081, host="0.0.0.0")

    async def get_stats(request: web.Request) -> web.Response:
        return web.json_response(stats(server, request.query.get("chat"), request.query.get("match")))

    control = web.Application()
    control.router.add_get("/stats", get_stats)
    runner = web.AppRunner(control, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "0.0.0.0", 8082).start()
    print("fake Telegram Bot API on :8081, stats on :8082", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
