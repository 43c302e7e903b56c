"""Prometheus metrics for /metrics: questions answered and unanswered, deliveries by state, send latency."""

from __future__ import annotations

from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response

from bot.answering import Answer

REGISTRY = CollectorRegistry()
QUESTIONS = Counter("a6bot_questions_total", "Questions asked, by outcome", ["outcome"], registry=REGISTRY)
SENDS = Counter("a6bot_sends_total", "Send attempts, by platform and result", ["platform", "result"], registry=REGISTRY)
SEND_LATENCY = Histogram("a6bot_send_latency_seconds", "Time one notifier send took", ["platform"], registry=REGISTRY,
                         buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
DELIVERIES = Gauge("a6bot_deliveries", "Deliveries in the outbox, by state", ["state"], registry=REGISTRY)


def observe_send(platform: str, result: str, seconds: float) -> None:
    """The dispatcher's hook after every send."""
    SENDS.labels(platform, result).inc()
    SEND_LATENCY.labels(platform).observe(seconds)


def set_delivery_states(rows: list[dict[str, Any]]) -> None:
    """Refresh the gauge from `bot.outreach.outbox.status` rows."""
    totals: dict[str, int] = {s: 0 for s in ("pending", "claimed", "sent", "failed", "paused", "skipped")}
    for row in rows:
        for state in totals:
            totals[state] += int(row.get(state, 0))
    for state, count in totals.items():
        DELIVERIES.labels(state).set(count)


def count_answer(answer: Answer) -> None:
    """The answerer's observer: every answer counted as answered or unanswered."""
    QUESTIONS.labels("answered" if answer.answered else "unanswered").inc()


async def metrics_endpoint(_request: Request) -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
