"""The staff side in the console: the board by step, a request's page with its assignee, notes and the
country's questions; each change audit-logged; refused changes explained; viewers read only."""

from __future__ import annotations

from sqlalchemy import select

from bot.console.models import AuditEntry
from bot.services import Services
from bot.support import Support, Where
from tests.console.conftest import csrf_of
from tests.support.conftest import Console, move

ANSWERS = ("Mongolia", "Ministry of Environment and Tourism", "Bat-Erdene Dorj", "Carbon market officer",
           "bat@met.gov.mn", "strategy, project initiation", "Not decided yet",
           "An Article 6 strategy and a first pipeline of projects for cooperative approaches.")


async def recorded(services: Services, where: Where | None = None) -> str:
    where = where or Where(conversation="telegram:7", channel="telegram", chat="7", language="en")
    support: Support = services.support
    await support.press("start", where)
    for answer in ANSWERS:
        await support.message(answer, where)
    reference = (await support.press("confirm", where)).reference
    assert reference is not None
    return reference


async def test_board_request_page_assign_note_and_questions(services: Services, console: Console) -> None:
    reference = await recorded(services)
    await services.answerer.ask("Has Mongolia signed a cooperative approach under Article 6.2?", channel="telegram")
    await services.answerer.ask("What is an ITMO?", channel="telegram")
    viewer, curator = await console("viewer"), await console("curator")
    board = (await viewer.get("/support")).text
    assert "Expression of interest <small>(1)</small>" in board and "Consultation <small>(0)</small>" in board
    assert reference in board and "Article 6 strategy, Project initiation" in board
    page = (await viewer.get(f"/support/{reference}")).text
    assert "bat@met.gov.mn" in page and "Has Mongolia signed" in page and "What is an ITMO" not in page
    assert "Move to another step" not in page  # a viewer reads only
    token = csrf_of(page)
    assert (await viewer.post(f"/support/{reference}/note", data={"csrf": token, "note": "x"})).status_code == 403

    token = csrf_of((await curator.get(f"/support/{reference}")).text)
    assigned = await curator.post(f"/support/{reference}/assign", data={"csrf": token, "assignee": "diana@iges.or.jp"})
    assert assigned.status_code == 303
    noted = await curator.post(f"/support/{reference}/note", data={"csrf": token, "note": "Call planned for March."})
    assert noted.status_code == 303
    empty = await curator.post(f"/support/{reference}/note", data={"csrf": token, "note": "  "})
    assert empty.status_code == 303
    page = (await curator.get(f"/support/{reference}")).text
    assert "The note is empty." in page and "assigned to diana@iges.or.jp" in page
    assert "told in the chat where they asked and by email" in page
    assert "note: <span" in page and "Call planned for March." in page
    bad = await move(curator, reference, "teleported")
    assert bad.status_code == 303 and "Unknown step" in (await curator.get(f"/support/{reference}")).text
    assert (await curator.get("/support/A6-1999-0001")).status_code == 404
    questions = (await viewer.get("/support/questions?country=Mongolie")).text
    assert "Has Mongolia signed" in questions and "Mongolia, Mongolie" in questions
    async with services.db.session() as session:
        audit = [(a.action, a.target) for a in (await session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("support.%")).order_by(AuditEntry.id))).all()]
    assert audit == [("support.assign", reference), ("support.note", reference)]


async def test_a_request_from_the_web_page_is_answered_by_email(services: Services, console: Console) -> None:
    """The web page takes no notices, so the curator is told the requester hears by email only."""
    reference = await recorded(services, Where(conversation="web:v1", channel="web", chat=None, language="en"))
    page = (await (await console("curator")).get(f"/support/{reference}")).text
    assert "The requester is told by email." in page and "in the chat where they asked" not in page


async def test_the_request_page_lists_events_on_its_areas_with_their_registration_forms(
        services: Services, console: Console) -> None:
    """The bot keeps no registrations (each event links to its organiser's form): staff get the forms of
    upcoming events that fit the request, to point the country to them."""
    from datetime import datetime, timedelta, timezone

    from bot.outreach import events as store

    reference = await recorded(services)  # areas: strategy and project initiation
    start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=3)
    specs = [("cb", "Readiness clinic", ["capacity-building"], "https://a6ip.test/register/cb"),
             ("auth", "Authorization deep dive", ["authorization"], "https://a6ip.test/register/auth"),
             ("open", "Open webinar", ["capacity-building"], None)]
    async with services.db.session() as session:
        for uid, title, topics, form in specs:
            await store.upsert(session, store.EventSpec(uid=uid, title=title, starts_at=start, kind="training",
                                                        ends_at=start + timedelta(hours=2), timezone="UTC",
                                                        topics=topics, registration_url=form), source="test")
    page = (await (await console("viewer")).get(f"/support/{reference}")).text
    section = page.split("Events to register for", 1)[1]
    assert "Readiness clinic" in section and 'href="https://a6ip.test/register/cb"' in section
    assert "Authorization deep dive" not in section  # not one of the request's areas
    assert "Open webinar" not in section  # no registration form
