"""Painted parts of the projector view besides the lists: the header, the dot-vote chart, a title line.

Painted for the same reason as :mod:`entry_list`: every text is measured for
the space it gets and ends in "…" rather than being cut off, and sizes follow
the presentation type scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.display_text import shown
from workshop_app.i18n import _, ngettext
from workshop_app.ui.projector.audience_content import VoteResults
from workshop_app.ui.projector.entry_list import CENTER, ELIDE, LEFT, RIGHT, sized, wrap
from workshop_app.ui.widgets.theme import DONE, INK, MUTED, PAPER, RULE, SELECTED_FILL, TIME_ALERT, TIME_WARN


class VoteChart(QWidget):
    """Dot-vote results as horizontal bars, most dots first; the selected conflict framed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.results = VoteResults([], 0, 0)
        self.selected: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_results(self, results: VoteResults, selected: str | None = None) -> None:
        self.results, self.selected = results, selected
        self.update()

    def summary(self) -> str:
        placed, possible = self.results.placed, self.results.possible
        if possible:
            return _("{placed} of {possible} dots placed").format(placed=placed, possible=possible)
        return ngettext("{n} dot placed", "{n} dots placed", placed).format(n=placed)

    def bars_shown(self) -> list[tuple[str, str, int]]:
        """The bars that fit, in order (the rest are counted in a "▼ more" line)."""
        em = QFontMetrics(self.font()).height()
        row = int(em * 2.6)
        available = self.height() - int(em * 2.2) - em
        count = max(0, available // row)
        bars = self.results.bars
        return bars if len(bars) <= count else bars[:max(count - 1, 0)]

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(PAPER))
        base = self.font()
        em = QFontMetrics(base).height()
        pad = int(em * 0.5)
        head = sized(base, 1.05, True)
        painter.setFont(head)
        painter.setPen(QColor(INK))
        title = _("Dot-vote results") + " · " + self.summary()
        painter.drawText(QRect(pad, 0, self.width() - 2 * pad, int(em * 1.6)), LEFT,
                         QFontMetrics(head).elidedText(title, ELIDE, self.width() - 2 * pad))
        painter.fillRect(QRect(0, int(em * 1.6), self.width(), 4), QColor(RULE))
        bars = self.bars_shown()
        if not self.results.bars:
            painter.setFont(sized(base, 0.9))
            painter.setPen(QColor(MUTED))
            painter.drawText(QRect(pad, int(em * 2.2), self.width() - 2 * pad, em * 2), LEFT, _("No conflicts to vote on yet."))
        top_votes = max((b[2] for b in self.results.bars), default=0) or 1
        label_w = int(self.width() * 0.42)
        title_font = sized(base, 0.95, True)
        fm = QFontMetrics(title_font)
        count_font = sized(base, 1.1, True)
        count_w = QFontMetrics(count_font).horizontalAdvance("888") + pad
        bar_left = label_w + pad
        bar_span = max(self.width() - bar_left - count_w - pad, 10)
        row_h = int(em * 2.6)
        y = int(em * 2.2)
        for bar_id, title_text, votes in bars:
            rect = QRect(0, y, self.width(), row_h)
            if bar_id == self.selected:
                painter.fillRect(rect, QColor(SELECTED_FILL))
            painter.setFont(title_font)
            painter.setPen(QColor(INK))
            lines = wrap(fm, title_text, label_w - pad, 2)
            text_top = y + (row_h - fm.height() * len(lines)) // 2
            for n, line in enumerate(lines):
                painter.drawText(QRect(pad, text_top + n * fm.height(), label_w - pad, fm.height()), LEFT, line)
            length = int(bar_span * votes / top_votes)
            bar = QRect(bar_left, y + int(row_h * 0.2), max(length, 3), int(row_h * 0.6))
            painter.fillRect(bar, QColor(INK))
            painter.setFont(count_font)
            painter.drawText(QRect(bar.right() + pad // 2, y, count_w, row_h), LEFT, str(votes))
            if bar_id == self.selected:
                width = max(3, int(em * 0.16))
                painter.setPen(QPen(QColor(INK), width))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(rect).adjusted(width / 2, width / 2, -width / 2, -width / 2))
            y += row_h
        left_out = len(self.results.bars) - len(bars)
        if left_out:
            painter.setFont(sized(base, 0.8))
            painter.setPen(QColor(MUTED))
            painter.drawText(QRect(0, y, self.width(), em), CENTER,
                             "▼ " + ngettext("{n} more", "{n} more", left_out).format(n=left_out))
        painter.end()


@dataclass
class HeaderData:
    """What the header shows: where the workshop stands and how much time the phase has left."""

    number: int = 1
    count: int = 7
    title: str = ""
    workshop: str = ""
    progress: str = ""
    done: list[bool] = field(default_factory=list)
    clock: str = ""
    caption: str = ""
    state: str = "ok"


class HeaderBar(QWidget):
    """Phase title, phase discs (done ✓ / current / to come), progress and the timebox, painted large."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = HeaderData()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def set_data(self, data: HeaderData) -> None:
        self.data = data
        self.update()

    def _fonts(self) -> dict[str, QFont]:
        base = self.font()
        return {"small": sized(base, 0.8), "title": sized(base, 1.9, True),
                "clock": sized(base, 2.0, True, "DejaVu Sans Mono"), "disc": sized(base, 0.8, True)}

    def _fit(self) -> None:
        f = self._fonts()
        small, title = QFontMetrics(f["small"]).height(), QFontMetrics(f["title"]).height()
        self.setFixedHeight(int(small * 2.5 + title * 1.1 + 12))

    def changeEvent(self, event) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit()

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(PAPER))
        f, d = self._fonts(), self.data
        small_fm, title_fm, clock_fm = (QFontMetrics(f[k]) for k in ("small", "title", "clock"))
        em = QFontMetrics(self.font()).height()
        pad = int(em * 0.7)
        clock_w = max(clock_fm.horizontalAdvance(d.clock or "00:00"), small_fm.horizontalAdvance(d.caption)) + pad
        right = self.width() - pad
        text_w = right - clock_w - pad * 2
        small_h = small_fm.height()
        y = int(small_h * 0.4)
        # phase discs on the top right of the text block, the "Phase n of 7 · title" line to their left
        disc = int(small_h * 1.25)
        discs_w = (disc + 8) * d.count
        discs_left = pad + text_w - discs_w
        painter.setFont(f["disc"])
        for i in range(d.count):
            rect = QRect(discs_left + i * (disc + 8), y, disc, disc)
            current, done = i + 1 == d.number, i < len(d.done) and d.done[i]
            painter.setPen(QPen(QColor(INK), 2))
            painter.setBrush(QColor(INK if current else (DONE if done else PAPER)))
            painter.drawEllipse(rect)
            painter.setPen(QColor(PAPER if (current or done) else INK))
            painter.drawText(rect, CENTER, "✓" if done and not current else str(i + 1))
        painter.setFont(f["small"])
        painter.setPen(QColor(MUTED))
        line = _("Phase {n} of {total}").format(n=d.number, total=d.count) + (f" · {d.workshop}" if d.workshop else "")
        painter.drawText(QRect(pad, y, max(text_w - discs_w - pad, 10), disc), LEFT,
                         small_fm.elidedText(line, ELIDE, max(text_w - discs_w - pad, 10)))
        y += int(small_h * 1.3)
        painter.setFont(f["title"])
        painter.setPen(QColor(INK))
        painter.drawText(QRect(pad, y, text_w, title_fm.height()), LEFT, title_fm.elidedText(d.title, ELIDE, text_w))
        y += int(title_fm.height() * 1.05)
        painter.setFont(f["small"])
        painter.setPen(QColor(MUTED))
        painter.drawText(QRect(pad, y, text_w, small_h), LEFT, small_fm.elidedText(d.progress, ELIDE, text_w))
        # the timebox: big digits, its caption below
        colour = {"warn": TIME_WARN, "alert": TIME_ALERT, "over": TIME_ALERT}.get(d.state, INK)
        clock_top = int(small_h * 1.7)
        painter.setFont(f["clock"])
        painter.setPen(QColor(colour))
        painter.drawText(QRect(right - clock_w, clock_top, clock_w, clock_fm.height()), RIGHT, d.clock)
        painter.setFont(f["small"])
        painter.drawText(QRect(right - clock_w - pad, clock_top + clock_fm.height(), clock_w + pad, small_h), RIGHT,
                         small_fm.elidedText(d.caption, ELIDE, clock_w + pad))
        painter.fillRect(QRect(0, self.height() - 5, self.width(), 5), QColor(RULE))
        painter.end()


class TitleLine(QWidget):
    """A bold line and a plain one under it (the inventory category and its question)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def set_text(self, title: str, text: str) -> None:
        self.title, self.text = shown(title), shown(text)
        self.update()

    def _fit(self) -> None:
        base = self.font()
        self.setFixedHeight(QFontMetrics(sized(base, 1.1, True)).height() + QFontMetrics(sized(base, 0.8)).height() + 10)

    def changeEvent(self, event) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit()

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PAPER))
        bold, small = sized(self.font(), 1.1, True), sized(self.font(), 0.8)
        fm_bold, fm_small = QFontMetrics(bold), QFontMetrics(small)
        painter.setFont(bold)
        painter.setPen(QColor(INK))
        painter.drawText(QRect(0, 0, self.width(), fm_bold.height()), LEFT, fm_bold.elidedText(self.title, ELIDE, self.width()))
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        painter.drawText(QRect(0, fm_bold.height(), self.width(), fm_small.height()), LEFT,
                         fm_small.elidedText(self.text, ELIDE, self.width()))
        painter.end()


