"""`a6bot bench load`: `a6bot run` workers on one PostgreSQL database under concurrent web-chat questions.

Workers are started one at a time (each one's cold start is timed, with its index loaded from the vectors in
the database); after each start, `concurrency` clients ask through the public web chat, spread over the
running workers, for `seconds`: questions per second, p50/p95 latency, errors and each worker's CPU. Then a
document uploaded in the first worker's console is timed until the last worker answers from it.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

QUESTIONS = [
    "When is annual information under Article 6.2 due?",
    "What is an ITMO?",
    "What is a corresponding adjustment?",
    "Who approves methodologies under the Article 6.4 mechanism?",
    "What goes into the initial report?",
    "How much of the share of proceeds goes to the Adaptation Fund?",
    "What are non-market approaches under Article 6.8?",
    "What is the agreed electronic format?",
    "Qu'est-ce qu'un ajustement correspondant ?",
    "¿Qué es un RMTI?",
]
TOKEN = re.compile(r'data-token="([^"]+)"')
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
Say = Callable[[str], None]


@dataclass
class Worker:
    name: str
    port: int
    process: asyncio.subprocess.Process
    started: float
    ready_after: float | None = None
    cpu_mark: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """User + system CPU of the process so far, from /proc (Linux)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Phase:
    workers: int
    questions: int = 0
    errors: int = 0
    busy: int = 0  # 503 + Retry-After: refused by back-pressure, not an error
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)  # worker -> % of one core during the phase

    def figures(self) -> dict[str, object]:
        ordered = sorted(self.latencies)
        pick = (lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)) if ordered else (lambda q: None)
        return {"workers": self.workers, "answered": self.questions, "per_second": round(self.questions / self.seconds, 2),
                "p50_s": pick(0.5), "p95_s": pick(0.95), "errors": self.errors, "busy_503": self.busy,
                "mean_s": round(statistics.fmean(ordered), 3) if ordered else None, "cpu_percent": self.cpu}


def worker_env(database_url: str, data_dir: Path, port: int) -> dict[str, str]:
    """A worker with no chat platform (nothing is sent anywhere), the web chat without per-client limits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("A6BOT_")}
    env.update(A6BOT_DATABASE_URL=database_url, A6BOT_DATA_DIR=str(data_dir), A6BOT_HTTP_PORT=str(port),
               A6BOT_WEB_ASK_LIMIT="1000000/minute", A6BOT_LOG_LEVEL="WARNING", HF_HUB_OFFLINE="1",
               TOKENIZERS_PARALLELISM="false")
    for name in ("A6BOT_KNOWLEDGE_DIR", "A6BOT_EMBEDDING_MODEL", "A6BOT_MULTILINGUAL"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def a6bot() -> list[str]:
    return [sys.executable, "-c", "from bot.cli import main; main()"]


async def start_worker(n: int, database_url: str, folder: Path, port: int,
                       extra: dict[str, str] | None = None) -> Worker:
    """`a6bot run` as worker n (its own data directory under `folder`), with `extra` environment variables."""
    process = await asyncio.create_subprocess_exec(
        *a6bot(), "run", env={**worker_env(database_url, folder / f"worker-{n}", port), **(extra or {})},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    return Worker(f"worker-{n}", port, process, time.monotonic())


async def wait_ready(worker: Worker, client: httpx.AsyncClient, limit: float) -> float:
    while time.monotonic() - worker.started < limit:
        if worker.process.returncode is not None:
            raise RuntimeError(f"{worker.name} exited with status {worker.process.returncode}")
        try:
            if (await client.get(f"{worker.url}/healthz", timeout=5)).status_code == 200:
                worker.ready_after = time.monotonic() - worker.started
                return worker.ready_after
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError(f"{worker.name} not ready after {limit} s")


async def visitor_token(client: httpx.AsyncClient, url: str) -> str:
    found = TOKEN.search((await client.get(url + "/")).text)
    if not found:
        raise RuntimeError(f"{url}/ has no visitor token: is the web chat enabled?")
    return found.group(1)


async def run_phase(workers: list[Worker], client: httpx.AsyncClient, *, concurrency: int, seconds: float) -> Phase:
    phase = Phase(len(workers))
    tokens = {w.url: await visitor_token(client, w.url) for w in workers}
    targets = itertools.cycle([w.url for w in workers])
    questions = itertools.cycle(QUESTIONS)
    for worker in workers:
        worker.cpu_mark = worker.cpu_seconds()
    start = time.monotonic()

    async def asker() -> None:
        while time.monotonic() - start < seconds:
            url, question = next(targets), next(questions)
            began = time.monotonic()
            try:
                response = await client.post(f"{url}/web/ask", json={"token": tokens[url], "question": question},
                                             timeout=120)
            except httpx.HTTPError:
                phase.errors += 1
                continue
            if response.status_code == 200:
                phase.questions += 1
                phase.latencies.append(time.monotonic() - began)
            elif response.status_code == 503:
                phase.busy += 1
                await asyncio.sleep(float(response.headers.get("retry-after", "1")))
            else:
                phase.errors += 1

    await asyncio.gather(*(asker() for _ in range(concurrency)))
    phase.seconds = time.monotonic() - start
    phase.cpu = {w.name: round(100 * (w.cpu_seconds() - w.cpu_mark) / phase.seconds, 1) for w in workers}
    return phase


async def add_curator(database_url: str, folder: Path, email: str, password: str) -> None:
    process = await asyncio.create_subprocess_exec(
        *a6bot(), "staff", "add", email, "--role", "curator", "--password-stdin",
        env=worker_env(database_url, folder / "cli", 0), stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, stderr = await process.communicate(password.encode())
    if process.returncode:
        raise RuntimeError(f"a6bot staff add failed: {stderr.decode()[-500:]}")


async def propagation(first: Worker, last: Worker, database_url: str, folder: Path, limit: float = 60.0) -> float:
    """Seconds from a document uploaded in `first`'s console to `last` answering from it."""
    email, password = "bench@a6ip.test", secrets.token_urlsafe(16)
    await add_curator(database_url, folder, email, password)
    word = f"word{secrets.token_hex(4)}"
    note = (f"---\ntitle: Load bench note {word}\ntopics: [reporting]\nlanguage: en\n---\n"
            f"## Code word of the load bench\nThe code word of the load bench is {word}. It only checks that "
            "every worker answers from the same knowledge base.\n").encode()
    async with httpx.AsyncClient(base_url=first.url + "/console", timeout=120, follow_redirects=True) as console:
        login = await console.get("/login")
        await console.post("/login", data={"csrf": CSRF.search(login.text).group(1),  # type: ignore[union-attr]
                                           "email": email, "password": password, "next": ""})
        page = await console.get("/kb")
        started = time.monotonic()
        response = await console.post("/kb/upload", data={"csrf": CSRF.search(page.text).group(1)},  # type: ignore[union-attr]
                                      files={"file": (f"bench-{word}.md", note, "text/markdown")})
        response.raise_for_status()
    async with httpx.AsyncClient(timeout=60) as client:
        token = await visitor_token(client, last.url)
        while time.monotonic() - started < limit:
            answer = await client.post(f"{last.url}/web/ask",
                                       json={"token": token, "question": "What is the code word of the load bench?"})
            if answer.status_code == 200 and word in answer.text:
                return time.monotonic() - started
            await asyncio.sleep(0.2)
    raise RuntimeError(f"{last.name} did not answer from the upload within {limit} s")


