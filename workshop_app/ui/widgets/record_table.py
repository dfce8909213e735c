"""A table of records bound to the document: add by typing, edit in place, reorder, delete.

Used on every page with a list (participants, inventory, beliefs, decisions,
actions, channels, …). The model never rebuilds rows when only values
change (it emits ``dataChanged``), so refreshing a table of a large workshop
after an edit costs little and keeps the selection and an open editor alive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _
from workshop_app.model import AddItem, MoveItem, RemoveItem, UpdateItem, Workshop
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.fields import TextField, element_choices, participant_choices, show_read_only
from workshop_app.ui.widgets.formats import ParseError, format_date, format_number, parse_date, parse_number
from workshop_app.ui.widgets.labels import RATING_NAMES, element_label, participant_label, rating_stars
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip, shown
from workshop_app.ui.widgets.roles import Deletable
from workshop_app.ui.widgets.theme import HIDDEN_TEXT, hidden_icon

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    """One column: which field, its heading (N_-marked) and how it is edited.

    kind: text | enum | int | float | date | rating | participant | element | label
    (``label`` is read-only, shown through ``display``).
    """

    field: str
    title: str
    kind: str = "text"
    choices: dict | None = None
    display: Callable[[Workshop, Any], str] | None = None
    elements: Callable[[Workshop], list] | None = None
    stretch: bool = False
    colour: Callable[[Any], str | None] | None = None
    field_for: Callable[[Any], str | None] | None = None  # when the field differs per record
    #: Shown in the details panel (or the row's tooltip) too: it folds away when the table is too narrow
    #: to read the rest.
    secondary: bool = False

    @property
    def editable(self) -> bool:
        return self.kind != "label"

    def field_of(self, record: Any) -> str | None:
        return self.field_for(record) if self.field_for is not None else self.field


#: Column kinds whose values are short and fixed in form; they are never squeezed (see layout_columns).
RIGID_KINDS = frozenset({"date", "int", "float", "enum", "rating", "bool"})
#: Lines a name or title may wrap over before it is elided; a row grows to fit them.
WRAP_LINES = 3
#: Characters of a name or title that must be readable over those lines, when it is longer.
READABLE = 30
#: Horizontal room a cell's text does not get: the style sheet's padding (2 × 4 px), the delegate's margins (2 × 3), the grid line.
TEXT_INSET = 15
#: Vertical room of a row beside its lines of text (padding 2 × 2 px, and air).
ROW_PADDING = 10


def line_ends(font: QFont, text: str, width: int) -> list[int]:
    """Where each line of ``text`` ends when a cell ``width`` wide wraps it (as the item delegate lays it out)."""
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
    return ends


def _readable_width(font: QFont, text: str) -> int:
    """The least width showing ``text`` whole, or its first READABLE characters over WRAP_LINES lines."""
    fm = QFontMetrics(font)
    whole = fm.horizontalAdvance(text) + 1
    if len(text) <= READABLE // WRAP_LINES:
        return whole
    longest_word = max((fm.horizontalAdvance(w) for w in text[:READABLE + 12].split()), default=0)
    width = max(longest_word, fm.horizontalAdvance(text[:READABLE]) // WRAP_LINES)
    while width < whole:
        ends = line_ends(font, text, width)
        if len(ends) <= WRAP_LINES or ends[WRAP_LINES - 1] - 1 >= READABLE:  # the last line ends in “…”
            break
        width += max(4, width // 16)
    return min(whole, width)


def display_value(doc: Workshop, column: Column, record: Any) -> str:
    if column.display is not None:
        return column.display(doc, record)
    name = column.field_of(record)
    value = getattr(record, name, None) if name else None
    if column.kind == "bool":
        return ""
    if column.kind == "enum":
        return _(column.choices[value]) if value is not None and column.choices and value in column.choices else ""
    if column.kind == "date":
        return format_date(value)
    if column.kind in ("int", "float"):
        return format_number(value)
    if column.kind == "rating":
        return rating_stars(value)
    if column.kind == "participant":
        return participant_label(doc, value)
    if column.kind == "element":
        return element_label(doc, value)
    return "" if value is None else str(value)


class RecordTableModel(QAbstractTableModel):
    """Rows are ``rows(workshop)`` (a filtered view of one collection)."""

    def __init__(self, doc: Document, collection: str, columns: list[Column], rows: Callable[[Workshop], list],
                 key: Callable[[Any], str] = lambda r: r.id, update_op: Callable[[Any, dict], Any] | None = None):
        super().__init__()
        self.doc, self.collection, self.columns, self.rows_of, self.key = doc, collection, columns, rows, key
        self.update_op = update_op or (lambda record, changes: UpdateItem(collection, record.id, changes))
        self.records: list[Any] = rows(doc.workshop)
        self.ids = [key(r) for r in self.records]
        #: Whether a row is hidden from the audience (greyed, with an eye-slash mark in the first column).
        self.hidden_of: Callable[[Any], bool] = lambda record: bool(getattr(record, "hidden", False))
        #: Columns folded away on a narrow table (see RecordTable.layout_columns): their values join the tooltip.
        self.folded: set[int] = set()

    # -- refresh ---------------------------------------------------------------
    def refresh(self) -> bool:
        """Re-read the rows; True if rows came or went (a reset), False if only values changed."""
        records = self.rows_of(self.doc.workshop)
        ids = [self.key(r) for r in records]
        if ids == self.ids:
            self.records = records
            if records:
                self.dataChanged.emit(self.index(0, 0), self.index(len(records) - 1, len(self.columns) - 1))
            return False
        self.beginResetModel()
        self.records, self.ids = records, ids
        self.endResetModel()
        return True

    def row_of(self, item_id: str | None) -> int:
        try:
            return self.ids.index(item_id)
        except ValueError:
            return -1

    # -- Qt model API ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].title)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(_(self.columns[section].title))  # an elided heading in full
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column.editable and not self.doc.read_only and index.row() < len(self.records) \
                and column.field_of(self.records[index.row()]):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.records):
            return None
        record, column = self.records[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole) \
                and self.hidden_of(record):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(HIDDEN_TEXT)
            if role == Qt.ItemDataRole.DecorationRole:
                return hidden_icon() if index.column() == 0 else None
            text = display_value(self.doc.workshop, column, record)
            return plain_tooltip(_("Hidden from the audience") + (f"\n{text}" if len(text) > 30 else ""))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = shown(display_value(self.doc.workshop, column, record))
            if role == Qt.ItemDataRole.ToolTipRole:
                folded = [f"{_(self.columns[i].title)}: {value}" for i in sorted(self.folded)
                          if (value := shown(display_value(self.doc.workshop, self.columns[i], record)))]
                lines = ([text] if len(text) > 30 else []) + folded  # a folded column's value, on hover
                return plain_tooltip("\n".join(lines)) if lines else None
            return text
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if getattr(record, column.field) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            if column.kind in ("date", "int", "float"):
                return display_value(self.doc.workshop, column, record)
            name = column.field_of(record)
            return getattr(record, name, None) if name else None
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            return QColor(colour) if colour else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        record, column = self.records[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        name = column.field_of(record)
        if not name:
            return False
        try:
            if column.kind == "date":
                value = parse_date(str(value or ""))
            elif column.kind in ("int", "float"):
                value = parse_number(str(value or ""), whole=column.kind == "int")
        except ParseError:
            what = _("a date such as 31.12.2026") if column.kind == "date" else _("a number")
            self.doc.refused.emit(_("“{field}” needs {what}.").format(field=_(column.title), what=what))
            return False
        if value == getattr(record, name):
            return False
        op = self.update_op(record, {name: value})
        return self.doc.push(op, _("Change {field}").format(field=_(column.title)))


class FieldDelegate(QStyledItemDelegate):
    """In-place editors matching each column's kind; choices commit as soon as picked."""

    def __init__(self, table: RecordTable):
        super().__init__(table)
        self.table = table

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        column = self.table.model.columns[index.column()]
        doc = self.table.doc.workshop
        if column.kind in ("enum", "rating", "participant", "element"):
            combo = QComboBox(parent)
            if column.kind == "enum":
                pairs = [(v, _(n)) for v, n in (column.choices or {}).items()]
            elif column.kind == "rating":
                pairs = [(None, "–")] + [(v, _(n)) for v, n in RATING_NAMES.items()]
            elif column.kind == "participant":
                pairs = participant_choices(doc)
            else:
                pairs = element_choices(doc, column.elements(doc) if column.elements else doc.elements)
            for value, text in pairs:
                combo.addItem(shown(text), value)
            combo.activated.connect(lambda _i, c=combo: self._finish(c))
            return combo
        editor = QLineEdit(parent)
        if column.kind == "date":
            editor.setPlaceholderText(_("YYYY-MM-DD"))
        return editor

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            for i in range(editor.count()):
                if editor.itemData(i) == value:
                    editor.setCurrentIndex(i)
                    break
            return
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        value = editor.currentData() if isinstance(editor, QComboBox) else editor.text()
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class RecordView(QTableView):
    """The table itself: Alt+Up/Down moves the row, Del deletes, Insert jumps to the add line."""

    def __init__(self, table: RecordTable):
        super().__init__(table)
        self.table = table

    def resizeEvent(self, e) -> None:  # Qt override
        super().resizeEvent(e)
        self.table.layout_columns()

    def viewportEvent(self, e) -> bool:  # Qt override: a scroll bar coming or going changes the width too
        handled = super().viewportEvent(e)
        if e.type() == QEvent.Type.Resize:
            self.table.layout_columns()
        return handled

    def focusNextPrevChild(self, forward: bool) -> bool:  # Qt override
        """Tab walks the current row's fields (name, side, role…) before it leaves the table.

        While a cell is being edited Tab already goes on to the next field and from a row's last
        field to the next row (the delegate's EditNextItem); this is the same walk without an editor.
        """
        current = self.currentIndex()
        if self.state() != QAbstractItemView.State.EditingState and current.isValid():
            step = 1 if forward else -1
            column = current.column() + step
            while 0 <= column < self.model().columnCount():
                if not self.isColumnHidden(column):
                    self.setCurrentIndex(current.siblingAtColumn(column))
                    return True
                column += step
        return super().focusNextPrevChild(forward)

    def keyPressEvent(self, e) -> None:  # Qt override
        alt = e.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and e.key() == Qt.Key.Key_Up:
            self.table.move_selected(-1)
            return
        if alt and e.key() == Qt.Key.Key_Down:
            self.table.move_selected(+1)
            return
        if e.key() == Qt.Key.Key_Insert and self.table.add_edit is not None:
            self.table.add_edit.setFocus()
            return
        if e.matches(QKeySequence.StandardKey.Delete) and self.state() != QAbstractItemView.State.EditingState:
            self.table.delete_selected()
            return
        super().keyPressEvent(e)


