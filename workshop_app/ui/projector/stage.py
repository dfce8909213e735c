"""Which entry the facilitator has selected on each page, so the room can follow it.

The pages were built for editing and know nothing about the audience. This
module reads their selection through what every page declares
(:class:`~workshop_app.ui.pages.base.PhasePage`: ``followed_list``,
``default_list``, ``categories``, ``category_key``) without changing them,
tells the presenter when it changes, and moves it from the keyboard in
presentation mode, where the editor is not on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QTabBar, QTreeWidget, QWidget

from workshop_app.ui.widgets.record_table import RecordTable

if TYPE_CHECKING:  # the pages' declared interface; the projector imports no page
    from workshop_app.ui.pages.base import PhasePage


class SelectionTracker(QObject):
    """Calls ``on_change`` whenever the selection or the inventory category of a watched page changes."""

    def __init__(self, on_change: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_change = on_change
        self._watched: set[int] = set()
        self.last_table: dict[int, RecordTable] = {}

    def watch(self, page: PhasePage) -> None:
        """Follow every list of ``page`` (again after a category switch made new ones)."""
        for table in page.findChildren(RecordTable):
            if id(table) not in self._watched:
                self._watched.add(id(table))
                table.current_changed.connect(lambda _id, p=page, t=table: self._table_changed(p, t))
        for tree in page.findChildren(QTreeWidget):
            if id(tree) not in self._watched:
                self._watched.add(id(tree))
                tree.currentItemChanged.connect(lambda *_a: self.on_change())
        for tabs in page.findChildren(QTabBar):
            if id(tabs) not in self._watched and tabs.parent() is page:
                self._watched.add(id(tabs))
                tabs.currentChanged.connect(lambda _i, p=page: self._category_changed(p))

    def _table_changed(self, page: PhasePage, table: RecordTable) -> None:
        self.last_table[id(page)] = table
        self.on_change()

    def _category_changed(self, page: PhasePage) -> None:
        self.watch(page)
        self.on_change()

    # -- reading ---------------------------------------------------------------
    def active_list(self, page: PhasePage | None) -> QWidget | None:
        """The list whose selection the room follows on ``page``."""
        if page is None:
            return None
        widget = page.followed_list()  # pages that keep track themselves
        if isinstance(widget, (QTreeWidget, RecordTable)):
            return widget
        table = self.last_table.get(id(page))
        if table is not None and table.isVisibleTo(page):
            return table
        widget = page.default_list()  # what setup and wrap-up show the room
        if isinstance(widget, RecordTable):
            return widget
        tables = visible_tables(page)
        return tables[0] if tables else None

    def selected(self, page: PhasePage | None) -> str | None:
        widget = self.active_list(page)
        return widget.current_id() if widget is not None else None


def visible_tables(page: PhasePage) -> list[RecordTable]:
    """The page's lists in the order they were built (left to right, top to bottom), shown ones only."""
    return [t for t in page.findChildren(RecordTable) if t.isVisibleTo(page)]


def category(page: PhasePage | None) -> str:
    return page.category_key() if page is not None else ""


# -- moving the selection from the keyboard (presentation mode) -------------------
def step_entry(widget: QWidget | None, step: int) -> bool:
    """Select the next (+1) or previous (−1) entry of a list or tree."""
    if isinstance(widget, QTreeWidget):
        item = widget.currentItem()
        if item is None:
            target = widget.topLevelItem(0)
        else:
            target = widget.itemBelow(item) if step > 0 else widget.itemAbove(item)
        if target is None:
            return False
        widget.setCurrentItem(target)
        return True
    if isinstance(widget, RecordTable):
        ids = widget.model.ids
        if not ids:
            return False
        row = widget.model.row_of(widget.current_id())
        target = 0 if row < 0 else row + step
        if not 0 <= target < len(ids):
            return False
        widget.select_id(ids[target])
        return True
    return False


def switch_list(tracker: SelectionTracker, page: PhasePage | None, step: int) -> bool:
    """Move the followed selection to the neighbouring list (Marketing ⇄ Sales, today ⇄ agreed)."""
    if page is None:
        return False
    tables = visible_tables(page)
    current = tracker.active_list(page)
    if current not in tables:
        return False
    index = tables.index(current) + step
    if not 0 <= index < len(tables):
        return False
    target = tables[index]
    item_id = target.current_id() or (target.model.ids[0] if target.model.ids else None)
    if item_id is None:
        return False
    # re-select so the page hears of it and makes this list its current one
    target.view.setCurrentIndex(QModelIndex())
    target.select_id(item_id)
    tracker.last_table[id(page)] = target
    return True


def step_category(page: PhasePage | None, step: int) -> bool:
    """Next or previous inventory category (the page's own tab bar)."""
    tabs = page.categories() if page is not None else None
    if not isinstance(tabs, QTabBar) or tabs.count() == 0:
        return False
    tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
    return True
