"""Every table of the demo is readable on the facilitator's laptop (1366×768 down to 1280×720).

Measured from the widgets themselves — the view's font, each column's width and
each row's height — not from pictures: a name, title or owner shows at least
30 characters (or all of it) over the lines its row allows, and a date,
number, rating or status is never cut.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import demo_on_laptop
from workshop_app import i18n
from workshop_app.model import Phase, Side
from workshop_app.store.demo import load_demo
from workshop_app.ui.widgets.record_table import RIGID_KINDS, RecordTable, line_ends

#: Characters of a name or title that must be readable when it does not fit whole.
ENOUGH = 30
#: The style sheet's cell padding (``QTableView::item { padding: 2px 4px }``) and the delegate's text margin
#: (visualRect already leaves out the grid line).
H_INSET = 2 * 4 + 2 * 3
V_INSET = 2 * 2


def shown_characters(text: str, font: QFont, width: int, lines: int, wrap: bool) -> int:
    """How many characters of ``text`` a cell ``width`` wide with room for ``lines`` lines shows."""
    fm = QFontMetrics(font)
    if fm.horizontalAdvance(text) <= width:
        return len(text)
    if not wrap or lines <= 1:
        return max(0, len(fm.elidedText(text, Qt.TextElideMode.ElideRight, width)) - 1)  # minus the “…”
    ends = line_ends(font, text, width)  # Qt's own word wrap, as the cells lay it out
    if len(ends) <= lines:
        return len(text)
    return ends[lines - 1] - 1  # the last shown line ends in an ellipsis


def faults(window) -> list[str]:
    found = []
    for phase in Phase:
        window.go_to_phase(phase, focus=False)
        page = window.page(phase)
        page.select_initial()
        for state in _states(page):
            for _round in range(3):
                QApplication.processEvents()
            found += _cut_cells(window, page, f"{phase.value}{state}")
            found += _cut_tree_items(window, page, f"{phase.value}{state}")
    return found


def _states(page):
    """Every arrangement of a page's tables: each inventory category, the tabs of Communication and Culture."""
    from workshop_app.ui.widgets.categories import CATEGORIES

    if page.phase == Phase.INVENTORY:
        for category in CATEGORIES:
            page.set_category(category.key)
            yield f" ({category.key})"
    elif page.phase == Phase.COMMUNICATION:
        yield ""
        page.show_agreements()
        yield " (agreements)"
    elif page.phase == Phase.WRAPUP:
        page.show_decisions()
        yield " (decisions)"
        page.show_actions()
        yield " (actions)"
    elif page.phase == Phase.CULTURE_PILOT:
        for side in (Side.MARKETING, Side.SALES, Side.JOINT):
            page.show_beliefs(side)
            yield f" ({side.value})"
    else:
        yield ""


def _cut_cells(window, page, phase_name: str) -> list[str]:
    """The cells on screen that cut their text, scrolling each table from top to bottom."""
    found: dict[str, None] = {}
    for table in page.findChildren(RecordTable):
        if not table.isVisibleTo(window):
            continue
        bar = table.view.verticalScrollBar()
        bar.setValue(0)
        while True:
            QApplication.processEvents()
            found |= dict.fromkeys(_cut_in_view(table, phase_name))
            if bar.value() >= bar.maximum():
                break
            bar.setValue(bar.value() + max(1, bar.pageStep()))
        bar.setValue(0)
    return list(found)


