"""Phase 7 – Wrap-up: decisions, action items, the parking lot, and what was agreed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QTextBrowser, QWidget

from workshop_app.i18n import N_, _, current_language
from workshop_app.model import ActionItem, Decision, ParkingItem, Phase, new_id
from workshop_app.ui.document import Document
from workshop_app.ui.features import minutes_export_available
from workshop_app.ui.pages.base import PhasePage, heading, panel
from workshop_app.ui.widgets.labels import ACTION_STATUS_COLOURS, ACTION_STATUS_NAMES
from workshop_app.ui.widgets.record_table import Column, RecordTable
from workshop_app.ui.widgets.summary import summary_html

ACTION_COLOURS = ACTION_STATUS_COLOURS


class WrapupPage(PhasePage):
    """Decisions and actions on the left; parking lot and the summary on the right."""

    phase = Phase.WRAPUP

    def default_list(self) -> QWidget | None:
        return self.actions_table

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self.decisions = RecordTable(
            doc, "decisions",
            [Column("text", N_("Decision"), stretch=True), Column("decided_by", N_("Decided by"), stretch=True),
             Column("date", N_("Date"), "date"),
             # ticked: the decision changes the organisation, which wants a reviewed pilot first (DESIGN §1)
             Column("restructuring", N_("Restructuring"), "bool")],
            rows=lambda w: list(w.decisions), title=_("Decisions"),
            add_placeholder=_("Type a decision and press Enter"),
            factory=lambda t: Decision(id=new_id("decision"), text=t), add_label=_("Add decision “{title}”"),
        )
        self.decisions.setObjectName("decisions")
        self.actions_table = RecordTable(
            doc, "actions",
            [Column("what", N_("Action"), stretch=True), Column("owner", N_("Owner"), "participant"),
             Column("due_date", N_("Due"), "date"), Column("element_id", N_("For"), "element", stretch=True, secondary=True),
             Column("status", N_("Status"), "enum", choices=ACTION_STATUS_NAMES, colour=lambda a: ACTION_COLOURS.get(a.status))],
            rows=lambda w: list(w.actions), title=_("Actions"),
            add_placeholder=_("Type an action and press Enter, then set owner and date"),
            factory=lambda t: ActionItem(id=new_id("action"), what=t), add_label=_("Add action “{title}”"),
        )
        self.actions_table.setObjectName("actions")
        self.parking = RecordTable(
            doc, "parking_lot",
            [Column("text", N_("Topic"), stretch=True), Column("raised_by", N_("Raised by"), "participant")],
            rows=lambda w: list(w.parking_lot), title=_("Parking lot"),
            add_placeholder=_("Park a topic and press Enter"),
            factory=lambda t: ParkingItem(id=new_id("parked"), text=t), add_label=_("Park “{title}”"),
        )
        self.parking.setObjectName("parking_lot")

        #: On a large workshop the analysis behind the summary takes about a third of a switch's 30 ms:
        #: the page shows at once and the summary follows a moment later (as the graph does).
        self.defer_summary_above = 150
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(40)
        self._summary_timer.timeout.connect(self.fill_summary)
        self.summary = QTextBrowser()
        self.summary.setObjectName("summary")
        self.summary.setOpenLinks(False)
        self.export_button = QPushButton(_("Export minutes…"))
        self.export_button.setProperty("role", "primary")
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self._export)
        summary_head = QHBoxLayout()
        summary_heading = heading(_("What we agreed"))
        summary_heading.setWordWrap(True)  # on a laptop it gives way to the tables, not they to it
        summary_head.addWidget(summary_heading, 1)
        summary_head.addWidget(self.export_button)
        summary_panel = panel(self.summary)
        summary_panel.layout().insertLayout(0, summary_head)

        # decisions and actions as tabs with their counts: stacked, each showed two or three rows at 1366×768
        self.lists = QTabWidget()
        self.lists.setObjectName("wrapup_lists")
        self.lists.setDocumentMode(True)
        for table in (self.decisions, self.actions_table):
            table.title_label.hide()  # the tab names it
            table.head.insertStretch(0, 1)  # its move and delete buttons stay at the right
            self.lists.addTab(table, table.title_label.text())
        left = panel(self.lists)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(panel(self.parking))
        right.addWidget(summary_panel)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        self.fill_with_columns(left, right, 0.7)  # decisions and actions are the wide tables

    def show_decisions(self) -> None:
        self.lists.setCurrentWidget(self.decisions)

    def show_actions(self) -> None:
        self.lists.setCurrentWidget(self.actions_table)

    def _count_tabs(self) -> None:
        doc = self.doc.workshop
        for table, title, n in ((self.decisions, _("Decisions"), len(doc.decisions)),
                                (self.actions_table, _("Actions"), len(doc.actions))):
            self.lists.setTabText(self.lists.indexOf(table), _("{name} ({n})").format(name=title, n=n))

    def _export(self) -> None:
        window = self.window()
        export = getattr(window, "export_minutes", None)
        if callable(export):
            export()

    def refresh(self) -> None:
        self.decisions.refresh()
        self.actions_table.refresh()
        self.parking.refresh()
        self._count_tabs()
        if len(self.doc.workshop.elements) > self.defer_summary_above:
            self._summary_timer.start()  # the tables first; the summary's conflict count needs the analysis
        else:
            self.fill_summary()
        self.export_button.setEnabled(minutes_export_available())
        super().refresh()

    def deactivate(self) -> None:
        """Leaving before the deferred summary was filled: fill it when the page is shown again, not now
        (the analysis it needs would land in the next page's switch)."""
        if self._summary_timer.isActive():
            self._summary_timer.stop()
            self._stale = True
        super().deactivate()

    def fill_summary(self) -> None:
        """What the room agreed, with the open conflicts counted as the minutes count them."""
        self._summary_timer.stop()
        scroll = self.summary.verticalScrollBar().value()
        self.summary.setHtml(summary_html(self.doc.workshop, self.doc.conflict_views(current_language())))
        self.summary.verticalScrollBar().setValue(scroll)

    def focus_first(self) -> None:
        table = self.lists.currentWidget()
        if table.add_edit is not None:
            table.add_edit.setFocus()

    def select_initial(self) -> None:
        if self.actions_table.current_id() is None and self.actions_table.model.ids:
            self.actions_table.select_id(self.actions_table.model.ids[0])
