"""Dot voting: how many dots each participant has, who put how many on which conflict, typed in live.

Why: the room prioritises conflicts by dot vote (DESIGN §2). Some rooms
vote with stickers and the facilitator types the count per conflict (the
``tally``); others want to see who voted how (``Conflict.votes``,
participant → dots). Both add up to the conflict's votes, which order the
conflicts list in the editor, on the wall and in the minutes.

Every typed number is one undoable command; a detected conflict gets its
record in the same command (``record_operation``). A participant cannot
place more dots than the workshop allows (``Meta.dots_per_participant``;
0 means no limit); the refusal says so, and nothing changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _, current_language, ngettext
from workshop_app.model import Batch, Operation, UpdateItem, Workshop
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.message_bar import MessageBar
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip, shown
from workshop_app.ui.widgets.theme import SIDE_TEXT

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView
    from workshop_app.model import Participant

Index = QModelIndex | QPersistentModelIndex
FIXED_COLUMNS = 3  # conflict, total, typed in
MAX_DOTS = 99


def dots_limit(doc: Workshop) -> int:
    """Dots each participant may place; 0 = no limit."""
    return doc.meta.dots_per_participant


def dots_used(doc: Workshop, participant_id: str) -> int:
    return sum(c.votes.get(participant_id, 0) for c in doc.conflicts)


def room_dots_left(doc: Workshop) -> int | None:
    """Dots the room may still place (allowance × participants − placed); None when there is no limit.

    Dots typed in for the room (the tally) have no name on them, so only the
    room's total can hold them to the allowance.
    """
    limit = dots_limit(doc)
    if not limit or not doc.participants:
        return None
    placed = sum(c.tally + sum(c.votes.values()) for c in doc.conflicts)
    return limit * len(doc.participants) - placed


def caution_if_overfull(doc: Document) -> None:
    """Say so when the room has placed more dots than it has; the count is kept (guests vote too).

    Dots typed in for the room carry no names, so Tandem cannot know whether
    the count is wrong or someone not on the list voted: it warns, not refuses.
    """
    left = room_dots_left(doc.workshop)
    if left is not None and left < 0:
        limit, people = dots_limit(doc.workshop), len(doc.workshop.participants)
        doc.cautioned.emit(_("{placed} dots placed, more than the room has: {people} participants × {dots} dots = "
                             "{possible}. Check the count, or raise the dots per participant.").format(
            placed=limit * people - left, people=people, dots=limit, possible=limit * people))


def vote_operation(doc: Workshop, view: ConflictView, participant_id: str | None, dots: int, lang: str) -> Operation:
    """Set one participant's dots (or the typed-in tally when ``participant_id`` is None) on a conflict."""
    record = view.record
    if participant_id is None:
        change = UpdateItem("conflicts", view.id, {"tally": dots})
    else:
        votes = dict(record.votes) if record is not None else {}
        if dots:
            votes[participant_id] = dots
        else:
            votes.pop(participant_id, None)
        change = UpdateItem("conflicts", view.id, {"votes": votes})
    if record is not None:
        return change
    from workshop_app.analysis import record_operation

    return Batch([record_operation(doc, [view.id], lang), change], label=change.label)


class VotesModel(QAbstractTableModel):
    """Rows: conflicts (in a stable order while the dialog is open); columns: total, typed in, one per participant."""

    def __init__(self, doc: Document):
        super().__init__()
        self.doc = doc
        self.views: list[ConflictView] = []
        self.order: list[str] = []
        self.people: list[Participant] = []

    def refresh(self) -> bool:
        """Re-read the conflicts; True when rows or columns came or went (a reset)."""
        from workshop_app.analysis.visibility import votable

        views = [v for v in self.doc.conflict_views(current_language()) if votable(v)]
        by_id = {v.id: v for v in views}
        order = [i for i in self.order if i in by_id] + [v.id for v in views if v.id not in self.order]
        people = self.doc.workshop.participants
        if order != self.order or self.columnCount() != FIXED_COLUMNS + len(people):
            self.beginResetModel()
            self.order, self.views, self.people = order, [by_id[i] for i in order], list(people)
            self.endResetModel()
            return True
        else:
            self.views, self.people = [by_id[i] for i in order], list(people)
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            return False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.people)

    def participant_at(self, column: int):
        return self.people[column - FIXED_COLUMNS] if column >= FIXED_COLUMNS else None

    def value(self, row: int, column: int) -> int:
        view = self.views[row]
        record = view.record
        if column == 1:
            return view.votes
        if column == 2:
            return record.tally if record else 0
        person = self.participant_at(column)
        return record.votes.get(person.id, 0) if record and person else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.views):
            return None
        row, column = index.row(), index.column()
        if column == 0:
            view = self.views[row]
            if role == Qt.ItemDataRole.DisplayRole:  # a finding not yet taken up says so: dots may decide it
                return shown(view.title) if view.taken_up else "◇ " + shown(view.title)
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(view.title if view.taken_up else _("New finding: {title}").format(title=view.title))
            return None
        value = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value) if value or column == 1 else ""
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= 2 and not self.doc.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        person = self.participant_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if person is None:
                return [_("Conflict"), _("Dots"), _("Typed in")][section]
            name = shown(person.name) or _("(no name)")
            first, _space, last = name.rpartition(" ")  # two short lines keep the columns narrow
            return f"{first}\n{last}\n{self.left_text(person.id)}" if first else f"{name}\n{self.left_text(person.id)}"
        if role == Qt.ItemDataRole.ForegroundRole and person is not None:
            return QColor(SIDE_TEXT[person.side])
        if role == Qt.ItemDataRole.ToolTipRole:
            if person is None:
                return plain_tooltip([None, _("All dots on this conflict"), _("Dots counted in the room, without names")][section])
            return plain_tooltip(person.role) or None
        return None

    def left_text(self, participant_id: str) -> str:
        doc = self.doc.workshop
        limit, used = dots_limit(doc), dots_used(doc, participant_id)
        if not limit:
            return ngettext("{n} dot", "{n} dots", used).format(n=used)
        if used > limit:
            return _("{n} too many").format(n=used - limit)
        return _("{n} left").format(n=limit - used)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() < 2:
            return False
        try:
            dots = int(value)
        except (TypeError, ValueError):
            return False
        return set_dots(self.doc, self.views[index.row()], self.participant_at(index.column()), dots)


