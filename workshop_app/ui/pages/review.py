"""The follow-up's review, "What moved?": actions, shared goals, agreements and channels, the pilot, then vs now.

A window of its own beside the seven phases (like the alignment check), not
an eighth ``Phase``: the phases are the file format's agenda rows and the
window's, navigator's, projector's and minutes' fixed order, and a review
exists only in a follow-up workshop. It opens by itself when a follow-up is
made or opened and from Phase ▸ What moved? (Ctrl+Shift+R); it is the first
thing a follow-up does, before Setup.

Every entry is written with one undoable :class:`~workshop_app.model.UpdateReview`
through the document, so it is in the undo stack and in the recovery copy
like any other edit. User text is shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import N_, _, current_language
from workshop_app.model import GoalLevel, Origin, UpdateReview, Workshop
from workshop_app.model.follow_up import REVIEW_ENTRIES, FollowUp, PilotReview
from workshop_app.ui.document import Document
from workshop_app.ui.pages.base import heading, hint
from workshop_app.ui.widgets.fields import ChoiceField, MultilineField, TextField
from workshop_app.ui.widgets.formats import ParseError, format_date, format_long_date, parse_date
from workshop_app.ui.widgets.labels import KIND_NAMES, participant_label
from workshop_app.ui.widgets.plain import PlainLabel, shown
from workshop_app.ui.widgets.undo_keys import add_undo_keys
from workshop_app.vocabulary import ACTION_OUTCOME_NAMES, PILOT_DECISION_NAMES, PILOT_VERDICT_NAMES

#: The choice of a review not given yet.
NOT_YET_REVIEWED = N_("— not reviewed —")
KEPT_NAMES = {1: N_("1 – not kept"), 2: N_("2 – rarely kept"), 3: N_("3 – partly kept"), 4: N_("4 – mostly kept"),
              5: N_("5 – fully kept")}


def _choices(names: dict) -> Callable[[], list[tuple[Any, str]]]:
    return lambda: [(None, _(NOT_YET_REVIEWED)), *((value, _(name)) for value, name in names.items())]


@dataclass(frozen=True)
class ReviewField:
    """One editor of a review entry: ``kind`` is choice, text, date or long (several lines)."""

    name: str
    label: str  # N_-marked
    kind: str
    choices: Callable[[], list[tuple[Any, str]]] | None = None


@dataclass
class Row:
    key: str
    cells: list[str]
    detail: str = ""  # what the form shows above its fields: the thing reviewed, in full


def _entries(follow_up: FollowUp, part: str) -> dict[str, Any]:
    parts: dict[str, dict[str, Any]] = {"actions": follow_up.actions, "goals": follow_up.goals,
                                        "kept": follow_up.kept}
    return parts[part]


def _name(value: Any, names: dict) -> str:
    return _(names[value]) if value in names else ""


class ReviewForm(QWidget):
    """The editors of one review entry; each finished edit is one ``UpdateReview``."""

    def __init__(self, doc: Document, part: str, fields: list[ReviewField], parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.part, self.fields = doc, part, fields
        self.key: str | None = None
        self.detail = PlainLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName(f"review_{part}_detail")
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for spec in fields:
            editor: QWidget
            if spec.kind == "choice":
                editor = ChoiceField()
                editor.set_choices(spec.choices() if spec.choices else [])
            elif spec.kind == "long":
                editor = MultilineField(lines=4)
            else:
                editor = TextField()
                if spec.kind == "date":
                    editor.setPlaceholderText(_("e.g. {example}").format(example=format_date(self._example_date())))
            editor.setObjectName(f"review_{part}_{spec.name}")
            editor.setAccessibleName(_(spec.label))
            editor.committed.connect(lambda s=spec: self._commit(s))  # type: ignore[attr-defined]
            self.editors[spec.name] = editor
            form.addRow(_(spec.label), editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail)
        layout.addLayout(form)
        layout.addStretch(1)

    @staticmethod
    def _example_date():
        from datetime import date

        return date(2026, 9, 30)

    def entry(self) -> Any:
        follow_up = self.doc.workshop.follow_up
        if follow_up is None:
            return None
        if self.part == "pilot":
            return follow_up.pilot
        return _entries(follow_up, self.part).get(self.key or "")

    def _blank(self) -> Any:
        return PilotReview() if self.part == "pilot" else REVIEW_ENTRIES[self.part]()

    def show_entry(self, key: str | None, detail: str = "") -> None:
        self.key = key
        self.detail.setText(detail)
        usable = self.part == "pilot" or key is not None
        entry = self.entry() or self._blank()
        for spec in self.fields:
            editor = self.editors[spec.name]
            editor.setEnabled(usable and not self.doc.read_only)
            value = getattr(entry, spec.name)
            if isinstance(editor, ChoiceField):
                if spec.choices is not None:
                    editor.set_choices(spec.choices())
                editor.set_value(value)
            elif isinstance(editor, TextField):  # the model's value, also after an undo while the field has focus
                editor.set_text_quietly(format_date(value) if spec.kind == "date" else (value or ""))
            elif isinstance(editor, MultilineField):
                editor.set_text_quietly(value or "")

    def _read(self, spec: ReviewField) -> Any:
        editor = self.editors[spec.name]
        if isinstance(editor, ChoiceField):
            return editor.value()
        if isinstance(editor, MultilineField):
            return editor.value_text()
        text = editor.value_text() if isinstance(editor, TextField) else ""
        return parse_date(text) if spec.kind == "date" else text.strip()

    def _commit(self, spec: ReviewField) -> None:
        if self.part != "pilot" and self.key is None:
            return
        try:
            value = self._read(spec)
        except ParseError:
            self.doc.refused.emit(_("The change was not made: {reason}").format(
                reason=_("write a date as {example}").format(example=format_date(self._example_date()))))
            self.show_entry(self.key, self.detail.text())
            return
        entry = self.entry() or self._blank()
        if getattr(entry, spec.name) == value:
            return
        self.doc.push(UpdateReview(self.part, self.key, {spec.name: value}),
                      _("Review: {field}").format(field=_(spec.label)))

    def commit_all(self) -> None:
        for spec in self.fields:
            if spec.kind in ("text", "date", "long") and self.editors[spec.name].hasFocus():
                self._commit(spec)


class KeyedReview(QWidget):
    """A list of what is reviewed (left) and the review of the selected one (right)."""

    def __init__(self, doc: Document, part: str, columns: list[str], rows: Callable[[Workshop], list[Row]],
                 fields: list[ReviewField], intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.part, self.rows_of = doc, part, rows
        self.rows: list[Row] = []
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(f"review_{part}")
        self.table.setHorizontalHeaderLabels([_(c) for c in columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # what is reviewed gets the room
        for column in range(1, len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 6)
        self.table.itemSelectionChanged.connect(self._selected)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())  # wrapped text keeps its lines
        self.form = ReviewForm(doc, part, fields)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(hint(intro))
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)

    def current_key(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row].key if 0 <= row < len(self.rows) else None

    def select_key(self, key: str) -> None:
        for index, row in enumerate(self.rows):
            if row.key == key:
                self.table.selectRow(index)
                return

    def refresh(self) -> None:
        keep = self.current_key()
        self.rows = self.rows_of(self.doc.workshop)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row.cells):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(r, c, item)
                if item.text() != shown(text):
                    item.setText(shown(text))
        keys = [row.key for row in self.rows]
        self.table.blockSignals(False)
        if keep in keys:
            self.table.blockSignals(True)
            self.table.selectRow(keys.index(keep))
            self.table.blockSignals(False)
        elif self.rows:
            self.table.selectRow(0)
        cap = self.fontMetrics().averageCharWidth() * 20  # the rest fit their contents up to this; the first takes the room
        for column in range(1, self.table.columnCount()):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), cap))
        self.table.resizeRowsToContents()
        self._selected()

    def _selected(self) -> None:
        key = self.current_key()
        detail = next((row.detail for row in self.rows if row.key == key), "")
        self.form.show_entry(key, detail)

    def reviewed(self) -> tuple[int, int]:
        """(entries with a review, entries) for the tab's title."""
        follow_up = self.doc.workshop.follow_up
        if follow_up is None:
            return 0, 0
        entries = _entries(follow_up, self.part)
        first = self.form.fields[0].name
        done = sum(1 for row in self.rows if row.key in entries and getattr(entries[row.key], first) not in (None, ""))
        return done, len(self.rows)


