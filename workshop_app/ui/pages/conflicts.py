"""Phase 4 – Conflicts: the room's conflicts, the new findings to triage, and the live dependency graph.

The list comes from the analysis (``conflict_views``: findings merged with the
document's ``Conflict`` records) and shows one of three groups
(:mod:`~workshop_app.ui.pages.conflict_triage`): the room's conflicts
(declared, or findings it took up), the new findings, and — out of the way —
the findings set aside with their reason. Several rows can be selected and
triaged at once, one undoable step. A detected conflict gets its record only
when the room first votes on it, triages or edits it: the record is made in
the same undoable command (``record_operation`` folded into a ``Batch``), so
nothing changes behind the undo stack. Declaring a conflict adds the
``conflicts_with`` link and its record as one step. The thresholds of the
rules sit in a small collapsible panel (:mod:`analysis_settings`). The graph
(matplotlib, imported only when this page is first shown) highlights the
selected conflict; clicking a node selects a conflict that involves it;
dragging a node is one undoable position change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import N_, _, current_language
from workshop_app.model import (
    ActionItem,
    AddItem,
    Batch,
    Conflict,
    Decision,
    Operation,
    Phase,
    Position,
    RemoveItem,
    UpdateItem,
    Workshop,
    new_id,
)
from workshop_app.ui.document import Document
from workshop_app.ui.features import graph_available
from workshop_app.ui.pages import conflict_triage as triage
from workshop_app.ui.pages.analysis_settings import AnalysisSettingsPanel
from workshop_app.ui.pages.base import PhasePage, heading, hint, panel
from workshop_app.ui.pages.conflict_triage import GROUP_HINTS, GROUP_NAMES, Group, group_of
from workshop_app.ui.widgets.fields import ChoiceField, FieldSpec, RecordForm, TextField
from workshop_app.ui.widgets.labels import (
    CONFLICT_STATUS_COLOURS,
    CONFLICT_STATUS_NAMES,
    describe_element,
    element_label,
    rule_name,
)
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip
from workshop_app.ui.widgets.record_table import Column, RecordTable
from workshop_app.vocabulary import TRIAGE_NAMES

STATUS_COLOURS = CONFLICT_STATUS_COLOURS

#: The graph redraws this long after the last edit, so quick votes and typing coalesce into one redraw.
GRAPH_DELAY_MS = 80

def _decisions(doc: Workshop) -> list[tuple[str, str]]:
    return [(d.id, d.text or _("(no text)")) for d in doc.decisions]


def _actions(doc: Workshop) -> list[tuple[str, str]]:
    return [(a.id, a.what or _("(no text)")) for a in doc.actions]


DECLARED_FIELDS = [
    FieldSpec("title", N_("Conflict")),
    FieldSpec("explanation", N_("Why it conflicts"), "multiline", extra={"lines": 2}),
]
COMMON_FIELDS = [
    FieldSpec("status", N_("Status"), "enum", choices=CONFLICT_STATUS_NAMES),
    FieldSpec("resolution", N_("Resolution"), "multiline", placeholder=N_("Removed, balanced or accepted – and who decides"),
              extra={"lines": 3}),
    FieldSpec("decision_ids", N_("Decisions"), "ids", entries=_decisions, placeholder=N_("No decisions yet"),
              extra={"rows": 3}),
    FieldSpec("action_ids", N_("Actions"), "ids", entries=_actions, placeholder=N_("No actions yet"), extra={"rows": 3}),
]


ASIDE_FIELDS = [
    FieldSpec("set_aside_reason", N_("Why set aside"), "multiline", placeholder=N_("Not relevant here because…"),
              extra={"lines": 2}),
]


def _status_text(_doc: Workshop, view) -> str:
    """The room's conflicts have a status; a finding is new or set aside until the room takes it up."""
    if view.taken_up:
        return _(CONFLICT_STATUS_NAMES[view.status])
    return _(TRIAGE_NAMES[view.triage])


def _title_text(_doc: Workshop, view) -> str:
    if view.set_aside and view.set_aside_reason.strip():
        return f"{view.title} — {view.set_aside_reason.strip()}"
    return view.title


