"""`a6bot bench restart`: issue 11 asks that "a restart after any of [the hostile inputs] comes up healthy
within a minute". This starts `a6bot run` on a fresh data directory, throws every hostile input of issue 11 at it
as an attacker or a careless curator would (console uploads and imports, a feed that never ends, oversized and
concurrent requests), then restarts it twice: cleanly (SIGTERM), and killed (SIGKILL) while it indexes a second
wall of text. It prints what each input got and the seconds until /healthz answers and until it says ok.
"""

from __future__ import annotations

import asyncio
import html
import re
import secrets
import signal
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from bot.bench import hostile
from bot.bench.load import CSRF, Say, Worker, add_curator, start_worker, visitor_token

FLASH = re.compile(r'<p class="flash (\w+)"[^>]*>(.*?)</p>', re.S)
FEED_HOST = "127.0.0.2"  # the feed server: a loopback address the bot is allowed to fetch from, not its own


@dataclass
class Hit:
    """One hostile input and what the service answered."""

    name: str
    outcome: str
    seconds: float


@contextmanager
def feed_server(bot: str) -> Iterator[str]:
    """A site on FEED_HOST: /to-bot redirects to `bot` (the bot's own address); anything else never ends."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/to-bot":
                self.send_response(302)
                self.send_header("Location", bot)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            try:
                self.wfile.write(hostile.endless_feed_start())
                while True:
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((FEED_HOST, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{FEED_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def flash(page: str) -> str:
    """The console's one-line message on a page (after a redirect), unescaped."""
    return " | ".join(f"{kind}: {html.unescape(text).strip()}" for kind, text in FLASH.findall(page)) or "(no message)"


class Attacker:
    """A signed-in curator's browser and an anonymous one against the running worker."""

    def __init__(self, worker: Worker, console: httpx.AsyncClient, web: httpx.AsyncClient) -> None:
        self.worker, self.console, self.web = worker, console, web
        self.hits: list[Hit] = []

    async def timed(self, name: str, attempt: Callable[[], Awaitable[str]], say: Say) -> None:
        started = time.monotonic()
        try:
            outcome = await attempt()
        except httpx.HTTPError as error:
            outcome = f"{type(error).__name__}: {error}"
        hit = Hit(name, outcome[:300], round(time.monotonic() - started, 2))
        self.hits.append(hit)
        say(f"{hit.seconds:7.2f} s  {name}: {hit.outcome}")

    async def post(self, page: str, path: str, **request: Any) -> str:
        """Submit a console form as a browser does; the message it leaves, or the refusal's own text."""
        token = CSRF.search((await self.console.get(page)).text)
        response = await self.console.post(path, data={"csrf": token.group(1) if token else "", **request.pop("data", {})},
                                           **request)
        if response.status_code == 303:
            shown = await self.console.get(self.worker.url + response.headers["location"])  # /console/... itself
            return f"{response.status_code} " + flash(shown.text)
        return f"{response.status_code} " + (flash(response.text) if "<html" in response.text else response.text[:200])

    async def upload(self, name: str, data: bytes) -> str:
        return await self.post("/kb", "/kb/upload", files={"file": (name, data, "application/octet-stream")})

    async def events(self, name: str, data: bytes) -> str:
        return await self.post("/events", "/events/import", files={"file": (name, data, "application/octet-stream")})

    async def declared_body(self, path: str, size: int) -> str:
        """Announce `size` bytes, send two, read the answer (a raw socket: no client buffers the body)."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.worker.port)
        writer.write(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     f"Content-Length: {size}\r\n\r\nab".encode())
        await writer.drain()
        head = (await asyncio.wait_for(reader.read(), 30)).decode(errors="replace")  # 413 closes the connection
        writer.close()
        return head.split("\r\n", 1)[0] + " · " + head.partition("\r\n\r\n")[2][:120]

    async def sign_in_race(self, email: str, password: str) -> str:
        async def attempt(guess: str) -> int:
            async with httpx.AsyncClient(base_url=self.console.base_url, timeout=120) as browser:
                token = CSRF.search((await browser.get("/login")).text)
                response = await browser.post("/login", data={"csrf": token.group(1) if token else "", "email": email,
                                                              "password": guess})
                return response.status_code
        statuses = await asyncio.gather(*(attempt("wrong guess") for _ in range(29)), attempt(password))
        counts = {s: statuses.count(s) for s in sorted(set(statuses))}
        return f"statuses {counts}; the right password last: {statuses[-1]} (303 = signed in)"

    async def questions(self, texts: list[str]) -> str:
        token = await visitor_token(self.web, self.worker.url)
        statuses = await asyncio.gather(*(self.web.post(f"{self.worker.url}/web/ask",
                                                        json={"token": token, "question": t}) for t in texts))
        counts: dict[int, int] = {}
        for response in statuses:
            counts[response.status_code] = counts.get(response.status_code, 0) + 1
        first = statuses[0]
        return f"statuses {counts}" + (f"; {first.json().get('error', '')}" if first.status_code != 200 else "")


async def health(worker: Worker, client: httpx.AsyncClient, limit: float) -> tuple[float, float, dict[str, Any]]:
    """Seconds from the worker's start to its first /healthz answer and to {"status": "ok"}; the last body."""
    first: float | None = None
    body: dict[str, Any] = {}
    while time.monotonic() - worker.started < limit:
        if worker.process.returncode is not None:
            raise RuntimeError(f"{worker.name} exited with status {worker.process.returncode}")
        try:
            response = await client.get(f"{worker.url}/healthz", timeout=5)
            first = first if first is not None else time.monotonic() - worker.started
            body = response.json()
            if response.status_code == 200 and body.get("status") == "ok":
                return first, time.monotonic() - worker.started, body
        except (httpx.TransportError, ValueError):
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError(f"{worker.name} not ok after {limit} s: {body}")


