"""Retrieval regression check: a fixed sample of the development question set against the shipped
knowledge base. A change that breaks answers (retrieval, fusion, confidence, composition or the content
itself) fails here; `a6bot bench answers` prints the figures on the whole set."""

import pytest

from bot.bench.answers import evaluate, load_devset
from bot.config import Settings
from bot.services import open_services

pytestmark = pytest.mark.model

SAMPLE_EVERY = 4  # every 4th question, English, French and Spanish alike


async def test_sample_of_devset_on_shipped_knowledge_base(tmp_path, encoder):
    devset = load_devset()
    answerable = [q for q in devset if q.answerable]
    sample = answerable[::SAMPLE_EVERY] + [q for q in devset if not q.answerable]
    assert {q.language for q in sample} >= {"en", "fr", "es"}
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", database_url="")
    services = await open_services(settings, encoder=encoder)
    try:
        figures = await evaluate(services, sample)
    finally:
        await services.close()
    assert figures["off_topic_answered"] == 0, figures["off_topic_misses"]
    assert figures["hit@5"] >= 0.85, figures
    assert figures["all_key_facts"] >= 0.80, figures["fact_misses"]