# -- what is reviewed -------------------------------------------------------------------------------------


def action_rows(doc: Workshop) -> list[Row]:
    reviews = doc.follow_up.actions if doc.follow_up else {}
    rows = []
    for action in doc.actions:
        review = reviews.get(action.id)
        outcome = _name(review.outcome, ACTION_OUTCOME_NAMES) if review else ""
        new_date = format_date(review.new_date) if review and review.new_date else ""
        person = doc.participant(action.owner) if action.owner else None
        owner = (person.name or person.id) if person else ""
        due = format_date(action.due_date)
        rows.append(Row(action.id, [action.what, owner, due, outcome or "–", new_date],
                        _("{what}\nOwner: {owner} · due {due}").format(
                            what=action.what, owner=participant_label(doc, action.owner) or "–", due=due or "–")))
    return rows


def shared_goals(doc: Workshop) -> list:
    return [e for e in doc.elements if e.kind == "goal" and e.level == GoalLevel.SHARED]


def goal_rows(doc: Workshop) -> list[Row]:
    reviews = doc.follow_up.goals if doc.follow_up else {}
    rows = []
    for goal in shared_goals(doc):
        review = reviews.get(goal.id)
        unit = f" {goal.unit}" if goal.unit else ""
        rows.append(Row(goal.id, [goal.title or goal.id, goal.baseline + unit if goal.baseline else "–",
                                  goal.target + unit if goal.target else "–",
                                  (review.reached + unit) if review and review.reached else "–"],
                        _("{title}\nMetric: {metric} · baseline {baseline} → target {target}").format(
                            title=goal.title or goal.id, metric=goal.metric or "–", baseline=goal.baseline or "–",
                            target=goal.target or "–") + unit))
    return rows


