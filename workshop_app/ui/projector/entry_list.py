"""Lists of entries painted for the wall: wrapped, never cut mid-glyph, windowed around the selection.

Why painted rather than labels and tables: on the wall nothing may be cut
off mid-glyph or hidden behind a scroll bar nobody can operate. An
:class:`EntryList` measures every line for the width it gets, wraps titles
(two lines; the selected entry, which the room discusses, up to five) and
ends longer text with "…"; when the list is longer than its space it shows a
window around the selected entry, with "▲ 3 more" / "▼ 5 more" where entries
were left out. Sizes derive from the widget's font, which presentation mode
scales (Ctrl+Plus/Minus).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.i18n import ngettext
from workshop_app.ui.projector.audience_content import Column, Entry
from workshop_app.ui.widgets.theme import (
    DONE,
    FAINT_RULE,
    INK,
    MUTED,
    ON_SIDE_FILL,
    PAPER,
    RULE,
    SELECTED_FILL,
    SIDE_FILLS,
)

ELIDE = Qt.TextElideMode.ElideRight
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
#: Lines the selected entry's title and detail may take: the room reads the entry under discussion in full.
SELECTED_LINES = 5


def sized(font: QFont, factor: float, bold: bool = False, family: str | None = None) -> QFont:
    """``font`` scaled by ``factor`` (and bold, or in another family)."""
    result = QFont(font)
    if family:
        result.setFamily(family)
    result.setPointSizeF(max(font.pointSizeF(), 1.0) * factor)
    result.setBold(bold)
    return result


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(piece, space before it): words, split after their own hyphens so "Content-Marketing-Managerin"
    can break as "Content-Marketing-" / "Managerin" rather than inside a part."""
    tokens = []
    for word in (w for w in re.split(r"[^\S\u00a0]+", text) if w):  # a no-break space holds "3 months" together
        parts = [p for p in re.split(r"(?<=-)(?=.)", word) if p]
        tokens += [(part, n == 0) for n, part in enumerate(parts)]
    return tokens


def _fit(fm: QFontMetrics, word: str, width: int) -> int:
    """How many leading characters of ``word`` fit ``width`` with a hyphen (at least 1).

    A binary search: a pasted 5,000-character "word" must not cost thousands
    of measurements while the room waits.
    """
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fm.horizontalAdvance(word[:mid] + "-") <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _cut(fm: QFontMetrics, word: str, width: int, limit: int) -> list[str]:
    """A piece longer than a line, cut with a hyphen where nothing else helps; at most ``limit`` cuts."""
    pieces = []
    while len(pieces) < limit and len(word) > 1 and fm.horizontalAdvance(word) > width:
        cut = _fit(fm, word, width)
        pieces.append(word[:cut] + "-")
        word = word[cut:]
    return [*pieces, word]


