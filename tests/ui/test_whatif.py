"""What-if scenarios in the window: a working copy with its own undo, adopted as one step, dropped untouched."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.builders import link
from workshop_app.model import AddItem, Phase, RemoveItem, UpdateItem
from workshop_app.store.document_file import open_workshop, to_json_bytes

SILO = "rule-silo-goal:g-sa-fair-contacts"
NEVER_MEET = "rule-incentives-never-meet:i-sa-lead-comm"


def _demo(window):
    from workshop_app.store.demo import load_demo

    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.CONFLICTS)
    from workshop_app.ui.whatif.controller import what_if

    return what_if(window)


def _one_pot(doc) -> None:
    """Fund the fair contacts from the joint pot, and let them count towards the shared pipeline."""
    assert doc.push(RemoveItem("links", "l-f05"), "Unfund")
    assert doc.push(AddItem("links", link("l-s1", "funds", "b-joint-pot", "g-sa-fair-contacts")), "Fund from pot")
    assert doc.push(AddItem("links", link("l-s2", "contributes_to", "g-sa-fair-contacts", "g-sh-pipeline")), "Link")


def _shared_bonus(doc) -> None:
    """Tie part of the lead commission to the shared pipeline goal and pay it yearly."""
    assert doc.push(AddItem("links", link("l-s3", "rewards", "i-sa-lead-comm", "g-sh-pipeline")), "Reward")
    assert doc.push(UpdateItem("elements", "i-sa-lead-comm", {"period_months": 12}), "Period")


def test_scenario_edits_never_touch_the_workshop_until_adopted(window):
    whatif = _demo(window)
    doc = window.doc
    before, steps = to_json_bytes(doc.workshop), doc.undo_stack.count()
    assert whatif.start("One pot")
    _one_pot(doc)
    assert to_json_bytes(doc.today) == before  # byte for byte
    assert doc.today_stack.count() == steps
    assert doc.workshop is not doc.today and doc.undo_stack.count() == 3
    assert [f.id for f in whatif.diff("en").vanished] == [SILO]
    assert whatif.banner.isVisible() and "What if: One pot — not agreed" in whatif.banner.text.text()
    assert "What if: One pot" in window.windowTitle()
    page = window.page(Phase.CONFLICTS)
    assert page.what_if.compare.isVisible()
    struck = [page.what_if.compare.today.item(i) for i in range(page.what_if.compare.today.count())]
    assert any(item.font().strikeOut() for item in struck)

    window.undo()  # the scenario's own undo
    assert doc.undo_stack.count() == 3 and doc.undo_stack.index() == 2
    assert to_json_bytes(doc.today) == before
    window.redo()

    whatif.leave()
    assert not whatif.banner.isVisible() and "What if" not in window.windowTitle()
    assert doc.workshop.scenarios[0].name == "One pot"
    assert doc.undo_stack.count() == steps + 1  # keeping it is one step on today's stack
    doc.undo_stack.undo()
    assert to_json_bytes(doc.workshop) == before


def test_adopting_is_one_undo_step_and_undo_restores_exactly(window):
    whatif = _demo(window)
    doc = window.doc
    whatif.start("Shared bonus")
    _shared_bonus(doc)
    whatif.leave()
    before, steps = to_json_bytes(doc.workshop), doc.undo_stack.count()
    assert whatif.adopt(doc.workshop.scenarios[0].id)
    assert doc.undo_stack.count() == steps + 1
    assert doc.workshop.element("i-sa-lead-comm").period_months == 12
    decision = doc.workshop.decisions[-1]
    assert decision.text == "Adopted scenario “Shared bonus”"
    assert "Incentive meets no incentive of the other side" in decision.rationale
    adopted = doc.workshop.scenarios[0]
    assert adopted.adopted and any("Inside sales lead commission" in t for t in adopted.vanished)
    doc.undo_stack.undo()
    assert to_json_bytes(doc.workshop) == before


def test_adopting_from_scenario_mode_returns_to_today_with_the_change(window):
    whatif = _demo(window)
    doc = window.doc
    before, steps = to_json_bytes(doc.workshop), doc.undo_stack.count()
    whatif.start("One pot")
    _one_pot(doc)
    assert whatif.adopt()
    assert not doc.in_scenario and not whatif.banner.isVisible()
    assert SILO not in {v.id for v in doc.conflict_views("en") if not v.resolved_by_change}
    silo = next(c for c in doc.workshop.conflicts if c.id == SILO)  # the room had taken it up: it says why it went
    assert silo.vanished_by
    assert doc.undo_stack.count() == steps + 1  # keeping and adopting it: one step
    doc.undo_stack.undo()
    assert to_json_bytes(doc.workshop) == before


def test_dropping_leaves_the_workshop_untouched(window):
    whatif = _demo(window)
    doc = window.doc
    before, steps = to_json_bytes(doc.workshop), doc.undo_stack.count()
    whatif.start("One pot")
    _one_pot(doc)
    whatif.drop()
    assert not doc.in_scenario
    assert to_json_bytes(doc.workshop) == before and doc.undo_stack.count() == steps


def test_several_scenarios_are_kept_and_compared(window):
    whatif = _demo(window)
    doc = window.doc
    whatif.start("One pot")
    _one_pot(doc)
    whatif.start("Shared bonus")  # starting another keeps the first
    _shared_bonus(doc)
    whatif.leave()
    assert [s.name for s in doc.workshop.scenarios] == ["One pot", "Shared bonus"]
    outcomes = [whatif.outcome(s, "en") for s in doc.workshop.scenarios]
    assert [f.id for f in outcomes[0].diff.vanished] == [SILO]
    assert [f.id for f in outcomes[1].diff.vanished] == [NEVER_MEET]
    dialog = window.page(Phase.CONFLICTS).what_if.open_comparison()
    try:
        assert dialog.table.columnCount() == 3
    finally:
        dialog.close()
        dialog.deleteLater()

    skipped = whatif.open(doc.workshop.scenarios[0].id)  # opened again: replayed onto today
    assert skipped == [] and doc.in_scenario
    assert doc.workshop.element("g-sa-fair-contacts") is not None
    assert any(lk.id == "l-s2" for lk in doc.workshop.links)
    whatif.leave()


def test_saving_in_scenario_mode_writes_the_workshop_with_the_scenario(window, tmp_path):
    whatif = _demo(window)
    doc = window.doc
    whatif.start("One pot")
    _one_pot(doc)
    target = tmp_path / "demo.workshop.json"
    doc.save(target)
    loaded, _stamp = open_workshop(target)
    assert loaded.element("g-sa-fair-contacts") is not None
    assert all(lk.id != "l-s1" for lk in loaded.links)  # the workshop itself, not the working copy
    assert [s.name for s in loaded.scenarios] == ["One pot"]
    assert [lk.id for lk in loaded.scenarios[0].added_links] == ["l-s1", "l-s2"]
    assert not doc.is_modified
    whatif.leave()
    assert not doc.is_modified  # what was saved is what today now holds


def test_the_recovery_copy_holds_the_scenario_being_edited(window):
    from workshop_app.store.recovery import read_recovery

    whatif = _demo(window)
    doc = window.doc
    whatif.start("One pot")
    _one_pot(doc)
    assert window.safekeeper.recovery_kept
    restored = read_recovery(window.safekeeper.writer.path).doc
    assert [s.name for s in restored.scenarios] == ["One pot"]
    assert [lk.id for lk in restored.scenarios[0].added_links] == ["l-s1", "l-s2"]
    assert all(lk.id != "l-s1" for lk in restored.links)  # the workshop itself, with the scenario in its list
    whatif.drop()


def test_the_projector_shows_today_and_the_scenario_with_the_vanishing_findings_fading(qtbot, window):
    from tests.ui.helpers import ensure_active, press
    from workshop_app.ui.projector.whatif import FADED_OPACITY, WhatIfView

    whatif = _demo(window)
    press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # the audience window
    audience = window.presenter.audience
    qtbot.waitUntil(audience.isVisible, timeout=3000)
    ensure_active(qtbot, window)
    view = audience.view
    whatif.start("One pot")
    _one_pot(window.doc)
    qtbot.wait(80)
    assert view.what_if.banner.isVisible() and view.what_if.banner.text() == "What if: One pot — not agreed"
    shown = view.current_view()
    assert isinstance(shown, WhatIfView)
    assert list(shown.vanishing.shown_ids()) == [SILO]
    assert SILO not in {*shown.today.shown_ids(), *shown.after.shown_ids()}
    assert shown.animation.endValue() == FADED_OPACITY  # fading out, not gone: the room sees what went
    assert shown.diff.appeared == [] and not any(e.badge for e in shown.after.column.entries)  # nothing new

    whatif.leave()
    qtbot.wait(80)
    assert not view.what_if.banner.isVisible()
    assert not isinstance(view.current_view(), WhatIfView)


def test_a_scenario_opened_on_a_changed_workshop_names_the_edits_that_no_longer_fit(window):
    whatif = _demo(window)
    doc = window.doc
    whatif.start("Shared bonus")
    _shared_bonus(doc)
    whatif.leave()
    scenario_id = doc.workshop.scenarios[0].id
    assert doc.push(UpdateItem("elements", "i-sa-lead-comm", {"period_months": 6}), "Half-year")  # changed since
    skipped = whatif.open(scenario_id)
    assert [(s.label, s.field) for s in skipped] == [("Inside sales lead commission", "period_months")]
    assert any(lk.id == "l-s3" for lk in doc.workshop.links)  # what still fits is applied
    compare = window.page(Phase.CONFLICTS).what_if.compare
    assert compare.misfits.isVisible() and "Inside sales lead commission" in compare.misfits.text()
    whatif.leave()
    assert doc.workshop.scenarios[0].changes  # opened and left unedited: stored as it was, misfit and all


def test_the_graph_switches_between_today_and_the_scenario(window, qtbot):
    whatif = _demo(window)
    doc = window.doc
    page = window.page(Phase.CONFLICTS)
    qtbot.waitUntil(lambda: page.graph is not None and page.graph.doc is doc.workshop, timeout=3000)
    switch = page.what_if.today_check
    assert switch is not None and not switch.isVisible()  # only while a scenario is open
    assert whatif.start("One pot")
    _one_pot(doc)
    page.refresh_graph_now()
    assert switch.isVisible() and page.graph.doc is doc.workshop
    def live(views) -> set[str]:
        return {v.id for v in views if not v.resolved_by_change}

    assert SILO not in live(page.graph._views)  # the scenario's graph: the silo finding is gone
    switch.setChecked(True)
    assert page.graph.doc is doc.today
    assert SILO in live(page.graph._views)  # today's graph still has it
    before = to_json_bytes(doc.workshop)
    page.move_element("g-sa-fair-contacts", 1.0, 2.0)  # today's graph only compares: no edit
    assert to_json_bytes(doc.workshop) == before
    switch.setChecked(False)
    assert page.graph.doc is doc.workshop
    whatif.leave()
    assert not switch.isVisible() and not switch.isChecked()
    qtbot.waitUntil(lambda: page.graph.doc is doc.workshop, timeout=3000)  # today's, after the edit's pause


def test_leaving_asks_before_edits_the_scenario_does_not_keep_are_discarded(window, boxes):
    from PySide6.QtWidgets import QMessageBox

    from workshop_app.model import Decision

    whatif = _demo(window)
    doc = window.doc
    before = to_json_bytes(doc.today)
    assert whatif.start("One pot")
    _one_pot(doc)
    assert doc.push(AddItem("decisions", Decision(id="d-in-scenario", text="Typed while trying")), "Decide")
    boxes.answers.append(QMessageBox.StandardButton.Cancel)
    assert not whatif.leave()  # cancelled: still in the scenario, the decision still there
    assert whatif.session is not None and doc.workshop.decisions[-1].id == "d-in-scenario"
    assert "decisions" in boxes.shown[-1][2]
    boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert whatif.leave()
    assert "d-in-scenario" not in {d.id for d in doc.workshop.decisions}
    assert doc.workshop.scenarios[0].name == "One pot"  # the scenario's own edits are kept
    assert to_json_bytes(doc.workshop) != before


def test_a_scenario_of_entries_and_links_only_leaves_without_a_question(window, boxes):
    whatif = _demo(window)
    assert whatif.start("Shared bonus")
    _shared_bonus(window.doc)
    assert whatif.leave()
    assert boxes.shown == []