async def restart(worker: Worker, how: signal.Signals, database_url: str, folder: Path, client: httpx.AsyncClient,
                  env: dict[str, str]) -> tuple[Worker, dict[str, Any]]:
    """Stop the worker with `how`, start it again on the same data directory and database, wait for ok."""
    signalled = time.monotonic()
    worker.process.send_signal(how)
    await worker.process.wait()
    stopped = time.monotonic() - signalled
    fresh = await start_worker(1, database_url, folder, worker.port, extra=env)
    first, ok, body = await health(fresh, client, 1800)
    return fresh, {"signal": how.name, "stop_s": round(stopped, 2),
                   "healthz_answers_s": round(first, 2), "healthz_ok_s": round(ok, 2),
                   "skipped": len(body.get("skipped", [])), "indexed": body.get("progress", {}).get("indexed")}


async def attack(attacker: Attacker, *, feed: str, wall: bytes, say: Say, email: str, password: str) -> None:
    a, bot = attacker, attacker.worker.url
    await a.timed(f"a {len(wall) / 1e6:.1f} MB document without spaces", lambda: a.upload("wall.txt", wall), say)
    await a.timed("a FAQ YAML alias bomb", lambda: a.upload("bomb.yaml", hostile.faq_alias_bomb().encode()), say)
    await a.timed("a javascript: link in an FAQ file", lambda: a.upload("links.yaml", hostile.script_link_faq().encode()), say)
    await a.timed("an events YAML alias bomb", lambda: a.events("bomb.yaml", hostile.events_alias_bomb().encode()), say)
    await a.timed("an RRULE bomb (FREQ=MINUTELY)", lambda: a.events("bomb.ics", hostile.RRULE_BOMB), say)
    await a.timed("an RRULE that never matches", lambda: a.events("never.ics", hostile.NEVER_RULE), say)
    await a.timed("a feed that never ends", lambda: a.post("/events", "/events/import",
                                                           data={"url": f"{feed}/endless.ics"}), say)
    await a.timed("a URL import of the bot's own address", lambda: a.post("/kb", "/kb/url",
                                                                         data={"url": f"{bot}/metrics"}), say)
    await a.timed("a URL import redirected to the bot", lambda: a.post("/kb", "/kb/url",
                                                                      data={"url": f"{feed}/to-bot"}), say)
    await a.timed("an event title of 600 characters", lambda: a.post("/events/new", "/events/save", data={
        "uid": "long", "title": "t" * 600, "start": "2030-03-12T10:00", "timezone": "UTC", "kind": "webinar"}), say)
    await a.timed("200 MB announced to /console/login", lambda: a.declared_body("/console/login", 200 * 1024 * 1024), say)
    await a.timed("30 sign-ins at once, the right password last", lambda: a.sign_in_race(email, password), say)
    await a.timed("a NUL byte in a web-chat question", lambda: a.questions(["What is an ITMO?\x00"]), say)
    await a.timed("50 web-chat questions at once", lambda: a.questions(["What is an ITMO?"] * 50), say)