def kept_items(doc: Workshop) -> list:
    """The agreements and the agreed channels: what the sides promised each other."""
    return [e for e in doc.elements
            if e.kind == "agreement" or (e.kind == "channel" and e.origin == Origin.AGREED)]


def kept_rows(doc: Workshop) -> list[Row]:
    reviews = doc.follow_up.kept if doc.follow_up else {}
    rows = []
    for element in kept_items(doc):
        review = reviews.get(element.id)
        kept = str(review.kept) if review and review.kept is not None else "–"
        what = element.commitment if element.kind == "agreement" else element.purpose
        rows.append(Row(element.id, [element.title or element.id, _(KIND_NAMES[element.kind]), kept],
                        f"{element.title or element.id}\n{what}".strip()))
    return rows


ACTION_FIELDS = [ReviewField("outcome", N_("Outcome"), "choice", _choices(ACTION_OUTCOME_NAMES)),
                 ReviewField("new_date", N_("New date"), "date"), ReviewField("note", N_("Note"), "long")]
GOAL_FIELDS = [ReviewField("reached", N_("Value reached"), "text"), ReviewField("note", N_("Note"), "long")]
KEPT_FIELDS = [ReviewField("kept", N_("Kept?"), "choice", _choices(KEPT_NAMES)), ReviewField("why", N_("Why"), "long")]
PILOT_FIELDS = [ReviewField("actual", N_("Actual value"), "text"),
                ReviewField("verdict", N_("Hypothesis"), "choice", _choices(PILOT_VERDICT_NAMES)),
                ReviewField("decision", N_("Decision"), "choice", _choices(PILOT_DECISION_NAMES)),
                ReviewField("note", N_("Note"), "long")]


class PilotTab(QWidget):
    """The pilot's hypothesis and figures, and its result against them."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.facts = PlainLabel()
        self.facts.setObjectName("review_pilot_facts")
        self.facts.setWordWrap(True)
        self.form = ReviewForm(doc, "pilot", PILOT_FIELDS)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.form, 1)

    def refresh(self) -> None:
        pilot = self.doc.workshop.pilot
        self.facts.setText(_("{title}\nHypothesis: {hypothesis}\nMetric: {metric} · baseline {baseline} → target "
                             "{target} · review date {date}").format(
            title=pilot.title or _("Pilot"), hypothesis=pilot.hypothesis or "–", metric=pilot.metric or "–",
            baseline=pilot.baseline or "–", target=pilot.target or "–", date=format_date(pilot.review_date) or "–"))
        self.form.show_entry(None)


class ThenNowView(QTextBrowser):
    """The earlier workshop's conflicts and alignment beside today's (read-only)."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("review_then_now")
        self.setOpenLinks(False)

    def refresh(self) -> None:
        from workshop_app.ui.pages.review_then_now import then_now_html

        lang = current_language()
        self.setHtml(then_now_html(self.doc.workshop, self.doc.conflict_views(lang), lang))


