"""Timeboxes: countdown, colours near the end, +5 min, actual minutes in the document."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workshop_app.model import Phase
from workshop_app.ui.widgets.timebox import format_clock, time_state


class FakeTime:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_state_thresholds():
    total = 100 * 60
    assert time_state(total * 0.5, total) == "ok"
    assert time_state(total * 0.2, total) == "warn"
    assert time_state(total * 0.05, total) == "alert"
    assert time_state(0, total) == "over"
    assert time_state(-10, 0) == "ok"  # no timebox set
    assert format_clock(65) == "01:05" and format_clock(3725) == "1:02:05"


def test_countdown_colours_pause_records_minutes_and_undo_restores(qtbot, window):
    fake = FakeTime()
    window.clock.now = fake
    widget = window.timebox
    assert widget.time_label.text() == "20:00"  # setup's default timebox
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.clock.running == Phase.SETUP
    fake.now += 15 * 60
    window.clock.tick.emit()
    assert widget.time_label.text() == "05:00" and widget.time_label.property("state") == "ok"
    fake.now += 60
    window.clock.tick.emit()
    assert widget.time_label.property("state") == "warn"
    fake.now += 3 * 60 + 30
    window.clock.tick.emit()
    assert widget.time_label.property("state") == "alert"
    fake.now += 60
    window.clock.tick.emit()
    assert widget.time_label.text() == "+00:30" and widget.time_label.property("state") == "over"
    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)  # pause
    assert window.clock.running is None
    assert window.doc.workshop.agenda[0].actual_minutes == 21  # 20:30 rounds to 21
    assert "Record time" in window.doc.undo_stack.undoText()
    window.undo()
    assert window.doc.workshop.agenda[0].actual_minutes is None
    assert widget.time_label.text() == "20:00"


def test_extend_adds_five_minutes_as_an_undoable_edit(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert window.doc.workshop.agenda[0].timebox_minutes == 25
    assert window.timebox.time_label.text() == "25:00"
    window.undo()
    assert window.doc.workshop.agenda[0].timebox_minutes == 20


def test_one_clock_at_a_time_and_time_recorded_on_save(qtbot, window, tmp_path):
    fake = FakeTime()
    window.clock.now = fake
    window.clock.start(Phase.SETUP)
    fake.now += 5 * 60
    window.go_to_phase(Phase.INVENTORY)  # switching does not stop the running clock
    assert window.clock.running == Phase.SETUP
    qtbot.keyClick(window, Qt.Key.Key_F9)  # start inventory: setup pauses and is recorded
    assert window.clock.running == Phase.INVENTORY
    assert window.doc.workshop.agenda[0].actual_minutes == 5
    fake.now += 10 * 60
    window._save_to(tmp_path / "t.workshop.json")
    assert window.doc.workshop.agenda[1].actual_minutes == 10
    assert not window.isWindowModified()
    row = window.navigator.item(1)
    assert "10/90" in row.data(Qt.ItemDataRole.UserRole + 2)
