"""Field editors that commit once per finished edit, and a form that binds them.

Typing into a field is one undoable command per committed field, not per
key: text fields commit on Enter or when focus leaves them, choices commit
when picked. Each editor emits ``committed``; :class:`RecordForm` turns that
into one ``UpdateItem`` on the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from workshop_app.i18n import _
from workshop_app.model import AddItem, Batch, Link, LinkKind, Operation, RemoveItem, UpdateItem, Workshop, new_id
from workshop_app.model.references import items_of
from workshop_app.store.recovery import PendingText
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.formats import ParseError, format_date, format_number, parse_date, parse_number
from workshop_app.ui.widgets.labels import RATING_NAMES, SIDE_NAMES, describe_element, element_label, participant_label
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip, shown
from workshop_app.ui.widgets.roles import Committable

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


@dataclass
class FieldSpec:
    """One field of a record as the form shows it.

    kind: text | multiline | enum | int | float | date | rating | bool |
    participant | participants | element | ids (``entries(doc)`` gives (id, label) pairs) | sides (ticks) |
    links (ticks of the elements joined to the record by ``link`` links, see :class:`LinkSpec`)

    ``visible(doc, record)`` hides the row for records it does not apply to (e.g. "replaces" on a
    channel of today).
    """

    name: str
    label: str  # marked with N_, translated when shown
    kind: str = "text"
    choices: dict | None = None  # enum value → N_ name
    placeholder: str = ""
    elements: Callable[[Workshop], list] | None = None  # candidates for kind "element"
    entries: Callable[[Workshop], list[tuple[str, str]]] | None = None  # for kind "ids"
    extra: dict = field(default_factory=dict)
    link: LinkSpec | None = None  # for kind "links"
    visible: Callable[[Workshop, Any], bool] | None = None


@dataclass(frozen=True)
class LinkSpec:
    """A field that is not stored on the record but as links from or to it (kind "links").

    ``outgoing``: the record is the link's source (an agreed channel *replaces* the ticked
    ones); otherwise its target (a pot is *formed from* the ticked budgets). ``candidates(doc,
    record)`` are the elements that may be ticked. Each tick adds or removes one link, one command.
    """

    kind: LinkKind
    outgoing: bool
    candidates: Callable[[Workshop, Any], list]
    #: how a candidate is named in the list (default: its title and side)
    name: Callable[[Any], str] | None = None

    def entry(self, element: Any) -> str:
        if self.name is not None:
            return self.name(element)
        return f"{element.title or _('(untitled)')} ({_(SIDE_NAMES[element.side])})"

    def linked(self, doc: Workshop, record: Any) -> list[str]:
        """Ids of the elements joined to ``record`` by this kind of link, in the document's order."""
        if record is None:
            return []
        if self.outgoing:
            return [lk.target for lk in doc.links if lk.kind == self.kind and lk.source == record.id]
        return [lk.source for lk in doc.links if lk.kind == self.kind and lk.target == record.id]

    def operations(self, doc: Workshop, record: Any, ticked: list[str]) -> list[Operation]:
        """The link additions and removals that make the ticked elements the linked ones."""
        ops: list[Operation] = []
        before = set(self.linked(doc, record))
        for other in ticked:
            if other not in before:
                source, target = (record.id, other) if self.outgoing else (other, record.id)
                ops.append(AddItem("links", Link(id=new_id("link"), kind=self.kind, source=source, target=target)))
        for lk in doc.links:
            if lk.kind != self.kind:
                continue
            other = lk.target if self.outgoing else lk.source
            mine = lk.source if self.outgoing else lk.target
            if mine == record.id and other not in ticked:
                ops.append(RemoveItem("links", lk.id))
        return ops


class _Committing(Committable):
    """Mixin: ``committed`` on finished edits and a ``commit_edit()`` anyone may call."""

    committed: Signal

    def commit_edit(self) -> None:
        self.committed.emit()