def set_dots(doc: Document, view: ConflictView, person: Participant | None, dots: int) -> bool:
    """Push one vote edit; refuse negative counts and dots beyond a participant's allowance."""
    workshop = doc.workshop
    current = (view.record.tally if view.record else 0) if person is None else \
        (view.record.votes.get(person.id, 0) if view.record else 0)
    if dots == current:
        return False
    if dots < 0:
        doc.refused.emit(_("A number of dots cannot be negative."))
        return False
    if person is not None:
        limit = dots_limit(workshop)
        used = dots_used(workshop, person.id) - current + dots
        if limit and used > limit:
            doc.refused.emit(_("{name} has {limit} dots and has placed {used} already.")
                             .format(name=person.name or _("(no name)"), limit=limit, used=used - dots))
            return False
        text = _("{name}: {n} dots for “{title}”").format(name=person.name or _("(no name)"), n=dots, title=view.title)
    else:
        text = _("{n} dots typed in for “{title}”").format(n=dots, title=view.title)
    done = doc.push(vote_operation(workshop, view, person.id if person else None, dots, current_language()), text)
    if done and person is None and dots > current:
        caution_if_overfull(doc)
    return done


class VotingDialog(QDialog):
    """Dots per participant, the vote grid, and whether the wall shows the results chart."""

    def __init__(self, doc: Document, results_action: QAction | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("voting_dialog")
        self.setWindowTitle(_("Dot voting"))
        self.setModal(False)
        self.dots = QSpinBox()
        self.dots.setObjectName("dots_per_participant")
        self.dots.setRange(0, MAX_DOTS)
        self.dots.setSpecialValueText(_("no limit"))
        self.dots.setAccessibleName(_("Dots per participant"))
        self.dots.valueChanged.connect(self._dots_changed)
        dots_label = PlainLabel(_("&Dots per participant:"))
        dots_label.setBuddy(self.dots)
        self.results = QCheckBox(_("Show the &results on the projector"))
        self.results.setObjectName("show_results")
        self.results_action = results_action
        if results_action is not None:
            self.results.setChecked(results_action.isChecked())
            self.results.toggled.connect(lambda on: on != results_action.isChecked() and results_action.trigger())
            results_action.toggled.connect(self.results.setChecked)
        else:
            self.results.hide()
        top = QHBoxLayout()
        top.addWidget(dots_label)
        top.addWidget(self.dots)
        top.addStretch(1)
        top.addWidget(self.results)

        self.model = VotesModel(doc)
        self.table = QTableView()
        self.table.setObjectName("votes_table")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.hint = PlainLabel(_("Type the dots each person placed, or the dots counted in the room under “Typed in”. "
                             "The conflicts are ordered by their dots everywhere else."))
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.summary = PlainLabel()
        self.summary.setObjectName("votes_summary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.message_bar = MessageBar(self)  # a refused count is said here, where the typing is
        for said in (doc.refused, doc.cautioned):
            said.connect(lambda text: self.message_bar.show_refusal(text) if self.isVisible() else None)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self._sized = False
        doc.changed.connect(lambda _op: self.refresh(only_if_shown=True))
        doc.replaced.connect(lambda: self.refresh(only_if_shown=True))
        self.resize(1100, 560)
        self.refresh()

    def _dots_changed(self, value: int) -> None:
        if value != dots_limit(self.doc.workshop):
            self.doc.push(UpdateItem("meta", None, {"dots_per_participant": value}),
                          _("Dots per participant: {n}").format(n=value), merge_key="dots-per-participant")

    def refresh(self, only_if_shown: bool = False) -> None:
        """Show the votes as they are; a closed dialog skips the work (it refreshes when opened)."""
        if only_if_shown and not self.isVisible():
            return
        workshop = self.doc.workshop
        self.dots.blockSignals(True)
        self.dots.setValue(dots_limit(workshop))
        self.dots.blockSignals(False)
        self.dots.setEnabled(not self.doc.read_only)
        if self.model.refresh() or not self._sized:
            self._sized = True
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(0, self.fontMetrics().averageCharWidth() * 34)  # the conflict stays readable
            for column in range(1, self.model.columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        placed = sum(v.votes for v in self.model.views)
        possible = dots_limit(workshop) * len(workshop.participants)
        self.summary.setText(_("{placed} of {possible} dots placed").format(placed=placed, possible=possible) if possible
                             else ngettext("{n} dot placed", "{n} dots placed", placed).format(n=placed))