async def import_decisions(database_url: str, folder: Path, path: Path) -> float:
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(*a6bot(), "kb", "import", str(path),
                                                   env=worker_env(database_url, folder / "cli", 0),
                                                   stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, stderr = await process.communicate()
    if process.returncode not in (0, 1):  # 1: some files failed to load, reported; the rest is imported
        raise RuntimeError(f"a6bot kb import failed: {stderr.decode()[-500:]}")
    return time.monotonic() - started


async def run(*, database_url: str, workers: int, concurrency: int, seconds: float, port: int,
              decisions: Path | None, folder: Path, say: Say, ready_limit: float = 1800.0) -> dict[str, object]:
    result: dict[str, object] = {"workers": workers, "concurrency": concurrency, "seconds": seconds}
    if decisions is not None:
        say(f"importing {decisions} (embedded once, vectors stored in the database)...")
        result["decisions_import_s"] = round(await import_decisions(database_url, folder, decisions), 1)
    running: list[Worker] = []
    phases: list[dict[str, object]] = []
    try:
        async with httpx.AsyncClient(timeout=120, limits=httpx.Limits(max_connections=concurrency + 8)) as client:
            for n in range(1, workers + 1):
                worker = await start_worker(n, database_url, folder, port + n - 1)
                running.append(worker)
                ready = await wait_ready(worker, client, ready_limit)
                say(f"{worker.name} ready {ready:.1f} s after start")
                phase = await run_phase(running, client, concurrency=concurrency, seconds=seconds)
                phases.append(phase.figures())
                say(f"{n} worker(s): {phases[-1]}")
        result["cold_start_s"] = {w.name: round(w.ready_after or 0, 1) for w in running}
        result["phases"] = phases
        if len(running) > 1:
            result["kb_change_to_other_worker_s"] = round(
                await propagation(running[0], running[-1], database_url, folder), 2)
    finally:
        for worker in running:
            if worker.process.returncode is None:
                worker.process.terminate()
        for worker in running:
            await worker.process.wait()
    return result