class TextField(QLineEdit, _Committing):
    """One line of text; commits on Enter and on focus out.

    Ctrl+Z goes to the line edit only while it has typing of its own to undo;
    otherwise the document's Undo runs, as the facilitator expects.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editingFinished.connect(self.committed.emit)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride:
            if e.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
                e.ignore()
                return True
            if e.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable():
                e.ignore()
                return True
        return super().event(e)

    def set_text_quietly(self, text: str) -> None:
        """Show the model's value and drop the local typing history."""
        if text != self.text() or self.isUndoAvailable():
            self.setText(text)
            if not self.hasFocus():
                self.setCursorPosition(0)  # show the beginning of long text, not its end
        self.setModified(False)

    def value_text(self) -> str:
        return self.text()


class MultilineField(QPlainTextEdit, _Committing):
    """Several lines; commits when focus leaves or on Ctrl+Enter. Tab moves on."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 3):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._lines = lines
        self._update_height()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _update_height(self) -> None:
        fm = self.fontMetrics()
        self.setFixedHeight(int(fm.lineSpacing() * self._lines + 2 * self.frameWidth() + 12))

    def changeEvent(self, e: QEvent) -> None:  # Qt override
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self._update_height()

    def focusOutEvent(self, e) -> None:  # Qt override
        super().focusOutEvent(e)
        self.committed.emit()

    def keyPressEvent(self, e) -> None:  # Qt override
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.committed.emit()
            return
        super().keyPressEvent(e)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride:
            doc = self.document()
            if e.matches(QKeySequence.StandardKey.Undo) and not doc.isUndoAvailable():
                e.ignore()
                return True
            if e.matches(QKeySequence.StandardKey.Redo) and not doc.isRedoAvailable():
                e.ignore()
                return True
        return super().event(e)

    def set_text_quietly(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)
        self.document().clearUndoRedoStacks()

    def value_text(self) -> str:
        return self.toPlainText()


class ChoiceField(QComboBox, _Committing):
    """A closed list of choices (enum, rating, participant, element); commits when picked."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.activated.connect(lambda _i: self.committed.emit())
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self._pairs: list[tuple[Any, str]] | None = None  # what set_choices last put in

    def set_choices(self, pairs: list[tuple[Any, str]]) -> None:
        """Replace the entries (value, text), keeping the current value if still there.

        The entries are compared with the list kept in Python, not read back
        from Qt item by item (~800 calls per refresh on L), and a renamed entry
        is relabelled in place instead of refilling the whole list.
        """
        pairs = [(value, shown(text)) for value, text in pairs]  # names typed by people: controls visible
        old = self._pairs if self._pairs is not None and len(self._pairs) == self.count() else None
        if old == pairs:
            return
        if old is not None and len(old) == len(pairs) and all(
                was[0] == now[0] for was, now in zip(old, pairs, strict=True)):
            self.blockSignals(True)
            for i, (was, now) in enumerate(zip(old, pairs, strict=True)):
                if was[1] != now[1]:
                    self.setItemText(i, now[1])
            self.blockSignals(False)
            self._pairs = pairs
            return
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        for value, text in pairs:
            self.addItem(text, value)
        self.set_value(current)
        self.blockSignals(False)
        self._pairs = pairs

    def set_value(self, value: Any) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(-1)

    def value(self) -> Any:
        return self.currentData()


class CheckField(QCheckBox, _Committing):
    committed = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.clicked.connect(lambda _c: self.committed.emit())


