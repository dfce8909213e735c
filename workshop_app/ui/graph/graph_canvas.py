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

The graph can be zoomed (Ctrl+wheel, a pinch, Ctrl+Plus/Minus, the buttons in
its corner), panned (drag the background, the arrow keys) and fitted to the
window again (0 or F, the Fit button) without a re-draw: see
:mod:`~workshop_app.ui.graph.navigation`. Labels keep a readable size
(:data:`LABEL_FLOOR_PT` at any zoom) and appear once the zoom gives them room;
an elided one has its full title in the node's tooltip. With focus on, the
graph shows only the selection's neighbourhood: the highlighted conflict's, or
the clicked element's (a shared goal's whole subtree).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QToolTip, QVBoxLayout, QWidget

from workshop_app.analysis import ConflictView, conflict_views, is_live
from workshop_app.analysis.focus import focus_document, neighbourhood, selection_neighbourhood
from workshop_app.display_text import escaped
from workshop_app.export import graph_style as gs
from workshop_app.export.graph_picture import DrawnGraph, draw_graph
from workshop_app.export.horizon_chart import draw_horizon_chart
from workshop_app.i18n import current_language
from workshop_app.model import Workshop
from workshop_app.ui.graph import navigation as nav
from workshop_app.vocabulary import AGREEMENT_TYPE_NAMES, Translator

#: Pixels the mouse must travel with the button down before a press becomes a drag.
DRAG_THRESHOLD = 6
RESIZE_DELAY_MS = 150
#: Smallest canvas (pixels) the horizon chart is drawn into.
MIN_CHART_PX = (240, 160)
#: Labels on the editor's canvas are never smaller than this (points), at any zoom.
LABEL_FLOOR_PT = 9.0


class _FigureWidget(QWidget):
    """A matplotlib figure in a widget that re-draws itself (debounced) after resizing."""

    canvas_class: type[FigureCanvasQTAgg] = FigureCanvasQTAgg

    def __init__(self, parent: QWidget | None = None, lang: str | None = None, **figure_kwargs: Any):
        super().__init__(parent)
        self.lang = lang or current_language()
        self.doc: Workshop | None = None
        self.figure = Figure(**figure_kwargs)
        self.canvas = self.canvas_class(self.figure)
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


