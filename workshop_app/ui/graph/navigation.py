"""Zoom and pan of the editor's graph: a view (centre and zoom) over the drawn graph.

A full re-draw of an L workshop takes a few hundred milliseconds, far too slow
for 30 frames a second. So navigation never re-draws the graph: it changes the
axis limits at once (hit-testing and the tooltips follow immediately) and, for
the frames while the wheel turns or the mouse drags, paints the last rendered
picture moved and scaled (:class:`PreviewCanvas`, a few milliseconds). A short
pause after the last step renders the figure once at the new limits — markers,
lines and labels are sized in points, so they keep their screen size and only
the distances between them grow. Labels only appear once the zoom gives each
node the room its label needs (``DrawnGraph.label_zoom``), and only those in
view are rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap, QTransform

MIN_ZOOM, MAX_ZOOM = 0.5, 24.0
#: One wheel notch, one Ctrl+Plus: this factor.
ZOOM_STEP = 1.25
#: An arrow key moves the view by this share of its width or height.
PAN_STEP = 0.12
#: The figure is rendered at the new limits this long after the last zoom or pan step.
SETTLE_MS = 140
#: A picture is stretched at most this much before the figure is rendered anyway, pause or not.
MAX_PREVIEW_SCALE = 6.0


@dataclass
class View:
    """Where the graph is looked at: a centre in layout units and a zoom (1 = the whole graph fits)."""

    cx: float
    cy: float
    zoom: float = 1.0


def limits_of(home: tuple[float, float, float, float], view: View) -> tuple[float, float, float, float]:
    """Axis limits (x0, x1, y0, y1) of ``view``: the home limits' proportions, ``zoom`` times smaller."""
    half_w = (home[1] - home[0]) / 2 / view.zoom
    half_h = (home[3] - home[2]) / 2 / view.zoom
    return view.cx - half_w, view.cx + half_w, view.cy - half_h, view.cy + half_h


def home_view(home: tuple[float, float, float, float]) -> View:
    return View((home[0] + home[1]) / 2, (home[2] + home[3]) / 2, 1.0)


def zoomed(home: tuple[float, float, float, float], view: View, factor: float,
           anchor: tuple[float, float] | None = None) -> View:
    """``view`` zoomed by ``factor``, keeping the layout point ``anchor`` (default: the centre) in place."""
    zoom = min(max(view.zoom * factor, MIN_ZOOM), MAX_ZOOM)
    if anchor is None:
        return View(view.cx, view.cy, zoom)
    k = view.zoom / zoom  # distances from the anchor shrink by this
    return View(anchor[0] + (view.cx - anchor[0]) * k, anchor[1] + (view.cy - anchor[1]) * k, zoom)


class PreviewCanvas(FigureCanvasQTAgg):
    """A matplotlib canvas that can, for a moment, show its last picture moved and scaled inside the axes."""

    def __init__(self, figure: Any):
        super().__init__(figure)
        self.preview: tuple[QPixmap, QRectF, QTransform] | None = None

    def paintEvent(self, event: Any) -> None:
        if self.preview is None:
            super().paintEvent(event)
            return
        pixmap, rect, transform = self.preview
        painter = QPainter(self)
        painter.drawPixmap(0, 0, pixmap)  # legend and margins as they were
        painter.setClipRect(rect)
        painter.fillRect(rect, QColor("white"))
        painter.setTransform(transform)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()


def preview_transform(ax: Any, ratio: float, old: tuple[float, float, float, float],
                      new: tuple[float, float, float, float]) -> tuple[QRectF, QTransform]:
    """The axes' rectangle (logical pixels) and the map that carries a picture rendered at ``old``
    limits to where its points lie at ``new`` limits."""
    box = ax.bbox
    fig_h = ax.figure.bbox.height
    left, top = box.x0 / ratio, (fig_h - box.y1) / ratio
    width, height = box.width / ratio, box.height / ratio
    w0, w1 = old[1] - old[0], new[1] - new[0]
    h0, h1 = old[3] - old[2], new[3] - new[2]
    sx, sy = w0 / w1, h0 / h1
    tx = left + (old[0] - new[0]) / w1 * width - left * sx
    ty = top + (new[3] - old[3]) / h1 * height - top * sy
    return QRectF(left, top, width, height), QTransform(sx, 0, 0, sy, tx, ty)