async def run(*, folder: Path, port: int, wall_mb: float, say: Say) -> dict[str, Any]:
    database_url = f"sqlite:///{folder / 'bench.sqlite3'}"
    curator, target = ("bench@a6ip.test", secrets.token_urlsafe(16)), ("target@a6ip.test", secrets.token_urlsafe(16))
    for email, password in (curator, target):
        await add_curator(database_url, folder, email, password)
    result: dict[str, Any] = {}
    env = {"A6BOT_FETCH_ALLOW_NETWORKS": f"{FEED_HOST}/32"}
    with feed_server(f"http://127.0.0.1:{port}/metrics") as feed:
        worker = await start_worker(1, database_url, folder, port, extra=env)
        try:
            async with httpx.AsyncClient(timeout=600) as client:
                first, ok, _ = await health(worker, client, 1800)
                result["cold_start"] = {"healthz_answers_s": round(first, 2), "healthz_ok_s": round(ok, 2)}
                say(f"cold start: /healthz answers after {first:.1f} s, ok after {ok:.1f} s")
                async with httpx.AsyncClient(base_url=worker.url + "/console", timeout=600) as console:
                    login = CSRF.search((await console.get("/login")).text)
                    await console.post("/login", data={"csrf": login.group(1) if login else "", "email": curator[0],
                                                       "password": curator[1]})
                    attacker = Attacker(worker, console, client)
                    await attack(attacker, feed=feed, wall=hostile.wall_of_text(int(wall_mb * 1_000_000)), say=say,
                                 email=target[0], password=target[1])
                    result["inputs"] = [vars(hit) for hit in attacker.hits]
                worker, figures = await restart(worker, signal.SIGTERM, database_url, folder, client, env)
                result["restart"] = figures
                say(f"restart (SIGTERM): /healthz answers after {figures['healthz_answers_s']} s, ok after "
                    f"{figures['healthz_ok_s']} s")
                async with httpx.AsyncClient(base_url=worker.url + "/console", timeout=600) as console:
                    login = CSRF.search((await console.get("/login")).text)
                    await console.post("/login", data={"csrf": login.group(1) if login else "", "email": curator[0],
                                                       "password": curator[1]})
                    attacker = Attacker(worker, console, client)
                    second = asyncio.create_task(attacker.upload("wall-2.txt", b"y" * int(wall_mb * 1_000_000)))
                    await asyncio.sleep(5)  # stored, and being embedded
                    worker, figures = await restart(worker, signal.SIGKILL, database_url, folder, client, env)
                    await asyncio.gather(second, return_exceptions=True)  # its connection died with the worker
                result["restart_after_kill"] = figures
                say(f"restart (SIGKILL while indexing a second wall): /healthz answers after "
                    f"{figures['healthz_answers_s']} s, ok after {figures['healthz_ok_s']} s")
        finally:
            if worker.process.returncode is None:
                worker.process.terminate()
                await worker.process.wait()
    return result
