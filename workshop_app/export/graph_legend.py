"""The legend under the graph picture: sides, element kinds, link kinds, conflict marks.

Only what the picture shows is explained, so a small workshop gets a short
legend. It sits below the axes in the strip :func:`legend_height_in` reserves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from workshop_app.export import graph_style as gs
from workshop_app.vocabulary import Translator

LEGEND_ROWS = 3
LEGEND_FONT = 14.0


def legend_font(width_in: float, scale: float = 1.0) -> float:
    """Legend type follows the figure's width: 14 pt on a 19 in wide picture, never under 7 pt."""
    return min(max(width_in * 0.75, 7.0), LEGEND_FONT) * scale


#: The most entries a legend usually has (3 sides, 6 kinds of element, 6 of link, the conflict ring, hidden)
#: and a long label ("in einem offenen Zielkonflikt"): what the reserved strip must hold.
MOST_ITEMS = 17
LONG_LABEL = 26


def _entry_pt(label_chars: int, size: float) -> float:
    """Width of one legend entry (handle, gap, label) in points, for ``size`` pt type."""
    return (label_chars * 0.58 + 3.5) * size


def _fitting_columns(width_in: float, label_chars: int, size: float) -> int:
    return max(1, int(width_in * 72 * 0.98 // _entry_pt(label_chars, size)))


def legend_rows(width_in: float = 19.0, scale: float = 1.0) -> int:
    """Rows reserved under the axes: three on a wide picture, more when a narrow one needs them."""
    size = legend_font(width_in, scale)
    return max(LEGEND_ROWS, math.ceil(MOST_ITEMS / _fitting_columns(width_in, LONG_LABEL, size)))


def legend_height_in(width_in: float = 19.0, scale: float = 1.0) -> float:
    """Inches kept free under the axes for the legend."""
    return legend_rows(width_in, scale) * legend_font(width_in, scale) * 1.75 / 72 + 0.15


def _handles(tr: Translator, elements: Iterable[Any], link_kinds: set[str], conflicts: bool,
             size: float, hidden: bool = False) -> list[tuple[Any, str]]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    elements = list(elements)
    sides = {el.side.value for el in elements}
    classes = {gs.node_class(el.kind, getattr(el, "level", None) and el.level.value) for el in elements}
    items: list[tuple[Any, str]] = [
        (Patch(facecolor=gs.SIDE_COLOURS[s], edgecolor=gs.INK, lw=0.6), tr.side(s))
        for s in ("marketing", "joint", "sales") if s in sides
    ]
    for cls, (marker, factor) in gs.NODE_SHAPES.items():
        if cls in classes:
            handle = Line2D([], [], ls="none", marker=marker, ms=size * 0.8 * factor, mfc="#c8c8c8", mec=gs.INK, mew=0.8)
            items.append((handle, gs.node_class_label(tr, cls)))
    for kind, (dash, _) in gs.EDGE_STYLES.items():
        if kind not in link_kinds:
            continue
        if kind == "conflicts_with":
            handle = Line2D([], [], color=gs.CONFLICT, lw=size / 5, ls=dash, marker="X", ms=size * 0.75,
                            mfc=gs.CONFLICT, mec="white")
        else:
            handle = Line2D([], [], color=gs.EDGE_INK, lw=size / 8, ls=dash)
        items.append((handle, gs.link_label(tr, kind)))
    if conflicts:
        ring = Line2D([], [], ls="none", marker="o", ms=size * 0.9, mfc="none", mec=gs.CONFLICT, mew=size / 5.5)
        items.append((ring, tr("in an open conflict")))
    if hidden:
        veiled = Line2D([], [], ls="none", marker="o", ms=size * 0.8, mfc="#c8c8c8", mec=gs.INK, mew=0.8, alpha=0.4)
        items.append((veiled, tr("hidden from the room")))
    return items


def add_legend(ax: Any, tr: Translator, elements: Iterable[Any], link_kinds: set[str], conflicts: bool,
               scale: float = 1.0, hidden: bool = False) -> Any:
    """Add the legend below ``ax``, in as many columns as fit the figure's width."""
    fig = ax.figure
    size = legend_font(fig.get_figwidth(), scale)
    items = _handles(tr, elements, link_kinds, conflicts, size, hidden)
    if not items:
        return None
    width_in = fig.get_figwidth()
    longest = max(len(label) for _, label in items)
    ncol = min(len(items), _fitting_columns(width_in, longest, size))
    ncol = max(ncol, math.ceil(len(items) / legend_rows(width_in, scale)))
    if ncol * _entry_pt(longest, size) > width_in * 72 * 0.98:  # more than the strip holds: smaller type, never cut off
        size = width_in * 72 * 0.98 / (ncol * _entry_pt(longest, 1.0))
    handles, labels = zip(*items, strict=True)
    legend = ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=ncol, fontsize=size,
                       frameon=False, numpoints=1, handlelength=3.4, columnspacing=1.4, borderaxespad=0.2)
    for text in legend.get_texts():
        text.set_parse_math(False)
    return legend
