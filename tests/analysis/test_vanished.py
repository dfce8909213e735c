"""A taken-up finding that vanishes records the change it went with; a reopened one stays open."""

from tests.builders import link
from workshop_app.analysis import conflict_views, count_conflicts, record_operation
from workshop_app.analysis.vanished import vanish_operation
from workshop_app.model import (
    AddItem,
    ConflictStatus,
    Goal,
    RemoveItem,
    Side,
    Triage,
    UpdateItem,
    Workshop,
)

SILO = "rule-silo-goal:fair"


def with_taken_up_silo(doc: Workshop, triage=Triage.TAKEN_UP) -> Workshop:
    doc.elements.append(Goal(id="fair", title="Trade-fair contacts", side=Side.SALES))
    record_operation(doc, [SILO]).apply(doc)
    UpdateItem("conflicts", SILO, {"triage": triage}).apply(doc)
    return doc


def change(doc: Workshop, op):
    before = doc.model_copy(deep=True)
    op.apply(doc)
    return vanish_operation(before, doc, op, "en")


def test_the_link_that_made_a_finding_vanish_is_named_with_its_ends_and_kind(doc):
    doc = with_taken_up_silo(doc)
    notes = change(doc, AddItem("links", link("c9", "contributes_to", "fair", "sa-goal")))
    [note] = notes.operations
    assert note.item_id == SILO
    assert note.changes["vanished_by"] == "link added: “Trade-fair contacts” contributes to “Follow up in 48 h”"
    notes.apply(doc)
    view = next(v for v in conflict_views(doc) if v.id == SILO)
    assert view.resolved_by_change and view.vanished_by.startswith("link added")
    notes.revert(doc)
    assert doc.conflicts[0].vanished_by == ""


def test_a_removed_link_and_a_changed_field_are_named_too(doc):
    doc.elements.append(Goal(id="wp", title="Whitepaper", side=Side.SALES))
    doc.links.append(link("r3", "rewards", "sa-inc", "wp"))
    record_operation(doc).apply(doc)
    for record in doc.conflicts:
        UpdateItem("conflicts", record.id, {"triage": Triage.TAKEN_UP}).apply(doc)
    notes = change(doc, RemoveItem("links", "r3"))
    assert [op.changes["vanished_by"] for op in notes.operations] == [
        "link removed: “Lead commission” rewards “Whitepaper”"]
    doc.links.append(link("r3", "rewards", "sa-inc", "wp"))
    notes = change(doc, UpdateItem("elements", "wp", {"level": "shared"}))
    assert "level of “Whitepaper” changed" in [op.changes["vanished_by"] for op in notes.operations]


def test_only_taken_up_findings_get_a_note(doc):
    doc = with_taken_up_silo(doc, Triage.NEW)
    assert change(doc, AddItem("links", link("c9", "contributes_to", "fair", "sa-goal"))).operations == []


def test_a_returning_finding_has_its_note_cleared(doc):
    doc = with_taken_up_silo(doc)
    UpdateItem("conflicts", SILO, {"vanished_by": "link added: …"}).apply(doc)
    notes = change(doc, UpdateItem("elements", "fair", {"title": "Renamed"}))  # still a silo
    assert [(op.item_id, op.changes) for op in notes.operations] == [(SILO, {"vanished_by": ""})]


def test_a_reopened_record_stays_open_although_its_finding_vanished(doc):
    doc = with_taken_up_silo(doc)
    doc.links.append(link("c9", "contributes_to", "fair", "sa-goal"))
    view = next(v for v in conflict_views(doc) if v.id == SILO)
    assert view.status == ConflictStatus.RESOLVED and count_conflicts([view]).settled == 1
    UpdateItem("conflicts", SILO, {"reopened": True, "status": ConflictStatus.OPEN}).apply(doc)
    view = next(v for v in conflict_views(doc) if v.id == SILO)
    assert view.status == ConflictStatus.OPEN and view.resolved_by_change
    assert count_conflicts([view]).open == 1 and count_conflicts([view]).settled == 0
