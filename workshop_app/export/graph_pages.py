"""The dependency graph split into parts that can be read on paper.

A graph of a few dozen elements already gives 4 pt labels on an A4 page. So the
printed graph is an overview of the whole (labels only where they reach
:data:`PRINT_FONT`) plus, when that is too small, one part per shared goal's
subtree and parts for the neighbourhoods of the conflicts the room took up that
no subtree part already shows (several per page while they still fit). Whether
a part fits is computed from its layout and the page size — slots across and
down give the label size, as :func:`graph_picture.draw_graph` will draw it —
so every printed label is at least :data:`PRINT_FONT` points.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from workshop_app.analysis import ConflictView, Layout, compute_layout
from workshop_app.analysis.focus import focus_document, neighbourhood
from workshop_app.analysis.subtree import goal_subtree
from workshop_app.export import graph_style as gs
from workshop_app.export.safe_text import shorten
from workshop_app.model import Workshop
from workshop_app.vocabulary import Translator

#: Smallest label on paper, in points.
PRINT_FONT = 7.0
#: Paper sizes in points (portrait).
PAPER = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}
#: Page margin of a picture written by ``tandem graph --page`` (1.5 cm).
PICTURE_MARGIN = 42.5
#: Columns per side tried for a part's layout.
COLUMN_CHOICES = (1, 2, 3, 4)
#: At most this many part pages follow the overview (each costs ~0.1–0.15 s to draw; L minutes have 3 s); the rest are named
#: in the overview's caption and printed with ``tandem graph --goal/--conflict``.
MAX_PARTS = 6
#: Inches above a part's picture drawn without legend for a highlighted conflict's title (two lines of
#: about 10 pt; graph_picture keeps 0.55 in, room for the projector's larger type).
TITLE_IN = 0.42
#: matplotlib's z-order of the node labels (the highlighted conflict's are drawn on top of the rest).
_LABEL_Z = (5.0, 5.5)


@dataclass(frozen=True)
class GraphPart:
    """One printable part: ``kind`` is overview, goal or conflicts; ``ids`` None is the whole graph."""

    kind: str
    subject: str
    ids: frozenset[str] | None = None
    highlight: str | None = None
    #: where it was found to fit: the page's name (e.g. portrait) and the layout that fits it
    page: str = ""
    layout: Layout | None = field(default=None, compare=False, repr=False)
    #: drawn with its legend; a part whose labels reach PRINT_FONT only without it leaves the legend to
    #: the overview page
    legend: bool = True


def page_box(paper: str = "A4", orientation: str = "landscape", margin: float = PICTURE_MARGIN) -> tuple[float, float]:
    """Width and height in points of the printable area of ``paper`` in ``orientation``."""
    w, h = PAPER[paper]
    if orientation == "landscape":
        w, h = h, w
    return w - 2 * margin, h - 2 * margin


def part_views(views: list[ConflictView], ids: frozenset[str] | None) -> list[ConflictView]:
    """The conflicts of the whole workshop that lie inside a part (a part is never analysed on its own:
    a cut-off chain would raise findings the workshop does not have)."""
    return views if ids is None else [v for v in views if set(v.element_ids) <= ids]


def part_document(doc: Workshop, ids: frozenset[str] | None) -> Workshop:
    return doc if ids is None else focus_document(doc, set(ids))


def _layout(doc: Workshop, views: list[ConflictView], columns: int | None = None) -> Layout:
    from workshop_app.export.graph_picture import open_conflict_elements

    return compute_layout(doc, flagged=open_conflict_elements(views), columns=columns)


def best_layout(doc: Workshop, views: list[ConflictView], box_pt: tuple[float, float], lang: str = "en",
                title: bool = False) -> tuple[Layout, float]:
    """The layout whose labels come out largest on ``box_pt`` (the screen's choice of columns suits a
    16:9 projector, not a portrait page), and that label size in points (see :func:`best_fit`)."""
    layout, points, _legend = best_fit(doc, views, box_pt, lang, title)
    return layout, points


def best_fit(doc: Workshop, views: list[ConflictView], box_pt: tuple[float, float], lang: str = "en",
             title: bool = False) -> tuple[Layout, float, bool]:
    """(layout, label points, with legend): the columns that give the largest labels on ``box_pt``, with
    the legend while the labels reach :data:`PRINT_FONT` with it, else without (the legend takes an
    inch of a landscape page's height, which a crowded neighbourhood needs for its rows). ``title``:
    the picture has a title on top (a highlighted conflict's)."""
    best: tuple[Layout, float, bool] | None = None
    for legend in (True, False):
        for columns in (None, *COLUMN_CHOICES):
            layout = _layout(doc, views, columns)
            points = label_points(doc, views, box_pt, lang, layout, title=title, legend=legend)
            if best is None or points > best[1] + 0.05:
                best = (layout, points, legend)
        assert best is not None
        if best[1] >= PRINT_FONT:
            break
    assert best is not None
    return best


def _axes(figure: Any, lang: str, title: bool, legend: bool) -> Any:
    """The axes :func:`draw_graph` draws in on ``figure``: room for the title on top and, with ``legend``,
    for the legend below (as graph_picture lays it out), else a thin margin."""
    from workshop_app.export import graph_picture as gp

    if legend:
        return gp._prepare_axes(figure, Translator(lang), title, 1.0)
    figure.clear()
    height = figure.get_figheight()
    top = 1 - min((TITLE_IN if title else 0.08) / height, 0.15)
    bottom = min(0.05 / height, 0.05)
    return figure.add_axes((0.005, bottom, 0.99, top - bottom))


@lru_cache(maxsize=16)
def _page_axes(box_pt: tuple[float, float], lang: str, title: bool = False, legend: bool = True) -> Any:
    """The axes :func:`draw_graph` would draw in on a picture of ``box_pt`` (only its size is read)."""
    from matplotlib.figure import Figure

    return _axes(Figure(figsize=(box_pt[0] / 72, box_pt[1] / 72)), lang, title, legend)


def label_points(doc: Workshop, views: list[ConflictView], box_pt: tuple[float, float], lang: str = "en",
                 layout: Layout | None = None, title: bool = False, legend: bool = True) -> float:
    """The smallest node label, in points, of ``doc`` drawn on a picture of ``box_pt`` points.

    The same sizes :func:`draw_graph` uses: the slot a node gets across and down, then each title's
    longest word (a long compound gets a smaller font rather than a break)."""
    from workshop_app.export import graph_picture as gp

    layout = layout or _layout(doc, views)
    tr = Translator(lang)
    ax = _page_axes(box_pt, lang, title, legend)
    longest = max((len(w) for b in layout.bands for w in gs.band_label(tr, b.key).split()), default=0)
    _, m = gp._fit(ax, layout, 1.0, longest)
    sizes = [gs.fit_label(el.title or el.id, m.chars, m.font, gp.LABEL_LINES)[1]
             for el in doc.elements if el.id in layout.positions]
    return min(sizes, default=m.font)


@dataclass
class PartPlan:
    """The parts to print, and those left out (too large for the page, or beyond :data:`MAX_PARTS`)."""

    parts: list[GraphPart]
    too_large: list[GraphPart]
    left_out: list[GraphPart]


def graph_parts(doc: Workshop, views: list[ConflictView], boxes: dict[str, tuple[float, float]], lang: str = "en",
                overview_box: tuple[float, float] | None = None, max_parts: int = MAX_PARTS) -> PartPlan:
    """The overview, and — when its labels would be under :data:`PRINT_FONT` on ``overview_box`` — the
    subtree of every shared goal (those with most of the room's conflicts first) and the neighbourhoods
    of the taken-up conflicts whose elements no subtree shows, each on the first of ``boxes`` (page name → size in
    points) where its labels reach :data:`PRINT_FONT`."""
    tr = Translator(lang)
    plan = PartPlan([GraphPart("overview", "")], [], [])
    first = next(iter(boxes.values()))
    if not doc.elements or label_points(doc, views, overview_box or first, lang) >= PRINT_FONT:
        return plan
    taken = [v for v in views if v.taken_up]
    goals: list[tuple[int, int, GraphPart]] = []
    for n, el in enumerate(doc.elements):
        if el.kind == "goal" and getattr(getattr(el, "level", None), "value", None) == "shared":
            ids = frozenset(goal_subtree(doc, el.id))
            inside = sum(set(v.element_ids) <= ids for v in taken)
            goals.append((-inside, n, GraphPart("goal", el.title or el.id, ids)))
    shown = [part.ids for _, _, part in goals if part.ids is not None]

    def place(part: GraphPart) -> None:
        if len(plan.parts) > max_parts:
            plan.left_out.append(part)
            return
        fitted = _fit_part(doc, views, part, boxes, lang)
        (plan.parts if fitted else plan.too_large).append(fitted or part)

    for _, _, part in sorted(goals, key=lambda g: g[:2]):
        place(part)
    pending: list[ConflictView] = []
    pending_ids: frozenset[str] = frozenset()
    for view in taken:
        ids = frozenset(neighbourhood(doc, view.element_ids, include_hidden=True))
        if not ids or any(set(view.element_ids) <= part for part in shown):  # a subtree page shows it already
            continue
        if len(plan.parts) > max_parts:  # no room left: name it, without trying to fit it
            plan.left_out.append(_conflict_part(tr, [view], ids))
            continue
        union = pending_ids | ids
        if pending and _fit_part(doc, views, GraphPart("conflicts", "", union), boxes, lang) is None:
            place(_conflict_part(tr, pending, pending_ids))
            pending, union = [], ids
        pending.append(view)
        pending_ids = union
    if pending:
        place(_conflict_part(tr, pending, pending_ids))
    return plan


def _fit_part(doc: Workshop, views: list[ConflictView], part: GraphPart, boxes: dict[str, tuple[float, float]],
              lang: str) -> GraphPart | None:
    """``part`` with the first page and layout where its labels reach :data:`PRINT_FONT`, or None."""
    sub_doc, sub_views = part_document(doc, part.ids), part_views(views, part.ids)
    for page, box in boxes.items():
        layout, points, legend = best_fit(sub_doc, sub_views, box, lang, _titled(part, sub_views))
        if points >= PRINT_FONT:
            return replace(part, page=page, layout=layout, legend=legend)
    return None


def _titled(part: GraphPart, views: list[ConflictView]) -> bool:
    """Whether the part's picture has the highlighted conflict's title on top."""
    return part.highlight is not None and any(v.id == part.highlight for v in views)


def _conflict_part(tr: Translator, views: list[ConflictView], ids: frozenset[str]) -> GraphPart:
    subject = "; ".join(shorten(v.title, 120) for v in views)
    return GraphPart("conflicts", subject, ids, views[0].id if len(views) == 1 else None)


def goal_part(doc: Workshop, goal_id: str) -> GraphPart:
    """The part ``tandem graph --goal`` draws (ValueError for an unknown id)."""
    el = next((e for e in doc.elements if e.id == goal_id), None)
    if el is None or el.kind != "goal":
        raise ValueError(goal_id)
    return GraphPart("goal", el.title or el.id, frozenset(goal_subtree(doc, goal_id)))


def conflict_part(doc: Workshop, views: list[ConflictView], conflict_id: str) -> GraphPart:
    """The part ``tandem graph --conflict`` draws: the conflict's neighbourhood, highlighted."""
    view = next((v for v in views if v.id == conflict_id), None)
    if view is None:
        raise ValueError(conflict_id)
    ids = frozenset(neighbourhood(doc, view.element_ids, include_hidden=True))
    return GraphPart("conflicts", view.title, ids, view.id)


@dataclass
class RenderedPart:
    data: bytes
    label_sizes: list[float]  # points, as drawn


def render_part(doc: Workshop, views: list[ConflictView], part: GraphPart, box_pt: tuple[float, float],
                lang: str = "en", fmt: str = "png", dpi: int = 200, fast_png: bool = True,
                min_label_font: float = PRINT_FONT) -> RenderedPart:
    """``part`` drawn on a picture of exactly ``box_pt`` points (so its points are points on paper).

    Labels under ``min_label_font`` are left out: the minutes' overview of a graph too large for
    readable labels is drawn without them, the parts that follow carry them."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    from workshop_app.export.graph_picture import draw_graph

    sub_doc, sub_views = part_document(doc, part.ids), part_views(views, part.ids)
    titled = _titled(part, sub_views)
    if part.layout is not None:
        layout, legend = part.layout, part.legend
    elif part.ids is None:
        layout, legend = _layout(sub_doc, sub_views), True
    else:
        layout, _points, legend = best_fit(sub_doc, sub_views, box_pt, lang, titled)
    figure = Figure(figsize=(box_pt[0] / 72, box_pt[1] / 72), dpi=100)
    buf = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "tandem", "text.usetex": False,
                     "text.hinting": "no_hinting"}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        target = figure if legend else _axes(figure, lang, titled, legend)
        drawn = draw_graph(sub_doc, target, lang=lang, highlight=part.highlight, views=sub_views, layout=layout,
                           min_label_font=min_label_font, legend=legend)
        note = Translator(lang)("Labels appear when there is room: enlarge or hover over a node.")
        for text in list(drawn.ax.texts):
            if text.get_text() == note:  # a hint for the screen; on paper the parts that follow have the labels
                text.remove()
        sizes = [float(t.get_fontsize()) for t in drawn.ax.texts if t.get_zorder() in _LABEL_Z]
        extra: dict[str, Any] = {"pil_kwargs": {"compress_level": 1}} if fast_png and fmt == "png" else {}
        figure.savefig(buf, format=fmt, dpi=dpi, facecolor="white", metadata={"Date": None} if fmt == "svg" else {},
                       **extra)
    return RenderedPart(buf.getvalue(), sizes)