class _ElidingLabel(QLabel):
    """A one-line hint that ends in "…" when its row is narrow (its tooltip has the whole help)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._full = text
        self.setMinimumWidth(0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # Qt override: keeps the whole text
        self._full = text
        self._elide()

    def text(self) -> str:  # Qt override: what it says, whole
        return self._full

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 0)))

    def resizeEvent(self, event: Any) -> None:  # Qt override
        super().resizeEvent(event)
        self._elide()


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
        self.selected_element: str | None = None  # the last node clicked, until a conflict is chosen elsewhere
        #: (element id, (x0, y0, x1, y1) in display pixels) of every label drawn now: clear of each other and of
        #: every node; hovering over one shows its element's full title
        self.label_boxes: list[tuple[str, tuple[float, float, float, float]]] = []
        self._clicking = False
        self._home: tuple[float, float, float, float] | None = None  # limits at which the whole graph fits
        self._view: nav.View | None = None  # None: the home view
        self._rendered: tuple[float, float, float, float] | None = None  # limits of the picture on screen
        self._shown: frozenset[str] = frozenset()
        self._pan: tuple[float, float, nav.View] | None = None
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(nav.SETTLE_MS)
        self._settle_timer.timeout.connect(self.render_view)
        if self.navigable:
            self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.canvas.installEventFilter(self)
            self.canvas.grabGesture(Qt.GestureType.PinchGesture)
            self._add_buttons()

    #: The editor's canvas zooms and pans; the room's copy (AudienceGraph) does not.
    navigable = True
    canvas_class = nav.PreviewCanvas

    def _add_buttons(self) -> None:
        """A slim row under the graph: how to navigate, zoom out, zoom in, fit (never over the drawing)."""
        tr = Translator(self.lang)
        self.buttons = QWidget(self)
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(2)
        self._hint_text = tr("Zoom in for the labels (Ctrl+wheel)")
        self.hint = _ElidingLabel(self._hint_text, self.buttons)
        self.hint.setToolTip(tr("Ctrl+wheel zooms, dragging the background moves; labels appear as you zoom in, "
                                "hover over a node for its full title."))
        self.hint.setObjectName("graph_hint")
        self.hint.setStyleSheet("color: #5F6B73")
        row.addWidget(self.hint, 1)
        for name, text, tip, slot in (
                ("graph_zoom_out", "−", tr("Zoom out (Ctrl+Minus, Ctrl+wheel)"), lambda: self.zoom_by(1 / nav.ZOOM_STEP)),
                ("graph_zoom_in", "+", tr("Zoom in (Ctrl+Plus, Ctrl+wheel)"), lambda: self.zoom_by(nav.ZOOM_STEP)),
                ("graph_fit", tr("Fit"), tr("Show the whole graph (0 or F); drag the background or use the arrow "
                                            "keys to move"), self.fit)):
            button = QToolButton(self.buttons)
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the graph
            button.clicked.connect(slot)
            row.addWidget(button)
        self.buttons.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.layout().addWidget(self.buttons)
        self.layout().setStretch(0, 1)  # every spare pixel to the drawing

    def _place_buttons(self) -> None:
        """The hint shows only while some labels still wait for the zoom (its row keeps its height, so
        the graph is not resized and re-drawn when it comes and goes)."""
        if self.navigable:
            drawn = self.drawn
            waiting = drawn is not None and self.zoom * 1.001 < drawn.label_zoom
            self.hint.setText(self._hint_text if waiting else "")

    # -- public ----------------------------------------------------------------
    def set_highlight(self, conflict_id: str | None) -> None:
        """Emphasise one conflict (an id from ``conflict_views``); None shows all alike."""
        if conflict_id != self.highlight:
            self.highlight = conflict_id
            if not self._clicking:
                self.selected_element = None  # a conflict chosen in the list is now the selection
            self.refresh()

    def set_scale(self, scale: float) -> None:
        """Enlarge type and markers (presentation mode)."""
        self.scale = scale
        self.refresh()

    def set_focus(self, on: bool) -> None:
        """Draw only the selection's neighbourhood, large; the whole graph again when off.

        The selection is the highlighted conflict, or the element last clicked
        when no conflict involving it is highlighted (a shared goal: its subtree).
        """
        if on != self.focus:
            self.focus = on
            self.refresh()

    def set_selected_element(self, element_id: str | None) -> None:
        """The element focus shows when no conflict of it is highlighted (a click on a node sets it too)."""
        if element_id != self.selected_element:
            self.selected_element = element_id
            if self.focus:
                self.refresh()

    def _focus_keep(self, view: ConflictView | None) -> tuple[set[str] | None, ConflictView | None]:
        """(element ids focus shows, the conflict to mark) — (None, None) for the whole graph."""
        if not self.focus or self.doc is None:
            return None, None
        element = self.selected_element
        # an element of the highlighted conflict is shown with it (the conflict's neighbourhood holds its
        # neighbours), except a shared goal, whose subtree is what one asks for by selecting it
        if element is not None and (view is None or element not in view.element_ids or _is_shared_goal(self.doc, element)):
            keep = selection_neighbourhood(self.doc, element, include_hidden=True)
            if keep:
                return keep, view if view is not None and set(view.element_ids) <= keep else None
        if view is not None:
            return neighbourhood(self.doc, view.element_ids, include_hidden=True), view
        return None, None

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
        view = next((v for v in self._views if v.id == self.highlight), None)
        keep, marked = self._focus_keep(view)
        self.focused = keep is not None
        floor = LABEL_FLOOR_PT * self.scale
        if keep is not None:
            self.drawn = draw_graph(focus_document(self.doc, keep), self.figure, lang=self.lang, highlight=None,
                                    views=[marked] if marked else [], scale=self.scale, mark_hidden=self.mark_hidden,
                                    label_floor=floor)
        else:
            self.drawn = draw_graph(self.doc, self.figure, lang=self.lang, highlight=self.highlight,
                                    views=self._views, scale=self.scale, mark_hidden=self.mark_hidden,
                                    label_floor=floor)
        self._after_draw()
        self.canvas.draw_idle()

    # -- zoom and pan ----------------------------------------------------------
    def _after_draw(self) -> None:
        """Keep the reader's zoom and place across re-draws of the same graph; a different graph starts whole."""
        self._settle_timer.stop()
        self.canvas.preview = None
        ax = self.drawn.ax
        self._home = (*ax.get_xlim(), *ax.get_ylim())
        shown = frozenset(self.drawn.ids)
        if shown != self._shown:
            self._view = None
        self._shown = shown
        if self._view is not None:
            x0, x1, y0, y1 = nav.limits_of(self._home, self._view)
            ax.set_xlim(x0, x1)
            ax.set_ylim(y0, y1)
        self._rendered = self.view_limits()
        self._update_labels()

    def view_limits(self) -> tuple[float, float, float, float]:
        """The layout area in view now: (x0, x1, y0, y1)."""
        ax = self.drawn.ax
        return (*ax.get_xlim(), *ax.get_ylim())

    @property
    def zoom(self) -> float:
        return self._view.zoom if self._view is not None else 1.0

    def set_view(self, view: nav.View, settle: bool = False) -> None:
        """Look at ``view``: limits at once, the moved last picture until the figure is rendered there."""
        if self.drawn is None or self._home is None:
            return
        self._view = view
        limits = nav.limits_of(self._home, view)
        ax = self.drawn.ax
        ax.set_xlim(limits[0], limits[1])
        ax.set_ylim(limits[2], limits[3])
        if settle or self._rendered is None:
            self.render_view()
            return
        pixmap = self.canvas.grab() if self.canvas.preview is None else self.canvas.preview[0]
        ratio = self.canvas.device_pixel_ratio or 1
        rect, transform = nav.preview_transform(ax, ratio, self._rendered, limits)
        if not 1 / nav.MAX_PREVIEW_SCALE <= transform.m11() <= nav.MAX_PREVIEW_SCALE:
            self.render_view()  # a long zoom without a pause: the stretched picture would be a blur
            return
        self.canvas.preview = (pixmap, rect, transform)
        self.canvas.update()
        self._settle_timer.start()

    def render_view(self) -> None:
        """Render the figure at the current limits (after the last zoom or pan step)."""
        self._settle_timer.stop()
        if self.drawn is None:
            return
        self._update_labels()
        self.canvas.preview = None
        self._rendered = self.view_limits()
        self.canvas.draw_idle()

    def _current_view(self) -> nav.View:
        return self._view if self._view is not None else nav.home_view(self._home)

    def zoom_by(self, factor: float, anchor: tuple[float, float] | None = None) -> None:
        """Zoom by ``factor`` (> 1 enlarges) around the layout point ``anchor`` (default: the view's centre)."""
        if self._home is not None:
            self.set_view(nav.zoomed(self._home, self._current_view(), factor, anchor))

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the view by a share of its width (``dx``) and height (``dy``); positive: right and up."""
        if self._home is None:
            return
        x0, x1, y0, y1 = self.view_limits()
        view = self._current_view()
        self.set_view(nav.View(view.cx + dx * (x1 - x0), view.cy + dy * (y1 - y0), view.zoom))

    def fit(self) -> None:
        """The whole graph in the window again."""
        if self._home is not None:
            self.set_view(nav.home_view(self._home), settle=True)
            self._view = None

    def _update_labels(self) -> None:
        """Labels where they have room at this zoom, and only those in view (rendering the rest costs time)."""
        drawn = self.drawn
        if drawn is None:
            return
        zoom = self.zoom * 1.001
        if drawn.pending_labels is not None and zoom > min(drawn.label_zooms.values(), default=1.0) and zoom > 1.0:
            drawn.ensure_labels()
        x0, x1, y0, y1 = self.view_limits()
        mx, my = (x1 - x0) * 0.1, (y1 - y0) * 0.1
        pos, need = drawn.layout.positions, drawn.label_zooms
        for el_id, text in drawn.labels:
            x, y = pos[el_id]
            text.set_visible(el_id in drawn.lit or (need.get(el_id, 1.0) <= zoom
                                                    and x0 - mx <= x <= x1 + mx and y0 - my <= y <= y1 + my))
        if drawn.label_note is not None:  # the row under the graph says it on the editor's canvas
            drawn.label_note.set_visible(zoom < drawn.label_zoom and not self.navigable)
        self.label_boxes = place_labels(drawn, self.canvas, (x0, x1, y0, y1))
        self._place_buttons()

    def _data_at(self, x_logical: float, y_logical: float) -> tuple[float, float]:
        ratio = self.canvas.device_pixel_ratio or 1
        x, y = self.drawn.ax.transData.inverted().transform(
            (x_logical * ratio, self.figure.bbox.height - y_logical * ratio))
        return float(x), float(y)

    #: arrow key → the share of the view it moves by (x, y); 0 and F fit
    _KEYS: ClassVar[dict[Any, tuple[float, float]]] = {
        Qt.Key.Key_Left: (-nav.PAN_STEP, 0.0), Qt.Key.Key_Right: (nav.PAN_STEP, 0.0),
        Qt.Key.Key_Up: (0.0, nav.PAN_STEP), Qt.Key.Key_Down: (0.0, -nav.PAN_STEP)}

    def _key_action(self, event: Any) -> Any:
        """What a key press does on the graph, or None (then it is not the graph's)."""
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            return lambda: self.zoom_by(nav.ZOOM_STEP)
        if ctrl and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            return lambda: self.zoom_by(1 / nav.ZOOM_STEP)
        if ctrl:
            return None
        if key in (Qt.Key.Key_0, Qt.Key.Key_F):
            return self.fit
        if key in self._KEYS:
            dx, dy = self._KEYS[key]
            return lambda: self.pan_by(dx, dy)
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self.canvas or self.drawn is None:
            return super().eventFilter(obj, event)
        kind = event.type()
        if kind == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                pos = event.position()
                self.zoom_by(nav.ZOOM_STEP ** steps, self._data_at(pos.x(), pos.y()))
            return True
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            action = self._key_action(event)
            if action is None:
                return super().eventFilter(obj, event)
            event.accept()  # Ctrl+Plus is the graph's while it has focus, not the window's
            if kind == QEvent.Type.KeyPress:
                action()
            return True
        if kind == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            pos = event.position()
            self.zoom_by(1 + event.value(), self._data_at(pos.x(), pos.y()))
            return True
        if kind == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                centre = self.canvas.mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), self._data_at(centre.x(), centre.y()))
                event.accept(pinch)
                return True
        return super().eventFilter(obj, event)

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

    def _label_at(self, event: Any) -> str | None:
        """The element whose label is under the mouse (its elided title's full text is in the tooltip)."""
        if event.x is None or event.y is None:
            return None
        return next((el_id for el_id, (x0, y0, x1, y1) in self.label_boxes
                     if x0 <= event.x <= x1 and y0 <= event.y <= y1), None)

    def _on_press(self, event: Any) -> None:
        if event.button != 1:
            return
        hit = self._node_at(event)
        if hit is None and self.navigable and self._home is not None:
            self._pan = (event.x, event.y, self._current_view())  # the background: drag to move the view
        elif self.canvas.preview is not None:
            self.render_view()  # a node drag starts from the picture at the real limits
        self._press = (hit, event.x, event.y) if hit else None
        self._drag_allowed = not self.focused  # a neighbourhood is placed afresh: its positions are not the graph's
        self._dragging = False

    def _on_motion(self, event: Any) -> None:
        if self._pan is not None:
            x, y, start = self._pan
            box = self.drawn.ax.bbox
            x0, x1, y0, y1 = nav.limits_of(self._home, start)
            self.set_view(nav.View(start.cx - (event.x - x) / box.width * (x1 - x0),
                                   start.cy - (event.y - y) / box.height * (y1 - y0), start.zoom))
            return
        if self._press is None:
            self._show_tooltip(self._node_at(event) or self._label_at(event))
            return
        element_id, x0, y0 = self._press
        if not self._drag_allowed or (not self._dragging and abs(event.x - x0) + abs(event.y - y0) < DRAG_THRESHOLD):
            return
        if not self._dragging:
            self._start_drag(element_id)
        self._move_ghost(event.x, event.y)

    def _on_release(self, event: Any) -> None:
        if event.button == 1 and self._pan is not None:
            self._pan = None
            if self.canvas.preview is not None:
                self.render_view()
            return
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
            changed = element_id != self.selected_element
            self.selected_element = element_id  # the latest selection: what focus shows
            self._clicking = True
            try:
                self.element_clicked.emit(element_id)  # the page may highlight a conflict of it meanwhile
            finally:
                self._clicking = False
            if self.focus and changed:
                self.refresh()

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


