"""The live dependency graph and horizon chart on the Conflicts page (matplotlib in Qt).

The canvas draws with the same :func:`~workshop_app.export.graph_picture.draw_graph`
as the exported picture, so the room sees on the projector what the minutes
will show. It never changes the document: a click emits ``element_clicked``,
a drag emits ``element_moved`` on release, and the page turns that into an
undoable ``UpdateItem`` of ``position`` and calls :meth:`GraphCanvas.refresh`.

While a node is dragged only a ghost marker moves, blitted over a saved
background, so dragging stays smooth even when a full redraw of a large
workshop takes a few hundred milliseconds. Resizing redraws after a short
pause, because type and marker sizes follow the widget's size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from workshop_app.analysis import ConflictView, conflict_views, is_live
from workshop_app.analysis.focus import focus_document, neighbourhood
from workshop_app.display_text import escaped
from workshop_app.export import graph_style as gs
from workshop_app.export.graph_picture import DrawnGraph, draw_graph
from workshop_app.export.horizon_chart import draw_horizon_chart
from workshop_app.i18n import current_language
from workshop_app.model import Workshop
from workshop_app.vocabulary import AGREEMENT_TYPE_NAMES, Translator

#: Pixels the mouse must travel with the button down before a press becomes a drag.
DRAG_THRESHOLD = 6
RESIZE_DELAY_MS = 150
#: Smallest canvas (pixels) the horizon chart is drawn into.
MIN_CHART_PX = (240, 160)


class _FigureWidget(QWidget):
    """A matplotlib figure in a widget that re-draws itself (debounced) after resizing."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None, **figure_kwargs: Any):
        super().__init__(parent)
        self.lang = lang or current_language()
        self.doc: Workshop | None = None
        self.figure = Figure(**figure_kwargs)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self.refresh)

    def set_document(self, doc: Workshop | None) -> None:
        """Show ``doc`` (None shows nothing); call :meth:`refresh` after each later change."""
        self.doc = doc
        self.refresh()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.doc is not None:
            self._resize_timer.start()


class GraphCanvas(_FigureWidget):
    """The interactive dependency graph. Signals carry element ids and layout coordinates."""

    element_clicked = Signal(str)
    element_moved = Signal(str, float, float)

    def __init__(self, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent, lang, dpi=100)
        self.highlight: str | None = None
        self.scale = 1.0
        self.mark_hidden = True  # the facilitator sees what the room does not, pale and dashed
        #: where the analysis of the shown document comes from when someone already has it (the page's Document)
        self.views_for: Callable[[str], list[ConflictView]] | None = None
        self.focus = False  # asked for: only the highlighted conflict's neighbourhood
        self.focused = False  # drawn so: positions then are not the document's
        self._drag_allowed = True
        self.drawn: DrawnGraph | None = None
        self._views: list[ConflictView] = []
        self._press: tuple[str, float, float] | None = None
        self._dragging = False
        self._ghost: Any = None
        self._background: Any = None
        self._hover: str | None = None
        self.setMouseTracking(True)
        self.canvas.setMouseTracking(True)
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("button_release_event", self._on_release)

    # -- public ----------------------------------------------------------------
    def set_highlight(self, conflict_id: str | None) -> None:
        """Emphasise one conflict (an id from ``conflict_views``); None shows all alike."""
        if conflict_id != self.highlight:
            self.highlight = conflict_id
            self.refresh()

    def set_scale(self, scale: float) -> None:
        """Enlarge type and markers (presentation mode)."""
        self.scale = scale
        self.refresh()

    def set_focus(self, on: bool) -> None:
        """Draw only the highlighted conflict and its neighbours, large; the whole graph again when off."""
        if on != self.focus:
            self.focus = on
            self.refresh()
    def refresh(self) -> None:
        """Re-draw from the document; cheap enough to call after every command."""
        self._resize_timer.stop()
        self._cancel_drag()
        if self.doc is None or not self.doc.elements:
            self.figure.clear()
            self.drawn = None
            if self.doc is not None:
                self.figure.text(0.5, 0.5, Translator(self.lang).gettext("No elements yet."), ha="center", va="center",
                                 fontsize=16, color="#5F6B73", **gs.plain_text())
            self.canvas.draw_idle()
            return
        self._views = self.views_for(self.lang) if self.views_for is not None else conflict_views(self.doc, self.lang)
        view = next((v for v in self._views if v.id == self.highlight), None) if self.focus else None
        self.focused = view is not None
        if view is not None:
            keep = neighbourhood(self.doc, view.element_ids, include_hidden=True)
            self.drawn = draw_graph(focus_document(self.doc, keep), self.figure, lang=self.lang, highlight=None,
                                    views=[view], scale=self.scale, mark_hidden=self.mark_hidden)
        else:
            self.drawn = draw_graph(self.doc, self.figure, lang=self.lang, highlight=self.highlight,
                                    views=self._views, scale=self.scale, mark_hidden=self.mark_hidden)
        self.canvas.draw_idle()

    def node_position(self, element_id: str) -> QPoint | None:
        """Where a node is drawn, in widget pixels of the canvas (for tests and keyboard users)."""
        if self.drawn is None or element_id not in self.drawn.ids:
            return None
        x, y = self.drawn.ax.transData.transform(self.drawn.layout.positions[element_id])
        ratio = self.canvas.device_pixel_ratio or 1
        return QPoint(round(x / ratio), round((self.figure.bbox.height - y) / ratio))

    # -- mouse -----------------------------------------------------------------
    def _node_at(self, event: Any) -> str | None:
        return self.drawn.node_at(event.x, event.y) if self.drawn is not None else None

    def _on_press(self, event: Any) -> None:
        if event.button != 1:
            return
        hit = self._node_at(event)
        self._press = (hit, event.x, event.y) if hit else None
        self._drag_allowed = not self.focused  # a neighbourhood is placed afresh: its positions are not the graph's
        self._dragging = False

    def _on_motion(self, event: Any) -> None:
        if self._press is None:
            self._show_tooltip(self._node_at(event))
            return
        element_id, x0, y0 = self._press
        if not self._drag_allowed or (not self._dragging and abs(event.x - x0) + abs(event.y - y0) < DRAG_THRESHOLD):
            return
        if not self._dragging:
            self._start_drag(element_id)
        self._move_ghost(event.x, event.y)

    def _on_release(self, event: Any) -> None:
        if event.button != 1 or self._press is None:
            return
        element_id = self._press[0]
        dragged = self._dragging
        self._cancel_drag()
        self._press = None
        if dragged and self.drawn is not None:
            x, y = self.drawn.ax.transData.inverted().transform((event.x, event.y))
            self.canvas.draw_idle()
            self.element_moved.emit(element_id, round(float(x), 3), round(float(y), 3))
        else:
            self.element_clicked.emit(element_id)

    def _start_drag(self, element_id: str) -> None:
        self._dragging = True
        QToolTip.hideText()
        ax = self.drawn.ax
        x, y = self.drawn.layout.positions[element_id]
        size = (self.drawn.metrics.node * 1.3) ** 2
        self._ghost = ax.scatter([x], [y], s=size, marker="o", facecolors="none", edgecolors=gs.INK,
                                 linewidths=2, linestyles="--", animated=True, zorder=10)
        self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)

    def _move_ghost(self, x_px: float, y_px: float) -> None:
        if self._ghost is None or self.drawn is None:
            return
        self._ghost.set_offsets([self.drawn.ax.transData.inverted().transform((x_px, y_px))])
        self.canvas.restore_region(self._background)
        self.drawn.ax.draw_artist(self._ghost)
        self.canvas.blit(self.figure.bbox)

    def _cancel_drag(self) -> None:
        if self._ghost is not None:
            self._ghost.remove()
            self._ghost = None
        self._background = None
        self._dragging = False

    # -- hover -----------------------------------------------------------------
    def _show_tooltip(self, element_id: str | None) -> None:
        if element_id == self._hover:
            return
        self._hover = element_id
        if element_id is None or self.doc is None:
            QToolTip.hideText()
            return
        point = self.node_position(element_id)
        if point is not None:
            QToolTip.showText(self.canvas.mapToGlobal(point), self.tooltip_html(element_id), self.canvas)

    def tooltip_html(self, element_id: str) -> str:
        """Rich text describing an element; every piece of user text is escaped."""
        el = next((e for e in self.doc.elements if e.id == element_id), None) if self.doc else None
        if el is None:
            return ""
        tr = Translator(self.lang)
        cls = gs.node_class(el.kind, getattr(el, "level", None) and el.level.value)
        rows = [f"<b>{escaped(el.title or el.id)}</b>",
                escaped(f"{gs.node_class_label(tr, cls)} · {tr.side(el.side.value)}")]
        rows += [escaped(line) for line in element_details(el, tr)]
        conflicts = [v.title for v in self._views if element_id in v.element_ids and is_live(v)]
        rows += [f'<span style="color:{gs.CONFLICT}">⚠ {escaped(t)}</span>' for t in conflicts[:4]]
        return "<p style='white-space:pre-wrap'>" + "<br>".join(rows) + "</p>"