def _cut_in_view(table, phase_name: str) -> list[str]:
    found = []
    view, model = table.view, table.model
    fm = QFontMetrics(view.font())
    height = view.viewport().height()
    for c, column in enumerate(model.columns):
        if view.isColumnHidden(c) or column.kind == "bool":
            continue
        rigid = column.kind in RIGID_KINDS
        for r in range(model.rowCount()):
            rect = view.visualRect(model.index(r, c))
            text = model.data(model.index(r, c)) or ""
            if not text or rect.bottom() < 0 or rect.top() >= height:  # not on screen
                continue
            width = rect.width() - H_INSET
            lines = max(1, math.floor((view.rowHeight(r) - V_INSET) / fm.lineSpacing()))
            shown = shown_characters(text, view.font(), width, lines, view.wordWrap())
            where = (f"{phase_name} · {table.title_label.text() or table.collection} · {_title(column)}"
                     f" [{view.viewport().width()} px wide]")
            if rigid and shown < len(text):
                found.append(f"{where}: {text!r} cut to {shown} characters ({width} px)")
            elif not rigid and shown < min(ENOUGH, len(text)):
                found.append(f"{where}: {text!r} shows {shown} characters ({width} px, {lines} lines)")
    return found


def _cut_tree_items(window, page, phase_name: str) -> list[str]:
    """The goal breakdown's items that cut their text: a title shows 30 characters over the lines its
    row has, a side or target is never cut (a folded column is in the details panel instead)."""
    from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItemIterator

    found: dict[str, None] = {}
    for tree in page.findChildren(QTreeWidget):
        if not tree.isVisibleTo(window):
            continue
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
        bar = tree.verticalScrollBar()
        bar.setValue(0)
        for _page in range(100):  # a screenful at a time
            QApplication.processEvents()
            iterator = QTreeWidgetItemIterator(tree)
            while iterator.value() is not None:
                found |= dict.fromkeys(_cut_tree_item(tree, iterator.value(), margin, phase_name))
                iterator += 1
            if bar.value() >= bar.maximum():
                break
            bar.setValue(bar.value() + max(1, bar.pageStep()))
        bar.setValue(0)
    return list(found)


def _cut_tree_item(tree, item, margin: int, phase_name: str) -> list[str]:
    found = []
    height = tree.viewport().height()
    for column in range(tree.columnCount()):
        text = item.text(column)
        rect = tree.visualItemRect(item)
        if tree.isColumnHidden(column) or not text or rect.bottom() < 0 or rect.top() >= height:
            continue
        cell = tree.visualRect(tree.indexFromItem(item, column))
        width = cell.width() - 8 - 2 * margin  # the style sheet's item padding, the delegate's text margins
        if not item.icon(column).isNull():
            width -= tree.iconSize().width() + 2 * margin
        font = item.font(column)
        lines = max(1, math.floor((cell.height() - V_INSET) / QFontMetrics(font).lineSpacing()))
        shown = shown_characters(text, font, width, lines, tree.wordWrap())
        where = f"{phase_name} · {tree.objectName()} · {tree.headerItem().text(column)} [{tree.viewport().width()} px wide]"
        if column == 0 and shown < min(ENOUGH, len(text)):
            found.append(f"{where}: {text!r} shows {shown} characters ({width} px, {lines} lines)")
        elif column in (1, 2) and shown < len(text):  # side, target
            found.append(f"{where}: {text!r} cut to {shown} characters ({width} px)")
    return found


def _title(column) -> str:
    return i18n._(column.title)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_every_table_of_the_demo_reads_on_a_laptop(qtbot, window, language, size):
    i18n.set_language(language)
    try:
        window.set_workshop(load_demo(language), None)
        window.resize(*size)
        for _round in range(3):
            QApplication.processEvents()
        assert (window.width(), window.height()) == size
        found = faults(window)
    finally:
        window.doc.undo_stack.setClean()
        i18n.set_language("en")
    assert found == [], f"{len(found)} cells cut:\n" + "\n".join(found)


