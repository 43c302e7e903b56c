"""Back-pressure: beyond a worker's capacity the web chat answers 503 with Retry-After, never 500, and a
chat channel's asker is told "busy, retrying" once and then gets the answer."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from pathlib import Path

import httpx
import pytest

from adapters.web import PLATFORM as WEB
from bot.cli.platforms import open_services
from bot.server import HttpServer

from tests.conftest import serving
from tests.deploy.conftest import HashEncoder, free_port, make_settings


@pytest.mark.postgres
async def test_fifty_concurrent_web_questions_get_200_or_503_never_500(tmp_path: Path, pg_url: str) -> None:
    port = free_port()
    settings = make_settings(tmp_path / "data", pg_url, question_concurrency=2, question_queue=4,
                             question_wait=1.0, web_ask_limit="1000/minute", http_port=port)
    encoder = HashEncoder()
    encoder.query_seconds = 0.3  # each answer takes a while, so 50 at once overflow the line
    svc = await open_services(settings, encoder=encoder)
    try:
        async with serving(svc, [WEB], HttpServer("127.0.0.1", port)), \
                httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            page = await http.get("/")
            token = re.search(r'data-token="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
            responses = await asyncio.gather(*(
                http.post("/web/ask?lang=fr", json={"token": token, "question": f"What is an ITMO? ({n})"})
                for n in range(50)))
    finally:
        await svc.close()
    statuses = Counter(r.status_code for r in responses)
    assert set(statuses) == {200, 503}, statuses
    assert statuses[200] >= 2 and statuses[503] >= 40  # the slots were answered, the overflow refused at once
    busy = [r for r in responses if r.status_code == 503]
    assert all(r.headers["retry-after"] == "1" and "réessayez" in r.json()["error"] for r in busy)


async def test_a_chat_asker_is_told_busy_once_then_answered(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", question_concurrency=1, question_queue=0, question_wait=0.2)
    svc = await open_services(settings, encoder=HashEncoder())
    told: list[str] = []

    async def busy(text: str) -> None:
        told.append(text)

    try:
        async with svc.answerer.capacity.slot():  # type: ignore[union-attr]  # another question holds the slot
            asking = asyncio.create_task(svc.answerer.ask("¿Qué es un ITMO?", channel="telegram", busy=busy))
            await asyncio.sleep(0.5)
            assert told and not asking.done()
        answer = await asking
    finally:
        await svc.close()
    assert len(told) == 1 and "en espera" in told[0]
    assert answer.kind == "answer" and answer.log_id is not None
