"""Quick entry of a round: one respondent per row, one statement per column, digits typed straight in.

The facilitator (or a helper at the laptop) types a paper sheet in as fast
as it can be read out: ``1``–``5`` sets the score and moves to the next
statement, ``0`` or ``?`` means "don't know", Backspace/Delete removes an
answer, ``M`` / ``S`` (``V`` for Vertrieb) set the row's side, Enter
starts the next respondent of the same side. The model
never changes the document itself: every key is one command pushed on the
document's undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyledItemDelegate, QTableView, QWidget

from workshop_app.i18n import _, current_language
from workshop_app.model import AlignmentResponse, Side, UpdateItem, Workshop
from workshop_app.palette import SIDE_FILLS
from workshop_app.ui.alignment.edits import CLEAR, set_score
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.labels import side_name
from workshop_app.ui.widgets.plain import plain_tooltip, shown

#: Columns before the statements: the side, then who (or "anonymous").
SIDE_COLUMN, WHO_COLUMN = 0, 1
FIRST_STATEMENT = 2
DONT_KNOW_TEXT = "?"
SIDE_KEYS = {Qt.Key.Key_M: Side.MARKETING, Qt.Key.Key_S: Side.SALES, Qt.Key.Key_V: Side.SALES}
ModelIndex = QModelIndex | QPersistentModelIndex


def _state(doc: Workshop, response: AlignmentResponse) -> tuple:
    """What a row shows of a response, to tell which rows an edit changed (a renamed participant too)."""
    person = doc.participant(response.participant) if response.participant else None
    return response.side, response.participant, person.name if person else None, tuple(response.scores.items())


class ResponsesModel(QAbstractTableModel):
    """The responses of one round, read from the document; writes go through :attr:`doc`'s commands."""

    def __init__(self, doc: Document, parent: Any = None):
        super().__init__(parent)
        self.doc = doc
        self.round_id: str | None = None
        self._rows: list[AlignmentResponse] = []
        self._columns = FIRST_STATEMENT
        self._snapshot: list[tuple] = []
        self._headers: list[tuple[str, str, str]] = []

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def workshop(self) -> Workshop:
        return self.doc.workshop

    def set_round(self, round_id: str | None) -> None:
        self.round_id = round_id
        self.reload()

    def reload(self) -> None:
        """Read the rows again (after any change of the document: edit, undo, another workshop)."""
        alignment = self.workshop.alignment
        if self.round_id is not None and alignment.round(self.round_id) is None:
            self.round_id = None
        rows = [r for r in alignment.responses if r.round_id == self.round_id]
        columns = FIRST_STATEMENT + len(alignment.statements)
        snapshot = [_state(self.workshop, r) for r in rows]
        if [id(r) for r in rows] == [id(r) for r in self._rows] and columns == self._columns:
            # a score, side or name changed: repaint only those rows, and keep the cursor where typing goes on
            for row, (before, now) in enumerate(zip(self._snapshot, snapshot, strict=True)):
                if before != now:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, columns - 1))
            self._snapshot = snapshot
            headers = [(st.id, st.text_de, st.text_en) for st in alignment.statements]
            if headers != self._headers:  # a reworded statement: its tooltip
                self._headers = headers
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
            return
        self.beginResetModel()
        self._rows, self._columns, self._snapshot = rows, columns, snapshot
        self._headers = [(st.id, st.text_de, st.text_en) for st in alignment.statements]
        self.endResetModel()

    def response(self, row: int) -> AlignmentResponse | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, response_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == response_id), -1)

    def statement_id(self, column: int) -> str | None:
        statements = self.workshop.alignment.statements
        index = column - FIRST_STATEMENT
        return statements[index].id if 0 <= index < len(statements) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section == SIDE_COLUMN:
            return _("Side") if role == Qt.ItemDataRole.DisplayRole else None
        if section == WHO_COLUMN:
            return _("Who") if role == Qt.ItemDataRole.DisplayRole else None
        statement_id = self.statement_id(section)
        statement = self.workshop.alignment.statement(statement_id) if statement_id else None
        if statement is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section - FIRST_STATEMENT + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(statement.text(current_language()))
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        response = self.response(index.row())
        if response is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and column == SIDE_COLUMN:
            colour = QColor(SIDE_FILLS[response.side.value])
            colour.setAlpha(60)
            return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIRST_STATEMENT:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == SIDE_COLUMN:
            return side_name(response.side)
        if column == WHO_COLUMN:
            if response.participant is None:
                return _("anonymous")
            person = self.workshop.participant(response.participant)
            return shown(person.name or person.id) if person else response.participant
        statement_id = self.statement_id(column)
        if statement_id is None or statement_id not in response.scores:
            return ""
        score = response.scores[statement_id]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("don't know") if score is None else str(score)
        return DONT_KNOW_TEXT if score is None else str(score)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == WHO_COLUMN else base

    # -- writing (through commands) ----------------------------------------------------------------------
    def enter(self, row: int, column: int, value: int | str | None) -> bool:
        """Score (1–5), None (don't know) or CLEAR into one cell; True if the document changed."""
        response, statement_id = self.response(row), self.statement_id(column)
        if response is None or statement_id is None:
            return False
        operation = set_score(response, statement_id, value)
        return operation is not None and self.doc.push(operation)

    def set_side(self, row: int, side: Side) -> bool:
        response = self.response(row)
        if response is None or response.side == side:
            return False
        return self.doc.push(UpdateItem("alignment_responses", response.id, {"side": side},
                                        label=_("Change the respondent's side")))

    def set_participant(self, row: int, participant_id: str | None) -> bool:
        response = self.response(row)
        if response is None or response.participant == participant_id:
            return False
        return self.doc.push(UpdateItem("alignment_responses", response.id, {"participant": participant_id},
                                        label=_("Name the respondent")))