def test_a_new_participants_role_is_reached_and_edited_by_keyboard_alone(qtbot, window):
    from PySide6.QtWidgets import QLineEdit

    window.go_to_phase(Phase.SETUP)
    table = window.page(Phase.SETUP).participants
    table.add_edit.setFocus()
    qtbot.keyClicks(table.add_edit, "Anna Berg")
    qtbot.keyClick(table.add_edit, Qt.Key.Key_Return)
    for _field in ("side chooser", "the new row's name", "its side", "its role"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is table.view
    assert table.view.currentIndex().column() == [c.field for c in table.model.columns].index("role")
    qtbot.keyClicks(table.view, "T")  # typing starts the editor
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "rainee")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.workshop.participants[-1].role == "Trainee")  # the delegate commits queued
    assert window.doc.undo_stack.undoText() == "Change Role"
    qtbot.keyClick(table.view, Qt.Key.Key_Tab)  # from the row's last field on, out of the table
    assert QApplication.focusWidget() is not table.view


def test_tab_in_an_editor_goes_from_a_rows_last_field_to_the_next_row(qtbot, window):
    from PySide6.QtWidgets import QLineEdit

    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.SETUP)
    table = window.page(Phase.SETUP).participants
    role = [c.field for c in table.model.columns].index("role")
    table.view.setFocus()
    table.view.setCurrentIndex(table.model.index(0, role))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (1, 0)
    assert isinstance(QApplication.focusWidget(), QLineEdit)  # the next row's name, open for typing
    window.doc.undo_stack.setClean()


def test_escape_cancels_an_emptied_cell_editor(qtbot, window):
    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.SETUP)
    table = window.page(Phase.SETUP).participants
    role = [c.field for c in table.model.columns].index("role")
    before = table.model.data(table.model.index(1, role))
    table.view.setFocus()
    table.view.setCurrentIndex(table.model.index(1, role))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert table.view.state() != table.view.State.EditingState
    assert table.model.data(table.model.index(1, role)) == before
    assert window.doc.undo_stack.count() == 0


def test_a_longer_title_gives_its_row_another_line_in_one_undo_step(qtbot, window):
    window.set_workshop(load_demo("en"), None)
    window.resize(1366, 768)
    window.go_to_phase(Phase.WRAPUP)
    table = window.page(Phase.WRAPUP).parking
    qtbot.waitUntil(lambda: table.view.viewport().width() > 0)
    index = table.model.index(0, 0)
    table.model.setData(index, "Short")
    one_line = table.view.rowHeight(0)
    table.model.setData(index, "Clarify the role of customer success with existing customers and partners")
    assert table.view.rowHeight(0) > one_line
    assert table.view.rowHeight(0) <= 3 * table.view.fontMetrics().lineSpacing() + 12  # three lines at most
    window.doc.undo_stack.undo()
    assert table.model.data(index) == "Short"
    window.doc.undo_stack.setClean()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_wrapup_decisions_show_five_rows_at_1366_by_768(qtbot, window, language):
    page = demo_on_laptop(window, language, (1366, 768), Phase.WRAPUP)
    page.show_decisions()
    for _round in range(3):
        QApplication.processEvents()
    view = page.decisions.view
    bottom = view.viewport().height()
    whole = [r for r in range(page.decisions.model.rowCount())
             if view.visualRect(page.decisions.model.index(r, 0)).top() >= 0
             and view.visualRect(page.decisions.model.index(r, 0)).bottom() < bottom]
    counts = [page.lists.tabText(i) for i in range(page.lists.count())]
    assert len(whole) >= 5, f"{len(whole)} whole rows in {bottom} px"
    assert any("(7)" in text for text in counts)  # the tab says how many decisions there are


def test_one_highlighted_row_across_the_marketing_and_sales_lists(qtbot, window):
    from workshop_app.model import Side

    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.INVENTORY)
    page = window.page(Phase.INVENTORY)
    marketing, sales = page.table(Side.MARKETING), page.table(Side.SALES)
    marketing.select_id(marketing.model.ids[0])
    sales.select_id(sales.model.ids[1])
    assert sales.view.selectionModel().hasSelection()
    assert not marketing.view.selectionModel().hasSelection()
    assert page.details.item_id == sales.model.ids[1]
    marketing.select_id(marketing.model.ids[2])
    assert not sales.view.selectionModel().hasSelection()
