"""Phase 2 – Inventory: what Marketing and Sales have today, side by side, one category at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QTabBar, QVBoxLayout, QWidget

from workshop_app.i18n import _, current_language
from workshop_app.model import (
    ElementKind,
    Phase,
    Side,
)
from workshop_app.ui.document import Document
from workshop_app.ui.features import graph_available
from workshop_app.ui.pages.base import PhasePage, heading, hint, panel
from workshop_app.ui.progress import category_count
from workshop_app.ui.widgets.categories import CATEGORIES, Category
from workshop_app.ui.widgets.element_forms import ElementDetails
from workshop_app.ui.widgets.labels import KIND_NAMES, SIDE_COLOURS, SIDE_NAMES, side_name
from workshop_app.ui.widgets.plain import plain_tooltip
from workshop_app.ui.widgets.record_table import RecordTable


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
        self.side_cards: dict[Side, QWidget] = {}
        for side in (Side.MARKETING, Side.SALES, Side.JOINT):  # joint: only categories with a joint table
            card = panel()
            self.side_panels[side] = card.layout()
            self.side_cards[side] = card
            self.sides_layout.addWidget(card, 1)
        self.side_cards[Side.JOINT].hide()
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
                add_placeholder=(_("Add a {side} {noun} and press Enter").format(side=side_name(side), noun=_(category.noun))
                                 if side != Side.JOINT else _("Add a joint pot and press Enter")),
                factory=lambda text, c=category, s=side: c.make(text, s),
                add_label=_("Add “{title}”"),
            )
            table.setObjectName(f"inventory_{category.key}_{side}")
            table.current_changed.connect(lambda item_id, t=table: self._on_current(t, item_id))
            # back to a table whose selection did not change: its entry's details again
            table.view.clicked.connect(lambda _index, t=table: self._on_current(t, t.current_id()))
            table.hide()
            self.side_panels[side].addWidget(table)
            self.tables[key] = table
        return self.tables[key]

    def _ensure_chart(self) -> None:
        """The horizon chart (matplotlib) is built the first time the Horizons category is shown."""
        if self.chart is not None or not graph_available():
            return
        from workshop_app.ui.graph.graph_canvas import HorizonChartWidget

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
        self.side_cards[Side.JOINT].setVisible(category.joint)
        for side in category.sides:
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
        if item_id is not None:  # one highlighted row across the sides: the one the details show
            for other in self.tables.values():
                if other is not table and other.view.selectionModel().hasSelection():
                    other.view.clearSelection()
        self.details.set_item(item_id)
        element = self.doc.workshop.element(item_id) if item_id else None
        if element is None:
            self.details_title.setText(_("Details – select an entry above"))
        else:
            self.details_title.setText(_("Details – {kind}, {side}").format(kind=_(KIND_NAMES[ElementKind(element.kind)]),
                                                                        side=_(SIDE_NAMES[element.side])))

    # -- refresh ---------------------------------------------------------------
    def refresh(self) -> None:
        for side in self.category.sides:
            self.table(side).refresh()
        self.details.refresh()
        if self.last_table is not None:
            self._on_current(self.last_table, self.last_table.current_id())
        doc = self.doc.workshop
        for index, category in enumerate(CATEGORIES):
            count, counted = category_count(doc, category)
            name = _(category.name).replace("&", "&&")
            self.tabs.setTabText(index, f"{name}  {count}" if count else name)
            self.tabs.setTabToolTip(index, plain_tooltip(counted))
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
