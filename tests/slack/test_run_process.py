"""The whole Slack flow against `a6bot run` in its own process, as an operator would start it."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.slack.conftest import SIGNING_SECRET, TINY_KB, Slack, mention
from tests.slack.webapi_server import WebApiServer, free_port

A6BOT = Path(sys.executable).parent / "a6bot"


@pytest.fixture
def settings() -> None:
    """This test starts its own process with its own settings: none of the in-process fixtures."""


async def wait_ready(http: httpx.AsyncClient, base: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    for _ in range(int(timeout / 0.25)):
        if process.poll() is not None:
            raise AssertionError(f"a6bot run exited early: {process.stderr.read().decode()[-3000:]}")  # type: ignore[union-attr]
        try:
            if (await http.get(base + "/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.25)
    raise AssertionError("a6bot run did not become ready")


@pytest.mark.model
async def test_a6bot_run_serves_slack(tmp_path: Path, slack_api: WebApiServer) -> None:
    port = free_port()
    env = {**os.environ, "A6BOT_SLACK_BOT_TOKEN": "xoxb-test", "A6BOT_SLACK_SIGNING_SECRET": SIGNING_SECRET,
           "A6BOT_SLACK_API_URL": slack_api.url, "A6BOT_DATA_DIR": str(tmp_path / "data"),
           "A6BOT_KNOWLEDGE_DIR": str(TINY_KB), "A6BOT_HTTP_PORT": str(port), "A6BOT_HTTP_HOST": "127.0.0.1",
           "A6BOT_SLACK_STAFF_CHANNEL": "C0STAFF", "A6BOT_MULTILINGUAL": "false", "HF_HUB_OFFLINE": "1"}
    env.pop("A6BOT_DATABASE_URL", None)
    process = subprocess.Popen([str(A6BOT), "run"], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    try:
        async with httpx.AsyncClient(timeout=30) as http:
            base = f"http://127.0.0.1:{port}"
            await wait_ready(http, base, process)
            slack = Slack(slack_api, base, http, services=None)
            forged = await http.post(base + "/slack/events", content=slack.event_body(mention("What is an ITMO?")),
                                     headers={"Content-Type": "application/json",
                                              "X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=00"})
            assert forged.status_code == 401
            assert (await slack.event(mention("What is an ITMO?", ts="1700000100.000100"))).status_code == 200
            (answer,) = await slack_api.wait_for("chat.postMessage", timeout=30)
            assert answer.params["thread_ts"] == "1700000100.000100" and "mitigation outcomes" in answer.params["text"]
            (buttons,) = [b for b in answer.params["blocks"] if b["type"] == "actions"]
            log_id = buttons["elements"][0]["value"]
            assert (await slack.command("subscribe reporting")).status_code == 200
            assert "Event notices here" in (await slack_api.wait_responses(1))[0]["text"]
            assert (await slack.click("a6_escalate", log_id)).status_code == 200
            staff = await slack_api.wait_for("chat.postMessage", 2)
            assert staff[1].params["channel"] == "C0STAFF" and "What is an ITMO?" in staff[1].params["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _, stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0, stderr.decode()[-3000:]
    assert b"Slack adapter listening at /slack/events" in stderr