def wrap(fm: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    """``text`` in lines no wider than ``width``; the last allowed line ends in "…" when cut."""
    width = max(width, 8)
    lines: list[str] = []
    line = ""
    for piece, spaced in _tokens(text):
        candidate = (f"{line} {piece}" if spaced else line + piece) if line else piece
        if fm.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        *full, line = _cut(fm, piece, width, max_lines + 1 - len(lines))
        lines += full
        if len(lines) > max_lines:
            break
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = [*lines[:max_lines - 1], fm.elidedText(rest, ELIDE, width)]
    return lines or [""]


@dataclass
class Row:
    """One entry laid out: where it goes and its lines."""

    entry: Entry
    height: int
    caption: str = ""
    title: list[str] = field(default_factory=list)
    detail: list[str] = field(default_factory=list)
    top: int = 0


class EntryList(QWidget):
    """A column of entries with an optional heading band (side-coloured for Marketing and Sales)."""

    def __init__(self, parent: QWidget | None = None, title_lines: int = 2, detail_lines: int = 2):
        super().__init__(parent)
        self.column = Column("")
        self.selected: str | None = None
        self.title_lines, self.detail_lines = title_lines, detail_lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(40, 40)
        self._cache: tuple | None = None

    def set_column(self, column: Column, selected: str | None = None) -> None:
        self.column, self.selected = column, selected
        self._cache = None
        self.update()

    # -- measuring -------------------------------------------------------------
    def _fonts(self) -> dict[str, QFont]:
        base = self.font()
        return {"title": sized(base, 1.0, True), "detail": sized(base, 0.8), "caption": sized(base, 0.72),
                "group": sized(base, 0.8, True), "head": sized(base, 1.05, True), "plain": sized(base, 1.0)}

    def _em(self) -> int:
        return QFontMetrics(self.font()).height()

    def head_lines(self, width: int | None = None) -> list[str]:
        """The heading, wrapped to two lines at most (a column title is never cut off after a few letters)."""
        if not self.column.title:
            return []
        width = self.width() if width is None else width
        return wrap(QFontMetrics(self._fonts()["head"]), self.column.title, width - self._em(), 2)

    def head_height(self, width: int | None = None) -> int:
        lines = self.head_lines(width)
        if not lines:
            return 0
        line = QFontMetrics(self._fonts()["head"]).height()
        return int(line * (len(lines) + 0.6))

    def _text_left(self, entry: Entry, markers: int) -> int:
        em = self._em()
        stripe = max(6, int(em * 0.3)) if entry.side is not None else 0
        return stripe + int(em * 0.5) + int(entry.level * em * 1.2) + markers

    def _measure(self, entry: Entry, width: int, markers: int) -> Row:
        fonts, em = self._fonts(), self._em()
        pad = int(em * 0.35)
        if entry.group:
            fm = QFontMetrics(fonts["group"])
            return Row(entry, fm.height() + pad * 3, title=[fm.elidedText(entry.title, ELIDE, width - em)])
        left = self._text_left(entry, markers)
        badge = QFontMetrics(fonts["title"]).horizontalAdvance(entry.badge) + em if entry.badge else 0
        text_width = max(width - left - badge - int(em * 0.5), em * 3)
        row = Row(entry, pad * 2)
        followed = bool(entry.id) and entry.id == self.selected  # the entry the room discusses: in full
        title_lines = max(self.title_lines, SELECTED_LINES) if followed else self.title_lines
        detail_lines = max(self.detail_lines, SELECTED_LINES) if followed else self.detail_lines
        if entry.caption:
            fm = QFontMetrics(fonts["caption"])
            row.caption = fm.elidedText(entry.caption, ELIDE, text_width)
            row.height += fm.height()
        fm = QFontMetrics(fonts["title"])
        row.title = wrap(fm, entry.title, text_width, title_lines)
        row.height += fm.height() * len(row.title)
        if entry.detail:
            fm = QFontMetrics(fonts["detail"])
            row.detail = wrap(fm, entry.detail, text_width, detail_lines)
            row.height += fm.height() * len(row.detail)
        return row

    def _marker_width(self) -> int:
        markers = [e.marker for e in self.column.entries if e.marker and not e.group]
        if not markers:
            return 0
        fm = QFontMetrics(self._fonts()["title"])
        return max(fm.horizontalAdvance(m) for m in markers) + int(self._em() * 0.4)

    def indicator_height(self) -> int:
        return int(QFontMetrics(self._fonts()["detail"]).height() * 1.4)

    def layout_rows(self) -> tuple[list[Row], int, int]:
        """(rows shown with their tops, entries left out above, entries left out below)."""
        key = (self.width(), self.height(), id(self.column), self.selected, self.font().pointSizeF())
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        entries = self.column.entries
        n, width = len(entries), self.width()
        available = self.height() - self.head_height()
        markers = self._marker_width()
        measured: dict[int, Row] = {}

        def height(i: int) -> int:
            if i not in measured:
                measured[i] = self._measure(entries[i], width, markers)
            return measured[i].height

        ind = self.indicator_height()

        def fits(start: int, end: int) -> bool:
            need = sum(height(i) for i in range(start, end))
            return need + (ind if start > 0 else 0) + (ind if end < n else 0) <= available

        anchor = next((i for i, e in enumerate(entries) if e.id and e.id == self.selected), 0)
        start, end = 0, 0
        while end < n and fits(0, end + 1):
            end += 1
        if n and end <= anchor:  # the selected entry is further down: show it with one entry above
            start, end = anchor, anchor + 1
            if start > 0 and fits(start - 1, end):
                start -= 1
            while end < n and fits(start, end + 1):
                end += 1
            while start > 0 and fits(start - 1, end):
                start -= 1
        while end - start > 1 and entries[end - 1].group:  # a sub-heading is never the last line shown
            end -= 1
        top = self.head_height() + (ind if start > 0 else 0)
        rows = []
        for i in range(start, end):
            height(i)
            row = measured[i]
            row.top = top
            top += row.height
            rows.append(row)
        result = (rows, start, n - end)
        self._cache = (key, result)
        return result

    def natural_height(self, width: int) -> int:
        """The height that shows every entry at ``width`` (for stacking two lists in one column)."""
        markers = self._marker_width()
        total = self.head_height(width) + sum(self._measure(e, width, markers).height for e in self.column.entries)
        if not self.column.entries and self.column.empty:
            total += self._em() * 2
        return total

    def shown_ids(self) -> list[str]:
        """Ids of the entries on screen right now (tests, and what the room can read)."""
        return [row.entry.id for row in self.layout_rows()[0] if not row.entry.group]

    def resizeEvent(self, event) -> None:  # Qt override
        self._cache = None
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # Qt override
        if event.type() == event.Type.FontChange:
            self._cache = None
        super().changeEvent(event)

    # -- painting --------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(PAPER))
        fonts, em = self._fonts(), self._em()
        self._paint_head(painter, fonts)
        rows, above, below = self.layout_rows()
        if not self.column.entries and self.column.empty:
            painter.setFont(sized(self.font(), 0.9))
            painter.setPen(QColor(MUTED))
            painter.drawText(QRect(int(em * 0.5), self.head_height() + int(em * 0.4), self.width() - em, em * 2),
                             LEFT, QFontMetrics(painter.font()).elidedText(self.column.empty, ELIDE, self.width() - em))
        markers = self._marker_width()
        for row in rows:
            self._paint_row(painter, row, markers, fonts)
        ind = self.indicator_height()
        painter.setFont(fonts["detail"])
        painter.setPen(QColor(MUTED))
        if above:
            painter.drawText(QRect(0, self.head_height(), self.width(), ind), CENTER,
                             "▲ " + ngettext("{n} more", "{n} more", above).format(n=above))
        if below:
            bottom = rows[-1].top + rows[-1].height if rows else self.head_height()
            painter.drawText(QRect(0, bottom, self.width(), ind), CENTER,
                             "▼ " + ngettext("{n} more", "{n} more", below).format(n=below))
        painter.end()

    def _paint_head(self, painter: QPainter, fonts: dict[str, QFont]) -> None:
        height = self.head_height()
        if not height:
            return
        side = self.column.side
        line = QFontMetrics(fonts["head"]).height()
        pad = int(self._em() * 0.5)
        painter.setFont(fonts["head"])
        if side is not None:
            painter.fillRect(QRect(0, 0, self.width(), height - 4), QColor(SIDE_FILLS[side]))
            painter.setPen(QColor(ON_SIDE_FILL[side]))
        else:
            painter.fillRect(QRect(0, height - 8, self.width(), 4), QColor(RULE))
            painter.setPen(QColor(INK))
        lines = self.head_lines()
        top = (height - 4 - line * len(lines)) // 2
        for n, text in enumerate(lines):
            painter.drawText(QRect(pad, top + n * line, self.width() - 2 * pad, line), LEFT, text)

    def _paint_row(self, painter: QPainter, row: Row, markers: int, fonts: dict[str, QFont]) -> None:
        entry, em = row.entry, self._em()
        pad = int(em * 0.35)
        rect = QRect(0, row.top, self.width(), row.height)
        if entry.group:
            painter.setFont(fonts["group"])
            painter.setPen(QColor(MUTED))
            text_rect = QRect(int(em * 0.5), row.top + pad * 2, self.width() - em, row.height - pad * 2)
            painter.drawText(text_rect, LEFT, row.title[0])
            painter.fillRect(QRect(int(em * 0.5), rect.bottom() - 1, self.width() - em, 2), QColor(MUTED))
            return
        selected = bool(entry.id) and entry.id == self.selected
        if selected:
            painter.fillRect(rect, QColor(SELECTED_FILL))
        else:
            painter.fillRect(QRect(0, rect.bottom(), self.width(), 1), QColor(FAINT_RULE))
        if entry.side is not None:
            painter.fillRect(QRect(0, row.top + 2, max(6, int(em * 0.3)), row.height - 4), QColor(SIDE_FILLS[entry.side]))
        left = self._text_left(entry, markers)
        ink = QColor(MUTED if entry.done else INK)
        y = row.top + pad
        if row.caption:
            painter.setFont(fonts["caption"])
            painter.setPen(QColor(MUTED))
            h = QFontMetrics(fonts["caption"]).height()
            painter.drawText(QRect(left, y, self.width() - left, h), LEFT, row.caption)
            y += h
        title_fm = QFontMetrics(fonts["title"])
        if entry.marker:
            painter.setFont(fonts["title"])
            painter.setPen(QColor(DONE) if entry.marker == "✓" else ink)
            painter.drawText(QRect(left - markers, y, markers, title_fm.height()), LEFT, entry.marker)
        if entry.badge:
            painter.setFont(fonts["title"])
            painter.setPen(ink)
            painter.drawText(QRect(0, y, self.width() - int(em * 0.5), title_fm.height()), RIGHT, entry.badge)
        painter.setFont(fonts["title"])
        painter.setPen(ink)
        for line in row.title:
            painter.drawText(QRect(left, y, self.width() - left, title_fm.height()), LEFT, line)
            y += title_fm.height()
        if row.detail:
            painter.setFont(fonts["detail"])
            painter.setPen(QColor(MUTED))
            h = QFontMetrics(fonts["detail"]).height()
            for line in row.detail:
                painter.drawText(QRect(left, y, self.width() - left, h), LEFT, line)
                y += h
        if selected:
            width = max(3, int(em * 0.16))
            painter.setPen(QPen(QColor(INK), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(width / 2, width / 2, -width / 2, -width / 2))


class Stacked(QWidget):
    """Two entry lists in one column: the upper one as tall as it needs (at most ``share`` of the
    height, less if the lower one would get less than it needs), the lower one the rest."""

    def __init__(self, upper: EntryList, lower: EntryList, share: float = 0.6, gap: int = 24,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.top_list, self.bottom_list, self.share, self.gap = upper, lower, share, gap
        for widget in (upper, lower):
            widget.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def relayout(self) -> None:
        width, height = self.width(), self.height()
        if not self.bottom_list.isVisibleTo(self):
            self.top_list.setGeometry(0, 0, width, height)
            return
        if not self.top_list.isVisibleTo(self):
            self.bottom_list.setGeometry(0, 0, width, height)
            return
        room = height - self.gap
        want_upper, want_lower = self.top_list.natural_height(width), self.bottom_list.natural_height(width)
        if want_upper + want_lower <= room:
            upper = want_upper
        else:
            upper = min(want_upper, max(int(room * self.share), room - want_lower))
        self.top_list.setGeometry(0, 0, width, upper)
        self.bottom_list.setGeometry(0, upper + self.gap, width, room - upper)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self.relayout()
