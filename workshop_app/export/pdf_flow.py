"""How the minutes flow over pages: whole table rows, and headings kept with what they introduce.

A reader who finds half a table row at the foot of a page and the rest on the
next one, or a heading alone at the bottom with its text overleaf, reads the
page as broken. Two flowables keep the pages whole:

* :func:`row_keeping_table_class` — a reportlab ``Table`` that splits only
  between rows. Only a row taller than a whole page is split inside (it could
  not be printed otherwise); its continuation starts a page with the table's
  heading row repeated (``repeatRows``).
* :class:`keep_with_first <keep_with_first>` — a ``CondPageBreak`` whose
  height is measured when it is laid out: the heading(s) plus the first block
  of what follows (a table's heading row and first row, a paragraph's first
  lines). Unlike ``keepWithNext`` it never moves a long table to a new page as
  a whole, so no half-empty pages.

reportlab is imported when these are first used, not with this module.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: A table row split inside needs at least this much room on the page it starts on (points).
MIN_IN_ROW_SPLIT = 60.0
#: Lines of a paragraph that must fit under a heading that introduces it.
FIRST_LINES = 3
#: Rows of a table without heading row (label and value) kept with the heading that introduces it.
KEEP_ROWS = 4


def _frame_height() -> float:
    from workshop_app.export.pdf_layout import frame_size

    return frame_size("portrait")[1]


@lru_cache(maxsize=1)
def row_keeping_table_class() -> type:
    """``Table`` that never splits a row across pages unless the row is taller than a page."""
    from reportlab.platypus import Table

    class RowKeepingTable(Table):
        #: set on the rest of a table split between rows: it goes on a new page, never on the same one
        _continuation = False

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            self._calc(availWidth, availHeight)
            parts = self._splitRows(availHeight, doInRowSplit=0)
            if parts:
                if len(parts) == 2:
                    parts[1]._continuation = True
                return parts
            repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
            if len(self._rowHeights) <= repeat:
                return []
            needed = sum(self._rowHeights[: repeat + 1])
            page = _frame_height()
            if needed <= page + 1e-6:  # the row fits on a page of its own: move it there
                return []
            if availHeight < MIN_IN_ROW_SPLIT or (self._continuation and availHeight < page - 1):
                return []
            parts = self._splitRows(availHeight, doInRowSplit=1)
            if len(parts) == 2:
                parts[1]._continuation = True
            return parts

    return RowKeepingTable


def block_height(flowable: Any, width: float) -> float:
    """The height that must fit below a heading for ``flowable`` to start on the same page."""
    from reportlab.platypus import Paragraph, Table

    if isinstance(flowable, (list, tuple)):  # an introduction and its table: all of the first, the start of the last
        if not flowable:
            return 0.0
        *whole, last = flowable
        return sum(f.wrap(width, 1e9)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in whole) + block_height(last, width)
    if isinstance(flowable, KeepWithFirstMixin):
        return flowable.needed(width)
    if isinstance(flowable, Table):
        return _first_rows_height(flowable, width)
    if isinstance(flowable, Paragraph):
        h = flowable.wrap(width, 1e9)[1]
        return min(h, FIRST_LINES * flowable.style.leading) + flowable.getSpaceBefore()
    parts = getattr(flowable, "parts", None)  # a long text in pieces (pdf_blocks.long_text_class)
    if parts:
        return block_height(parts[0], width)
    if hasattr(flowable, "wrap"):
        return float(flowable.wrap(width, 1e9)[1]) + flowable.getSpaceBefore()
    return 0.0


def _first_rows_height(table: Any, width: float) -> float:
    """Heading row(s) and first row of ``table``: measured from the cells, without laying out the table."""
    rows = table._cellvalues
    repeat = table.repeatRows if isinstance(table.repeatRows, int) else max(table.repeatRows) + 1
    widths = table._argW
    styles = table._cellStyles
    # a table without a heading row is a short list of facts (the pilot's): keep a few rows with the heading
    first = repeat + 1 if repeat else min(len(rows), KEEP_ROWS)
    total = 0.0
    for r in range(min(len(rows), first)):
        tallest = 0.0
        for c, value in enumerate(rows[r]):
            style = styles[r][c]
            inner = (widths[c] or width) - style.leftPadding - style.rightPadding
            items = value if isinstance(value, (list, tuple)) else [value]
            h = 0.0
            for item in items:
                if hasattr(item, "wrap"):
                    h += item.wrap(inner, 1e9)[1] + item.getSpaceBefore() + item.getSpaceAfter()
                elif isinstance(item, str) and item:
                    h += 1.2 * style.fontsize * (item.count("\n") + 1)
            tallest = max(tallest, h + style.topPadding + style.bottomPadding)
        total += tallest
    return total


class KeepWithFirstMixin:
    """Marker for :func:`keep_with_first` guards (so a guard before a guard adds both up)."""

    def needed(self, width: float) -> float:  # pragma: no cover - overridden
        raise NotImplementedError


@lru_cache(maxsize=1)
def _guard_class() -> type:
    from reportlab.platypus import CondPageBreak

    class KeepWithFirst(KeepWithFirstMixin, CondPageBreak):
        def __init__(self, heads: list[Any], following: Any) -> None:
            super().__init__(0)
            self.heads = heads
            self.following = following

        def needed(self, width: float) -> float:
            heads = sum(h.wrap(width, 1e9)[1] + h.getSpaceBefore() + h.getSpaceAfter() for h in self.heads)
            return heads + (block_height(self.following, width) if self.following is not None else 0.0)

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            self.height = min(self.needed(availWidth), _frame_height())
            return super().wrap(availWidth, availHeight)

        def __repr__(self) -> str:
            return f"KeepWithFirst({len(self.heads)} heading(s))"

    return KeepWithFirst


def keep_with_first(heads: list[Any], following: Any) -> list[Any]:
    """``heads`` (heading flowables) preceded by a guard that moves them on unless ``following`` can start below."""
    return [_guard_class()(heads, following), *heads]
