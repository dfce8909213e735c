"""The dependency graph as a picture: for the projector, the minutes and ``tandem graph``.

:func:`draw_graph` draws into any matplotlib ``Figure`` or ``Axes`` (the live
Qt canvas uses it too); :func:`graph_picture_bytes` and
:func:`write_graph_picture` render SVG or PNG with the Agg/SVG backends.
matplotlib is imported inside the functions, never at module import, so the
command line and the app start without it.

Readability rules (the room reads this from 5 m away):

* sizes follow the space a node gets: font size and marker size are computed
  from the axes size in points, capped at projector-friendly maxima;
* labels sit *below* their node on a white box, above every node and line,
  wrapped to the slot width and cut to three lines, so they are never hidden;
* each link kind has its own line style, each element kind its own shape,
  each side its own colour; conflicts are vermillion *and* marked (ring and
  "!" badge on nodes, "×" on declared conflict lines), never colour alone;
* arrowheads are one collection sized in points and placed at the target's
  rim, so 800 links cost one artist, not 800.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass, field
from typing import Any

from workshop_app.analysis import ConflictView, Layout, compute_layout, conflict_views, is_live
from workshop_app.atomic import atomic_write_bytes
from workshop_app.export import graph_style as gs
from workshop_app.export.graph_edges import draw_edges
from workshop_app.export.graph_legend import add_legend, legend_height_in
from workshop_app.model import Workshop
from workshop_app.vocabulary import Translator

PNG_DPI = 200
LABEL_LINES = 4
#: On screen, a graph of more than LOD_ELEMENTS elements whose labels would be
#: smaller than MIN_LABEL_FONT points (an L workshop in a laptop window) is drawn
#: without them — unreadable labels cost most of the drawing time — except for
#: the highlighted conflict; the canvas's tooltips take over. Exports always
#: draw every label.
MIN_LABEL_FONT = 6.0
LOD_ELEMENTS = 150
#: Largest exported picture, in inches (PNG: 200 dpi × 32 in = 6400 px).
MAX_PICTURE_IN = 32.0
#: Space (in slot units) left of the zones for the band names.
BAND_LABEL_UNITS = 1.35
#: Characters per line of a band name ("Department" fits, "Incentives &" too).
BAND_LABEL_CHARS = 12
#: Inches per slot in an exported picture (wide enough for a 3-line label at ~13 pt).
SLOT_W_IN, SLOT_H_IN = 1.55, 1.45
#: With a label floor (the zoomable editor) a label line holds at least this many characters and a
#: label at most LABEL_FLOOR_LINES lines: elided rather than shrunk, the full title is in the tooltip.
LABEL_FLOOR_CHARS, LABEL_FLOOR_LINES = 18, 2


@dataclass
class Metrics:
    """Sizes in points derived from the space one node slot gets on the figure."""

    slot_w: float
    slot_h: float
    node: float
    font: float
    chars: int


@dataclass
class DrawnGraph:
    """What was drawn where, so an interactive canvas can hit-test and re-draw."""

    ax: Any
    ids: list[str]
    xy: Any  # numpy array (n, 2) in data (= layout) units
    radius_pt: dict[str, float]
    layout: Layout
    views: list[ConflictView]
    metrics: Metrics
    #: (element id, label artist) for every label drawn; with a label floor they all exist, hidden
    #: while ``label_zoom`` (the zoom from which a slot has room for its label) is not reached.
    labels: list[tuple[str, Any]] = field(default_factory=list)
    label_zoom: float = 1.0
    label_note: Any = None  # the "labels appear when there is room" hint, or None
    lit: set[str] = field(default_factory=set)  # the highlighted conflict's elements: labelled at any zoom
    #: makes the labels still missing (creating 400 of them costs a quarter of a redraw): called on the first
    #: zoom that gives them room, then None
    pending_labels: Any = None
    #: per element id, the zoom from which its label has room (with a label floor)
    label_zooms: dict[str, float] = field(default_factory=dict)

    def ensure_labels(self) -> None:
        if self.pending_labels is not None:
            self.labels += self.pending_labels()
            self.pending_labels = None

    def node_at(self, x_px: float, y_px: float, slack: float = 1.4) -> str | None:
        """The id of the node under display point (``x_px``, ``y_px``), or None."""
        if not self.ids:
            return None
        disp = self.ax.transData.transform(self.xy)
        d2 = ((disp[:, 0] - x_px) ** 2 + (disp[:, 1] - y_px) ** 2)
        best = int(d2.argmin())
        r_px = max(self.radius_pt[self.ids[best]], 6.0) * self.ax.figure.dpi / 72 * slack
        return self.ids[best] if d2[best] <= r_px * r_px else None


def _limits(layout: Layout, label_units: float = BAND_LABEL_UNITS) -> tuple[float, float, float, float]:
    xmin, xmax, ymin, ymax = layout.bounds()
    return (xmin - 0.35 - label_units, xmax + 0.45, ymin - 0.8, ymax + 0.75)


def band_font(m: Metrics, scale: float) -> float:
    """Band names and side headers stay readable even when node labels are too small to draw."""
    return min(max(m.font, 9.0 * scale), 14.0 * scale)


def _fit(ax: Any, layout: Layout, scale: float, label_chars: int = BAND_LABEL_CHARS,
         ) -> tuple[tuple[float, float, float, float], Metrics]:
    """Axis limits and sizes, with the band-name column widened for narrow slots or long words."""
    limits = _limits(layout)
    m = _metrics(ax, limits, scale)
    need_pt = (max(label_chars, BAND_LABEL_CHARS) + 1.5) * 0.62 * band_font(m, scale)
    if BAND_LABEL_UNITS * m.slot_w < need_pt:
        width_pt = m.slot_w * (limits[1] - limits[0])
        rest = limits[1] - limits[0] - BAND_LABEL_UNITS
        units = need_pt * rest / max(width_pt - need_pt, 1.0)
        limits = _limits(layout, units)
        m = _metrics(ax, limits, scale)
    return limits, m


def _metrics(ax: Any, limits: tuple[float, float, float, float], scale: float) -> Metrics:
    fig = ax.figure
    box = ax.get_position()
    w_pt, h_pt = fig.get_figwidth() * 72 * box.width, fig.get_figheight() * 72 * box.height
    slot_w, slot_h = w_pt / (limits[1] - limits[0]), h_pt / (limits[3] - limits[2])
    node = min(max(min(slot_w, slot_h) * 0.22, 5.0), 26.0 * scale)
    font = min(15.0 * scale, (slot_h - node - 12) / (LABEL_LINES * 1.2), slot_w * 0.94 / (0.6 * 12))
    font = max(font, 3.0)
    return Metrics(slot_w, slot_h, node, font, max(6, int(slot_w * 0.94 / (0.6 * font))))


def _prepare_axes(target: Any, tr: Translator, has_title: bool, scale: float) -> Any:
    """An axes to draw in: ``target`` itself, or one laid out on a cleared figure."""
    from matplotlib.axes import Axes

    if isinstance(target, Axes):
        target.clear()
        return target
    target.clear()
    height = target.get_figheight()
    bottom = min(legend_height_in(target.get_figwidth(), scale) / height, 0.3)
    top = 1 - min((0.55 * scale if has_title else 0.08) / height, 0.15)
    return target.add_axes((0.005, bottom, 0.99, top - bottom))


def draw_graph(
    doc: Workshop, target: Any, lang: str = "en", highlight: str | None = None, *,
    views: list[ConflictView] | None = None, layout: Layout | None = None,
    include_hidden: bool = True, legend: bool = True, scale: float = 1.0, min_label_font: float | None = None,
    mark_hidden: bool = False, label_floor: float = 0.0,
) -> DrawnGraph:
    """Draw the dependency graph of ``doc`` into a ``Figure`` (cleared first) or an ``Axes``.

    ``highlight`` is a conflict id (as in :func:`conflict_views`): its elements
    and links are drawn in full, everything else faded, and its title shown on
    top. ``views``/``layout`` may be passed to reuse work already done;
    ``scale`` enlarges type and markers (presentation mode); ``mark_hidden``
    draws entries hidden from the room pale and dashed (the editor). Labels smaller
    than ``min_label_font`` points are left out (default: ``MIN_LABEL_FONT``
    for graphs of more than ``LOD_ELEMENTS`` elements, else 0 = always drawn).

    ``label_floor`` (points, for a zoomable canvas) makes every label at least that
    large at any zoom, elided to a few lines; where the slots are too small for it
    at this size the labels are drawn hidden and ``DrawnGraph.label_zoom`` says
    from which zoom on they have room (the canvas shows them there).
    """
    import numpy as np

    tr = Translator(lang)
    views = conflict_views(doc, lang) if views is None else views
    active = [v for v in views if is_live(v)]
    hot = open_conflict_elements(views)
    layout = layout or compute_layout(doc, include_hidden=include_hidden, flagged=hot)
    focus = next((v for v in views if v.id == highlight), None)
    ax = _prepare_axes(target, tr, focus is not None, scale)
    longest = max((len(w) for b in layout.bands for w in gs.band_label(tr, b.key).split()), default=0)
    limits, m = _fit(ax, layout, scale, longest)
    ax.set_xlim(limits[0], limits[1])
    ax.set_ylim(limits[2], limits[3])
    ax.set_axis_off()

    elements = {el.id: el for el in doc.elements if el.id in layout.positions}
    lit = set(focus.element_ids) if focus else None

    _draw_background(ax, layout, tr, m, limits)
    radius = {i: m.node * gs.NODE_SHAPES[_cls(el)][1] / 2 for i, el in elements.items()}
    draw_edges(ax, doc, layout, active, views, lit, radius, m)
    hidden = {i for i, el in elements.items() if el.hidden} if mark_hidden else set()
    _draw_nodes(ax, elements, layout, hot, lit, m, hidden)
    if min_label_font is None:
        min_label_font = MIN_LABEL_FONT if len(elements) > LOD_ELEMENTS else 0.0
    labels: list[tuple[str, Any]] = []
    label_zoom, note = 1.0, None
    pending: Any = None
    zooms: dict[str, float] = {}
    if label_floor > 0:
        lm = floor_metrics(m, label_floor)
        ids_now = list(elements)
        widths, heights = _label_sizes([elements[i] for i in ids_now], lm)
        xy_now = np.array([layout.positions[i] for i in ids_now], dtype=float).reshape(-1, 2)
        zooms = dict(zip(ids_now, map(float, label_zooms(xy_now, widths / m.slot_w, heights / m.slot_h)),
                         strict=True))
        label_zoom = float(max(zooms.values(), default=1.0))
        now = {i: el for i, el in elements.items() if zooms[i] <= 1.0 or (lit and i in lit)}
        rest = {i: el for i, el in elements.items() if i not in now}
        labels = _draw_labels(ax, now, layout, lit, radius, lm, hidden, LABEL_FLOOR_LINES)
        if rest:  # no room yet for these: made on the first zoom that gives one of them room
            note = _label_note(ax, tr, label_floor)

            def make_rest() -> list[tuple[str, Any]]:
                made = _draw_labels(ax, rest, layout, lit, radius, lm, hidden, LABEL_FLOOR_LINES)
                for _, text in made:
                    text.set_visible(False)
                return made

            pending = make_rest
    elif m.font >= min_label_font:
        labels = _draw_labels(ax, elements, layout, lit, radius, m, hidden)
    else:  # too small to read: label only the highlighted conflict, and say where the rest went
        if lit:
            labels = _draw_labels(ax, {i: el for i, el in elements.items() if i in lit}, layout, None, radius,
                                  Metrics(m.slot_w, m.slot_h, m.node, MIN_LABEL_FONT * scale, 16))
        note = _label_note(ax, tr, max(m.font * 2, 8.0))
    if focus is not None:
        ax.figure.text(0.5, 0.995, wrap_title(focus.title), ha="center", va="top", color=gs.CONFLICT,
                       fontsize=max(m.font * 1.3, band_font(m, scale)), fontweight="bold", **gs.plain_text())
    if legend:
        add_legend(ax, tr, elements.values(), {ln.kind.value for ln in doc.links}, bool(hot), scale, bool(hidden))
    ids = list(elements)
    xy = np.array([layout.positions[i] for i in ids], dtype=float).reshape(-1, 2)
    return DrawnGraph(ax, ids, xy, radius, layout, views, m, labels, label_zoom, note, lit or set(), pending,
                      zooms)


def floor_metrics(m: Metrics, floor: float) -> Metrics:
    """Label metrics with type of at least ``floor`` points.

    A line holds what the slot's width allows at that size, but never fewer
    than ``LABEL_FLOOR_CHARS`` characters: a label is elided, never shrunk.
    """
    font = max(m.font, floor)
    chars = max(LABEL_FLOOR_CHARS, int(m.slot_w * 0.94 / (0.6 * font)))
    return Metrics(m.slot_w, m.slot_h, m.node, font, chars)


def _label_sizes(elements: list, m: Metrics) -> tuple[Any, Any]:
    """Width and height (points) each label takes below its node, from its wrapped text: a short
    title on one line needs less room than a long one on three."""
    import numpy as np

    widths, heights = [], []
    for el in elements:
        label, size = gs.fit_label(el.title or el.id, m.chars, m.font, LABEL_FLOOR_LINES, 1.0)
        lines = label.split("\n")
        widths.append(max(len(line) for line in lines) * 0.6 * size + 6)
        heights.append(m.node + 9 + len(lines) * 1.2 * size)
    return np.array(widths, dtype=float), np.array(heights, dtype=float)


#: Pairs of nodes further apart than this many times the largest label (sideways or up and down) are
#: clear of each other from half of 100 % zoom on, so they are not compared: see :func:`label_zooms`.
_NEAR = 2.0


def label_zooms(xy: Any, widths: Any, heights: Any) -> Any:
    """Per node, the zoom from which its label is clear of every other node and label (sizes per node,
    in slot units at 100 %): two are clear once they are half their labels' widths apart sideways or
    the taller label's height apart up or down. A node alone in its row is labelled earlier.

    Only near pairs are compared (a grid of cells ``_NEAR`` × the largest label), so the cost grows
    with the nodes and their neighbours, not with the square of the nodes: on XL (10,000 elements)
    the full matrix took half a minute and gigabytes. Pairs further apart need less than
    1 / ``_NEAR`` zoom, so the result is floored there; at 100 % and above it is exact.
    """
    import numpy as np

    n = len(xy)
    floor = 1.0 / _NEAR
    if n < 2:
        return np.ones(n)
    cell_w = max(float(widths.max()), 1e-9) * _NEAR
    cell_h = max(float(heights.max()), 1e-9) * _NEAR
    cells: dict[tuple[int, int], list[int]] = {}
    cx = np.floor(xy[:, 0] / cell_w).astype(int)
    cy = np.floor(xy[:, 1] / cell_h).astype(int)
    for i, key in enumerate(zip(cx.tolist(), cy.tolist(), strict=True)):
        cells.setdefault(key, []).append(i)
    result = np.full(n, floor)
    for (gx, gy), members in cells.items():
        near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in cells.get((gx + dx, gy + dy), ())]
        if len(near) < 2:
            continue
        a, b = np.array(members), np.array(near)
        width = (widths[a][:, None] + widths[b][None, :]) / 2
        height = np.maximum(heights[a][:, None], heights[b][None, :])
        with np.errstate(divide="ignore"):
            ddx = np.abs(xy[a, 0][:, None] - xy[b, 0][None, :])
            ddy = np.abs(xy[a, 1][:, None] - xy[b, 1][None, :])
            need = np.minimum(np.where(ddx > 0, width / ddx, np.inf), np.where(ddy > 0, height / ddy, np.inf))
        need[a[:, None] == b[None, :]] = 0.0
        result[a] = np.maximum(result[a], need.max(axis=1))
    return np.minimum(result, 1e6)


def _label_note(ax: Any, tr: Translator, size: float) -> Any:
    return ax.text(0.995, 0.005, tr("Labels appear when there is room: enlarge or hover over a node."),
                   transform=ax.transAxes, ha="right", va="bottom", fontsize=size, color="#5F6B73",
                   zorder=6, **gs.plain_text())


def open_conflict_elements(views: list[ConflictView]) -> set[str]:
    """Ids of the elements in conflicts the room has not settled yet (set-aside findings are no longer red)."""
    return {e for v in views if is_live(v) for e in v.element_ids}


def wrap_title(text: str) -> str:
    return gs.wrap_label(text, 90, max_lines=2)


def _cls(el: Any) -> str:
    return gs.node_class(el.kind, getattr(el, "level", None) and el.level.value)


def _draw_background(ax: Any, layout: Layout, tr: Translator, m: Metrics, limits: tuple[float, ...]) -> None:
    """Side columns with headers, band names on the left, thin rules between bands."""
    header_y = limits[3] - 0.3
    font = band_font(m, 1.0)
    for side, (left, right) in layout.zones.items():
        colour = gs.SIDE_COLOURS[side.value]
        ax.axvspan(left - 0.25, right + 0.25, color=colour, alpha=0.07, lw=0, zorder=0)
        ax.text((left + right) / 2, header_y, tr.side(side.value), ha="center", va="center", color=colour,
                fontsize=max(m.font * 1.3, font), fontweight="bold", zorder=1, **gs.plain_text())
    x = limits[0] + 0.12
    label_units = layout.bounds()[0] - 0.35 - limits[0]
    chars = max(6, int((label_units - 0.1) * m.slot_w / (0.62 * font)))
    for n, band in enumerate(layout.bands):
        label, size = gs.fit_label(gs.band_label(tr, band.key), chars, font, 3)
        ax.text(x, (band.top + band.bottom) / 2, label, ha="left", va="center", color="#555555", fontsize=size,
                fontweight="bold", zorder=1, **gs.plain_text())
        if n:
            y = band.top + 0.175
            ax.plot([limits[0], limits[1]], [y, y], color="#cccccc", lw=0.8, zorder=0)


def _draw_nodes(ax: Any, elements: dict, layout: Layout, hot: set[str], lit: set[str] | None, m: Metrics,
                hidden: set[str] | frozenset[str] = frozenset()) -> None:
    """Nodes by shape and side colour; ``hidden`` ones (not yet shown to the room) pale with a dashed edge."""
    groups: dict[tuple[str, str, bool, bool], list[tuple[float, float]]] = {}
    rings: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    for el_id, el in elements.items():
        dim = lit is not None and el_id not in lit
        xy = layout.positions[el_id]
        groups.setdefault((_cls(el), el.side.value, dim, el_id in hidden), []).append(xy)
        if el_id in hot or (lit and el_id in lit):
            rings.setdefault((_cls(el), dim), []).append(xy)
    for (cls, side, dim, veiled), pts in groups.items():
        marker, factor = gs.NODE_SHAPES[cls]
        xs, ys = zip(*pts, strict=True)
        ax.scatter(xs, ys, s=(m.node * factor) ** 2, marker=marker, c=gs.SIDE_COLOURS[side], edgecolors=gs.INK,
                   linewidths=1.0 if veiled else 0.8, linestyles="--" if veiled else "-",
                   alpha=0.25 if dim else (0.4 if veiled else 1.0), zorder=3)
    badge_dx, badge_dy = m.node * 0.45 / m.slot_w, m.node * 0.45 / m.slot_h
    for (cls, dim), pts in rings.items():
        marker, factor = gs.NODE_SHAPES[cls]
        xs, ys = zip(*pts, strict=True)
        alpha = 0.3 if dim else 1.0
        ax.scatter(xs, ys, s=(m.node * factor + 7) ** 2, marker=marker, facecolors="none", edgecolors=gs.CONFLICT,
                   linewidths=max(m.node / 9, 1.5), alpha=alpha, zorder=3.5)
        bx = [x + badge_dx * factor for x in xs]
        by = [y + badge_dy * factor for y in ys]
        ax.scatter(bx, by, s=(m.node * 0.55) ** 2, marker="o", c=gs.CONFLICT, edgecolors="white", linewidths=0.8,
                   alpha=alpha, zorder=3.6)
        ax.scatter(bx, by, s=(m.node * 0.32) ** 2, marker="$!$", c="white", linewidths=0, alpha=alpha, zorder=3.7)


def _draw_labels(ax: Any, elements: dict, layout: Layout, lit: set[str] | None, radius: dict[str, float],
                 m: Metrics, hidden: set[str] | frozenset[str] = frozenset(),
                 lines: int = LABEL_LINES) -> list[tuple[str, Any]]:
    """One label below each node, offset in points (so it stays below its node at any zoom)."""
    from matplotlib.transforms import ScaledTranslation

    fig = ax.figure
    box = {"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.85}
    drawn = []
    for el_id, el in elements.items():
        x, y = layout.positions[el_id]
        shift = ScaledTranslation(0, -(radius[el_id] + 5) / 72, fig.dpi_scale_trans)
        dim = lit is not None and el_id not in lit
        focus = lit is not None and el_id in lit  # the highlighted conflict's labels: larger, on top
        # with a label floor (fewer lines) the type never shrinks below it: a long word is wrapped instead
        label, size = gs.fit_label(el.title or el.id, m.chars, m.font, lines, 1.0 if lines == LABEL_FLOOR_LINES else 0.75)
        text = ax.text(x, y, label, transform=ax.transData + shift, ha="center", va="top", fontsize=size * (1.25 if focus else 1),
                fontweight="bold" if focus else "normal", fontstyle="italic" if el_id in hidden else "normal",
                color=gs.INK, alpha=0.35 if dim or el_id in hidden else 1.0, linespacing=1.05,
                bbox={**box, "alpha": 0.95} if focus else box, zorder=5.5 if focus else 5, **gs.plain_text())
        drawn.append((el_id, text))
    return drawn


def figure_for(doc: Workshop, layout: Layout, highlight: bool = False, scale: float = 1.0,
               figsize: tuple[float, float] | None = None) -> Any:
    """A matplotlib ``Figure`` (no pyplot, no GUI) sized so each node slot gets room for its label.

    ``figsize`` (inches) overrides the size, e.g. to fit a landscape page; the
    type then follows the space each node gets.
    """
    from matplotlib.figure import Figure

    if figsize is None:
        xmin, xmax, ymin, ymax = _limits(layout)
        width = (xmax - xmin) * SLOT_W_IN * scale
        extra = legend_height_in(min(width, MAX_PICTURE_IN), scale) + (0.55 * scale if highlight else 0.1)
        height = (ymax - ymin) * SLOT_H_IN * scale + extra
        shrink = min(1.0, MAX_PICTURE_IN / width, MAX_PICTURE_IN / height)  # keep the proportions
        figsize = (max(width * shrink, 10.0), max(height * shrink, 5.0))
    return Figure(figsize=figsize, dpi=100)


def graph_picture_bytes(doc: Workshop, fmt: str = "svg", lang: str = "en", highlight: str | None = None,
                        dpi: int = PNG_DPI, figsize: tuple[float, float] | None = None,
                        fast_png: bool = False) -> bytes:
    """The picture as SVG (text kept as text) or PNG (``dpi``, 200 by default) bytes.

    By default the picture is as large as the graph needs (up to 32 in); pass
    ``figsize`` in inches for a fixed size. ``fast_png`` trades file size for
    time (light compression), for a PNG that is embedded and compressed again.
    """
    from matplotlib import rc_context

    fmt = fmt.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise ValueError(f"unsupported picture format '{fmt}' (use svg or png)")
    views = conflict_views(doc, lang)
    layout = compute_layout(doc, flagged=open_conflict_elements(views))
    figure = figure_for(doc, layout, highlight is not None, figsize=figsize)
    buf = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "tandem", "text.usetex": False}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        draw_graph(doc, figure, lang=lang, highlight=highlight, layout=layout, views=views, min_label_font=0.0)
        meta = {"Date": None} if fmt == "svg" else {}
        extra = {"pil_kwargs": {"compress_level": 1}} if fast_png and fmt == "png" else {}
        figure.savefig(buf, format=fmt, dpi=dpi, facecolor="white", metadata=meta, **extra)
    return buf.getvalue()


def write_graph_picture(doc: Workshop, path: str | os.PathLike, lang: str = "en", highlight: str | None = None) -> None:
    """Write ``.svg`` or ``.png`` (by suffix) atomically: a failed export leaves the old file intact."""
    fmt = os.fspath(path).rsplit(".", 1)[-1].lower() if "." in os.path.basename(os.fspath(path)) else ""
    if fmt not in ("svg", "png"):
        raise ValueError(f"'{path}': the picture must end in .svg or .png")
    atomic_write_bytes(path, graph_picture_bytes(doc, fmt, lang=lang, highlight=highlight))


__all__ = ["DrawnGraph", "Metrics", "draw_graph", "graph_picture_bytes", "write_graph_picture"]
