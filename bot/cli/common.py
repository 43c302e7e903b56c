"""Helpers every sub-command shares: settings, a stderr console, progress bars, running async code."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from bot.config import Settings
from bot.cli.platforms import open_services
from bot.services import Services

T = TypeVar("T")
err = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)


def quiet_libraries() -> None:
    """Keep model-loading chatter out of the terminal; real warnings still show."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    for name in ("sentence_transformers", "transformers", "httpx", "faiss", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)


def run(coro: Awaitable[T]) -> T:
    return asyncio.run(coro)  # type: ignore[arg-type]


@contextmanager
def progress_bars() -> Iterator[Callable[[str, int, int], None]]:
    """A progress(label, done, total) callback drawing rich bars on stderr (one bar per label)."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=False) as bars:
        tasks: dict[str, int] = {}

        def update(label: str, done: int, total: int) -> None:
            """total 0: a stage without a count (a pulsing bar), complete when the next label starts."""
            if label not in tasks:
                for task in bars.tasks:
                    if task.total is None:
                        bars.update(task.id, total=1, completed=1)
                tasks[label] = bars.add_task(label, total=total or None)
            bars.update(tasks[label], completed=done, total=total or None)

        yield update
        for task in bars.tasks:
            if task.total is None:
                bars.update(task.id, total=1, completed=1)


async def services(settings: Settings | None = None) -> Services:
    """Open the services with a progress bar for first-time indexing."""
    quiet_libraries()
    with progress_bars() as progress:
        return await open_services(settings or Settings(), progress=progress)