class IdChecks(QListWidget, _Committing):
    """Tick entries by id (owners, pilot team, linked decisions); each tick is one command. Space toggles."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None, rows: int = 4):
        super().__init__(parent)
        self._rows = rows
        self._loading = False
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemChanged.connect(self._on_item_changed)
        self._update_height()

    def _update_height(self) -> None:
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * 1.45 * self._rows + 8))

    def changeEvent(self, e: QEvent) -> None:  # Qt override
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self._update_height()

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.committed.emit()

    def set_people(self, doc: Workshop, checked: list[str]) -> None:
        self.set_entries([(p.id, participant_label(doc, p.id)) for p in doc.participants], checked,
                         _("Add participants in Setup first."))

    def set_entries(self, wanted: list[tuple[str, str]], checked: list[str], empty_text: str = "") -> None:
        self._loading = True
        wanted = [(pid, shown(text)) for pid, text in wanted]
        current = [(self.item(i).data(Qt.ItemDataRole.UserRole), self.item(i).text()) for i in range(self.count())]
        if wanted != current:
            self.clear()
            for pid, text in wanted:
                item = QListWidgetItem(text, self)
                item.setData(Qt.ItemDataRole.UserRole, pid)
                item.setToolTip(plain_tooltip(text))  # a long goal title cut off in a narrow panel, in full
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        for i in range(self.count()):
            item = self.item(i)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in checked else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        if not wanted and self.count() == 0 and empty_text:
            item = QListWidgetItem(empty_text, self)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._loading = False

    def value(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).data(Qt.ItemDataRole.UserRole) and self.item(i).checkState() == Qt.CheckState.Checked
        ]


def participant_choices(doc: Workshop) -> list[tuple[Any, str]]:
    return [(None, "–")] + [(p.id, participant_label(doc, p.id)) for p in doc.participants]


def element_choices(doc: Workshop, elements: list) -> list[tuple[Any, str]]:
    return [(None, "–")] + [(el.id, describe_element(el)) for el in elements]


def find_record(doc: Workshop, collection: str, item_id: str | None) -> Any:
    """The record shown by a form: a singleton (meta, pilot) or a list entry by id."""
    if collection == "meta":
        return doc.meta
    if collection == "pilot":
        return doc.pilot
    if item_id is None:
        return None
    for item in items_of(doc, collection):
        if item.id == item_id:
            return item
    return None


def show_read_only(editor: QWidget, read_only: bool) -> None:
    """A read-only workshop's fields look it: text stays selectable, choices grey out."""
    if isinstance(editor, (QLineEdit, QPlainTextEdit)):
        if editor.isReadOnly() != read_only:
            editor.setReadOnly(read_only)
            editor.style().unpolish(editor)
            editor.style().polish(editor)
    else:
        editor.setEnabled(not read_only)