class ReviewPage(QWidget):
    """The whole review: a line naming the earlier workshop, then one tab per part."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("review_page")
        self.title = heading(_("What moved?"), "h1")
        self.earlier = PlainLabel()
        self.earlier.setObjectName("review_earlier")
        self.earlier.setWordWrap(True)
        self.earlier.setProperty("role", "hint")
        self.actions = KeyedReview(doc, "actions", [N_("Action"), N_("Owner"), N_("Due"), N_("Outcome"),
                                                    N_("New date")], action_rows, ACTION_FIELDS,
                                   _("For each action: done, in progress, blocked or dropped, a note, and the date "
                                     "it is due now."))
        self.goals = KeyedReview(doc, "goals", [N_("Shared goal"), N_("Baseline"), N_("Target"), N_("Reached")],
                                 goal_rows, GOAL_FIELDS,
                                 _("For each shared goal: the value reached, against its baseline and target."))
        self.kept = KeyedReview(doc, "kept", [N_("Agreement or channel"), N_("Kind"), N_("Kept")], kept_rows,
                                KEPT_FIELDS, _("For each agreement and agreed channel: was it kept (1–5), and why?"))
        self.pilot = PilotTab(doc)
        self.then_now = ThenNowView(doc)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("review_tabs")
        for widget in (self.actions, self.goals, self.kept, self.pilot, self.then_now):
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.earlier)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        follow_up = self.doc.workshop.follow_up
        self.tabs.setEnabled(follow_up is not None)
        if follow_up is None:
            self.earlier.setText(_("This workshop follows no earlier one. File ▸ New follow-up workshop… starts one "
                                   "from an earlier workshop file."))
            return
        earlier = follow_up.earlier
        text = _("Follow-up of “{title}” of {date}").format(title=earlier.title or _("Untitled workshop"),
                                                             date=format_long_date(earlier.date) or "–")
        if earlier.file_name:
            text += " · " + _("file {name}").format(name=earlier.file_name)
        if earlier.sha256:
            text += " · SHA-256 " + earlier.sha256[:12] + "…"
        self.earlier.setText(text)
        self.earlier.setToolTip(earlier.sha256)
        current = self.tabs.currentWidget()
        for widget in (self.actions, self.goals, self.kept):
            if widget is current:
                widget.refresh()
            else:
                widget.rows = widget.rows_of(self.doc.workshop)
        if current is self.pilot:
            self.pilot.refresh()
        elif current is self.then_now:
            self.then_now.refresh()
        names = [(self.actions, N_("Actions")), (self.goals, N_("Shared goals")),
                 (self.kept, N_("Agreements & channels"))]
        for widget, name in names:
            done, total = widget.reviewed()
            self.tabs.setTabText(self.tabs.indexOf(widget), _("{name} ({done}/{total})").format(
                name=_(name), done=done, total=total).replace("&", "&&"))  # a tab's "&" marks a mnemonic
        verdict = follow_up.pilot.verdict
        self.tabs.setTabText(self.tabs.indexOf(self.pilot), _("Pilot") + (" ✓" if verdict is not None else ""))
        self.tabs.setTabText(self.tabs.indexOf(self.then_now), _("Then vs now"))

    def commit_pending(self) -> None:
        for form in (self.actions.form, self.goals.form, self.kept.form, self.pilot.form):
            form.commit_all()


class ReviewWindow(QDialog):
    """Non-modal, beside the main window: the room reviews here while the phases stay at hand."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("review_window")
        self.setWindowTitle(_("What moved? – review of the follow-up"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setModal(False)
        self.page = ReviewPage(doc)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        add_undo_keys(self, doc, commit=self.page.commit_pending)
        doc.changed.connect(lambda _op: self._refresh_if_shown())
        doc.replaced.connect(self._refresh_if_shown)
        self._fit()

    def _fit(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1240, 700
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.page.refresh()

    def showEvent(self, event) -> None:  # Qt override
        self.page.refresh()
        super().showEvent(event)

