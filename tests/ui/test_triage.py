"""Triage on the Conflicts page: take up, set aside with a reason, several at once, back again, reopen.

Driven through the page's own buttons and list; the findings come from the
analysis of a small workshop, so the tests name behaviour, not rule ids.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from tests.builders import small_workshop
from tests.ui.helpers import choose, type_into, type_text
from workshop_app.analysis import conflict_views, count_conflicts
from workshop_app.model import ConflictStatus, LinkKind, Phase, RemoveItem, Triage
from workshop_app.ui.pages.conflict_triage import Group

CLICK = Qt.MouseButton.LeftButton


def open_conflicts(window, doc=None):
    window.set_workshop(doc or small_workshop(with_links=True), None)
    window.go_to_phase(Phase.CONFLICTS)
    return window.page(Phase.CONFLICTS)


def record(window, conflict_id):
    return next((c for c in window.doc.workshop.conflicts if c.id == conflict_id), None)


def group_index(group):
    return list(Group).index(group)


def click_group(qtbot, page, group):
    """Click the group's tab above the list, as the facilitator does."""
    qtbot.mouseClick(page.groups, CLICK, pos=page.groups.tabRect(group_index(group)).center())


def select_rows(page, rows):
    view = page.table.view
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.setCurrentIndex(page.table.model.index(rows[0], 0))
    for row in rows[1:]:
        view.selectionModel().select(page.table.model.index(row, 0), flags)


def test_new_findings_are_apart_from_the_rooms_conflicts(qtbot, window):
    page = open_conflicts(window)
    assert page.group == Group.NEW, "nothing declared or taken up yet: the page opens on the findings"
    assert page.table.model.ids and all(page._by_id[i].new_finding for i in page.table.model.ids)
    click_group(qtbot, page, Group.ROOM)
    assert page.group == Group.ROOM
    assert page.table.model.ids == []
    assert not page.groups.isTabVisible(group_index(Group.SET_ASIDE)), "nothing set aside: that list stays out of the way"


def test_take_up_a_finding_then_undo_and_redo(qtbot, window):
    page = open_conflicts(window)
    finding = page.current()
    assert finding is not None and window.doc.workshop.conflicts == []
    qtbot.mouseClick(page.take_up_button, CLICK)
    assert record(window, finding.id).triage == Triage.TAKEN_UP
    assert window.doc.undo_stack.count() == 1, "record and triage are one step"
    assert finding.id not in page.table.model.ids
    page.show_conflict(finding.id)
    assert page.group == Group.ROOM and page.current().taken_up
    assert page.form.isVisible(), "a taken-up finding gets the usual status and resolution"
    choose(qtbot, page.form.editors["status"], "Balanced")
    assert record(window, finding.id).status == ConflictStatus.BALANCED
    window.undo()
    window.undo()
    assert window.doc.workshop.conflicts == []
    window.redo()
    assert record(window, finding.id).triage == Triage.TAKEN_UP


def test_set_aside_with_a_reason_is_counted_apart_and_can_be_taken_back(qtbot, window):
    page = open_conflicts(window)
    finding = page.current()
    before = count_conflicts(page.views)
    type_into(qtbot, page.aside_reason, "Sales has no budget this year")  # Enter sets aside
    stored = record(window, finding.id)
    assert stored.triage == Triage.SET_ASIDE and stored.set_aside_reason == "Sales has no budget this year"
    after = count_conflicts(conflict_views(window.doc.workshop))
    assert after.set_aside == before.set_aside + 1 and after.new_findings == before.new_findings - 1
    assert after.room == before.room and after.open == before.open, "a set-aside finding is no open conflict"
    assert page.groups.isTabVisible(group_index(Group.SET_ASIDE))
    assert page.groups.tabText(group_index(Group.SET_ASIDE)).endswith(f"({after.set_aside})")

    click_group(qtbot, page, Group.SET_ASIDE)
    assert page.table.model.ids == [finding.id]
    assert "Sales has no budget this year" in page.table.model.data(page.table.model.index(0, 1))
    assert page.aside_form.isVisible() and not page.votes_box.isVisible()
    type_text(qtbot, page.aside_form.editors["set_aside_reason"], " either")  # the reason is edited in place
    assert "either" in record(window, finding.id).set_aside_reason
    qtbot.mouseClick(page.back_button, CLICK)
    assert record(window, finding.id).triage == Triage.NEW and record(window, finding.id).set_aside_reason == ""
    assert count_conflicts(conflict_views(window.doc.workshop)).set_aside == 0


def test_a_set_aside_finding_can_be_taken_up_directly(qtbot, window):
    page = open_conflicts(window)
    finding = page.current()
    qtbot.mouseClick(page.set_aside_button, CLICK)
    page.show_group(Group.SET_ASIDE)
    qtbot.mouseClick(page.take_up_button, CLICK)
    assert record(window, finding.id).triage == Triage.TAKEN_UP