class RecordForm(QWidget):
    """Editors for some fields of one record, bound to the document.

    ``set_item(id)`` chooses the record; every committed editor pushes one
    ``UpdateItem``; ``refresh()`` shows the model's values again (after any
    command, undo or redo). Invalid typing is refused with a message and the
    field shows the stored value again.
    """

    def __init__(self, doc: Document, collection: str, specs: list[FieldSpec], parent: QWidget | None = None,
                 columns: int = 1, lookup: Callable[[Workshop, str | None], Any] | None = None,
                 wrap: Callable[[Any, str, Any, Operation], Operation] | None = None):
        """``lookup`` finds the shown record (default: by id in ``collection``); ``wrap`` may
        turn the field's ``UpdateItem`` into a larger operation (e.g. create the record first)."""
        super().__init__(parent)
        self.doc, self.collection, self.specs = doc, collection, specs
        self.lookup, self.wrap = lookup, wrap
        self.item_id: str | None = None
        self._shown: dict[tuple[str | None, str], Any] = {}  # (record, field) → the value the editor showed
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._rows: dict[str, QFormLayout] = {}
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(24)
        forms = []
        for _c in range(columns):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.setVerticalSpacing(6)
            outer.addLayout(form, 1)
            forms.append(form)
        per_column = -(-len(specs) // columns)
        for index, spec in enumerate(specs):
            editor = self._make_editor(spec)
            editor.setObjectName(f"field_{spec.name}")
            label = PlainLabel(_(spec.label) + ":")
            label.setBuddy(editor)
            self.labels[spec.name] = label
            self.editors[spec.name] = editor
            form = forms[min(index // per_column, columns - 1)]
            form.addRow(label, editor)
            self._rows[spec.name] = form
            editor.committed.connect(lambda s=spec: self._commit(s))
            if isinstance(editor, TextField) and spec.kind == "text":
                editor.textEdited.connect(lambda _t, s=spec: self._note_typing(s))
            elif isinstance(editor, MultilineField):
                editor.textChanged.connect(lambda s=spec: self._note_typing(s))  # silent while refresh shows the model
        self.set_item(None)

    # -- building --------------------------------------------------------------
    def _make_editor(self, spec: FieldSpec) -> QWidget:
        if spec.kind == "multiline":
            editor: QWidget = MultilineField(self, lines=spec.extra.get("lines", 3))
            editor.setPlaceholderText(_(spec.placeholder) if spec.placeholder else "")
        elif spec.kind in ("enum", "rating", "participant", "element"):
            editor = ChoiceField(self)
            if spec.kind == "enum":
                editor.set_choices([(v, _(n)) for v, n in (spec.choices or {}).items()])
            elif spec.kind == "rating":
                editor.set_choices([(None, "–")] + [(v, _(n)) for v, n in RATING_NAMES.items()])
        elif spec.kind in ("participants", "ids", "links", "sides"):
            editor = IdChecks(self, rows=spec.extra.get("rows", 4))
        elif spec.kind == "bool":
            editor = CheckField("", self)
        else:
            editor = TextField(self)
            placeholder = _(spec.placeholder) if spec.placeholder else ""
            if spec.kind == "date" and not placeholder:
                placeholder = _("YYYY-MM-DD")
            editor.setPlaceholderText(placeholder)
        return editor

    # -- binding ---------------------------------------------------------------
    def record(self) -> Any:
        if self.lookup is not None:
            return self.lookup(self.doc.workshop, self.item_id)
        return find_record(self.doc.workshop, self.collection, self.item_id)

    def set_item(self, item_id: str | None) -> None:
        self.item_id = item_id
        self.refresh()

    def refresh(self) -> None:
        record = self.record()
        self.setEnabled(record is not None)
        doc = self.doc.workshop
        shown_before, self._shown = self._shown, {}
        for spec in self.specs:
            editor = self.editors[spec.name]
            if spec.visible is not None:
                shown_row = record is not None and spec.visible(doc, record)
                if self._rows[spec.name].isRowVisible(editor) != shown_row:
                    self._rows[spec.name].setRowVisible(editor, shown_row)
            show_read_only(editor, self.doc.read_only)
            value = self._value(spec, record, doc)
            key = (self.item_id, spec.name)
            self._shown[key] = value
            if (spec.kind in ("text", "multiline") and editor.hasFocus() and key in shown_before
                    and shown_before[key] == value and editor.value_text() != (value or "")):
                continue  # another edit arrived while this field is being typed in: the typing stays
            editor.blockSignals(True)
            try:
                self._show(spec, editor, value, doc)
            finally:
                editor.blockSignals(False)
            if spec.kind in ("text", "multiline") and self.doc.pending:
                self.doc.clear_pending(self.collection, self._typing_key(), spec.name)  # the model is shown again

    def _value(self, spec: FieldSpec, record: Any, doc: Workshop) -> Any:
        """What the field shows of ``record``: its attribute, or for links the linked elements' ids."""
        if record is None:
            return None
        if spec.kind == "links":
            assert spec.link is not None
            return spec.link.linked(doc, record)
        return getattr(record, spec.name)

    def _show(self, spec: FieldSpec, editor: QWidget, value: Any, doc: Workshop) -> None:
        if spec.kind in ("text", "multiline"):
            editor.set_text_quietly(value or "")
        elif spec.kind == "date":
            editor.set_text_quietly(format_date(value))
        elif spec.kind in ("int", "float"):
            editor.set_text_quietly(format_number(value))
        elif spec.kind == "participant":
            editor.set_choices(participant_choices(doc))
            editor.set_value(value)
        elif spec.kind == "element":
            editor.set_choices(element_choices(doc, spec.elements(doc) if spec.elements else doc.elements))
            editor.set_value(value)
        elif spec.kind in ("enum", "rating"):
            editor.set_value(value)
        elif spec.kind == "participants":
            editor.set_people(doc, list(value or []))
        elif spec.kind == "ids":
            editor.set_entries(spec.entries(doc) if spec.entries else [], list(value or []), _(spec.placeholder))
        elif spec.kind == "sides":
            editor.set_entries([(side.value, _(name)) for side, name in SIDE_NAMES.items()], list(value or []))
        elif spec.kind == "links":
            assert spec.link is not None
            record = self.record()
            candidates = spec.link.candidates(doc, record) if record is not None else []
            editor.set_entries([(el.id, spec.link.entry(el)) for el in candidates], list(value or []),
                               _(spec.placeholder))
        elif spec.kind == "bool":
            editor.setChecked(bool(value))

    def _read(self, spec: FieldSpec, editor: QWidget) -> Any:
        if spec.kind in ("text", "multiline"):
            return editor.value_text()
        if spec.kind == "date":
            return parse_date(editor.value_text())
        if spec.kind in ("int", "float"):
            return parse_number(editor.value_text(), whole=spec.kind == "int")
        if spec.kind == "bool":
            return editor.isChecked()
        return editor.value()

    def _typing_key(self) -> str | None:
        return None if self.collection in ("meta", "pilot") else self.item_id

    def _note_typing(self, spec: FieldSpec) -> None:
        """Typing not yet entered goes to the document's pending texts (and so to the recovery copy)."""
        record = self.record()
        if record is None:
            return
        text = self.editors[spec.name].value_text()
        if text == (getattr(record, spec.name) or ""):
            self.doc.clear_pending(self.collection, self._typing_key(), spec.name)
        else:
            self.doc.note_pending(PendingText(self.collection, self._typing_key(), spec.name, _(spec.label), text))

    def _commit(self, spec: FieldSpec) -> None:
        if spec.kind in ("text", "multiline"):
            self.doc.clear_pending(self.collection, self._typing_key(), spec.name)
        record = self.record()
        if record is None:
            return
        editor = self.editors[spec.name]
        try:
            value = self._read(spec, editor)
        except ParseError:
            hint = {"date": _("a date such as 31.12.2026"), "int": _("a whole number"),
                    "float": _("a number")}.get(spec.kind, "")
            self.doc.refused.emit(_("“{field}” needs {what}.").format(field=_(spec.label), what=hint))
            self.refresh()
            return
        if spec.kind == "links":
            self._commit_links(spec, record, value)
            return
        if value == getattr(record, spec.name):
            if spec.kind in ("text", "multiline", "date", "int", "float"):
                editor.blockSignals(True)
                self._show(spec, editor, value, self.doc.workshop)
                editor.blockSignals(False)
            return
        op: Operation = UpdateItem(self.collection, self.item_id if self.collection not in ("meta", "pilot") else None,
                                   {spec.name: value})
        if self.wrap is not None:
            op = self.wrap(record, spec.name, value, op)
        if not self.doc.push(op, _("Change {field}").format(field=_(spec.label))):
            self.refresh()

    def _commit_links(self, spec: FieldSpec, record: Any, ticked: list[str]) -> None:
        """One tick: the link it stands for is added or removed, as one command."""
        assert spec.link is not None
        doc = self.doc.workshop
        ops = spec.link.operations(doc, record, ticked)
        if not ops:
            return
        added = [op.item.target if spec.link.outgoing else op.item.source for op in ops if isinstance(op, AddItem)]
        if added and len(ops) == 1:
            text = _("Link: {a} {kind} {b}").format(a=element_label(doc, record.id, False), kind=_(spec.label),
                                                    b=element_label(doc, added[0], False))
        else:
            text = _("Change {field}").format(field=_(spec.label))
        if not self.doc.push(ops[0] if len(ops) == 1 else Batch(ops), text):
            self.refresh()

    def commit_all(self) -> None:
        """Commit whatever is typed but not yet committed (before save, phase switch, undo)."""
        for spec in self.specs:
            if spec.kind in ("text", "multiline", "date", "int", "float"):
                self._commit(spec)
