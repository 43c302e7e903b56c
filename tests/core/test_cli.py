"""The `a6bot` command as a user runs it: a separate process, real model, fresh data directory."""

import json
import os
import subprocess
import sys
from pathlib import Path

TINY_KB = Path(__file__).resolve().parents[1] / "data" / "tiny_kb"


def a6bot(tmp_path, *args, stdin=None, extra_env=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("A6BOT_")}
    env.update({"A6BOT_DATA_DIR": str(tmp_path / "data"), "A6BOT_KNOWLEDGE_DIR": str(TINY_KB), **(extra_env or {})})
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=300)


def test_ask_json_from_stdin_writes_one_object_per_line(tmp_path):
    result = a6bot(tmp_path, "ask", "--json", "-",
                   stdin="When is annual information under Article 6.2 due?\n\nWhat is the weather in Rome?\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    first, second = lines
    assert first["answered"] is True and "15 April" in first["answer"]
    assert first["sources"][0]["citation"] == "Decision 2/CMA.3, annex, para. 20"
    assert second["answered"] is False and 0 <= second["confidence"] < 0.5


def test_kb_import_list_remove_and_ask(tmp_path):
    doc = tmp_path / "workshop.md"
    doc.write_text("---\ntitle: Maldives workshop\n---\n## Outcome\nThe Maldives workshop prepared the "
                   "initial report on the Baa Atoll solar cooperative approach.\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 broken")
    result = a6bot(tmp_path, "kb", "import", str(doc), str(bad))
    assert result.returncode == 1
    assert "added 1, updated 0, unchanged 0, failed 1" in result.stdout
    assert "bad.pdf" in result.stderr
    listing = a6bot(tmp_path, "kb", "list")
    assert "Maldives workshop" in listing.stdout
    answer = json.loads(a6bot(tmp_path, "ask", "--json", "Baa Atoll solar cooperative approach").stdout)
    assert answer["sources"][0]["title"] == "Maldives workshop"
    removed = a6bot(tmp_path, "kb", "remove", str(doc))
    assert removed.returncode == 0 and "removed" in removed.stdout
    assert "Maldives workshop" not in a6bot(tmp_path, "kb", "list").stdout


def test_config_masks_secrets(tmp_path):
    result = a6bot(tmp_path, "config", "--json", extra_env={
        "A6BOT_TELEGRAM_TOKEN": "123:SECRET", "A6BOT_DATABASE_URL": "postgresql://bot:hunter2@db/a6"})
    values = json.loads(result.stdout)
    assert "SECRET" not in result.stdout and "hunter2" not in result.stdout
    assert values["telegram_token"] == "********" and values["database_url"].startswith("postgresql://bot:***@")


def test_a_fresh_install_lists_the_shipped_events(tmp_path):
    """The bundled events load on every start, so staff see them before anything else has run."""
    listing = a6bot(tmp_path, "events", "list", "--all")
    assert listing.returncode == 0, listing.stderr
    assert "a6ip-2024-joint-wg-3" in listing.stdout and "[EXAMPLE] Training on corresponding adjustments" in listing.stdout


def test_ask_answers_event_questions_from_the_events(tmp_path):
    """`a6bot ask` has the same answerer as the chat platforms: event questions are answered from the events."""
    answer = json.loads(a6bot(tmp_path, "ask", "--json", "When is the next A6IP training?").stdout)
    assert answer["answered"] is True
    # the shipped example training (January 2027) while it is still ahead; the calendar's own words after it
    assert all(s["citation"].startswith("A6IP events: ") for s in answer["sources"])
    assert ("[EXAMPLE] Training on corresponding adjustments" in answer["answer"]
            or "No upcoming training is scheduled in the A6IP calendar yet." == answer["answer"])


def test_ask_json_lines_keep_each_conversation_in_order(tmp_path):
    lines = [
        {"question": "When is annual information under Article 6.2 due?", "conversation": "A"},
        {"question": "What is an ITMO?", "conversation": "B"},
        {"question": "what about the deadline?", "conversation": "A"},
        {"question": "hi", "conversation": "A"},
        {"question": "What is Kenya's NDC target?", "conversation": "B"},
        {"conversation": "A"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\nWhat is an ITMO?\n"
    result = a6bot(tmp_path, "ask", "--json", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 7
    first, itmo, follow, hello, kenya, broken, plain = out
    for item in (first, itmo, follow, hello, kenya, plain):
        assert {"question", "answer", "answered", "confidence", "sources", "resolved_question", "more"} <= set(item)
    assert first["answered"] and "15 April" in first["answer"] and first["resolved_question"] == first["question"]
    assert follow["question"] == "what about the deadline?"
    assert follow["resolved_question"] == "What is the deadline for annual information under Article 6.2?"
    assert follow["answered"] and "15 April" in follow["answer"]
    assert hello["answered"] is False and hello["kind"] == "smalltalk" and hello["sources"] == []
    assert kenya["answered"] is False and kenya["kind"] == "declined"
    assert broken["error"] == 'a JSON line needs a "question" string'
    assert plain["answered"] and plain["sources"][0]["citation"] == "Decision 2/CMA.3, annex, para. 1"


def test_chat_follows_the_conversation_shows_more_and_leaves_on_exit(tmp_path):
    result = a6bot(tmp_path, "chat", stdin="When is annual information under Article 6.2 due?\n"
                                            "what about the deadline?\nmore\nhi\nexit\nWhat is an ITMO?\n")
    assert result.returncode == 0, result.stderr
    assert "Answering: What is the deadline for annual information under Article 6.2?" in result.stdout
    assert "Hello!" in result.stdout and "Goodbye!" in result.stdout
    assert "/support in Telegram, /a6 support in Slack" in result.stdout  # where a support package is asked for
    assert "Decision 2/CMA.3, annex, para. 1" not in result.stdout  # left before the last question