class RecordTable(QWidget, Deletable):
    """Title, add line, table and small move/delete buttons for one list of records.

    ``factory(text)`` builds the new record for typed text (None: no add line).
    ``current_changed(id or None)`` follows the selected row.
    """

    current_changed = Signal(object)

    def __init__(self, doc: Document, collection: str, columns: list[Column], rows: Callable[[Workshop], list],
                 title: str = "", add_placeholder: str = "", factory: Callable[[str], Any] | None = None,
                 add_label: str = "", accent: str | None = None, reorderable: bool = True, parent: QWidget | None = None,
                 key: Callable[[Any], str] = lambda r: r.id, update_op: Callable[[Any, dict], Any] | None = None,
                 deletable: bool = True, remove_op: Callable[[Any], Any] | None = None):
        super().__init__(parent)
        self.remove_op = remove_op
        self.doc, self.collection, self.factory, self.add_label = doc, collection, factory, add_label
        self.reorderable, self.deletable = reorderable, deletable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.head = head = QHBoxLayout()
        self.title_label = PlainLabel(title)
        self.title_label.setProperty("role", "h2")
        if accent:
            self.title_label.setStyleSheet(f"color: {accent}; border-bottom: 3px solid {accent}; padding-bottom: 2px;")
        head.addWidget(self.title_label, 1)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, tip, slot in (
            ("up", "▲", _("Move up (Alt+Up)"), lambda: self.move_selected(-1)),
            ("down", "▼", _("Move down (Alt+Down)"), lambda: self.move_selected(+1)),
            ("delete", "✕", _("Delete (Del)"), self.delete_selected),
        ):
            if (name in ("up", "down") and not reorderable) or (name == "delete" and not deletable):
                continue
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(plain_tooltip(tip))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            head.addWidget(button)
            self.buttons[name] = button
        if title:
            layout.addLayout(head)
        self.add_edit: TextField | None = None
        self.add_row = QHBoxLayout()
        self.add_row.setSpacing(6)
        if factory is not None:
            self.add_edit = TextField(self)
            self.add_edit.setObjectName("add_edit")
            self.add_edit.setPlaceholderText(add_placeholder)
            self.add_edit.setClearButtonEnabled(True)
            self.add_edit.returnPressed.connect(self._add_typed)
            self.add_row.addWidget(self.add_edit, 1)
            layout.addLayout(self.add_row)
        self.model = RecordTableModel(doc, collection, columns, rows, key, update_op)
        self.view = RecordView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(FieldDelegate(self))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)  # a long name or title wraps over up to three lines
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fits: list[int] = []
        self._needs: list[int] = []
        self._laying_out = self._lay_out_again = False
        self._heads: list[int] = []
        layout.addWidget(self.view, 1)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.current_changed.emit(self.current_id()))
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self.size_row_heights())
        self._size_rows()
        self._fit_columns()

    # -- appearance ------------------------------------------------------------
    def _size_rows(self) -> None:
        self._row_height = int(self.view.fontMetrics().height() * 1.9)
        self.view.verticalHeader().setDefaultSectionSize(self._row_height)
        self._lines_cache: dict[tuple[str, int], int] = {}
        self._readable_cache: dict[str, int] = {}

    def _fit_columns(self) -> None:
        """Measure what each column holds: the width of its longest value, and the least that reads.

        A rigid column (a date, number, status) needs its longest value whole. A name or title wants
        its longest value on one line and needs enough to show READABLE characters over up to
        WRAP_LINES lines (and its longest word, which a wrap cannot break).
        """
        fm = self.view.fontMetrics()
        bold = QFont(self.view.font())
        bold.setBold(True)
        head = QFontMetrics(bold)
        pad = TEXT_INSET + 4
        self._heads = [head.horizontalAdvance(_(c.title)) + pad for c in self.model.columns]
        fits, needs = [], []
        rows = min(self.model.rowCount(), 60)
        for i, column in enumerate(self.model.columns):
            texts = [self.model.data(self.model.index(r, i)) or "" for r in range(rows)]
            longest = max((fm.horizontalAdvance(t) for t in texts), default=0) + pad
            if column.kind == "bool":  # a check box: its heading may give way (it has a tooltip)
                fits.append(max(fm.horizontalAdvance(_(column.title)) + 24, 48))
                needs.append(min(fits[-1], fm.averageCharWidth() * 9))
            elif column.kind in RIGID_KINDS:  # the heading may give way (it has a tooltip), the values not
                fits.append(max(longest, self._heads[i]))
                needs.append(max(longest, min(self._heads[i], fm.averageCharWidth() * 8)))
            else:
                want = min(max(longest, self._heads[i]), fm.averageCharWidth() * 60)
                need = max((self._readable(fm, t) for t in texts), default=0) + pad
                fits.append(want)
                needs.append(min(want, max(need, min(self._heads[i], fm.averageCharWidth() * 9))))
        self._fits, self._needs = fits, needs
        self.layout_columns()

    def _readable(self, fm: QFontMetrics, text: str) -> int:
        found = self._readable_cache.get(text)
        if found is None:
            if len(self._readable_cache) > 5000:
                self._readable_cache.clear()
            found = self._readable_cache[text] = _readable_width(self.view.font(), text)
        return found

    def layout_columns(self) -> None:
        """Share the visible width by what the columns hold.

        Dates, numbers and statuses keep their whole width; every name or title first gets what
        it needs to read over three lines, then the rest goes towards what each wants on one
        line; what is left after that goes to the wide (stretch) columns, the first one most.
        """
        header = self.view.horizontalHeader()
        if self.view.viewport().width() <= 0 or len(self._fits) != len(self.model.columns):
            return
        if self._laying_out:  # a scroll bar came or went meanwhile: once more at the new width
            self._lay_out_again = True
            return
        self._laying_out = True
        try:
            for _round in range(3):
                self._lay_out_again = False
                self._share_width(header, self.view.viewport().width())
                self.size_row_heights()
                if not self._lay_out_again:
                    break
        finally:
            self._laying_out = False

    def _share_width(self, header: QHeaderView, available: int) -> None:
        columns = self.model.columns
        folded: set[int] = set()
        for i in reversed([i for i, c in enumerate(columns) if c.secondary]):  # the last folds first
            if sum(self._needs[j] for j in range(len(columns)) if j not in folded) <= available:
                break
            folded.add(i)
        for i, column in enumerate(columns):
            if column.secondary and self.view.isColumnHidden(i) != (i in folded):
                self.view.setColumnHidden(i, i in folded)
        self.model.folded = folded
        shown_columns = [i for i in range(len(columns)) if i not in folded]
        rigid = [i for i in shown_columns if columns[i].kind in RIGID_KINDS]
        flexible = [i for i in shown_columns if i not in rigid]
        need = sum(self._needs[i] for i in flexible)
        widths = {i: self._fits[i] for i in rigid}
        if flexible and available - sum(widths.values()) < need:  # long headings of short values give way first
            spare = sum(self._fits[i] - self._needs[i] for i in rigid)
            short = need - (available - sum(widths.values()))
            cut = min(1.0, short / spare) if spare else 0.0
            widths = {i: int(self._fits[i] - (self._fits[i] - self._needs[i]) * cut) for i in rigid}
        rest = available - sum(widths.values())
        if not flexible:
            pass
        elif rest <= need:  # too narrow to read everything: names give way in proportion, dates do not
            scale = max(0.0, rest) / need if need else 1.0
            widths |= {i: max(24, int(self._needs[i] * scale)) for i in flexible}
        else:
            grow = sum(self._fits[i] - self._needs[i] for i in flexible)
            share = min(1.0, (rest - need) / grow) if grow else 1.0
            widths |= {i: int(self._needs[i] + (self._fits[i] - self._needs[i]) * share) for i in flexible}
        left = max(0, available - sum(widths.values()))
        stretch = [i for i in flexible if columns[i].stretch] or flexible or rigid[-1:]
        if left and stretch:
            first_weight = 1.6 if len(stretch) > 1 else 1.0  # the title column is the one people read
            total = first_weight + len(stretch) - 1
            for n, i in enumerate(stretch):
                widths[i] += int(left * (first_weight if n == 0 else 1.0) / total)
        for i, width in widths.items():
            if header.sectionSize(i) != width:
                header.resizeSection(i, width)

    def size_row_heights(self) -> None:
        """Each row on screen as high as its longest name or title needs wrapped, up to WRAP_LINES lines.

        Only the rows in view (and a few beyond) are measured, so a list of thousands costs what a
        screenful costs; scrolling measures the rows that come into view.
        """
        view, model = self.view, self.model
        columns = [i for i, c in enumerate(model.columns)
                   if c.kind not in RIGID_KINDS and c.kind != "bool" and not view.isColumnHidden(i)]
        fm, font = view.fontMetrics(), view.font()
        spacing = fm.lineSpacing()
        vertical = view.verticalHeader()
        cache = self._lines_cache
        if len(cache) > 20000:
            cache.clear()
        widths = [(i, view.columnWidth(i) - TEXT_INSET) for i in columns]
        first = max(0, view.rowAt(0))
        bottom = view.viewport().height() + self._row_height * 4
        count = model.rowCount()
        row = first
        while row < count and vertical.sectionViewportPosition(row) < bottom:
            lines = 1
            for i, width in widths:
                text = model.data(model.index(row, i)) or ""
                if not text or width <= 0:
                    continue
                key = (text, width)
                found = cache.get(key)
                if found is None:
                    found = 1 if fm.horizontalAdvance(text) < width else len(line_ends(font, text, width))
                    cache[key] = found
                lines = max(lines, found)
            height = max(self._row_height, min(lines, WRAP_LINES) * spacing + ROW_PADDING)
            if vertical.sectionSize(row) != height:
                vertical.resizeSection(row, height)
            row += 1

    def changeEvent(self, e: QEvent) -> None:  # Qt override
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self._size_rows()
            self._fit_columns()

    # -- binding ---------------------------------------------------------------
    def refresh(self) -> None:
        current = self.current_id()
        if self.model.refresh():
            self.select_id(current)
        self._fit_columns()  # an edited title (or another language's names) may need more room
        for button in self.buttons.values():
            button.setEnabled(not self.doc.read_only)
        if self.add_edit is not None:
            show_read_only(self.add_edit, self.doc.read_only)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.ids):
            return None
        return self.model.ids[index.row()]

    def add_widget_to_add_row(self, widget: QWidget) -> None:
        """Put a chooser (side, level, …) next to the add line; the factory reads it."""
        self.add_row.addWidget(widget)

    def select_id(self, item_id: str | None, column: int = 0) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            self.current_changed.emit(None)
            return
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def record(self) -> Any:
        row = self.model.row_of(self.current_id())
        return self.model.records[row] if row >= 0 else None

    # -- edits -----------------------------------------------------------------
    def _add_typed(self) -> None:
        assert self.add_edit is not None and self.factory is not None
        text = self.add_edit.text().strip()
        if not text:
            return
        item = self.factory(text)
        if item is None:
            return
        label = (self.add_label or _("Add “{title}”")).format(title=text)
        if self.doc.push(AddItem(self.collection, item), label):
            self.add_edit.clear()
            self.add_edit.set_text_quietly("")
            self.select_id(item.id)

    def delete_selected(self) -> bool:
        record = self.record()
        if record is None or not self.deletable:
            return False
        row = self.view.currentIndex().row()
        name = (getattr(record, "title", "") or getattr(record, "name", "") or getattr(record, "text", "")
                or getattr(record, "what", "") or _("entry"))
        op = self.remove_op(record) if self.remove_op is not None else RemoveItem(self.collection, record.id)
        if op is None:
            return False
        if self.doc.push(op, _("Delete “{title}”").format(title=name)):
            if self.model.ids:
                self.select_id(self.model.ids[min(row, len(self.model.ids) - 1)])
            return True
        return False

    def move_selected(self, step: int) -> None:
        """Move the selected record past its visible neighbour (the list may be filtered)."""
        if not self.reorderable:
            return
        item_id = self.current_id()
        row = self.model.row_of(item_id)
        neighbour = row + step
        if row < 0 or not 0 <= neighbour < len(self.model.ids):
            return
        items = getattr(self.doc.workshop, self.collection)
        target_index = next(i for i, it in enumerate(items) if it.id == self.model.ids[neighbour])
        text = _("Move up") if step < 0 else _("Move down")
        column = self.view.currentIndex().column()
        if self.doc.push(MoveItem(self.collection, item_id, target_index), text):
            self.select_id(item_id, max(column, 0))
