"""`a6bot run` as a separate process with no chat tokens: /healthz turns ready, the console's web chat counts
questions in /metrics, the scheduler delivers an announcement to a webhook subscriber, /calendar.ics parses,
and SIGTERM stops it cleanly."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp import web
from icalendar import Calendar

from bot.console.accounts import add_staff
from bot.outreach import events as store
from bot.outreach.subscriptions import subscribe
from bot.storage import Database
from tests.conftest import TINY_KB

A6BOT = Path(sys.executable).with_name("a6bot")
EMAIL, PASSWORD = "viewer@a6ip.test", "correct horse battery"
UID = "service-test-tracking-wg"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
async def hook() -> AsyncIterator[tuple[str, list[dict[str, Any]]]]:
    """A webhook subscriber's endpoint: (URL, the JSON bodies it received)."""
    received: list[dict[str, Any]] = []

    async def handle(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/hook", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/hook", received  # type: ignore[union-attr]
    await runner.cleanup()


async def prepare(data: Path, hook_url: str) -> None:
    """What staff would have done before starting the service: an account, a subscriber, an event."""
    db = Database(f"sqlite:///{data / 'a6bot.sqlite3'}")
    await db.migrate()
    await add_staff(db, email=EMAIL, role="viewer", password=PASSWORD, actor="test")
    await subscribe(db, platform="webhook", chat_id=hook_url, topics=["tracking"])
    now = datetime.now(timezone.utc)
    async with db.session() as session:
        await store.upsert(session, store.EventSpec(uid=UID, title="Tracking WG (service test)", kind="wg-meeting",
                                                    starts_at=now + timedelta(days=20), topics=["tracking"]),
                           source="test", now=now - timedelta(minutes=1))
    await db.close()


async def until(probe: Any, timeout: float, what: str) -> Any:
    """Poll `probe()` until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if result := await probe():
                return result
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.25)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def metric(exposition: str, name: str, **labels: str) -> float | None:
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    match = re.search(rf"^{re.escape(name)}\{{{re.escape(wanted)}\}} (\S+)$", exposition, re.MULTILINE)
    return float(match.group(1)) if match else None


def csrf(page: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match, page[:500]
    return match.group(1)


async def ask(client: httpx.AsyncClient, question: str) -> str:
    form = await client.get("/console/chat")
    response = await client.post("/console/chat", data={"csrf": csrf(form.text), "question": question})
    assert response.status_code == 200, response.text[:500]
    return response.text


@pytest.mark.model
async def test_a6bot_run_health_metrics_calendar_console_and_sigterm(
        tmp_path: Path, hook: tuple[str, list[dict[str, Any]]]) -> None:
    hook_url, received = hook
    data = tmp_path / "data"
    await prepare(data, hook_url)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("A6BOT_")}  # no chat tokens at all
    env.update(A6BOT_DATA_DIR=str(data), A6BOT_KNOWLEDGE_DIR=str(TINY_KB), A6BOT_HTTP_PORT=str(port),
               HF_HUB_OFFLINE="1")
    process = await asyncio.create_subprocess_exec(str(A6BOT), "run", env=env, cwd=tmp_path,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            async def healthy() -> httpx.Response | None:
                response = await client.get("/healthz")
                return response if response.status_code == 200 else None

            health = await until(healthy, 180, "/healthz to say ready")
            body = health.json()
            assert body["status"] == "ok" and body["ready"] is True
            assert body["checks"] == {"database": True, "index": True} and body["progress"]["indexed"] > 0

            login = await client.get("/console/login")
            assert login.status_code == 200 and 'name="password"' in login.text
            signed_in = await client.post("/console/login", data={"csrf": csrf(login.text), "email": EMAIL,
                                                                  "password": PASSWORD, "next": ""})
            assert signed_in.status_code == 303, signed_in.text[:500]
            assert "15 April" in await ask(client, "When is annual information under Article 6.2 due?")
            await ask(client, "What is the best pizza topping in Naples?")

            async def delivered() -> bool:
                return any(body["events"] == [UID] and body["kind"] == "announce" for body in received)

            await until(delivered, 60, "the announcement to reach the webhook subscriber")

            async def sent_gauge() -> str | None:
                text = (await client.get("/metrics")).text
                return text if (metric(text, "a6bot_deliveries", state="sent") or 0) >= 1 else None

            exposition = await until(sent_gauge, 30, "a6bot_deliveries{state=\"sent\"} >= 1")
            assert metric(exposition, "a6bot_questions_total", outcome="answered") == 1.0
            assert metric(exposition, "a6bot_questions_total", outcome="unanswered") == 1.0
            assert metric(exposition, "a6bot_deliveries", state="failed") == 0.0
            assert (metric(exposition, "a6bot_sends_total", platform="webhook", result="ok") or 0) >= 1
            assert metric(exposition, "a6bot_send_latency_seconds_count", platform="webhook") is not None

            feed = await client.get("/calendar.ics")
            assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
            uids = [str(event["UID"]) for event in Calendar.from_ical(feed.content).walk("VEVENT")]
            assert UID in uids
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, stderr.decode()[-3000:]
    assert time.monotonic() - started < 10
    logs = [json.loads(line) for line in stderr.decode().splitlines() if line.startswith("{")]
    assert any(entry["message"] == "stopped http server" for entry in logs)
    assert not [e for e in logs if e["level"] in ("ERROR", "CRITICAL")]
    assert len([b for b in received if b["events"] == [UID]]) == 1  # announced once, not once per tick


@pytest.mark.model
@pytest.mark.postgres
async def test_healthz_answers_503_when_the_database_goes_away(tmp_path: Path, pg_url: str) -> None:
    import psycopg

    from tests.conftest import PG_ADMIN_URL

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("A6BOT_")}
    env.update(A6BOT_DATA_DIR=str(tmp_path / "data"), A6BOT_KNOWLEDGE_DIR=str(TINY_KB), A6BOT_HTTP_PORT=str(port),
               A6BOT_DATABASE_URL=pg_url, HF_HUB_OFFLINE="1")
    process = await asyncio.create_subprocess_exec(str(A6BOT), "run", env=env, cwd=tmp_path,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            async def status(code: int) -> httpx.Response | None:
                response = await client.get("/healthz")
                return response if response.status_code == code else None

            await until(lambda: status(200), 180, "/healthz to say ready")
            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE "{pg_url.rsplit("/", 1)[1]}" WITH (FORCE)')
            down = await until(lambda: status(503), 30, "/healthz to answer 503")
            body = down.json()
            assert body["ready"] is False and body["checks"] == {"database": False, "index": True}
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, stderr.decode()[-3000:]
