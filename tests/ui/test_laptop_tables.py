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
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from workshop_app import i18n
from workshop_app.model import Phase
from workshop_app.store.demo import load_demo
from workshop_app.ui.widgets.record_table import RIGID_KINDS, RecordTable

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
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    ends = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        ends.append(line.textStart() + line.textLength())
    layout.endLayout()
    if len(ends) <= lines:
        return len(text)
    return ends[lines - 1] - 1  # the last shown line ends in an ellipsis


def faults(window) -> list[str]:
    found = []
    for phase in Phase:
        window.go_to_phase(phase, focus=False)
        page = window.page(phase)
        page.select_initial()
        for _round in range(3):
            QApplication.processEvents()
        for table in page.findChildren(RecordTable):
            if not table.isVisibleTo(window):
                continue
            view, model = table.view, table.model
            fm = QFontMetrics(view.font())
            for c, column in enumerate(model.columns):
                if view.isColumnHidden(c) or column.kind == "bool":
                    continue
                rigid = column.kind in RIGID_KINDS
                for r in range(model.rowCount()):
                    text = model.data(model.index(r, c)) or ""
                    if not text:
                        continue
                    rect = view.visualRect(model.index(r, c))
                    width = rect.width() - H_INSET
                    lines = max(1, math.floor((view.rowHeight(r) - V_INSET) / fm.lineSpacing()))
                    shown = shown_characters(text, view.font(), width, lines, view.wordWrap())
                    where = (f"{phase.value} · {table.title_label.text() or table.collection} · {_title(column)}"
                             f" [{view.viewport().width()} px wide]")
                    if rigid and shown < len(text):
                        found.append(f"{where}: {text!r} cut to {shown} characters ({width} px)")
                    elif not rigid and shown < min(ENOUGH, len(text)):
                        found.append(f"{where}: {text!r} shows {shown} characters ({width} px, {lines} lines)")
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
