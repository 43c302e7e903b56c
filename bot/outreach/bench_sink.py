"""The benchmark's rate-limited receiver, run in its own process so it never competes with the sender for the GIL."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import aiohttp
from aiohttp import web


class LimitedSink:
    """A token bucket like Telegram's broadcast limit: over `rate`/s it answers 429 with retry_after."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst, self.tokens, self.stamp = rate, burst, burst, time.monotonic()
        self.accepted: Counter[int] = Counter()
        self.rejected = 0
        self.first = self.last = 0.0

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            self.rejected += 1
            return web.json_response({"ok": False, "error_code": 429, "parameters": {"retry_after": 1}}, status=429)
        self.tokens -= 1
        self.accepted[body["delivery_id"]] += 1
        self.first = self.first or now
        self.last = now
        return web.json_response({"ok": True})

    async def stats(self, request: web.Request) -> web.Response:
        """What was received: sends per delivery id, 429s, and the first and last accepted times."""
        return web.json_response({"accepted": {str(k): v for k, v in self.accepted.items()}, "rejected": self.rejected,
                                  "seconds": max(self.last - self.first, 1e-9)})


async def serve(sink: LimitedSink) -> None:
    app = web.Application()
    app.router.add_post("/hook/{chat}", sink.handle)
    app.router.add_get("/stats", sink.stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(site._server.sockets[0].getsockname()[1], flush=True)  # type: ignore[union-attr]
    await asyncio.Event().wait()


class SinkProcess:
    """Starts the sink in a child process; `url` is where to POST, `stats()` what it received, `stop()` ends it."""

    def __init__(self, rate: float, burst: float) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", __name__, str(rate), str(burst)],
                                        stdout=subprocess.PIPE, text=True)
        port = self.process.stdout.readline().strip() if self.process.stdout else ""
        if not port.isdigit():
            self.stop()
            raise RuntimeError(f"the benchmark sink did not start (exit code {self.process.returncode})")
        self.base = f"http://127.0.0.1:{port}"
        self.url = f"{self.base}/hook"

    async def stats(self) -> dict[str, Any]:
        async with aiohttp.ClientSession() as session, session.get(f"{self.base}/stats") as response:
            return await response.json()  # type: ignore[no-any-return]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)
        if self.process.stdout:
            self.process.stdout.close()


if __name__ == "__main__":
    asyncio.run(serve(LimitedSink(float(sys.argv[1]), float(sys.argv[2]))))
