"""What the room sees of a round: each side's score and stage, the profile, the gap per statement.

The pictures are the export layer's (:mod:`workshop_app.export.alignment_chart`),
drawn into Qt canvases, so the app, the projector and the minutes show the
same chart. Drawing waits until the view is visible and is debounced, so
typing a round in costs no chart redraw per keystroke.
"""

from __future__ import annotations

import warnings

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from workshop_app.analysis.alignment import (
    GAP_THRESHOLD,
    MIN_RESPONDENTS,
    RoundResult,
    changes,
    earlier_round,
    score_round,
)
from workshop_app.export.alignment_chart import draw_gaps, draw_sides
from workshop_app.i18n import _, current_language
from workshop_app.locale_format import format_number
from workshop_app.model import Workshop
from workshop_app.ui.widgets.labels import side_name
from workshop_app.ui.widgets.plain import PlainLabel

REDRAW_DELAY_MS = 120
#: Smallest canvas (pixels): below it the charts' layout collapses.
MIN_CANVAS_PX = (320, 260)
# A canvas drawn before its window is laid out is tiny for one paint; it is drawn again at its size.
warnings.filterwarnings("ignore", message=r"constrained_layout not applied", category=UserWarning)


class ResultsView(QWidget):
    """Stage band and profile on the left, the diverging gap chart on the right, a line on how it is scored."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alignment_results")
        self.doc: Workshop | None = None
        self.round_id: str | None = None
        self.lang = current_language()
        self.sides_figure = Figure(figsize=(6, 5), layout="constrained")
        self.gaps_figure = Figure(figsize=(7, 5), layout="constrained")
        self.sides_canvas = FigureCanvasQTAgg(self.sides_figure)
        self.gaps_canvas = FigureCanvasQTAgg(self.gaps_figure)
        for canvas in (self.sides_canvas, self.gaps_canvas):
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            canvas.setMinimumSize(*MIN_CANVAS_PX)
        self.change = PlainLabel("")
        self.change.setObjectName("alignment_change")
        how = QLabel(_("Score: each side's mean answer × 20 (20–100). Stages: undefined 20–39, defined 40–59, "
                       "aligned 60–79, integrated 80–100. A side with fewer than {n} respondents is not shown. "
                       "Gaps of {gap} points or more become findings on the Conflicts page.").format(
            n=MIN_RESPONDENTS, gap=format_number(GAP_THRESHOLD, self.lang, 1)))
        how.setWordWrap(True)
        how.setObjectName("alignment_how")
        charts = QHBoxLayout()
        charts.addWidget(self.sides_canvas, 5)
        charts.addWidget(self.gaps_canvas, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(charts, 1)
        layout.addWidget(self.change)
        layout.addWidget(how)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self.redraw)
        self.result: RoundResult | None = None

    def show_round(self, doc: Workshop, round_id: str | None) -> None:
        """Show ``round_id`` of ``doc`` (drawn when visible); call again after every change."""
        self.doc, self.round_id = doc, round_id
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self._timer.start()

    def redraw(self) -> None:
        doc = self.doc
        if doc is None or self.round_id is None or doc.alignment.round(self.round_id) is None:
            self.result = None
            self.sides_figure.clear()
            self.gaps_figure.clear()
            self.change.setText("")
        else:
            self.result = score_round(doc.alignment, self.round_id)
            before = earlier_round(doc.alignment, self.round_id)
            draw_sides(self.sides_figure, self.result, self.lang)
            draw_gaps(self.gaps_figure, self.result, self.lang, before=before)
            self.change.setText(self._change_text(before, self.result))
        self.sides_canvas.draw_idle()
        self.gaps_canvas.draw_idle()

    def _change_text(self, before: RoundResult | None, result: RoundResult) -> str:
        """The change since the round before, per side, where both rounds can be shown."""
        if before is None:
            return ""
        parts = []
        for side, change in changes(before, result).items():
            if change.delta is not None:
                parts.append(_("{side} {delta:+.0f}").format(side=side_name(side), delta=change.delta))
        if not parts:
            return ""
        return _("Since “{round}”: {changes}").format(round=before.round.name, changes=", ".join(parts))
