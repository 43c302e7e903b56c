"""Questions typed in a hurry: the typos are corrected for retrieval only (index.spelling)."""

import pytest

from bot.kb import import_paths, remove_documents, sync_index


# Uncorrected, the first two go unanswered (the first led by the registries passage), the third is led by it.
@pytest.mark.parametrize(("clean", "typed", "lead"), [
    ("annual information deadline", "anual informaton deadlien", "Decision 2/CMA.3, annex, para. 20"),
    ("What is a cooperative approach?", "What is a coperative aproach?", "Decision 2/CMA.3, annex, para. 1"),
    ("Qu'est-ce qu'une démarche concertée ?", "Qu'est-ce qu'une demarhce concertee ?",
     "Decision 2/CMA.3, annex, para. 1"),
])
async def test_a_question_with_typos_is_answered_from_the_same_source(services, clean, typed, lead):
    right = await services.answerer.ask(clean)
    hurried = await services.answerer.ask(typed)
    assert right.answered and hurried.answered
    assert hurried.sources[0].citation == right.sources[0].citation == lead
    assert hurried.question == hurried.resolved_question == typed  # what the user typed, not the correction
    assert hurried.understood() is None


async def test_a_mistyped_name_is_not_declined_as_unknown(services):
    answer = await services.answerer.ask("Who keeps the Internatinal Registry?")
    assert answer.kind == "answer" and answer.answered
    assert answer.sources[0].citation == "Decision 2/CMA.3, annex, para. 29"


async def test_an_imported_document_brings_its_words_and_takes_them_away(services, tmp_path):
    note = tmp_path / "workshop.md"
    note.write_text("---\ntitle: Workshop\n---\n## Capacity building\nThe Maldives workshop trained "
                    "registry administrators.\n", encoding="utf-8")
    assert services.index.corrected("who trained the adminstrators?") == "who trained the adminstrators?"
    await import_paths(services.db, [note])
    await sync_index(services.db, services.index)
    assert services.index.corrected("who trained the adminstrators?") == "who trained the administrators?"
    await remove_documents(services.db, [str(note.resolve())])
    await sync_index(services.db, services.index)
    assert services.index.corrected("who trained the adminstrators?") == "who trained the adminstrators?"
