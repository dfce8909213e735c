"""Phase 6 – Culture & pilot: each side's beliefs, and the protected-space pilot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from workshop_app.i18n import N_, _
from workshop_app.model import Belief, ElementKind, Origin, Phase, Side, new_id
from workshop_app.ui.document import Document
from workshop_app.ui.pages.base import PhasePage, heading, hint, panel
from workshop_app.ui.widgets.element_forms import ElementDetails
from workshop_app.ui.widgets.fields import FieldSpec, RecordForm
from workshop_app.ui.widgets.labels import SIDE_COLOURS, side_name
from workshop_app.ui.widgets.record_table import Column, RecordTable

PILOT_FIELDS = [
    FieldSpec("title", N_("Name"), placeholder=N_("e.g. Nurture track pilot")),
    FieldSpec("team", N_("Team (both sides)"), "participants", extra={"rows": 4}),
    FieldSpec("problem", N_("Problem"), "multiline", extra={"lines": 2}),
    FieldSpec("hypothesis", N_("Hypothesis"), "multiline", placeholder=N_("We believe that … will lead to …"),
              extra={"lines": 2}),
    FieldSpec("metric", N_("Metric")),
    FieldSpec("baseline", N_("Baseline")),
    FieldSpec("target", N_("Target")),
    FieldSpec("start_date", N_("Start"), "date"),
    FieldSpec("duration_weeks", N_("Duration (weeks)"), "int"),
    FieldSpec("budget_amount", N_("Budget share"), "float"),
    FieldSpec("budget_currency", N_("Currency")),
    FieldSpec("data_slice", N_("Data slice"), placeholder=N_("e.g. inbound leads from region North")),
    FieldSpec("review_date", N_("Review date"), "date"),
]


def _beliefs(side: Side):
    return lambda doc: [el for el in doc.elements if el.kind == ElementKind.BELIEF and el.side == side]


class CulturePilotPage(PhasePage):
    """Beliefs of Marketing and Sales on the left (with the selected one's details); the pilot on the right."""

    phase = Phase.CULTURE_PILOT

    def followed_list(self) -> QWidget | None:
        return self.last_table

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self.beliefs: dict[Side, RecordTable] = {}
        belief_splitter = QSplitter(Qt.Orientation.Vertical)
        titles = {Side.MARKETING: _("Beliefs in {side}").format(side=side_name(Side.MARKETING)),
                  Side.SALES: _("Beliefs in {side}").format(side=side_name(Side.SALES)),
                  Side.JOINT: _("Beliefs both sides hold")}
        adds = {Side.MARKETING: _("Add a belief held in {side} and press Enter").format(side=side_name(Side.MARKETING)),
                Side.SALES: _("Add a belief held in {side} and press Enter").format(side=side_name(Side.SALES)),
                Side.JOINT: _("Add a belief both sides hold and press Enter")}
        for side in (Side.MARKETING, Side.SALES, Side.JOINT):
            table = RecordTable(
                doc, "elements",
                [Column("title", N_("Belief"), stretch=True), Column("resistance", N_("Expected resistance"), stretch=True),
                 Column("mitigation", N_("Mitigation"), stretch=True)],
                rows=_beliefs(side), title=titles[side], accent=SIDE_COLOURS[side], add_placeholder=adds[side],
                factory=lambda t, s=side: Belief(id=new_id("belief"), title=t, side=s, origin=Origin.AS_IS),
            )
            table.setObjectName(f"beliefs_{side}")
            table.current_changed.connect(lambda item_id, t=table: self._on_current(t, item_id))
            self.beliefs[side] = table
        # one list at a time, each with the page's height: three lists one above the other showed less than
        # a row each on a 768-pixel laptop
        self.belief_tabs = QTabWidget()
        self.belief_tabs.setObjectName("belief_tabs")
        self.belief_tabs.setDocumentMode(True)
        for side, table in self.beliefs.items():
            self.belief_tabs.addTab(panel(table), side_name(side))
        self.belief_tabs.currentChanged.connect(self._on_tab)
        belief_splitter.addWidget(self.belief_tabs)
        self.details = ElementDetails(doc, [ElementKind.BELIEF], columns=1)
        self.details_title = heading(_("Belief"))
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details_scroll.setWidget(self.details)
        belief_splitter.addWidget(panel(self.details_title, details_scroll))
        belief_splitter.setChildrenCollapsible(False)
        self.share(belief_splitter, 0.7, 0.3)  # a belief wraps over lines: the list needs the height
        self.last_table = self.beliefs[Side.MARKETING]

        self.pilot_form = RecordForm(doc, "pilot", PILOT_FIELDS)
        pilot_content = QWidget()
        pilot_layout = QVBoxLayout(pilot_content)
        pilot_layout.setContentsMargins(0, 0, 8, 0)
        pilot_layout.addWidget(hint(_("A small team from both sides tests one hypothesis with its own slice of data and "
                                      "budget before anything is restructured.")))
        pilot_layout.addWidget(self.pilot_form)
        pilot_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(pilot_content)

        self.fill_with_columns(belief_splitter, panel(heading(_("Protected-space pilot")), scroll), 0.55)

    def show_beliefs(self, side: Side) -> None:
        """Bring the list of ``side``'s beliefs (Joint: those both sides hold) to the front."""
        self.belief_tabs.setCurrentIndex(list(self.beliefs).index(side))

    def _on_tab(self, index: int) -> None:
        self.commit_pending()
        table = list(self.beliefs.values())[index]
        self.last_table = table
        self._on_current(table, table.current_id())

    def _on_current(self, table: RecordTable, item_id: str | None) -> None:
        if item_id is None and table is not self.last_table:
            return
        self.last_table = table
        self.details.set_item(item_id)
        el = self.doc.workshop.element(item_id) if item_id else None
        self.details_title.setText(_("Belief – {side}").format(side=side_name(el.side)) if el else _("Belief – select one above"))

    def refresh(self) -> None:
        for n, (side, table) in enumerate(self.beliefs.items()):
            table.refresh()
            count = len(table.model.ids)
            self.belief_tabs.setTabText(n, f"{side_name(side)}  {count}" if count else side_name(side))
        self.details.refresh()
        self._on_current(self.last_table, self.last_table.current_id())
        self.pilot_form.refresh()
        super().refresh()

    def document_replaced(self) -> None:
        self.details.set_item(None)

    def focus_first(self) -> None:
        add = self.beliefs[Side.MARKETING].add_edit
        if add is not None:
            add.setFocus()

    def select_initial(self) -> None:
        table = self.beliefs[Side.MARKETING]
        if table.current_id() is None and table.model.ids:
            table.select_id(table.model.ids[0])
