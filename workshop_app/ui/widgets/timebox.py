"""Timeboxes: a countdown per phase, and the actual time kept in the document.

One phase's clock runs at a time. The running seconds live here; the
document holds whole minutes (``AgendaItem.actual_minutes``) for the minutes,
written as one undoable command whenever the clock is paused or saved (time
records of one phase merge on the undo stack, so they never bury real edits).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from workshop_app.i18n import _
from workshop_app.model import Phase, UpdateAgenda
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.labels import phase_name
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip
from workshop_app.ui.widgets.style import TIME_ALERT, TIME_OK, TIME_WARN

WARN_FRACTION = 0.20
ALERT_FRACTION = 0.05
EXTEND_MINUTES = 5


def time_state(remaining: float, timebox_seconds: float) -> str:
    """'ok', 'warn' (≤ 20 % left), 'alert' (≤ 5 % left) or 'over'."""
    if timebox_seconds <= 0:
        return "ok"
    if remaining <= 0:
        return "over"
    if remaining <= ALERT_FRACTION * timebox_seconds:
        return "alert"
    if remaining <= WARN_FRACTION * timebox_seconds:
        return "warn"
    return "ok"


def format_clock(seconds: float) -> str:
    seconds = int(abs(seconds) + 0.5) if seconds < 0 else int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class TimeboxClock(QObject):
    """Elapsed seconds per phase; ``tick`` every second while a clock runs."""

    tick = Signal()

    def __init__(self, doc: Document, now: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self.doc, self.now = doc, now
        self.running: Phase | None = None
        self._started = 0.0
        self._elapsed: dict[Phase, float] = {}
        self._seen: dict[Phase, int | None] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick.emit)
        doc.changed.connect(lambda _op: self._sync())
        doc.replaced.connect(self._reset)

    # -- reading ---------------------------------------------------------------
    def _stored_minutes(self, phase: Phase) -> int | None:
        item = self.doc.workshop.agenda_item(phase)
        return item.actual_minutes if item else None

    def timebox_seconds(self, phase: Phase) -> float:
        item = self.doc.workshop.agenda_item(phase)
        return (item.timebox_minutes if item else 0) * 60.0

    def elapsed(self, phase: Phase) -> float:
        phase = Phase(phase)
        if phase not in self._elapsed:
            stored = self._stored_minutes(phase)
            self._elapsed[phase] = (stored or 0) * 60.0
            self._seen[phase] = stored
        extra = self.now() - self._started if self.running == phase else 0.0
        return self._elapsed[phase] + extra

    def remaining(self, phase: Phase) -> float:
        return self.timebox_seconds(phase) - self.elapsed(phase)

    def state(self, phase: Phase) -> str:
        return time_state(self.remaining(phase), self.timebox_seconds(phase))

    # -- control ---------------------------------------------------------------
    def start(self, phase: Phase) -> None:
        phase = Phase(phase)
        if self.running == phase:
            return
        if self.running is not None:
            self.pause()
        self.elapsed(phase)
        self.running, self._started = phase, self.now()
        self._timer.start()
        self.tick.emit()

    def pause(self) -> None:
        if self.running is None:
            return
        phase = self.running
        self._elapsed[phase] = self.elapsed(phase)
        self.running = None
        self._timer.stop()
        self.record(phase)
        self.tick.emit()

    def toggle(self, phase: Phase) -> None:
        if self.running == Phase(phase):
            self.pause()
        else:
            self.start(phase)

    def record(self, phase: Phase | None = None) -> None:
        """Write the elapsed whole minutes of ``phase`` (default: the running one) into the document."""
        phase = phase or self.running
        if phase is None:
            return
        seconds = self.elapsed(phase)
        minutes = int(seconds // 60 + (1 if seconds % 60 >= 30 else 0))
        if minutes == (self._stored_minutes(phase) or 0) or self.doc.read_only:
            return
        self._seen[phase] = minutes
        self.doc.push(UpdateAgenda(phase, {"actual_minutes": minutes}),
                      _("Record time for {phase}").format(phase=phase_name(phase)), merge_key=f"time:{phase}")

    def extend(self, phase: Phase, minutes: int = EXTEND_MINUTES) -> None:
        item = self.doc.workshop.agenda_item(phase)
        current = item.timebox_minutes if item else 0
        self.doc.push(UpdateAgenda(phase, {"timebox_minutes": current + minutes}),
                      _("Add {n} min to {phase}").format(n=minutes, phase=phase_name(phase)))

    # -- document sync ---------------------------------------------------------
    def _sync(self) -> None:
        """An undo (or another edit) changed stored minutes: follow the document."""
        for phase in list(self._elapsed):
            stored = self._stored_minutes(phase)
            if stored != self._seen.get(phase):
                self._seen[phase] = stored
                self._elapsed[phase] = (stored or 0) * 60.0
                if self.running == phase:
                    self._started = self.now()
        self.tick.emit()

    def _reset(self) -> None:
        self.running = None
        self._timer.stop()
        self._elapsed.clear()
        self._seen.clear()
        self.tick.emit()


class TimeboxWidget(QWidget):
    """The countdown of the phase on screen: time left, a bar, Start/Pause and +5 min."""

    def __init__(self, clock: TimeboxClock, parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = clock
        self.phase = Phase.SETUP
        self.time_label = PlainLabel("00:00")
        self.time_label.setProperty("role", "clock")
        self.time_label.setObjectName("timebox_clock")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caption = PlainLabel()
        self.caption.setProperty("role", "hint")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 1000)
        self.bar.setFixedHeight(6)
        self.start_button = QPushButton()
        self.start_button.setObjectName("timebox_start")
        self.start_button.clicked.connect(lambda: self.clock.toggle(self.phase))
        self.extend_button = QPushButton(_("+5 min"))
        self.extend_button.setObjectName("timebox_extend")
        self.extend_button.setToolTip(plain_tooltip(_("Give this phase five more minutes (Shift+F9)")))
        self.extend_button.clicked.connect(lambda: self.clock.extend(self.phase))
        for button in (self.start_button, self.extend_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.time_label)
        text.addWidget(self.caption)
        text.addWidget(self.bar)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.extend_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(text)
        layout.addLayout(buttons)
        clock.tick.connect(self.update_view)
        self.update_view()

    def set_phase(self, phase: Phase) -> None:
        self.phase = Phase(phase)
        self.update_view()

    def update_view(self) -> None:
        clock, phase = self.clock, self.phase
        total = clock.timebox_seconds(phase)
        remaining = clock.remaining(phase)
        state = clock.state(phase)
        colour = {"ok": TIME_OK, "warn": TIME_WARN}.get(state, TIME_ALERT)
        running = clock.running == phase
        if state == "over":
            self.time_label.setText("+" + format_clock(-remaining))
            caption = _("over time")
        else:
            self.time_label.setText(format_clock(max(remaining, 0)))
            caption = _("left of {n} min").format(n=int(total // 60))
        if not running:
            caption += " · " + _("paused")
        self.caption.setText(caption)
        if self.time_label.property("state") != state:  # re-style only when the colour changes
            self.time_label.setProperty("state", state)
            self.time_label.setStyleSheet(f"color: {colour};")
            self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour if state != 'ok' else '#0B6E99'}; }}")
        fraction = 0 if total <= 0 else min(1.0, clock.elapsed(phase) / total)
        self.bar.setValue(int(fraction * 1000))
        self.start_button.setText(_("Pause (F9)") if running else _("Start (F9)"))
