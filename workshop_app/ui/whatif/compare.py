"""Today against a scenario, side by side: which findings vanish (struck through, faded), appear, change.

``ComparePanel`` is the two columns the Conflicts page shows in scenario
mode; ``CompareDialog`` puts several stored scenarios next to each other,
one column of marks per scenario ("one pot" against "shared bonus").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.analysis.scenario_diff import FindingsDiff, ScenarioOutcome
from workshop_app.i18n import _
from workshop_app.ui.pages.base import heading, hint
from workshop_app.ui.whatif.banner import SCENARIO_COLOUR
from workshop_app.ui.widgets.plain import PlainLabel, shown

FADED = "#767676"  # 4.5:1 on white: faded, still legible


def summary(diff: FindingsDiff) -> str:
    """"2 findings vanish · 1 appears · 0 change" in words the room reads aloud."""
    return " · ".join([
        _("{n} vanish").format(n=len(diff.vanished)),
        _("{n} new").format(n=len(diff.appeared)),
        _("{n} changed").format(n=len(diff.changed)),
    ])


def _item(text: str, *, struck: bool = False, bold: bool = False, colour: str | None = None,
          tip: str = "") -> QListWidgetItem:
    item = QListWidgetItem(shown(text))
    font = QFont()
    font.setStrikeOut(struck)
    font.setBold(bold)
    item.setFont(font)
    if colour:
        item.setForeground(QBrush(QColor(colour)))
    if tip:
        item.setToolTip(shown(tip))
    return item


class ComparePanel(QWidget):
    """Two lists: today's findings (vanishing ones struck through) and the scenario's (new ones marked)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scenario_compare")
        self.title = heading(_("Today | if we did this"))
        self.summary = PlainLabel()
        self.summary.setObjectName("scenario_summary")
        self.summary.setStyleSheet(f"color: {SCENARIO_COLOUR}; font-weight: bold;")
        self.misfits = hint("")
        self.misfits.setObjectName("scenario_misfits")
        self.misfits.setWordWrap(True)
        self.today = QListWidget()
        self.today.setObjectName("scenario_today")
        self.scenario = QListWidget()
        self.scenario.setObjectName("scenario_after")
        for view in (self.today, self.scenario):
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        columns = QHBoxLayout()
        for label, view in ((_("Today"), self.today), (_("If we did this"), self.scenario)):
            column = QVBoxLayout()
            column.addWidget(PlainLabel(label))
            column.addWidget(view, 1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.misfits)
        layout.addLayout(columns, 1)

    def show_diff(self, diff: FindingsDiff, today: Sequence, misfits: Sequence[str] = ()) -> None:
        """``today``: today's findings in their order; ``misfits``: the scenario's edits that did not fit."""
        self.summary.setText(summary(diff))
        self.misfits.setVisible(bool(misfits))
        self.misfits.setText(_("No longer fits the workshop: {edits}").format(edits="; ".join(misfits)))
        marks = diff.status_by_id
        self.today.clear()
        vanished = [f for f in today if marks.get(f.id) == "vanished"]
        for finding in vanished:  # first: what the change would take away
            self.today.addItem(_item(finding.title, struck=True, colour=FADED, tip=_("Vanishes in this scenario")))
        for finding in today:
            if marks.get(finding.id) != "vanished":
                self.today.addItem(_item(finding.title, tip=finding.explanation))
        self.scenario.clear()
        for finding in diff.appeared:
            self.scenario.addItem(_item(_("New: {title}").format(title=finding.title), bold=True,
                                        colour=SCENARIO_COLOUR, tip=finding.explanation))
        for _before, after in diff.changed:
            self.scenario.addItem(_item(_("Changed: {title}").format(title=after.title), colour=SCENARIO_COLOUR,
                                        tip=after.explanation))
        for finding in diff.kept:
            self.scenario.addItem(_item(finding.title, tip=finding.explanation))


#: How a finding stands in a scenario, as a cell of the comparison.
CELL = {"kept": "●", "vanished": "—", "appeared": "＋", "changed": "≈"}


def comparison_rows(today: Sequence, outcomes: Sequence[ScenarioOutcome]) -> list[tuple[str, list[str]]]:
    """(finding title, one mark per scenario) for today's findings, then each scenario's new ones."""
    rows: list[tuple[str, list[str]]] = []
    marks = [o.diff.status_by_id for o in outcomes]
    for finding in today:
        rows.append((finding.title, [m.get(finding.id, "vanished") for m in marks]))
    seen = {f.id for f in today}
    for outcome in outcomes:
        for finding in outcome.diff.appeared:
            if finding.id not in seen:
                seen.add(finding.id)
                rows.append((finding.title, [m.get(finding.id, "absent") for m in marks]))
    return rows


class CompareDialog(QDialog):
    """Several scenarios against today: one column of marks per scenario, a count of vanished ones on top."""

    def __init__(self, today: Sequence, outcomes: Sequence[ScenarioOutcome], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scenario_compare_dialog")
        self.setWindowTitle(_("Compare scenarios"))
        rows = comparison_rows(today, outcomes)
        self.table = QTableWidget(len(rows), 1 + len(outcomes), self)
        self.table.setObjectName("scenario_compare_table")
        headers = [_("Finding")] + [f"{o.scenario.name}\n{summary(o.diff)}" for o in outcomes]
        self.table.setHorizontalHeaderLabels([shown(h) for h in headers])
        for row, (title, cells) in enumerate(rows):
            item = QTableWidgetItem(shown(title))
            item.setToolTip(shown(title))
            self.table.setItem(row, 0, item)
            for column, mark in enumerate(cells, start=1):
                item = QTableWidgetItem(CELL.get(mark, ""))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if mark in ("appeared", "changed"):
                    item.setForeground(QBrush(QColor(SCENARIO_COLOUR)))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the findings take what the marks leave
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        legend = hint(_("● still found   — vanishes   ＋ new   ≈ changed"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.resize(900, 520)
