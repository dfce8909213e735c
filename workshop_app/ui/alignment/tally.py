"""The room's tally: per statement and side, how many hands went up for 1, 2, 3, 4, 5 and "don't know".

For a room that scores by show of hands (or with dot stickers on a poster)
instead of one sheet per person. A tally holds counts only, so it never
stores who said what. Each count entered is one undoable command.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from workshop_app.i18n import _, current_language
from workshop_app.model import AddItem, AlignmentTally, Side, UpdateItem, new_id
from workshop_app.model.alignment import TALLY_SLOTS
from workshop_app.model.types import MAX_DOTS
from workshop_app.palette import SIDE_FILLS
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.labels import side_name
from workshop_app.ui.widgets.plain import plain_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex
SIDES = (Side.MARKETING, Side.SALES)
SLOT_LABELS = ("1", "2", "3", "4", "5", "?")


class TallyModel(QAbstractTableModel):
    """Rows: the statements. Columns: Marketing 1…5, ?, then Sales 1…5, ?."""

    def __init__(self, doc: Document, parent: Any = None):
        super().__init__(parent)
        self.doc = doc
        self.round_id: str | None = None
        self._rows = 0

    def set_round(self, round_id: str | None) -> None:
        self.round_id = round_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = len(self.doc.workshop.alignment.statements) if self.round_id else 0
        self.endResetModel()

    @staticmethod
    def side_and_slot(column: int) -> tuple[Side, int]:
        return SIDES[column // TALLY_SLOTS], column % TALLY_SLOTS

    def tally(self, row: int, side: Side) -> AlignmentTally | None:
        statement = self.doc.workshop.alignment.statements[row]
        return next((t for t in self.doc.workshop.alignment.tallies if t.round_id == self.round_id
                     and t.statement_id == statement.id and t.side == side), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 * TALLY_SLOTS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            if role == Qt.ItemDataRole.ToolTipRole and section < self._rows:
                return plain_tooltip(self.doc.workshop.alignment.statements[section].text(current_language()))
            return None
        side, slot = self.side_and_slot(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{side_name(side)[:1]} {SLOT_LABELS[slot]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            what = _("don't know") if slot == TALLY_SLOTS - 1 else SLOT_LABELS[slot]
            return _("{side}: how many answered {what}").format(side=side_name(side), what=what)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._rows:
            return None
        side, slot = self.side_and_slot(index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = QColor(SIDE_FILLS[side.value])
            colour.setAlpha(30)
            return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        tally = self.tally(index.row(), side)
        count = tally.counts[slot] if tally else 0
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.EditRole:
            return count
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.round_id is None or not index.isValid():
            return False
        try:
            count = int(value)
        except (TypeError, ValueError):
            return False
        count = min(max(count, 0), MAX_DOTS)
        side, slot = self.side_and_slot(index.column())
        tally = self.tally(index.row(), side)
        label = _("Enter tally")
        if tally is None:
            if count == 0:
                return False
            counts = [0] * TALLY_SLOTS
            counts[slot] = count
            statement = self.doc.workshop.alignment.statements[index.row()]
            new = AlignmentTally(id=new_id("tally"), round_id=self.round_id, statement_id=statement.id, side=side,
                                 counts=counts)
            return self.doc.push(AddItem("alignment_tallies", new, label=label))
        if tally.counts[slot] == count:
            return False
        counts = list(tally.counts)
        counts[slot] = count
        return self.doc.push(UpdateItem("alignment_tallies", tally.id, {"counts": counts}, label=label))


class TallyGrid(QTableView):
    """Type a count and press Enter; the delegate is Qt's number field."""

    def __init__(self, model: TallyModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("alignment_tally")
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
