"""The alignment check on the wall: each side's score and stage, the profile and the gap chart.

Shown when the facilitator puts a round on the projector (the alignment
window's "Show on projector"); until the results are revealed the room sees
only the round's name and that the results follow, like every hidden entry.
Only aggregates per side reach the wall, and a side with too few respondents
says "too few to show". The pictures are the export layer's, drawn at the
projector's scale; matplotlib loads when the view is first built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from workshop_app.i18n import _, current_language
from workshop_app.locale_format import format_number
from workshop_app.model import Side, Workshop
from workshop_app.ui.projector.audience_content import Stage
from workshop_app.ui.projector.audience_views import PhaseView
from workshop_app.ui.widgets.labels import side_name
from workshop_app.ui.widgets.plain import PlainLabel

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView
    from workshop_app.analysis.alignment import RoundResult

SIDES = (Side.MARKETING, Side.SALES)
#: The projector's pictures: type and markers this much larger than in the app.
PICTURE_SCALE = 1.8
#: The gap chart on the wall keeps the largest gaps only: at the projector's type size
#: twenty statements do not fit the height (the minutes and the app show them all).
WALL_GAP_ROWS = 10
#: The view's size (px) on a 1920 × 1080 projector, where the pictures get :data:`PICTURE_SCALE` in full.
FULL_WALL = (1700, 750)
#: While answers are typed with the results revealed, the pictures are drawn again only after this pause:
#: a redraw of both at projector size takes a few hundred ms, which the typing must not wait for.
REDRAW_PAUSE_MS = 600


def side_line(result: RoundResult, side: Side, lang: str) -> str:
    """'Marketing: 52 · defined (6 respondents)' or 'Sales: too few to show'."""
    from workshop_app.analysis.alignment import STAGE_NAMES

    sr = result.sides[side]
    if sr.too_few or sr.score is None:
        return _("{side}: too few to show").format(side=side_name(side))
    stage = _(STAGE_NAMES[sr.stage]) if sr.stage in STAGE_NAMES else (sr.stage or "")
    return _("{side}: {score} · {stage} ({n} respondents)").format(
        side=side_name(side), score=format_number(sr.score, lang, 0), stage=stage, n=sr.respondents)


class AlignmentView(PhaseView):
    """The round's name, one line per side, and the two pictures once revealed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("audience_alignment")
        self.scale = 1.0
        self.heading = PlainLabel()
        self.heading.setObjectName("alignment_heading")
        self.heading.setWordWrap(True)
        self.note = PlainLabel()
        self.note.setObjectName("alignment_note")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_labels = {side: PlainLabel() for side in SIDES}
        lines = QHBoxLayout()
        for side, label in self.side_labels.items():
            label.setObjectName(f"alignment_side_{side}")
            label.setWordWrap(True)
            lines.addWidget(label, 1)
        self.charts = QHBoxLayout()
        self.canvases: list = []  # built when first revealed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(lines)
        layout.addWidget(self.note, 1)
        layout.addLayout(self.charts, 8)
        self.result: RoundResult | None = None
        self.revealed = False
        self._drawn: tuple[int, str] | None = None  # (document, round) the pictures show
        self._pending: tuple[Workshop, str] | None = None
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_PAUSE_MS)
        self._redraw.timeout.connect(self.draw_charts)

    def set_scale(self, scale: float) -> None:
        """The heading and the side lines in the wall's large type (the pictures have theirs)."""
        from workshop_app.ui.widgets.style import DEFAULT_POINT_SIZE

        self.scale = scale
        point = DEFAULT_POINT_SIZE * scale
        self.heading.setStyleSheet(f"font-size: {point * 1.5:.1f}pt; font-weight: 600;")
        for label in self.side_labels.values():
            label.setStyleSheet(f"font-size: {point * 1.2:.1f}pt;")
        self.note.setStyleSheet(f"font-size: {point * 1.2:.1f}pt;")

    def _ensure_canvases(self) -> None:
        if self.canvases:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        for stretch in (5, 6):  # the gap chart needs the width (its statements are long), the stage band too
            canvas = FigureCanvasQTAgg(Figure(figsize=(6, 5), layout="constrained"))
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            canvas.setMinimumSize(320, 260)
            self.charts.addWidget(canvas, stretch)
            self.canvases.append(canvas)

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        from workshop_app.analysis.alignment import score_round

        found = doc.alignment.round(stage.alignment) if stage.alignment else None
        self.revealed = bool(found is not None and stage.alignment_revealed)
        self.result = score_round(doc.alignment, found.id) if self.revealed and found is not None else None
        name = found.name if found is not None else ""
        self.heading.setText(_("Alignment check: {round}").format(round=name) if name else _("Alignment check"))
        for side, label in self.side_labels.items():
            label.setVisible(self.result is not None)
            label.setText(side_line(self.result, side, current_language()) if self.result is not None else "")
        self.note.setVisible(self.result is None)
        self.note.setText(_("The results follow in a moment.") if found is not None else "")
        for canvas in self.canvases:
            canvas.setVisible(self.result is not None)
        if self.result is None or found is None:
            self._drawn, self._pending = None, None
            self._redraw.stop()
            return
        self._ensure_canvases()
        for canvas in self.canvases:
            canvas.setVisible(True)
        self._pending = (doc, found.id)
        if self._drawn == (id(doc), found.id):  # the same round again, after an answer: when the typing pauses
            self._redraw.start()
        else:  # just revealed or another round: at once
            self.draw_charts()

    def draw_charts(self) -> None:
        """Draw the stage/profile picture and the gap chart of the round last shown."""
        self._redraw.stop()
        if self._pending is None:
            return
        from workshop_app.analysis.alignment import earlier_round, score_round
        from workshop_app.export.alignment_chart import draw_gaps, draw_sides

        doc, round_id = self._pending
        if doc.alignment.round(round_id) is None:
            return
        result = score_round(doc.alignment, round_id)
        lang, fit = current_language(), self.fit()
        draw_sides(self.canvases[0].figure, result, lang, scale=PICTURE_SCALE * fit)
        draw_gaps(self.canvases[1].figure, result, lang, max_rows=max(5, round(WALL_GAP_ROWS * fit)),
                  before=earlier_round(doc.alignment, round_id), scale=PICTURE_SCALE * fit)
        for canvas in self.canvases:
            canvas.draw_idle()
        self._drawn = (id(doc), round_id)

    def fit(self) -> float:
        """1 on a 1920 × 1080 wall; smaller walls (a 1280 × 720 projector) get smaller type and fewer gaps."""
        width, height = max(self.width(), 1), max(self.height(), 1)
        return max(0.6, min(1.0, width / FULL_WALL[0], height / FULL_WALL[1]))

    def resizeEvent(self, event) -> None:  # Qt override: the pictures' type follows the wall's size
        super().resizeEvent(event)
        if self._drawn is not None:
            self._redraw.start()

    def shown_texts(self) -> list[str]:
        """What the room can read now (for tests): the heading, the side lines or the note."""
        labels = [self.heading, *self.side_labels.values(), self.note]
        return [label.text() for label in labels if label.isVisibleTo(self) and label.text()]