#: Gap between a node's rim and its label, in points.
LABEL_GAP_PT = 4.0
#: Where a label may go around its node, tried in this order: below, above, right, left, and the four corners.
_PLACES = ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))


def place_labels(drawn: DrawnGraph, canvas: Any, limits: tuple[float, float, float, float],
                 ) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Put each visible label where it overlaps no other label and no node, greedily, in screen space.

    The highlighted conflict's labels go first, then the rest in drawing order; each tries below its node,
    above, right, left and the corners, and is hidden when none of them is free (its node's tooltip still
    has the title). Boxes are in display pixels, so the placement holds at the zoom it was made for;
    the canvas places anew after every zoom or pan. Returns (element id, box) of the labels shown.
    """
    import numpy as np
    from matplotlib.transforms import ScaledTranslation

    shown = [(el_id, text) for el_id, text in drawn.labels if text.get_visible()]
    if not shown:
        return []
    ax, fig = drawn.ax, drawn.ax.figure
    dpi = fig.dpi
    renderer = canvas.get_renderer()
    x0, x1, y0, y1 = limits
    pos = drawn.layout.positions
    in_view = [i for i, (x, y) in zip(drawn.ids, drawn.xy.tolist(), strict=True) if x0 <= x <= x1 and y0 <= y <= y1]
    centres = ax.transData.transform(np.array([pos[i] for i in in_view], dtype=float).reshape(-1, 2))
    radii = np.array([drawn.radius_pt[i] * dpi / 72 + 2 for i in in_view], dtype=float)
    nodes = np.column_stack([centres[:, 0] - radii, centres[:, 1] - radii, centres[:, 0] + radii,
                             centres[:, 1] + radii]) if in_view else np.zeros((0, 4))
    placed: list[tuple[str, tuple[float, float, float, float]]] = []
    gap = LABEL_GAP_PT * dpi / 72
    area = ax.bbox
    order = sorted(range(len(shown)), key=lambda n: shown[n][0] not in drawn.lit)
    for n in order:
        el_id, text = shown[n]
        cx, cy = ax.transData.transform(pos[el_id])
        r = drawn.radius_pt[el_id] * dpi / 72
        extent = text.get_window_extent(renderer)
        pad = 0.2 * text.get_fontsize() * dpi / 72  # the white box around the text
        w, h = extent.width + 2 * pad, extent.height + 2 * pad
        spot = None
        for inside, (sx, sy) in ((inside, place) for inside in (True, False) for place in _PLACES):
            # the box's top-centre relative to the node's centre
            dx = sx * (r + gap + w / 2) if sx else 0.0
            top = {-1: -(r + gap), 0: h / 2, 1: r + gap + h}[sy]
            box = (cx + dx - w / 2, cy + top - h, cx + dx + w / 2, cy + top)
            if inside and not (area.x0 <= box[0] and box[2] <= area.x1 and area.y0 <= box[1] and box[3] <= area.y1):
                continue  # first every place within the drawing, then the edge of it
            if _clear(box, nodes) and all(not _overlap(box, other) for _, other in placed):
                spot = (dx, top - pad, box)
                break
        if spot is None:
            text.set_visible(False)
            continue
        dx, top, box = spot
        text.set_transform(ax.transData + ScaledTranslation(dx / dpi, top / dpi, fig.dpi_scale_trans))
        text.set_horizontalalignment("center")
        text.set_verticalalignment("top")
        placed.append((el_id, box))
    return placed


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _clear(box: tuple[float, ...], nodes: Any) -> bool:
    if not len(nodes):
        return True
    return not bool(((box[0] < nodes[:, 2]) & (nodes[:, 0] < box[2]) & (box[1] < nodes[:, 3])
                     & (nodes[:, 1] < box[3])).any())


def _is_shared_goal(doc: Workshop, element_id: str) -> bool:
    el = next((e for e in doc.elements if e.id == element_id), None)
    return el is not None and el.kind == "goal" and el.level.value == "shared"


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
