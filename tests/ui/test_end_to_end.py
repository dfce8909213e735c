"""A new workshop driven through all seven phases with keys and clicks only, then undone and redone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.helpers import (
    choose,
    click_cell,
    edit_cell,
    ensure_active,
    pick_in_cell,
    press,
    tick,
    type_into,
    type_text,
)
from workshop_app.model import ActionStatus, ConflictStatus, GoalLevel, LinkKind, Origin, Phase, Side

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def next_phase(qtbot, window, expected: Phase):
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_phase == expected
    return window.page(expected)


def run_setup(qtbot, window):
    page = window.page(Phase.SETUP)
    form = page.meta_form.editors
    type_into(qtbot, form["title"], "Joint goals 2026")
    type_into(qtbot, form["organisation"], "Acme GmbH")
    type_into(qtbot, form["date"], "12.03.2026")
    type_into(qtbot, form["venue"], "Room 4")
    type_into(qtbot, form["facilitator"], "Mia Vogt")
    type_into(qtbot, page.participants.add_edit, "Anna Berg")
    choose(qtbot, page.side_choice, "Sales")
    type_into(qtbot, page.participants.add_edit, "Ben Cole")
    edit_cell(qtbot, page.participants, 0, 2, "Head of Marketing")
    edit_cell(qtbot, page.agenda, 1, 1, "100")


def run_inventory(qtbot, window):
    page = next_phase(qtbot, window, Phase.INVENTORY)
    type_into(qtbot, page.table(Side.MARKETING).add_edit, "Brand awareness")
    goal_form = page.details.forms["goal"].editors
    type_into(qtbot, goal_form["metric"], "aided awareness")
    type_into(qtbot, goal_form["horizon_months"], "24")
    type_into(qtbot, page.table(Side.SALES).add_edit, "Quarterly revenue")
    qtbot.keyClick(page.table(Side.SALES).add_edit, Qt.Key.Key_Tab, CTRL)  # next category
    assert page.category.key == "incentives"
    type_into(qtbot, page.table(Side.SALES).add_edit, "Lead commission")
    type_into(qtbot, page.details.forms["incentive"].editors["period_months"], "3")


def run_goals(qtbot, window):
    page = next_phase(qtbot, window, Phase.GOALS)
    choose(qtbot, page.new_kind, "Company strategy")
    type_into(qtbot, page.new_title, "Grow profitably")
    assert page.new_kind.value() == "shared"  # suggested under a strategy
    type_into(qtbot, page.new_title, "Double the pipeline")
    form = page.details.forms["goal"].editors
    type_into(qtbot, form["target"], "8 m")
    tick(qtbot, form["owners"], "Anna Berg")
    tick(qtbot, form["owners"], "Ben Cole")
    type_text(qtbot, form["how"], "Nurture leads before hand-over")
    choose(qtbot, page.adopt_choice, "Brand awareness")
    qtbot.mouseClick(page.adopt_button, Qt.MouseButton.LeftButton)
    choose(qtbot, page.links.kind_choice, "is rewarded by")
    choose(qtbot, page.links.target_choice, "Lead commission")
    qtbot.mouseClick(page.links.add_button, Qt.MouseButton.LeftButton)


def run_conflicts(qtbot, window):
    page = next_phase(qtbot, window, Phase.CONFLICTS)
    qtbot.mouseClick(page.declare_toggle, Qt.MouseButton.LeftButton)
    choose(qtbot, page.side_a, "Brand awareness")
    choose(qtbot, page.side_b, "Quarterly revenue")
    type_into(qtbot, page.reason, "The budget goes to quarter deals")
    qtbot.mouseClick(page.vote_plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.vote_plus, Qt.MouseButton.LeftButton)
    choose(qtbot, page.form.editors["status"], "Balanced")
    type_text(qtbot, page.form.editors["resolution"], "One shared budget pot")
    qtbot.mouseClick(page.new_decision, Qt.MouseButton.LeftButton)


def run_communication(qtbot, window):
    page = next_phase(qtbot, window, Phase.COMMUNICATION)
    type_into(qtbot, page.as_is.add_edit, "Strategy deck by mail")
    choose(qtbot, page.details.forms["channel"].editors["usefulness"], "0")
    type_into(qtbot, page.agreed.add_edit, "Weekly stand-up")
    form = page.details.forms["channel"].editors
    type_into(qtbot, form["purpose"], "Pipeline and campaigns")
    type_into(qtbot, form["cadence"], "weekly")
    choose(qtbot, form["owner"], "Ben Cole")


def run_culture_pilot(qtbot, window):
    page = next_phase(qtbot, window, Phase.CULTURE_PILOT)
    type_into(qtbot, page.beliefs[Side.MARKETING].add_edit, "Sales only wants quick leads")
    type_text(qtbot, page.details.forms["belief"].editors["resistance"], "Long-term topics are ignored")
    pilot = page.pilot_form.editors
    type_into(qtbot, pilot["title"], "Nurture first")
    tick(qtbot, pilot["team"], "Anna Berg")
    tick(qtbot, pilot["team"], "Ben Cole")
    type_text(qtbot, pilot["hypothesis"], "Closed deals rise when leads pass a nurturing track first")
    type_into(qtbot, pilot["duration_weeks"], "12")
    type_into(qtbot, pilot["review_date"], "2026-06-30")


def run_wrapup(qtbot, window):
    page = next_phase(qtbot, window, Phase.WRAPUP)
    type_into(qtbot, page.decisions.add_edit, "Pilot starts in April")
    page.show_actions()  # decisions and actions are tabs
    type_into(qtbot, page.actions_table.add_edit, "Send the minutes")
    pick_in_cell(qtbot, page.actions_table, 0, 1)  # owner: first participant
    edit_cell(qtbot, page.actions_table, 0, 2, "20.03.2026")
    pick_in_cell(qtbot, page.actions_table, 0, 4)  # status: in progress
    type_into(qtbot, page.parking.add_edit, "CRM migration")
    press(qtbot, window, Qt.Key.Key_D, CTRL)  # wrap-up done


def check_document(doc):
    assert doc.meta.title == "Joint goals 2026" and doc.meta.date == date(2026, 3, 12)
    anna, ben = doc.participants
    assert (anna.name, anna.side, anna.role) == ("Anna Berg", Side.MARKETING, "Head of Marketing")
    assert (ben.name, ben.side) == ("Ben Cole", Side.SALES)
    assert doc.agenda[1].timebox_minutes == 100
    by_title = {el.title: el for el in doc.elements}
    brand = by_title["Brand awareness"]
    assert (brand.side, brand.metric, brand.horizon_months, brand.origin) == (Side.MARKETING, "aided awareness", 24, Origin.AS_IS)
    assert by_title["Lead commission"].period_months == 3
    shared = by_title["Double the pipeline"]
    assert shared.level == GoalLevel.SHARED and shared.owners == [anna.id, ben.id] and shared.target == "8 m"
    assert shared.how == "Nurture leads before hand-over"
    links = {(lk.kind, lk.source, lk.target) for lk in doc.links}
    strategy = by_title["Grow profitably"]
    assert (LinkKind.CONTRIBUTES_TO, shared.id, strategy.id) in links
    assert (LinkKind.CONTRIBUTES_TO, brand.id, shared.id) in links
    assert (LinkKind.REWARDS, by_title["Lead commission"].id, brand.id) in links
    assert (LinkKind.CONFLICTS_WITH, brand.id, by_title["Quarterly revenue"].id) in links
    declared = next(c for c in doc.conflicts if c.rule == "declared")
    assert declared.tally == 2 and declared.status == ConflictStatus.BALANCED
    assert declared.resolution == "One shared budget pot"
    assert next(lk for lk in doc.links if lk.id == declared.link_id).reason == "The budget goes to quarter deals"
    assert [d.text for d in doc.decisions] == ["One shared budget pot", "Pilot starts in April"]
    assert declared.decision_ids == [doc.decisions[0].id]
    assert by_title["Strategy deck by mail"].usefulness == 0
    standup = by_title["Weekly stand-up"]
    assert (standup.origin, standup.purpose, standup.cadence, standup.owner) == (Origin.AGREED, "Pipeline and campaigns", "weekly", ben.id)
    belief = by_title["Sales only wants quick leads"]
    assert belief.resistance == "Long-term topics are ignored"
    assert doc.pilot.team == [anna.id, ben.id] and doc.pilot.duration_weeks == 12
    assert doc.pilot.hypothesis.startswith("Closed deals rise") and doc.pilot.review_date == date(2026, 6, 30)
    action = doc.actions[0]
    assert (action.what, action.owner, action.due_date, action.status) == (
        "Send the minutes", anna.id, date(2026, 3, 20), ActionStatus.IN_PROGRESS)
    assert [p.text for p in doc.parking_lot] == ["CRM migration"]
    assert doc.agenda[-1].done


def test_a_new_workshop_through_all_seven_phases_then_undo_and_redo_everything(qtbot, window, boxes):
    empty = window.doc.workshop.model_dump(mode="json")
    run_setup(qtbot, window)
    run_inventory(qtbot, window)
    run_goals(qtbot, window)
    run_conflicts(qtbot, window)
    run_communication(qtbot, window)
    run_culture_pilot(qtbot, window)
    run_wrapup(qtbot, window)
    assert boxes.shown == []  # nothing was refused on the way
    doc = window.doc.workshop
    check_document(doc)
    full = doc.model_dump(mode="json")
    steps = window.doc.undo_stack.count()
    assert steps > 40

    ensure_active(qtbot, window)
    window.navigator.setFocus()
    for _ in range(steps):
        qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL)
    assert window.doc.workshop.model_dump(mode="json") == empty
    assert not window.isWindowModified()
    for _ in range(steps):
        qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.doc.workshop.model_dump(mode="json") == full
    check_document(window.doc.workshop)

    # every page shows the redone document without errors
    for phase in Phase:
        window.go_to_phase(phase)
    click_cell(qtbot, window.page(Phase.WRAPUP).actions_table, 0, 0)
    assert "Send the minutes" in window.page(Phase.WRAPUP).summary.toPlainText()
