"""Driving real widgets the way a facilitator does: keys and clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget


def type_into(qtbot, widget, text: str, enter: bool = True) -> None:
    """Click into a field, type, and press Enter (or leave it uncommitted)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_text(qtbot, widget, text: str) -> None:
    """Type into a multi-line field and leave it with Tab (which commits it)."""
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton)
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the combo with the keyboard, walk to the entry containing ``text`` and press Enter."""
    target = next(i for i in range(combo.count()) if text in combo.itemText(i))
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Space)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    current = max(view.currentIndex().row(), 0)
    if view.currentIndex().row() < 0:
        qtbot.keyClick(view, Qt.Key.Key_Down)
        current = view.currentIndex().row()
    key = Qt.Key.Key_Down if target > current else Qt.Key.Key_Up
    for _ in range(abs(target - current)):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
    ensure_active(qtbot, combo.window())
    assert combo.currentIndex() == target


def click_cell(qtbot, table, row: int, column: int = 0) -> None:
    view = table.view
    rect = view.visualRect(table.model.index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def open_editor(qtbot, table, row: int, column: int):
    """Select a cell and press F2; returns the in-place editor."""
    click_cell(qtbot, table, row, column)
    assert table.view.currentIndex().row() == row
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editors = [w for w in table.view.viewport().findChildren(QWidget) if w.isVisible() and isinstance(w, (QLineEdit, QComboBox))]
    assert len(editors) == 1, editors
    return editors[0]


def edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Select a cell, F2, replace its text, Enter."""
    editor = open_editor(qtbot, table, row, column)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState, timeout=2000)  # Qt commits queued


def pick_in_cell(qtbot, table, row: int, column: int, steps: int = 1) -> None:
    """Select a cell with a choice editor, F2, and step down ``steps`` entries (each step is picked)."""
    editor = open_editor(qtbot, table, row, column)
    assert isinstance(editor, QComboBox)
    qtbot.keyClick(editor, Qt.Key.Key_Down)


def tick(qtbot, checks, text: str) -> None:
    """Tick the entry of an id check list with the keyboard (select it, Space)."""
    row = next(i for i in range(checks.count()) if text in checks.item(i).text())
    checks.setFocus()
    checks.setCurrentRow(row)
    qtbot.keyClick(checks, Qt.Key.Key_Space)


def ensure_active(qtbot, window) -> None:
    """The offscreen platform sometimes leaves a closed combo popup as the active window."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A window shortcut, pressed where the keyboard focus is."""
    ensure_active(qtbot, window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def wall_dots(presenter, ids, view=None):
    """The dots the projector's conflict list shows for ``ids`` (0 where it shows none)."""
    view = view or presenter.audience.view
    view.refresh()
    entries = {e.id: e.badge for e in view.current_view().list.column.entries}
    return {cid: int(entries[cid].split()[0]) if entries.get(cid) else 0 for cid in ids}


def demo_on_laptop(window, language: str, size: tuple[int, int], phase):
    """The demo in ``language`` on its ``phase`` page, in a window of ``size`` (the keyboard left where it is).

    The UI language and the clean undo stack go back by the test fixtures.
    """
    from workshop_app import i18n
    from workshop_app.store.demo import load_demo

    i18n.set_language(language)
    window.set_workshop(load_demo(language), None)
    window.resize(*size)
    QApplication.processEvents()
    window.go_to_phase(phase, focus=False)
    return window.page(phase)
