"""The dependency graph for the room: the editor's canvas, without hidden entries and without the mouse.

It draws with the same ``draw_graph`` as the editor and the minutes, but
leaves out elements marked hidden (``include_hidden=False``) and gets only
the conflicts the room may see, so neither a hidden node nor a conflict that
names one can appear on the wall. Clicks and drags do nothing here.

Readable from the back of the room: when the whole graph is too large for
its labels to be read on the wall (smaller than :data:`READABLE_PT`) and a
conflict is selected, the room sees that conflict's neighbourhood instead —
its elements and everything linked to them — laid out afresh and large. With
nothing selected, or a small workshop, it is the whole graph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from workshop_app.analysis.focus import focus_document, neighbourhood
from workshop_app.export import graph_style as gs
from workshop_app.export.graph_picture import draw_graph
from workshop_app.model import Workshop
from workshop_app.ui.graph.graph_canvas import GraphCanvas
from workshop_app.vocabulary import Translator

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView

#: Label size (points on the canvas) below which the room sees the selected conflict's neighbourhood.
READABLE_PT = 10.0
#: Canvas width (pixels) at which the graph gets the full presentation scale; narrower canvases get less,
#: so the legend and band names still fit (node labels are sized by their slots anyway).
FULL_SCALE_WIDTH = 1100


class AudienceGraph(GraphCanvas):
    """A read-only :class:`GraphCanvas` fed with the visible conflicts by the audience view."""

    navigable = False  # the room looks at what the facilitator shows: no zoom, no pan, no buttons

    def __init__(self, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent, lang)
        self.setMouseTracking(False)
        self.canvas.setMouseTracking(False)
        self.visible_views: list[ConflictView] = []
        self.focused = False  # showing the selected conflict's neighbourhood rather than the whole graph

    def set_scale_quietly(self, scale: float) -> None:
        """Set the type scale before the first drawing (no redraw)."""
        self.scale = scale

    def show_graph(self, doc: Workshop, visible_views: list[ConflictView], highlight: str | None) -> None:
        self.doc, self.visible_views, self.highlight = doc, visible_views, highlight
        self.refresh()

    def refresh(self) -> None:
        self._resize_timer.stop()
        if self.doc is None or not any(not el.hidden for el in self.doc.elements):
            self.figure.clear()
            self.drawn = None
            if self.doc is not None:
                self.figure.text(0.5, 0.5, Translator(self.lang).gettext("No elements yet."), ha="center", va="center",
                                 fontsize=16 * self.scale, color="#333333", **gs.plain_text())
            self.canvas.draw_idle()
            return
        self._views = self.visible_views
        self.focused = False
        scale = self.scale * min(1.0, max(0.6, self.width() / FULL_SCALE_WIDTH))
        self.drawn = draw_graph(self.doc, self.figure, lang=self.lang, highlight=self.highlight, views=self._views,
                                include_hidden=False, scale=scale)
        focus = next((v for v in self._views if v.id == self.highlight), None)
        if focus is not None and self.drawn.metrics.font < READABLE_PT:
            keep = neighbourhood(self.doc, focus.element_ids)
            if len(keep) < len(self.drawn.ids):
                # drawn in full (nothing faded, which a projector would wash out); only this conflict marked
                self.drawn = draw_graph(focus_document(self.doc, keep), self.figure, lang=self.lang,
                                        highlight=None, views=[focus], include_hidden=False, scale=scale)
                self.focused = True
        self.canvas.draw_idle()

    # the room only looks: no hover, no click, no drag
    def _on_press(self, event: Any) -> None:
        return

    def _on_motion(self, event: Any) -> None:
        return

    def _on_release(self, event: Any) -> None:
        return