def test_several_findings_are_triaged_in_one_undo_step(qtbot, window):
    page = open_conflicts(window)
    ids = page.table.model.ids[:3]
    assert len(ids) == 3
    select_rows(page, [0, 1, 2])
    assert [v.id for v in page.selected_views()] == ids
    assert page.take_up_button.text().endswith("(3)")
    qtbot.mouseClick(page.take_up_button, CLICK)
    assert all(record(window, i).triage == Triage.TAKEN_UP for i in ids)
    assert window.doc.undo_stack.count() == 1
    assert window.doc.undo_stack.undoText() == "Take up 3 findings"
    counts = count_conflicts(conflict_views(window.doc.workshop))
    assert counts.room == 3 and counts.open == 3
    window.undo()
    assert window.doc.workshop.conflicts == []
    assert count_conflicts(conflict_views(window.doc.workshop)).room == 0
    window.redo()
    assert all(record(window, i).triage == Triage.TAKEN_UP for i in ids)

    page.show_group(Group.NEW)
    select_rows(page, list(range(len(page.table.model.ids))))
    rest = list(page.table.model.ids)
    type_into(qtbot, page.aside_reason, "Later")
    assert all(record(window, i).set_aside_reason == "Later" for i in rest)
    assert window.doc.undo_stack.count() == 2


def test_votes_go_to_findings_and_stay_after_they_are_taken_up(qtbot, window):
    page = open_conflicts(window)
    finding = page.current()
    qtbot.mouseClick(page.vote_plus, CLICK)
    qtbot.mouseClick(page.vote_plus, CLICK)
    assert record(window, finding.id).tally == 2 and record(window, finding.id).triage == Triage.NEW
    assert page.current().id == finding.id and page.votes_label.text() == "2"
    qtbot.mouseClick(page.take_up_button, CLICK)
    assert record(window, finding.id).tally == 2


def test_a_vanished_conflict_can_be_reopened_and_then_counts_open(qtbot, window):
    page = open_conflicts(window)
    finding = next(v for v in page.views if v.rule == "misaligned-incentive")
    page.show_conflict(finding.id)
    qtbot.mouseClick(page.take_up_button, CLICK)
    rewards = next(lk for lk in window.doc.workshop.links if lk.kind == LinkKind.REWARDS)
    window.doc.push(RemoveItem("links", rewards.id), "remove the reward")  # the cause goes: the finding vanishes
    page.show_conflict(finding.id)
    gone = page.current()
    assert gone.resolved_by_change and page.reopen_button.isVisible()
    assert count_conflicts(page.views).settled == 1
    qtbot.mouseClick(page.reopen_button, CLICK)
    stored = record(window, finding.id)
    assert stored.reopened and stored.status == ConflictStatus.OPEN
    counts = count_conflicts(conflict_views(window.doc.workshop))
    assert counts.settled == 0 and counts.open == 1
    assert page.current().status == ConflictStatus.OPEN and not page.reopen_button.isVisible()
    window.undo()
    assert count_conflicts(conflict_views(window.doc.workshop)).settled == 1


def test_a_parked_conflict_is_not_settled(qtbot, window):
    page = open_conflicts(window)
    finding = page.current()
    qtbot.mouseClick(page.take_up_button, CLICK)
    page.show_conflict(finding.id)
    choose(qtbot, page.form.editors["status"], "Parked")
    counts = count_conflicts(conflict_views(window.doc.workshop))
    assert counts.parked == 1 and counts.settled == 0 and counts.open == 0


def test_changing_a_threshold_changes_the_findings_and_undoes(qtbot, window):
    page = open_conflicts(window)
    qtbot.mouseClick(page.settings_toggle, CLICK)
    assert page.settings.isVisible()
    spin = page.settings.spins["period_ratio"]
    assert spin.value() == 4 and not page.settings.defaults_button.isEnabled()
    before = {v.id for v in page.views}
    spin.setValue(1)  # a commission every 3 months on a 3-month goal is now "much shorter"
    assert window.doc.workshop.analysis.period_ratio == 1
    assert {v.id for v in page.views} != before
    assert page.settings.defaults_button.isEnabled()
    spin.setValue(2)
    assert window.doc.undo_stack.count() == 1, "arrow clicks in a row are one step"
    window.undo()
    assert window.doc.workshop.analysis.period_ratio == 4 and spin.value() == 4
    assert {v.id for v in page.views} == before
    window.redo()
    assert spin.value() == 2
    qtbot.mouseClick(page.settings.defaults_button, CLICK)
    assert window.doc.workshop.analysis.period_ratio == 4


def test_thresholds_keep_to_their_ranges(qtbot, window):
    page = open_conflicts(window)
    for field, spin in page.settings.spins.items():
        spin.setValue(spin.maximum())
        assert getattr(window.doc.workshop.analysis, field) == spin.maximum()
    assert page.settings.spins["poor_channel_rating"].maximum() == 5
    assert page.settings.spins["split_share_percent"].maximum() == 100
