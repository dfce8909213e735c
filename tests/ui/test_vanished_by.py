"""The note of why a taken-up finding vanished is part of the edit's own undo step."""

from __future__ import annotations

from tests.analysis.conftest import complete
from tests.builders import healthy_workshop, link
from workshop_app.analysis import record_operation
from workshop_app.model import AddItem, Goal, Side, Triage, UpdateItem
from workshop_app.ui.document import Document

SILO = "rule-silo-goal:fair"


def document_with_taken_up_silo() -> Document:
    workshop = complete(healthy_workshop())
    workshop.elements.append(Goal(id="fair", title="Trade-fair contacts", side=Side.SALES))
    record_operation(workshop, [SILO]).apply(workshop)
    UpdateItem("conflicts", SILO, {"triage": Triage.TAKEN_UP}).apply(workshop)
    return Document(workshop)


def record(doc: Document):
    return next(c for c in doc.workshop.conflicts if c.id == SILO)


def test_the_change_that_made_a_finding_vanish_is_recorded_in_the_same_undo_step(qtbot):
    doc = document_with_taken_up_silo()
    assert doc.push(AddItem("links", link("c9", "contributes_to", "fair", "sa-goal")), "Link goal")
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Link goal"
    assert record(doc).vanished_by == "link added: “Trade-fair contacts” contributes to “Follow up in 48 h”"
    view = next(v for v in doc.conflict_views("en") if v.id == SILO)
    assert view.resolved_by_change and view.vanished_by == record(doc).vanished_by
    doc.undo_stack.undo()
    assert record(doc).vanished_by == "" and all(ln.id != "c9" for ln in doc.workshop.links)
    doc.undo_stack.redo()
    assert record(doc).vanished_by.startswith("link added")


def test_no_note_without_a_taken_up_finding(qtbot):
    doc = document_with_taken_up_silo()
    doc.workshop.conflicts[0].triage = Triage.NEW
    assert doc.push(AddItem("links", link("c9", "contributes_to", "fair", "sa-goal")))
    assert record(doc).vanished_by == ""