class WhoDelegate(QStyledItemDelegate):
    """A choice of "anonymous" or one of the participants of the row's side."""

    def __init__(self, model: ResponsesModel, parent: Any = None):
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: Any, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(_("anonymous"), None)
        response = self.model.response(index.row())
        for person in self.model.workshop.participants:
            if response is None or person.side == response.side:
                combo.addItem(shown(person.name or person.id), person.id)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        response = self.model.response(index.row())
        found = editor.findData(response.participant if response else None)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        self.model.set_participant(index.row(), editor.currentData())


class EntryGrid(QTableView):
    """The grid the answers are typed into (see the module's docstring for the keys)."""

    #: a key asked for a new row of this side at the end (the window adds it)
    row_wanted = Signal(object)

    def __init__(self, model: ResponsesModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.responses = model
        self.setModel(model)
        self.setObjectName("alignment_grid")
        self.setItemDelegateForColumn(WHO_COLUMN, WhoDelegate(model, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(36)
        self.setAccessibleName(_("Alignment check answers"))

    def fit_columns(self) -> None:
        self.setColumnWidth(SIDE_COLUMN, 110)
        self.setColumnWidth(WHO_COLUMN, 150)

    def go_to(self, row: int, column: int) -> None:
        index = self.responses.index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        index = self.currentIndex()
        if not index.isValid() or event.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                                       Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        row, column = index.row(), index.column()
        text = event.text()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and column != WHO_COLUMN:
            response = self.responses.response(row)
            if response is not None:  # the next sheet of the same side
                self.row_wanted.emit(response.side)
            return
        if column == SIDE_COLUMN and Qt.Key(event.key()) in SIDE_KEYS:
            self.responses.set_side(row, SIDE_KEYS[Qt.Key(event.key())])
            self.go_to(row, column)
            return
        if column >= FIRST_STATEMENT:
            value: int | str | None
            if text in ("1", "2", "3", "4", "5"):
                value = int(text)
            elif text in ("0", DONT_KNOW_TEXT):
                value = None
            elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                self.responses.enter(row, column, CLEAR)
                self.go_to(row, column)
                return
            else:
                super().keyPressEvent(event)
                return
            self.responses.enter(row, column, value)
            self._advance(row, column)
            return
        super().keyPressEvent(event)

    def _advance(self, row: int, column: int) -> None:
        """To the next statement; after the last one, to the first statement of the next respondent."""
        if column + 1 < self.responses.columnCount():
            self.go_to(row, column + 1)
        elif row + 1 < self.responses.rowCount():
            self.go_to(row + 1, FIRST_STATEMENT)
        else:
            self.go_to(row, column)
