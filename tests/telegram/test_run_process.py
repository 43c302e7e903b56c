"""One whole conversation with `a6bot run` as a separate process, long polling the test Bot API server:
start, a question, feedback, staff, subscribing, events, time zone; then SIGTERM stops it cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import sys
from pathlib import Path

import httpx
from sqlalchemy import select

from bot.storage import Database, QuestionLog
from tests.conftest import TINY_KB
from tests.telegram.botapi_server import TOKEN, BotApiServer
from tests.telegram.conftest import STAFF_CHAT, exchange

A6BOT = Path(sys.executable).with_name("a6bot")


async def until_ready(url: str, timeout: float = 120) -> None:
    """Questions asked while the service starts get "still starting"; this one wants real answers."""
    async with httpx.AsyncClient(timeout=5) as client:
        for _ in range(int(timeout / 0.25)):
            with contextlib.suppress(httpx.TransportError):
                if (await client.get(url)).status_code == 200:
                    return
            await asyncio.sleep(0.25)
    raise AssertionError(f"{url} not ready after {timeout} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_a6bot_run_serves_a_whole_conversation(api: BotApiServer, prepared_data: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(prepared_data, data)  # the index is built already: the process only loads the model
    env = {k: v for k, v in os.environ.items() if not k.startswith("A6BOT_")}
    port = free_port()
    env.update(A6BOT_TELEGRAM_TOKEN=TOKEN, A6BOT_TELEGRAM_API_URL=api.api_url, A6BOT_DATA_DIR=str(data),
               A6BOT_KNOWLEDGE_DIR=str(TINY_KB), A6BOT_HTTP_PORT=str(port), A6BOT_TELEGRAM_STAFF_CHAT=STAFF_CHAT,
               HF_HUB_OFFLINE="1")
    process = await asyncio.create_subprocess_exec(str(A6BOT), "run", env=env, cwd=tmp_path,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await api.wait_for("deleteWebhook", timeout=120)  # polling has begun
        await until_ready(f"http://127.0.0.1:{port}/healthz")  # models loaded, index up to date
        assert [c["command"] for c in api.commands][:3] == ["start", "help", "ask"]

        welcome = await exchange(api, api.text_update("/start"))
        assert any("A6IP bot" in c.text for c in welcome)
        [answer] = [c for c in await exchange(api, api.text_update("When is annual information under Article 6.2 due?"))
                    if c.buttons]
        assert "15 April" in answer.text and "Decision 2/CMA.3" in answer.text
        await exchange(api, api.press(answer, "👍"), method="answerCallbackQuery")
        staff = await exchange(api, api.press(answer, "ask A6IP staff"), expect=2)
        assert any(c.chat_id == STAFF_CHAT and "annual information" in c.text for c in staff)
        assert any(c.chat_id == "1001" and "A6IP staff" in c.text for c in staff)

        subscribed = await exchange(api, api.text_update("/subscribe reporting tracking"))
        assert any("Reporting, Tracking" in c.text for c in subscribed)
        zone = await exchange(api, api.text_update("/timezone Tokyo"))
        assert any("Asia/Tokyo" in c.text for c in zone)
        events = await exchange(api, api.text_update("/events"))
        assert any("events" in c.text.lower() for c in events)
        assert not [c for c in api.calls if c.status != 200]
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    logs = [json.loads(line) for line in stderr.decode().splitlines() if line.startswith("{")]
    assert process.returncode == 0, stderr.decode()[-3000:]
    assert any(entry["message"] == "stopped telegram" for entry in logs)
    assert not [e for e in logs if e["level"] in ("ERROR", "CRITICAL")], [e for e in logs if e["level"] == "ERROR"]

    db = Database(f"sqlite:///{data / 'a6bot.sqlite3'}")
    async with db.session() as session:
        [row] = (await session.scalars(select(QuestionLog))).all()
    await db.close()
    assert row.channel == "telegram" and row.feedback == "helpful" and row.escalated