def element_details(el: Any, tr: Translator) -> list[str]:
    """The few facts worth a glance in a tooltip, as plain lines."""
    lines = []
    if getattr(el, "metric", ""):
        target = f" → {el.target}" if getattr(el, "target", "") else ""  # an agreement has a metric, no target
        lines.append(tr("Metric: {metric}", metric=el.metric + target))
    if getattr(el, "horizon_months", None):
        lines.append(tr("Horizon: {months}", months=tr.months(el.horizon_months)))
    if getattr(el, "period_months", None) and el.kind == "incentive":
        lines.append(tr("Pay-out period: {months}", months=tr.months(el.period_months)))
    if el.kind == "budget" and el.amount is not None:
        lines.append(tr("Amount: {amount}", amount=tr.money(el.amount, el.currency)))
    if el.kind == "budget" and el.start_date is not None:
        lines.append(tr("Starts on {date}", date=tr.date(el.start_date)))  # a pot agreed today may start later
    if el.kind == "agreement":
        lines.append(tr.label(AGREEMENT_TYPE_NAMES, el.agreement_type))
        if el.within:
            lines.append(tr("Within: {time}", time=el.within))
    if el.kind == "channel":
        lines.append(tr("To: {side}", side=tr.side(el.to_side.value)))
        if el.usefulness is not None:
            lines.append(tr("Usefulness for the receivers: {rating} of 5", rating=el.usefulness))
    return lines


class HorizonChartWidget(_FigureWidget):
    """Horizons of goals and pay-out periods of incentives, per side."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent, lang, dpi=100, layout="constrained")

    def resizeEvent(self, event: Any) -> None:
        # Type sizes were fitted to the old size; constrained layout cannot fit that text into a
        # much smaller figure (it gives up with a warning), so show nothing until the redraw.
        if self.doc is not None:
            self.figure.clear()
        super().resizeEvent(event)

    def refresh(self) -> None:
        self._resize_timer.stop()
        # a widget not laid out yet is a few pixels tall: draw nothing until the resize that follows
        if self.doc is None or self.canvas.width() < MIN_CHART_PX[0] or self.canvas.height() < MIN_CHART_PX[1]:
            self.figure.clear()
        else:
            draw_horizon_chart(self.doc, self.figure, self.lang)
        self.canvas.draw_idle()
