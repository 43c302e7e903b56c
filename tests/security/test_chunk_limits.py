"""Finding 1: a document without spaces, or one built by YAML aliases, must not become one huge passage that
the encoder spends minutes on. Chunks are capped in characters as well as words; the encoder cuts its input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.bench.hostile import wall_of_text
from index import SentenceEncoder
from index.encoder import MAX_INPUT_CHARS, MAX_SEQ_TOKENS, clip
from knowledge.loaders import load_file
from knowledge.loaders.chunking import MAX_CHARS, MAX_WORDS, split_text, word_count
from knowledge.types import LoadError


def test_five_megabytes_without_spaces_become_bounded_chunks(tmp_path: Path) -> None:
    path = tmp_path / "wall.txt"
    path.write_bytes(wall_of_text(5_000_000))
    started = time.monotonic()
    document = load_file(path)
    assert time.monotonic() - started < 10
    assert max(len(c.text) for c in document.chunks) <= MAX_CHARS
    assert sum(len(c.text) for c in document.chunks) >= 5_000_000  # cut, not dropped
    assert len(document.chunks) == pytest.approx(5_000_000 / MAX_CHARS, rel=0.01)


def test_long_words_and_ordinary_prose() -> None:
    prose = " ".join(["Parties shall report annual information on ITMOs."] * 100)
    chunks = split_text(prose)
    assert all(word_count(c) <= MAX_WORDS and len(c) <= MAX_CHARS for c in chunks)
    assert " ".join(chunks).split() == prose.split()  # nothing lost, nothing reordered
    words = " ".join(["y" * 400] * 20)  # few words, many characters: cut at the spaces
    assert all(len(c) <= MAX_CHARS for c in split_text(words)) and all(c.strip("y ") == "" for c in split_text(words))


def test_a_markdown_section_and_a_faq_answer_are_bounded(tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    guide.write_text("---\ntitle: Guide\n---\n## Section\n" + "z" * 200_000 + "\n", encoding="utf-8")
    assert max(len(c.text) for c in load_file(guide).chunks) <= MAX_CHARS
    faq = tmp_path / "faq.yaml"
    faq.write_text(f"- id: long\n  question: Q?\n  answer: {'a' * 6000}\n  citations: [Decision 2/CMA.3]\n",
                   encoding="utf-8")
    with pytest.raises(LoadError, match=r"'answer' is 6,000 characters long; at most 5,000"):
        load_file(faq)


def test_encoder_input_is_cut_before_tokenizing(encoder: SentenceEncoder) -> None:
    assert clip(["x" * 5_000_000, "short"]) == ["x" * MAX_INPUT_CHARS, "short"]
    assert encoder.model.max_seq_length <= MAX_SEQ_TOKENS
    started = time.monotonic()
    vectors = encoder.encode_passages(["x" * 5_000_000, "a" * 100_000])
    assert vectors.shape == (2, encoder.dim)
    assert time.monotonic() - started < 5  # uncut, 10,000 characters took 50 s with the multilingual model
