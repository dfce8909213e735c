"""The workshop's own statements: reword, add or drop them before the room scores.

The standard set is only a start; what the document stores is what this
workshop asked. Rewording edits the text in the workshop's language (the
other language's text stays as it was); dropping a statement drops its
answers too, in one undoable step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.analysis.alignment import DIMENSION_NAMES
from workshop_app.i18n import _
from workshop_app.model import AddItem, AlignmentStatement, Dimension, RemoveItem, UpdateItem, new_id
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.plain import plain_tooltip, shown

ModelIndex = QModelIndex | QPersistentModelIndex


class StatementsModel(QAbstractTableModel):
    """Number, dimension and text (in the workshop's language) of each statement; the text is editable."""

    def __init__(self, doc: Document, parent: Any = None):
        super().__init__(parent)
        self.doc = doc
        self._count = 0

    @property
    def lang(self) -> str:
        return self.doc.workshop.meta.language.value

    def reload(self) -> None:
        self.beginResetModel()
        self._count = len(self.doc.workshop.alignment.statements)
        self.endResetModel()

    def statement(self, row: int) -> AlignmentStatement | None:
        statements = self.doc.workshop.alignment.statements
        return statements[row] if 0 <= row < len(statements) and row < self._count else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (_("Dimension"), _("Statement"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        statement = self.statement(index.row())
        if statement is None:
            return None
        if index.column() == 0:
            return _(DIMENSION_NAMES[statement.dimension]) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(statement.text(self.lang))
        if role == Qt.ItemDataRole.EditRole:
            return statement.text(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(statement.text(self.lang))
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        statement = self.statement(index.row())
        text = str(value).strip()
        if statement is None or role != Qt.ItemDataRole.EditRole or not text or text == statement.text(self.lang):
            return False
        field = "text_de" if self.lang == "de" else "text_en"
        return self.doc.push(UpdateItem("alignment_statements", statement.id, {field: text},
                                        label=_("Reword statement")))


class StatementsEditor(QWidget):
    """The statements table with "add" (of a chosen dimension) and "remove"."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.model = StatementsModel(doc, self)
        self.table = QTableView()
        self.table.setObjectName("alignment_statements")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.dimension = QComboBox()
        for dim in Dimension:
            self.dimension.addItem(_(DIMENSION_NAMES[dim]), dim.value)
        add = QPushButton(_("Add statement"))
        add.clicked.connect(self.add_statement)
        remove = QPushButton(_("Remove statement"))
        remove.setToolTip(_("Its answers in every round go with it (Undo brings them back)"))
        remove.clicked.connect(self.remove_statement)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dimension)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.model.reload()
        self.table.resizeRowsToContents()

    def add_statement(self) -> None:
        dim = Dimension(self.dimension.currentData())
        text = _("New statement about {dimension}").format(dimension=_(DIMENSION_NAMES[dim]))
        field = "text_de" if self.model.lang == "de" else "text_en"
        statement = AlignmentStatement.model_validate({"id": new_id("as"), "dimension": dim, field: text})
        if self.doc.push(AddItem("alignment_statements", statement, label=_("Add statement"))):
            row = len(self.doc.workshop.alignment.statements) - 1
            index = self.model.index(row, 1)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def remove_statement(self) -> None:
        statement = self.model.statement(self.table.currentIndex().row())
        if statement is not None:
            self.doc.push(RemoveItem("alignment_statements", statement.id, label=_("Remove statement")))
