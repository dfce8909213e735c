"""The phase navigator: the seven phases, where the workshop stands, and time used.

Painted by a delegate (number, name, progress line, minutes used of the
timebox, a tick when done) so it reads well on the projector and scales
with View → Zoom.

The Conflicts line counts with :func:`~workshop_app.analysis.count_conflicts`
(the one definition every view and output uses). It needs the analysis, so
it follows an edit a moment later (a zero-delay timer, which also lets a
burst of edits share one count and keeps the analysis out of the window's
first paint); the analysis itself is the document's cached one, which the
Conflicts page and the projector share.

The navigator is part of the window's shell, painted before the model is
imported: this module needs only Qt and the phase names. A navigator made
without a document shows the names; :meth:`PhaseNavigator.attach` gives it the
document and the clock, and with them the progress lines and times.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from workshop_app.i18n import _, current_language
from workshop_app.model.enums import Phase
from workshop_app.ui.widgets.plain import plain_tooltip
from workshop_app.ui.widgets.style import NAV_MARK, NAV_SELECTED, TIME_ALERT, TIME_WARN
from workshop_app.vocabulary import PHASE_NAMES

if TYPE_CHECKING:
    from workshop_app.ui.document import Document
    from workshop_app.ui.widgets.timebox import TimeboxClock

ROLE_PROGRESS = Qt.ItemDataRole.UserRole + 1
ROLE_TIME = Qt.ItemDataRole.UserRole + 2
ROLE_DONE = Qt.ItemDataRole.UserRole + 3
ROLE_STATE = Qt.ItemDataRole.UserRole + 4
ROLE_RUNNING = Qt.ItemDataRole.UserRole + 5
#: The first count waits this long after the window is built, so the analysis stays out of its first paint.
FIRST_COUNT_MS = 300
#: Later counts wait for a pause this long in editing: typing a round of the alignment check or a
#: run of edits costs one analysis at the end, not one per key (the line is a summary, not a live meter).
COUNT_PAUSE_MS = 250


def phase_label(phase: Phase | str) -> str:
    """A phase's name in the UI language (as :func:`workshop_app.ui.widgets.labels.phase_name`,
    without the imports of the labels module, which the shell cannot afford)."""
    return _(PHASE_NAMES[Phase(phase)])


class PhaseDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        fm = option.fontMetrics
        return QSize(200, int(fm.height() * 3.3))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(NAV_SELECTED))
            painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), QColor(NAV_MARK))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor("#273544"))
        fm = option.fontMetrics
        pad = int(fm.height() * 0.8)
        number = index.row() + 1
        done = bool(index.data(ROLE_DONE))
        # number disc (a tick when the phase is done)
        d = int(fm.height() * 1.5)
        disc = QRect(rect.left() + pad, rect.top() + (rect.height() - d) // 2, d, d)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#009E73") if done else QColor(NAV_MARK if selected else "#3B4D5F"))
        painter.drawEllipse(disc)
        painter.setPen(QColor("white"))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, "✓" if done else str(number))
        # name (time used on the right) and the progress line below
        left = disc.right() + pad
        width = rect.right() - left - pad // 2
        line = fm.height()
        top = rect.top() + (rect.height() - int(line * 2.2)) // 2
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.85)
        state = index.data(ROLE_STATE)
        time_text = index.data(ROLE_TIME) or ""
        if index.data(ROLE_RUNNING):
            time_text = "▶ " + time_text
        painter.setFont(small)
        time_width = painter.fontMetrics().horizontalAdvance(time_text) + 6
        title_rect = QRect(left, top, width, line)
        painter.setPen(QPen(QColor({"warn": TIME_WARN, "alert": TIME_ALERT, "over": TIME_ALERT}.get(state, "#AFC0CF"))))
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, time_text)
        painter.setFont(bold if selected else option.font)
        painter.setPen(QColor("white" if selected else "#E8EEF3"))
        name = painter.fontMetrics().elidedText(index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight,
                                                max(0, width - time_width))
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(small)
        painter.setPen(QColor("#AFC0CF"))
        sub = QRect(left, top + int(line * 1.2), width, line)
        progress = painter.fontMetrics().elidedText(index.data(ROLE_PROGRESS) or "", Qt.TextElideMode.ElideRight, width)
        painter.drawText(sub, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, progress)
        painter.restore()


class PhaseNavigator(QListWidget):
    """The seven phases in order; the current row is the page on screen."""

    def __init__(self, doc: Document | None = None, clock: TimeboxClock | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.doc: Document | None = None
        self.clock: TimeboxClock | None = None
        self.setObjectName("navigator")
        self.setItemDelegate(PhaseDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setAccessibleName(_("Phases"))
        for phase in Phase:
            item = QListWidgetItem(phase_label(phase), self)
            item.setData(Qt.ItemDataRole.UserRole, str(phase))
            item.setToolTip(plain_tooltip(phase_label(phase)))
        self.fit_width()
        self.conflict_counts = None  # ConflictCounts of the document as last counted
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(FIRST_COUNT_MS)  # then COUNT_PAUSE_MS after each edit
        self._count_timer.timeout.connect(self.count_conflicts)
        if doc is not None and clock is not None:
            self.attach(doc, clock)

    def attach(self, doc: Document, clock: TimeboxClock) -> None:
        """Follow ``doc`` (progress lines, the Conflicts count) and ``clock`` (time used per phase)."""
        self.doc, self.clock = doc, clock
        doc.changed.connect(lambda _op: self.update_progress())
        doc.replaced.connect(self._replaced)
        clock.tick.connect(self.update_times)
        self.update_progress()

    def _replaced(self) -> None:
        self.conflict_counts = None  # another workshop: no stale numbers meanwhile
        self.update_progress()

    def fit_width(self) -> None:
        """Wide enough for the longest phase name in bold beside an over-run timebox ("105/90 min"),
        but never more than a fifth of the window (which calls this when it is resized): on a 1280-wide
        laptop the pages need the room."""
        bold = QFont(self.font())
        bold.setBold(True)
        names = max(QFontMetrics(bold).horizontalAdvance(phase_label(phase)) for phase in Phase)
        char = self.fontMetrics().averageCharWidth()
        wanted = names + self.fontMetrics().horizontalAdvance("105/90 min") + char * 10  # badge, gaps, padding
        window = self.window().width() if self.window() is not self else 0
        room = window * 0.21 if window > 0 else wanted
        self.setFixedWidth(int(max(char * 30, min(wanted, room, char * 44))))

    def changeEvent(self, e) -> None:  # Qt override
        super().changeEvent(e)
        if e.type() == e.Type.FontChange:
            self.fit_width()

    def phase_at(self, row: int) -> Phase:
        return list(Phase)[row]

    def count_conflicts(self) -> None:
        """Count the conflicts now (the timer does it after edits) and show the Conflicts line."""
        from workshop_app.analysis import count_conflicts

        self._count_timer.stop()
        if self.doc is None:
            return
        self._count_timer.setInterval(COUNT_PAUSE_MS)
        self.conflict_counts = count_conflicts(self.doc.conflict_views(current_language()))
        self._show_progress()

    def update_progress(self) -> None:
        self._show_progress()
        self._count_timer.start()

    def _show_progress(self) -> None:
        if self.doc is None:
            return
        from workshop_app.ui.progress import element_counts, phase_progress

        doc = self.doc.workshop
        counts = element_counts(doc, self.conflict_counts)
        for row, phase in enumerate(Phase):
            item = self.item(row)
            item.setData(ROLE_PROGRESS, phase_progress(doc, phase, counts))
            entry = doc.agenda_item(phase)
            item.setData(ROLE_DONE, bool(entry and entry.done))
        self.update_times()

    def update_times(self) -> None:
        if self.clock is None:
            return
        for row, phase in enumerate(Phase):
            item = self.item(row)
            used = int(self.clock.elapsed(phase) // 60)
            total = int(self.clock.timebox_seconds(phase) // 60)
            text = _("{used}/{total} min").format(used=used, total=total)
            if item.data(ROLE_TIME) != text:
                item.setData(ROLE_TIME, text)
            state = self.clock.state(phase) if (used or self.clock.running == phase) else "ok"
            if item.data(ROLE_STATE) != state:
                item.setData(ROLE_STATE, state)
            running = self.clock.running == phase
            if item.data(ROLE_RUNNING) != running:
                item.setData(ROLE_RUNNING, running)
