"""Dot voting: dots per participant, votes per person or typed in, the order they give, the chart on the wall."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import press
from workshop_app.i18n import current_language
from workshop_app.model import Phase
from workshop_app.store.demo import load_demo
from workshop_app.ui.projector.voting import FIXED_COLUMNS

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def demo(window):
    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.CONFLICTS)
    return window


def voting_dialog(qtbot, window):
    press(qtbot, window, Key.Key_D, Mod.ControlModifier | Mod.ShiftModifier)
    dialog = window.presenter.voting
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


def column_of(dialog, participant_id: str) -> int:
    return FIXED_COLUMNS + [p.id for p in dialog.model.people].index(participant_id)


def views(window):
    from workshop_app.analysis import conflict_views

    return conflict_views(window.doc.workshop, current_language())


def test_dots_per_participant_is_a_workshop_setting_and_undoable(qtbot, demo):
    window = demo
    dialog = voting_dialog(qtbot, window)
    assert dialog.dots.value() == window.doc.workshop.meta.dots_per_participant == 3
    dialog.dots.setFocus()
    qtbot.keyClick(dialog.dots, Key.Key_Up)
    qtbot.keyClick(dialog.dots, Key.Key_Up)
    assert window.doc.workshop.meta.dots_per_participant == 5
    window.undo()  # the two clicks are one step
    assert window.doc.workshop.meta.dots_per_participant == 3 and dialog.dots.value() == 3
    assert dialog.summary.text() == "34 of 36 dots placed"


def test_votes_per_participant_make_the_record_and_reorder_the_conflicts(qtbot, demo, boxes):
    window = demo
    dialog = voting_dialog(qtbot, window)
    model = dialog.model
    row = next(n for n, v in enumerate(model.views) if v.record is None)  # a detected conflict nobody voted on
    target = model.views[row]
    person = "p-hoffmann"  # has placed 2 of her 3 dots
    steps, records = window.doc.undo_stack.count(), len(window.doc.workshop.conflicts)
    # typed into the grid: select the cell, type the number, Enter
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(model.index(row, column_of(dialog, person)))
    qtbot.keyClicks(dialog.table, "1")
    qtbot.keyClick(dialog.table.focusWidget(), Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.doc.workshop.conflicts) == records + 1, timeout=2000)
    record = next(c for c in window.doc.workshop.conflicts if c.id == target.id)
    assert record.votes == {person: 1}
    assert window.doc.undo_stack.count() == steps + 1  # the record and the vote are one step
    assert "1 left" not in model.headerData(column_of(dialog, person), Qt.Orientation.Horizontal)
    assert "0 left" in model.headerData(column_of(dialog, person), Qt.Orientation.Horizontal)

    # a fourth dot is refused, with a reason, and nothing changes
    other = next(n for n, v in enumerate(model.views) if v.id != target.id and v.record is None)
    assert not model.setData(model.index(other, column_of(dialog, person)), 1)
    assert "has 3 dots" in dialog.message_bar.current_text()  # said in the dialog, where the typing is
    assert sum(c.votes.get(person, 0) for c in window.doc.workshop.conflicts) == 3

    # dots counted in the room without names (the tally) put it on top: votes order the conflicts
    row = next(n for n, v in enumerate(model.views) if v.id == target.id)  # its vote may have moved it up
    assert model.setData(model.index(row, 2), 20)
    assert views(window)[0].id == target.id and views(window)[0].votes == 21
    page = window.page(Phase.CONFLICTS)
    page.show_conflict(target.id)
    assert page.table.model.ids[0] == target.id  # the editor's list (of its group) follows the votes too
    window.undo()
    window.undo()
    assert all(c.id != target.id for c in window.doc.workshop.conflicts)


def test_the_results_chart_on_the_projector(qtbot, demo):
    window = demo
    press(qtbot, window, Key.Key_F5, Mod.ShiftModifier)
    audience = window.presenter.audience
    qtbot.waitUntil(audience.isVisible, timeout=2000)
    dialog = voting_dialog(qtbot, window)
    dialog.results.setChecked(True)  # = V
    assert window.presenter.actions.results.isChecked()
    qtbot.wait(80)
    view = audience.view.current_view()
    assert view.stack.currentWidget() is view.chart
    bars = view.chart.results.bars
    assert [b[2] for b in bars] == sorted((b[2] for b in bars), reverse=True) and bars[0][2] == 14
    assert view.chart.summary() == "34 of 36 dots placed"
    # live: a vote typed in on the laptop moves the bar on the wall
    last = dialog.model.views.index(next(v for v in dialog.model.views if v.id == bars[-1][0]))
    assert dialog.model.setData(dialog.model.index(last, 2), 30)
    qtbot.wait(80)
    assert view.chart.results.bars[0][0] == bars[-1][0] and view.chart.results.bars[0][2] == 30
    assert view.chart.bars_shown()[0][0] == bars[-1][0]
    press(qtbot, window, Key.Key_V)  # back to the list and the graph
    qtbot.wait(80)
    assert view.stack.currentWidget() is view.split and not dialog.results.isChecked()


def test_dots_counted_in_the_room_beyond_its_allowance_are_kept_with_a_warning(qtbot, demo):
    """12 people × 3 dots = 36. A 37th dot may be a guest's: it counts, and the bar says so."""
    window = demo
    page = window.page(Phase.CONFLICTS)
    page.table.select_id(views(window)[0].id)
    for _step in range(36 - 34):
        assert page.vote(+1)
    assert not window.message_bar.isVisible()
    assert page.vote(+1)
    assert "37 dots placed, more than the room has: 12 participants × 3 dots = 36" in window.message_bar.current_text()
    assert sum(v.votes for v in views(window)) == 37
