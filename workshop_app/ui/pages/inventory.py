"""Phase 2 – Inventory: what Marketing and Sales have today, side by side, one category at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QTabBar, QVBoxLayout, QWidget

from workshop_app.i18n import N_, _, current_language
from workshop_app.model import (
    Budget,
    Channel,
    ElementKind,
    Goal,
    GoalLevel,
    Incentive,
    Insight,
    Origin,
    Phase,
    Side,
    Workshop,
    new_id,
)
from workshop_app.ui.document import Document
from workshop_app.ui.features import graph_available
from workshop_app.ui.labels import INCENTIVE_TYPE_NAMES, KIND_NAMES, SIDE_COLOURS, SIDE_NAMES, side_name
from workshop_app.ui.pages.base import PhasePage, heading, hint, panel
from workshop_app.ui.widgets.element_forms import ElementDetails
from workshop_app.ui.widgets.record_table import Column, RecordTable

OTHER_SIDE = {Side.MARKETING: Side.SALES, Side.SALES: Side.MARKETING}


@dataclass
class Category:
    key: str
    name: str  # N_
    hint: str  # N_
    noun: str  # N_, for the add line ("Add a Marketing {noun}")
    kinds: tuple[str, ...]
    columns: list[Column]
    make: Callable[[str, Side], object]
    as_is_only: bool = False

    def rows(self, doc: Workshop, side: Side) -> list:
        return [el for el in doc.elements
                if el.kind in self.kinds and el.side == side and (not self.as_is_only or el.origin == Origin.AS_IS)]


TITLE = Column("title", N_("Entry"), stretch=True)


def _horizon_field(el) -> str | None:
    return {"goal": "horizon_months", "strategy": "horizon_months"}.get(el.kind, "period_months")


CATEGORIES = [
    Category("goals", N_("Goals & KPIs"), N_("Which goals and KPIs is each side measured on today?"), N_("goal or KPI"),
             (ElementKind.GOAL,),
             [Column("title", N_("Goal / KPI"), stretch=True), Column("metric", N_("Metric"), stretch=True),
              Column("target", N_("Target")), Column("horizon_months", N_("Months"), "int")],
             lambda t, s: Goal(id=new_id("goal"), title=t, side=s, origin=Origin.AS_IS, level=GoalLevel.DEPARTMENT),
             as_is_only=True),
    Category("incentives", N_("Incentives"), N_("What is each side paid or rewarded for, and how often?"), N_("incentive"),
             (ElementKind.INCENTIVE,),
             [Column("title", N_("Incentive"), stretch=True),
              Column("incentive_type", N_("Type"), "enum", choices=INCENTIVE_TYPE_NAMES),
              Column("period_months", N_("Months"), "int"), Column("rewards_what", N_("Rewards"), stretch=True)],
             lambda t, s: Incentive(id=new_id("incentive"), title=t, side=s)),
    Category("horizons", N_("Horizons"), N_("How far ahead does each side plan, and how often is it measured and paid? "
                                            "Set the horizon of each goal and the period of each incentive."),
             N_("planning horizon"), (ElementKind.GOAL, ElementKind.INCENTIVE, ElementKind.BUDGET),
             [Column("title", N_("Goal, incentive or budget"), stretch=True),
              Column("kind", N_("Kind"), "label", display=lambda _d, el: _(KIND_NAMES[ElementKind(el.kind)])),
              Column("horizon_months", N_("Months"), "int", field_for=_horizon_field)],
             lambda t, s: Goal(id=new_id("goal"), title=t, side=s, origin=Origin.AS_IS, level=GoalLevel.DEPARTMENT),
             as_is_only=True),
    Category("budgets", N_("Budgets"), N_("Which budgets does each side control, over which period?"), N_("budget"),
             (ElementKind.BUDGET,),
             [Column("title", N_("Budget"), stretch=True), Column("amount", N_("Amount"), "float"),
              Column("currency", N_("Currency")), Column("period_months", N_("Months"), "int")],
             lambda t, s: Budget(id=new_id("budget"), title=t, side=s)),
    Category("channels", N_("Channels today"), N_("How does information reach the other side today, and is it of any use there?"),
             N_("channel"), (ElementKind.CHANNEL,),
             [Column("title", N_("Channel"), stretch=True), Column("format", N_("Format"), stretch=True),
              Column("cadence", N_("Cadence")), Column("usefulness", N_("Usefulness"), "rating")],
             lambda t, s: Channel(id=new_id("channel"), title=t, side=s, to_side=OTHER_SIDE.get(s, Side.JOINT),
                                  origin=Origin.AS_IS),
             as_is_only=True),
    Category("insights", N_("Insights"), N_("What do customers tell each side? What does Sales hear that Marketing should know?"),
             N_("customer insight"), (ElementKind.INSIGHT,),
             [Column("title", N_("Insight"), stretch=True), Column("source", N_("Source"))],
             lambda t, s: Insight(id=new_id("insight"), title=t, side=s)),
]


class InventoryPage(PhasePage):
    """Category tabs; Marketing and Sales tables side by side; details of the selected entry below."""

    phase = Phase.INVENTORY

    def followed_list(self) -> QWidget | None:
        return self.last_table

    def categories(self) -> QTabBar | None:
        return self.tabs

    def category_key(self) -> str:
        return self.category.key

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self.category = CATEGORIES[0]
        self.tabs = QTabBar()
        self.tabs.setObjectName("inventory_categories")
        self.tabs.setExpanding(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setDrawBase(False)
        for category in CATEGORIES:
            self.tabs.addTab(_(category.name).replace("&", "&&"))
        self.tabs.currentChanged.connect(self._on_category)
        self.hint = hint("")

        self.stacks: dict[str, dict[Side, RecordTable]] = {}
        self.sides_area = QWidget()
        self.sides_layout = QHBoxLayout(self.sides_area)
        self.sides_layout.setContentsMargins(0, 0, 0, 0)
        self.sides_layout.setSpacing(16)
        self.side_panels: dict[Side, QVBoxLayout] = {}
        for side in (Side.MARKETING, Side.SALES):
            card = panel()
            self.side_panels[side] = card.layout()
            self.sides_layout.addWidget(card, 1)
        self.tables: dict[tuple[str, Side], RecordTable] = {}

        self.details_title = heading(_("Details"))
        kinds = [ElementKind.GOAL, ElementKind.INCENTIVE, ElementKind.BUDGET, ElementKind.CHANNEL, ElementKind.INSIGHT]
        self.details = ElementDetails(doc, kinds, columns=2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        details_card = panel(self.details_title, scroll)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sides_area)
        splitter.addWidget(details_card)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.tabs)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        self.last_table: RecordTable | None = None
        self.chart = None
        self.chart_card = None
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(0)
        self._chart_timer.timeout.connect(self._refresh_chart)
        for keys, step in ((QKeySequence("Ctrl+Tab"), 1), (QKeySequence("Ctrl+Shift+Tab"), -1)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.tabs.setCurrentIndex((self.tabs.currentIndex() + s) % len(CATEGORIES)))
        self._show_category(CATEGORIES[0])

    # -- categories ------------------------------------------------------------
    def _table(self, category: Category, side: Side) -> RecordTable:
        key = (category.key, side)
        if key not in self.tables:
            table = RecordTable(
                self.doc, "elements", category.columns, rows=lambda w, c=category, s=side: c.rows(w, s),
                title=side_name(side), accent=SIDE_COLOURS[side],
                add_placeholder=_("Add a {side} {noun} and press Enter").format(side=side_name(side), noun=_(category.noun)),
                factory=lambda text, c=category, s=side: c.make(text, s),
                add_label=_("Add “{title}”"),
            )
            table.setObjectName(f"inventory_{category.key}_{side}")
            table.current_changed.connect(lambda item_id, t=table: self._on_current(t, item_id))
            table.hide()
            self.side_panels[side].addWidget(table)
            self.tables[key] = table
        return self.tables[key]

    def _ensure_chart(self) -> None:
        """The horizon chart (matplotlib) is built the first time the Horizons category is shown."""
        if self.chart is not None or not graph_available():
            return
        from workshop_app.ui.graph_canvas import HorizonChartWidget

        self.chart = HorizonChartWidget(lang=current_language())
        self.chart.setObjectName("horizon_chart")
        self.chart.setMinimumWidth(280)
        self.chart_card = panel(heading(_("Horizons at a glance")), self.chart)
        self.chart_card.layout().setStretch(1, 1)
        self.sides_layout.addWidget(self.chart_card, 1)
        self.chart.set_document(self.doc.workshop)

    def _refresh_chart(self) -> None:
        if self.chart is not None and self.category.key == "horizons" and self.active:
            if self.chart.doc is not self.doc.workshop:
                self.chart.set_document(self.doc.workshop)
            else:
                self.chart.refresh()

    def _on_category(self, index: int) -> None:
        self.commit_pending()
        self._show_category(CATEGORIES[index])

    def _show_category(self, category: Category) -> None:
        for (key, _side), table in self.tables.items():
            table.setVisible(key == category.key)
        self.category = category
        self.hint.setText(_(category.hint))
        if category.key == "horizons":
            self._ensure_chart()
        if self.chart_card is not None:
            self.chart_card.setVisible(category.key == "horizons")
            self._chart_timer.start()
        for side in (Side.MARKETING, Side.SALES):
            table = self._table(category, side)
            table.show()
            table.refresh()
        self.last_table = self.tables[(category.key, Side.MARKETING)]
        self._on_current(self.last_table, self.last_table.current_id())

    def table(self, side: Side) -> RecordTable:
        """The table of ``side`` in the category on screen."""
        return self._table(self.category, side)

    def set_category(self, key: str) -> None:
        self.tabs.setCurrentIndex([c.key for c in CATEGORIES].index(key))

    def _on_current(self, table: RecordTable, item_id: str | None) -> None:
        if item_id is None and table is not self.last_table:
            return
        self.last_table = table
        self.details.set_item(item_id)
        element = self.doc.workshop.element(item_id) if item_id else None
        if element is None:
            self.details_title.setText(_("Details – select an entry above"))
        else:
            self.details_title.setText(_("Details – {kind}, {side}").format(kind=_(KIND_NAMES[ElementKind(element.kind)]),
                                                                        side=_(SIDE_NAMES[element.side])))

    # -- refresh ---------------------------------------------------------------
    def refresh(self) -> None:
        for side in (Side.MARKETING, Side.SALES):
            self.table(side).refresh()
        self.details.refresh()
        if self.last_table is not None:
            self._on_current(self.last_table, self.last_table.current_id())
        doc = self.doc.workshop
        for index, category in enumerate(CATEGORIES):
            count = sum(len(category.rows(doc, side)) for side in (Side.MARKETING, Side.SALES))
            name = _(category.name).replace("&", "&&")
            self.tabs.setTabText(index, f"{name}  {count}" if count else name)
        if self.category.key == "horizons":
            self._chart_timer.start()
        super().refresh()

    def document_replaced(self) -> None:
        self.details.set_item(None)

    def focus_first(self) -> None:
        add = self.table(Side.MARKETING).add_edit
        if add is not None:
            add.setFocus()

    def select_initial(self) -> None:
        table = self.table(Side.MARKETING)
        if table.current_id() is None and table.model.ids:
            table.select_id(table.model.ids[0])
