"""A new resource announced to the subscribers of its topics exactly once (bot.tools.announce): two curators
asking at the same moment queue it once, two outreach workers sending at the same moment deliver it once,
and each subscriber reads it in their own language. PostgreSQL, where the race is real."""

from __future__ import annotations

import asyncio

import pytest

from bot.outreach.dispatcher import Dispatcher
from bot.outreach.memory import MemoryNotifier
from bot.outreach.render import render_plain
from bot.outreach.subscriptions import subscribe
from bot.storage import Database
from bot.tools.announce import announce
from tests.tools.test_store import start

pytestmark = pytest.mark.postgres
LETTER = "icr-letter-of-attestation-and-authorization"  # authorization, corresponding adjustments, 6.2...


async def ask_to_announce(db: Database) -> int | str:
    try:
        async with db.session() as session:
            return await announce(session, resource_id=LETTER)
    except ValueError as error:
        return str(error)


async def test_two_requests_and_two_workers_announce_a_resource_once(pg_url: str) -> None:
    db = await start(pg_url)
    try:
        await subscribe(db, platform="memory", chat_id="fr-authorization", topics=["authorization"], language="fr")
        await subscribe(db, platform="memory", chat_id="es-everything", topics=None, language="es")
        await subscribe(db, platform="memory", chat_id="en-reporting", topics=["reporting"])
        await subscribe(db, platform="memory", chat_id="en-webinars-only", topics=None, kinds=["training"])

        first, second = await asyncio.gather(ask_to_announce(db), ask_to_announce(db))
        assert sorted([first, second], key=str)[0] == 2  # the topic match and the everything subscriber
        assert "was announced already" in str(sorted([first, second], key=str)[1])

        notifier = MemoryNotifier()
        workers = [Dispatcher(db, {"memory": notifier}, base_url="https://bot.test", worker=f"w{n}") for n in (1, 2)]
        await asyncio.gather(*(w.tick(drain=True) for w in workers))
        await asyncio.gather(*(w.tick(drain=True) for w in workers))  # the next round: nothing left to send
        resources = [(chat, notice) for chat, notice in notifier.sent if notice.kind == "resource"]  # not events
        assert sorted(chat for chat, _ in resources) == ["es-everything", "fr-authorization"]
        french, spanish = (render_plain(n) for _, n in sorted(resources, key=lambda item: item[0], reverse=True))
        assert french.startswith("Nouvelle ressource de renforcement des capacités\n\nLetter of Attestation")
        assert "modèle · International Carbon Registry (ICR)" in french
        assert "Ouvrir la ressource: https://" in french and "Thèmes: Autorisation" in french
        assert spanish.startswith("Nuevo recurso de fortalecimiento de capacidades") and "Abrir el recurso" in spanish
    finally:
        await db.close()

    db = await start(pg_url)  # a restart: the resource stays announced
    try:
        assert "was announced already" in str(await ask_to_announce(db))
    finally:
        await db.close()