class ConflictsPage(PhasePage):
    """List (one group at a time), triage, declare row and details on the left; the dependency graph on the right."""

    phase = Phase.CONFLICTS

    def followed_list(self) -> QWidget | None:
        return self.table

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self.views: list = []
        self._by_id: dict[str, object] = {}
        self._hidden_elements: set[str] = set()
        self.group: Group | None = None  # chosen when the page is first filled
        self._showing_groups = False
        self.table = RecordTable(
            doc, "conflicts",
            [Column("votes", N_("Dots"), "label", display=lambda _d, v: str(v.votes) if v.votes else ""),
             Column("title", N_("Conflict"), "label", display=_title_text, stretch=True),
             Column("status", N_("Status"), "enum", choices=CONFLICT_STATUS_NAMES, display=_status_text,
                    colour=lambda v: STATUS_COLOURS.get(v.status) if v.taken_up else None,
                    field_for=lambda v: "status" if v.taken_up else None),
             Column("rule", N_("Kind"), "label", display=lambda _d, v: rule_name(v.rule), secondary=True)],
            rows=lambda _w: self.rows(), title=_("Conflicts"), reorderable=False,
            update_op=self._update_op,
            remove_op=self._remove_op,
        )
        self.table.setObjectName("conflict_table")
        self.table.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.model.hidden_of = self._hidden_from_audience  # greyed with an eye-slash mark
        self.table.current_changed.connect(lambda _id: self._on_current())
        self.table.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_triage_bar())
        self.table.view.setMinimumHeight(120)
        self._build_groups()
        self._build_triage()

        self.side_a = ChoiceField(self)
        self.side_a.setObjectName("declare_a")
        self.side_a.setPlaceholderText(_("First entry…"))
        self.side_b = ChoiceField(self)
        self.side_b.setObjectName("declare_b")
        self.side_b.setPlaceholderText(_("Second entry…"))
        self.reason = TextField(self)
        self.reason.setObjectName("declare_reason")
        self.reason.setPlaceholderText(_("Why do these two pull against each other?"))
        self.reason.returnPressed.connect(self.declare)
        self.declare_button = QPushButton(_("Declare conflict"))
        self.declare_button.setObjectName("declare_button")
        self.declare_button.clicked.connect(self.declare)
        pair = QHBoxLayout()
        pair.setSpacing(6)
        pair.addWidget(self.side_a, 1)
        pair.addWidget(PlainLabel("⟷"))
        pair.addWidget(self.side_b, 1)
        reason_row = QHBoxLayout()
        reason_row.setSpacing(6)
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.declare_button)
        self.declare_box = QWidget()
        declare_layout = QVBoxLayout(self.declare_box)
        declare_layout.setContentsMargins(0, 0, 0, 0)
        declare_layout.addWidget(hint(_("Declare a conflict between two entries:")))
        declare_layout.addLayout(pair)
        declare_layout.addLayout(reason_row)
        self.declare_box.hide()
        self.declare_toggle = QPushButton(_("+ Declare…"))
        self.declare_toggle.setObjectName("declare_toggle")
        self.declare_toggle.setCheckable(True)
        self.declare_toggle.setToolTip(plain_tooltip(_("Declare a conflict between two entries")))
        self.declare_toggle.toggled.connect(self._show_declare)
        self.triage_bar.layout().insertWidget(0, self.declare_toggle)
        self.settings = AnalysisSettingsPanel(doc)
        self.settings.hide()
        self.settings_toggle = QToolButton(self)
        self.settings_toggle.setText("⚙")
        self.settings_toggle.setObjectName("settings_toggle")
        self.settings_toggle.setCheckable(True)
        self.settings_toggle.setAutoRaise(True)
        self.settings_toggle.setToolTip(plain_tooltip(
            _("Analysis settings: the thresholds the rules judge this workshop by")))
        self.settings_toggle.setAccessibleName(_("Analysis settings"))
        self.settings_toggle.toggled.connect(self.settings.setVisible)
        self.triage_bar.layout().addWidget(self.settings_toggle)  # at the right end, out of the way
        list_panel = panel(self.settings, self.table, self.triage_bar, self.declare_box)

        self.details_panel = self._build_details()
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(list_panel)
        self.left.addWidget(self.details_panel)
        self.left.setChildrenCollapsible(False)
        # triage needs more than three rows of the list in view (the details scroll); the third part is
        # the what-if comparison, shown in the details' place while a scenario is open
        self.share(self.left, 0.58, 0.42, 0.42)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        from workshop_app.ui.whatif.page import attach

        self.what_if = attach(self)  # what-if: start and choose under the list, today | if we did this beside the details

        self.graph = None
        self._graph_timer = QTimer(self)
        self._graph_timer.setSingleShot(True)
        self._graph_timer.setInterval(GRAPH_DELAY_MS)
        self._graph_timer.timeout.connect(self._refresh_graph)
        if not graph_available():  # list and details side by side instead
            self.splitter.addWidget(self.left.widget(1))
        for keys, step in (("Ctrl+Up", +1), ("Ctrl+Down", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.vote(s))

    def _build_groups(self) -> None:
        """One tab per group above the list, with its count (from ``count_conflicts``).

        A tab bar, not buttons: on a narrow laptop it elides and scrolls instead of widening the page.
        """
        from workshop_app.ui.pages.conflict_groups import GroupTabs  # sized for the semibold selected tab

        self.groups = GroupTabs(self)
        self.groups.setObjectName("conflict_groups")
        self.groups.setDrawBase(False)
        self.groups.setExpanding(False)
        self.groups.setElideMode(Qt.TextElideMode.ElideRight)
        self.groups.setUsesScrollButtons(True)
        self.groups.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.groups.setStyleSheet("QTabBar::tab { padding: 5px 7px; }")  # three tabs with counts in a narrow list
        for group in Group:
            index = self.groups.addTab(_(GROUP_NAMES[group]))
            self.groups.setTabData(index, str(group))
            self.groups.setTabToolTip(index, plain_tooltip(_(GROUP_HINTS[group])))
        self.groups.currentChanged.connect(self._group_tab_changed)
        self.groups.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.table.title_label.hide()  # the groups take the place of the list's title
        self.table.head.insertWidget(0, self.groups, 1)

    def _group_tab_changed(self, index: int) -> None:
        if index >= 0 and not self._showing_groups:
            self.show_group(Group(self.groups.tabData(index)))

    def _build_triage(self) -> None:
        """Under the list: take up, set aside (with an optional reason), back to the findings — for every
        selected row; declaring a conflict and the thresholds beside them."""
        self.triage_bar = QWidget()
        row = QHBoxLayout(self.triage_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.take_up_button = QPushButton(_("Take up"))
        self.take_up_button.setObjectName("take_up")
        self.take_up_button.setToolTip(plain_tooltip(
            _("The room discusses the selected findings: they become its conflicts, with a status")))
        self.take_up_button.clicked.connect(self.take_up)
        self.aside_reason = TextField(self)
        self.aside_reason.setObjectName("aside_reason")
        self.aside_reason.setPlaceholderText(_("Why not relevant here (optional)"))
        self.aside_reason.setClearButtonEnabled(True)
        self.aside_reason.returnPressed.connect(self.set_aside)
        self.set_aside_button = QPushButton(_("Not relevant"))
        self.set_aside_button.setObjectName("set_aside")
        self.set_aside_button.setToolTip(plain_tooltip(
            _("Set aside as not relevant here: counted apart and listed with the reason in the minutes' appendix")))
        self.set_aside_button.clicked.connect(self.set_aside)
        self.back_button = QPushButton(_("Back to the findings"))
        self.back_button.setObjectName("back_to_findings")
        self.back_button.setToolTip(plain_tooltip(_("Offer the selected findings to the room again")))
        self.back_button.clicked.connect(self.back_to_findings)
        row.addWidget(self.take_up_button)
        row.addWidget(self.aside_reason, 1)
        row.addWidget(self.set_aside_button)
        row.addWidget(self.back_button)
        row.addStretch(0)  # the buttons keep their size where no reason field takes the room
        # hidden until _update_triage_bar shows the current group's: laid out all at once before the page is
        # first shown, they would make its minimum width (and so the window) wider than a laptop's screen
        for widget in (self.take_up_button, self.aside_reason, self.set_aside_button, self.back_button):
            widget.hide()

    def _build_details(self) -> QWidget:
        self.details_title = heading(_("Details"))
        self.details_title.setWordWrap(True)  # a rule's long name must not widen the page past a laptop's screen
        self.elements_label = PlainLabel()
        self.elements_label.setWordWrap(True)
        self.elements_label.setProperty("role", "h3")
        self.explanation_label = PlainLabel()
        self.explanation_label.setWordWrap(True)
        self.lever_label = hint("")
        self.vanished_label = hint("")
        self.vanished_label.setObjectName("vanished_label")
        self.reopen_button = QPushButton(_("Reopen"))
        self.reopen_button.setObjectName("reopen")
        self.reopen_button.setToolTip(plain_tooltip(
            _("It went away after a change, but the room says it is still a problem: open it again")))
        self.reopen_button.clicked.connect(self.reopen)
        vanished_row = QHBoxLayout()
        vanished_row.addWidget(self.vanished_label, 1)
        vanished_row.addWidget(self.reopen_button)
        self.declared_form = RecordForm(self.doc, "conflicts", DECLARED_FIELDS, lookup=self._record_for,
                                        wrap=self._wrap_edit)
        self.form = RecordForm(self.doc, "conflicts", COMMON_FIELDS, lookup=self._record_for, wrap=self._wrap_edit)
        self.aside_form = RecordForm(self.doc, "conflicts", ASIDE_FIELDS, lookup=self._record_for, wrap=self._wrap_edit)
        for form in (self.declared_form, self.form, self.aside_form):  # one label column for the forms
            for label in form.labels.values():
                label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.votes_label = PlainLabel("0")
        self.votes_label.setProperty("role", "big")
        self.votes_label.setObjectName("votes_label")
        self.vote_minus = QPushButton("−1")
        self.vote_minus.setObjectName("vote_minus")
        self.vote_minus.setToolTip(plain_tooltip(_("One dot less (Ctrl+Down)")))
        self.vote_plus = QPushButton("+1")
        self.vote_plus.setObjectName("vote_plus")
        self.vote_plus.setToolTip(plain_tooltip(_("One dot more (Ctrl+Up)")))
        self.vote_minus.clicked.connect(lambda: self.vote(-1))
        self.vote_plus.clicked.connect(lambda: self.vote(+1))
        self.votes_box = QWidget()
        votes_row = QHBoxLayout(self.votes_box)
        votes_row.setContentsMargins(0, 0, 0, 0)
        votes_row.addWidget(PlainLabel(_("Dot votes:")))
        votes_row.addWidget(self.votes_label)
        votes_row.addStretch(1)
        votes_row.addWidget(self.vote_minus)
        votes_row.addWidget(self.vote_plus)
        self.voting_button = QPushButton(_("Dot voting…"))
        self.voting_button.setObjectName("voting_button")
        self.voting_button.setToolTip(plain_tooltip(
            _("Dots per participant, votes per person, results on the projector (Ctrl+Shift+D)")))
        self.voting_button.clicked.connect(self._open_voting)
        votes_row.addWidget(self.voting_button)
        self.new_decision = QPushButton(_("Decision from resolution"))
        self.new_decision.setObjectName("new_decision")
        self.new_decision.clicked.connect(self.add_decision)
        self.new_action = QPushButton(_("New action"))
        self.new_action.setObjectName("new_action")
        self.new_action.clicked.connect(self.add_action)
        self.follow_box = QWidget()
        follow_row = QHBoxLayout(self.follow_box)
        follow_row.setContentsMargins(0, 0, 0, 0)
        follow_row.addStretch(1)
        follow_row.addWidget(self.new_decision)
        follow_row.addWidget(self.new_action)
        content = QWidget()
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 6, 0)
        box.addWidget(self.elements_label)
        box.addWidget(self.votes_box)  # above the long explanation: voting on findings needs no scrolling
        for widget in (self.explanation_label, self.lever_label):
            box.addWidget(widget)
        box.addLayout(vanished_row)
        box.addWidget(self.declared_form)
        box.addWidget(self.aside_form)
        box.addWidget(self.form)
        box.addWidget(self.follow_box)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        return panel(self.details_title, scroll)

    def _open_voting(self) -> None:
        presenter = getattr(self.window(), "presenter", None)
        if presenter is not None:
            presenter.open_voting()

    def _hidden_from_audience(self, view) -> bool:
        """Not on the wall: hidden itself, or naming a hidden entry (see ui/projector/audience_content.py)."""
        from workshop_app.analysis.visibility import conflict_shown

        return not conflict_shown(view, self._hidden_elements)

    def _show_declare(self, shown: bool) -> None:
        self.declare_box.setVisible(shown)
        if shown:
            self.side_a.setFocus()

    # -- analysis and groups ----------------------------------------------------
    def _analyse(self) -> None:
        self.views = self.doc.conflict_views(current_language())
        self._by_id = {v.id: v for v in self.views}
        self._hidden_elements = {el.id for el in self.doc.workshop.elements if el.hidden}

    def rows(self) -> list:
        """The conflict views of the group on screen, in the analysis order (votes first)."""
        return [v for v in self.views if group_of(v) == self.group]

    def counts(self):
        from workshop_app.analysis import count_conflicts

        return count_conflicts(self.views)

    def show_group(self, group: Group) -> None:
        """Show one of the three lists; the first row is selected when the selection was elsewhere."""
        if group == self.group:
            return
        self.commit_pending()
        self.group = group
        self.table.refresh()
        if self.table.current_id() is None and self.table.model.ids:
            self.table.select_id(self.table.model.ids[0])
        self._update_groups()
        self._on_current()

    def show_conflict(self, view_id: str | None) -> None:
        """Select a conflict, switching to its group first."""
        view = self._by_id.get(view_id or "")
        group = group_of(view) if view is not None else None
        if group is not None and group != self.group:
            self.group = group
            self.table.refresh()
            self._update_groups()
        self.table.select_id(view_id)

    def _update_groups(self) -> None:
        counts = self.counts()
        numbers = {Group.ROOM: counts.room, Group.NEW: counts.new_findings, Group.SET_ASIDE: counts.set_aside}
        self._showing_groups = True
        for index, group in enumerate(Group):
            self.groups.setTabText(index, _("{name} ({n})").format(name=_(GROUP_NAMES[group]), n=numbers[group]))
            # set-aside findings stay out of the way until there are some
            self.groups.setTabVisible(index, group != Group.SET_ASIDE or counts.set_aside > 0 or self.group == group)
            if group == self.group:
                self.groups.setCurrentIndex(index)
        self._showing_groups = False
        self._update_triage_bar()

    def _update_triage_bar(self) -> None:
        chosen = self.selected_views()
        detected = [v for v in chosen if not v.declared]
        editable = not self.doc.read_only
        self.take_up_button.setVisible(self.group in (Group.NEW, Group.SET_ASIDE))
        self.set_aside_button.setVisible(self.group == Group.NEW)
        self.aside_reason.setVisible(self.group == Group.NEW)
        self.back_button.setVisible(self.group == Group.SET_ASIDE)
        self.declare_toggle.setVisible(self.group == Group.ROOM)
        self.what_if.update_button()
        n = len(detected)
        for button, text in ((self.take_up_button, _("Take up")), (self.set_aside_button, _("Not relevant"))):
            button.setText(text if n <= 1 else f"{text} ({n})")
        for widget in (self.take_up_button, self.set_aside_button, self.back_button):
            widget.setEnabled(editable and bool(detected))

    def selected_views(self) -> list:
        """The views of the selected rows (the current one when nothing else is selected), in list order."""
        ids = self.table.model.ids
        rows = sorted({index.row() for index in self.table.view.selectionModel().selectedRows()})
        chosen = [self._by_id[ids[r]] for r in rows if r < len(ids) and ids[r] in self._by_id]
        if not chosen and self.current() is not None:
            chosen = [self.current()]
        return chosen

    def current(self):
        return self._by_id.get(self.table.current_id() or "")

    def _record_for(self, doc: Workshop, view_id: str | None) -> Conflict | None:
        """The view's record, or a stand-in built from the finding until the room first edits it."""
        view = self._by_id.get(view_id or "")
        if view is None:
            return None
        if view.record is not None:
            if view.declared:  # its title may follow the entries' names, and its reason lives on the link
                return view.record.model_copy(update={"title": view.title, "explanation": view.explanation})
            return view.record
        return Conflict(id=view.id, rule=view.rule, link_id=view.link_id, element_ids=list(view.element_ids),
                        title=view.title, explanation=view.explanation)

    def _with_record(self, view_id: str, op: Operation) -> Operation:
        """Fold 'make the record' into the edit, so both are one undoable command."""
        from workshop_app.analysis import record_operation

        view = self._by_id.get(view_id)
        if view is None or view.record is not None:
            return op
        return Batch([record_operation(self.doc.workshop, [view_id], current_language()), op], label=op.label)

    def _update_op(self, view, changes: dict) -> Operation:
        """A status set on a conflict that went away after a change reopens it: the room's word counts."""
        if "status" in changes and view.resolved_by_change and not (view.record and view.record.reopened):
            changes = {**changes, "reopened": True}
        return self._with_record(view.id, UpdateItem("conflicts", view.id, changes))

    def _wrap_edit(self, record: Conflict, field: str, value, op: Operation) -> Operation:
        if field == "explanation" and record.link_id:  # a declared conflict's reason is stored once, on its link
            stored = next((c for c in self.doc.workshop.conflicts if c.id == record.id), None)
            ops: list[Operation] = [UpdateItem("links", record.link_id, {"reason": value})]
            if stored is not None and stored.explanation:  # written twice by older versions: keep one
                ops.append(UpdateItem("conflicts", record.id, {"explanation": ""}))
            return self._with_record(record.id, Batch(ops, label=op.label) if len(ops) > 1 else ops[0])
        view = self._by_id.get(record.id)
        if field == "status" and view is not None:
            return self._update_op(view, {"status": value})
        return self._with_record(record.id, op)

    def _remove_op(self, view) -> Operation | None:
        if view.declared and view.link_id and any(lk.id == view.link_id for lk in self.doc.workshop.links):
            return RemoveItem("links", view.link_id)  # takes its record with it
        if view.record is not None and view.resolved_by_change:
            return RemoveItem("conflicts", view.id)
        self.doc.refused.emit(_("A detected conflict goes away when its cause changes. Set it aside or set its "
                                "status instead."))
        return None

    # -- triage ----------------------------------------------------------------
    def _push_triage(self, op: Operation | None, text: str) -> bool:
        """Push a triage of the selection and keep working down the same list."""
        if op is None:
            return False
        row = max(0, self.table.view.currentIndex().row())
        if not self.doc.push(op, text):
            return False
        ids = self.table.model.ids
        if ids:
            self.table.select_id(ids[min(row, len(ids) - 1)])
        return True

    def _label(self, views: list, one: str, many: str) -> str:
        return one.format(title=views[0].title) if len(views) == 1 else many.format(n=len(views))

    def take_up(self) -> bool:
        self.commit_pending()
        chosen = [v for v in self.selected_views() if not v.declared and not v.taken_up]
        op = triage.take_up(self.doc.workshop, chosen, current_language())
        return bool(chosen) and self._push_triage(op, self._label(
            chosen, _("Take up “{title}”"), _("Take up {n} findings")))

    def set_aside(self) -> bool:
        self.commit_pending()
        chosen = [v for v in self.selected_views() if not v.declared and not v.set_aside]
        op = triage.set_aside(self.doc.workshop, chosen, self.aside_reason.text(), current_language())
        done = bool(chosen) and self._push_triage(op, self._label(
            chosen, _("Set aside “{title}”"), _("Set aside {n} findings")))
        if done:
            self.aside_reason.clear()
            self.aside_reason.set_text_quietly("")
        return done

    def back_to_findings(self) -> bool:
        self.commit_pending()
        chosen = [v for v in self.selected_views() if not v.declared and not v.new_finding]
        op = triage.back_to_findings(self.doc.workshop, chosen, current_language())
        return bool(chosen) and self._push_triage(op, self._label(
            chosen, _("“{title}” back to the new findings"), _("{n} findings back to the new findings")))

    def reopen(self) -> bool:
        self.commit_pending()
        view = self.current()
        op = triage.reopen(self.doc.workshop, [view] if view is not None else [], current_language())
        if op is None or not self.doc.push(op, _("Reopen “{title}”").format(title=view.title)):
            return False
        self.show_conflict(view.id)
        return True

    # -- edits -----------------------------------------------------------------
    def declare(self) -> bool:
        a, b = self.side_a.value(), self.side_b.value()
        doc = self.doc.workshop
        if not a or not b or a == b:
            self.doc.refused.emit(_("Choose two different entries that conflict."))
            return False
        from workshop_app.analysis import declare_conflict

        operation, conflict_id = declare_conflict(doc, a, b, self.reason.text())
        title = f"{element_label(doc, a, False)} ⟷ {element_label(doc, b, False)}"
        if self.doc.push(operation, _("Declare conflict “{title}”").format(title=title)):
            self.reason.clear()
            self.reason.set_text_quietly("")
            self.side_a.setCurrentIndex(-1)
            self.side_b.setCurrentIndex(-1)
            self.declare_toggle.setChecked(False)
            self.show_conflict(conflict_id)
            return True
        return False

    def vote(self, step: int) -> bool:
        self.commit_pending()  # Ctrl+Up/Down while typing a resolution: enter it first
        view = self.current()
        if view is None or view.set_aside:
            return False
        record = view.record
        tally = (record.tally if record else 0) + step
        if tally < 0:
            return False
        op = self._with_record(view.id, UpdateItem("conflicts", view.id, {"tally": tally}))
        text = _("+1 dot for “{title}”") if step > 0 else _("−1 dot for “{title}”")
        done = self.doc.push(op, text.format(title=view.title))
        if done and step > 0:
            from workshop_app.ui.projector.voting import caution_if_overfull

            caution_if_overfull(self.doc)
        return done

    def add_decision(self) -> bool:
        view = self.current()
        if view is None:
            return False
        record = self._record_for(self.doc.workshop, view.id)
        decision = Decision(id=new_id("decision"), text=record.resolution.strip() or view.title)
        ops = [AddItem("decisions", decision),
               self._with_record(view.id, UpdateItem("conflicts", view.id, {"decision_ids": [*record.decision_ids, decision.id]}))]
        return self.doc.push(Batch(ops), _("New decision for “{title}”").format(title=view.title))

    def add_action(self) -> bool:
        view = self.current()
        if view is None:
            return False
        record = self._record_for(self.doc.workshop, view.id)
        action = ActionItem(id=new_id("action"), what=_("Follow up: {title}").format(title=view.title),
                            element_id=view.element_ids[0] if view.element_ids else None)
        ops = [AddItem("actions", action),
               self._with_record(view.id, UpdateItem("conflicts", view.id, {"action_ids": [*record.action_ids, action.id]}))]
        return self.doc.push(Batch(ops), _("New action for “{title}”").format(title=view.title))

    def move_element(self, element_id: str, x: float, y: float) -> bool:
        """A node dragged in the graph: one undoable position change (none on today's graph, which only
        compares: the node goes back)."""
        el = self.doc.workshop.element(element_id)
        if el is None or self.what_if.showing_today():
            self.refresh_graph_now()
            return False
        return self.doc.push(UpdateItem("elements", element_id, {"position": Position(x=x, y=y)}),
                             _("Move “{title}” in the graph").format(title=el.title))

    def select_element(self, element_id: str) -> None:
        """A node clicked in the graph: select the first conflict that involves it, in this group if it has one."""
        involved = [v for v in self.views if element_id in v.element_ids and group_of(v) is not None]
        here = [v for v in involved if group_of(v) == self.group]
        if here or involved:
            self.show_conflict((here or involved)[0].id)
            return
        self.table.select_id(None)

    # -- graph -----------------------------------------------------------------
    def _ensure_graph(self) -> None:
        if self.graph is not None or not graph_available():
            return
        from workshop_app.ui.graph.graph_canvas import GraphCanvas

        self.graph = GraphCanvas(lang=current_language())
        self.graph.setObjectName("graph_canvas")
        self.graph.views_for = self.doc.conflict_views  # one analysis per edit for list and graph
        self.graph.setMinimumWidth(320)
        self.graph.element_clicked.connect(self.select_element)
        self.graph.element_moved.connect(self.move_element)
        self.focus_check = QCheckBox(_("&Selection only"))
        self.focus_check.setObjectName("graph_focus")
        self.focus_check.setToolTip(plain_tooltip(_("Show only what was selected last — a conflict with everything "
                                                    "linked to it, a node with its neighbours, a shared goal with its "
                                                    "whole breakdown — large enough to read; the whole graph is small "
                                                    "on a large workshop.")))
        self.focus_check.toggled.connect(self.graph.set_focus)
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(heading(_("Dependency graph")), 1)
        row.addWidget(self.focus_check)
        self.what_if.attach_graph(row)  # while a scenario is open: today | if we did this
        graph_panel = panel(top, self.graph)
        graph_panel.layout().setStretch(1, 1)
        self.splitter.addWidget(graph_panel)
        self.splitter.setStretchFactor(0, 9)
        self.splitter.setStretchFactor(1, 11)
        self.share(self.splitter, 0.55, 0.45)  # the graph's own size hint would take nearly all
        self.graph.set_document(self.doc.workshop)

    def _refresh_graph(self) -> None:
        if self.graph is not None and self.active:
            shown, views_for = self.what_if.graph_source()  # today's graph while a scenario is compared with it
            self.graph.views_for = views_for
            if self.graph.doc is not shown:
                self.graph.set_document(shown)
            else:
                self.graph.refresh()

    def refresh_graph_now(self) -> None:
        """Redraw the graph at once (a switch the room watches), not after the pause of an edit."""
        self._graph_timer.stop()
        self._refresh_graph()

    # -- refresh ---------------------------------------------------------------
    def _on_current(self) -> None:
        view = self.current()
        doc = self.doc.workshop
        for form in (self.declared_form, self.form, self.aside_form):
            form.set_item(view.id if view else None)
        room = view is not None and view.taken_up
        self.declared_form.setVisible(view is not None and view.declared)
        self.form.setVisible(room)
        self.follow_box.setVisible(room)
        self.aside_form.setVisible(view is not None and view.set_aside)
        self.votes_box.setVisible(view is None or not view.set_aside)
        detected = view is not None and not view.declared
        self.explanation_label.setVisible(detected)
        self.lever_label.setVisible(detected and bool(view.lever))
        gone = view is not None and view.resolved_by_change
        reopened = gone and view.record is not None and view.record.reopened
        self.vanished_label.setVisible(gone)
        self.reopen_button.setVisible(gone and not reopened)
        if gone:
            if reopened:
                self.vanished_label.setText(_("Reopened by the room: it went away after a change, but is still a problem."))
            elif view.vanished_by.strip():
                self.vanished_label.setText(_("Went away after: {change}").format(change=view.vanished_by.strip()))
            else:
                self.vanished_label.setText(_("Went away after a change in the workshop."))
        if view is None:
            self.details_title.setText(_("Details – select a conflict"))
            self.elements_label.setText("")
            self.votes_label.setText("–")
        else:
            if view.declared:
                kind = _("Declared conflict")
            elif view.new_finding:
                kind = _("New finding: {rule}").format(rule=rule_name(view.rule))
            elif view.set_aside:
                kind = _("Set aside: {rule}").format(rule=rule_name(view.rule))
            else:
                kind = _("Detected: {rule}").format(rule=rule_name(view.rule))
            self.details_title.setText(kind)
            names = [element_label(doc, e) for e in view.element_ids if doc.element(e) is not None]
            self.elements_label.setText(view.title if view.declared or not names else "  ⟷  ".join(names))
            if detected:
                self.elements_label.setText(view.title)
                self.explanation_label.setText(view.explanation)
                self.lever_label.setText(_("Lever: {text}").format(text=view.lever) if view.lever else "")
            self.votes_label.setText(str(view.votes))
        editable = view is not None and not self.doc.read_only
        for widget in (self.vote_minus, self.vote_plus, self.new_decision, self.new_action, self.reopen_button):
            widget.setEnabled(editable)
        self._update_triage_bar()
        if self.graph is not None:
            self.graph.set_highlight(view.id if view else None)

    def _choose_group(self) -> None:
        """The first time (and for another workshop): the room's conflicts if it has any, else the findings."""
        if self.group is None:
            counts = self.counts()
            self.group = Group.ROOM if counts.room or not counts.new_findings else Group.NEW

    def refresh(self) -> None:
        self._analyse()
        self._choose_group()
        doc = self.doc.workshop
        self.table.refresh()
        self._update_groups()
        pairs = [(el.id, describe_element(el)) for el in doc.elements]
        self.side_a.set_choices(pairs)
        self.side_b.set_choices(pairs)
        self.settings.refresh()
        self._on_current()
        self.what_if.refresh()
        self._graph_timer.start()
        super().refresh()

    def document_replaced(self) -> None:
        self.group = None

    def edit_controls(self) -> list[QWidget]:
        return [self.declare_toggle, self.declare_button, self.side_a, self.side_b, self.reason, self.aside_reason,
                *self.settings.spins.values()]

    def activate(self) -> None:
        self._ensure_graph()
        super().activate()

    def deactivate(self) -> None:
        """Left before the deferred graph redraw: redraw when the page is shown again (it would be skipped)."""
        if self._graph_timer.isActive():
            self._graph_timer.stop()
            self._stale = True
        super().deactivate()

    def focus_first(self) -> None:
        self.table.view.setFocus()

    def select_initial(self) -> None:
        if self.table.current_id() is None and self.table.model.ids:
            self.table.select_id(self.table.model.ids[0])
        self._refresh_graph()
