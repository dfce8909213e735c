"""The links of the graph picture: one line collection per style, one collection of arrowheads.

Drawing each link as its own ``FancyArrowPatch`` costs about a millisecond
per link; on an L workshop (800 links) that alone would eat the 300 ms
budget. So lines are grouped by style into ``LineCollection``s and every
arrowhead is a triangle in one ``PolyCollection`` whose vertices are in points
(``offset`` = the target's centre, in data units), turned to the link's
direction on screen and pushed back to the target's rim.

Two links between the same pair of elements (a goal that depends on another
and conflicts with it) are bent apart, so both stay visible.
"""

from __future__ import annotations

import math
from typing import Any

from workshop_app.analysis import ConflictView, Layout, is_settled
from workshop_app.export import graph_style as gs
from workshop_app.model import Workshop

ARC_SEGMENTS = 16
#: Lowest and highest arc peak above its row, in slot units.
ARC_LOW, ARC_HIGH = 0.2, 0.58
#: How far apart (slot units, at the middle) two links between the same pair of elements are bent.
PARALLEL_BEND = 0.22


def _parallel_bends(pairs: list[tuple[str, str]]) -> list[float]:
    """Per link, a sideways bend: 0 for a link alone between its two elements, else spread evenly
    around 0 (−½, +½ for two) so links between the same pair never lie on one another. The sign is
    taken for the pair in one fixed order, so A→B and B→A bend to different sides."""
    groups: dict[tuple[str, str], list[int]] = {}
    for n, (a, b) in enumerate(pairs):
        groups.setdefault((min(a, b), max(a, b)), []).append(n)
    bends = [0.0] * len(pairs)
    for key, members in groups.items():
        if len(members) < 2:
            continue
        for rank, n in enumerate(members):
            offset = (rank - (len(members) - 1) / 2) * PARALLEL_BEND
            bends[n] = offset if pairs[n][0] == key[0] else -offset
    return bends


def _bent(p: tuple[float, float], q: tuple[float, float], bend: float) -> list[tuple[float, float]]:
    """A quadratic Bézier from ``p`` to ``q`` whose middle lies ``bend`` slot units to the left of p→q."""
    (x1, y1), (x2, y2) = p, q
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    cx, cy = (x1 + x2) / 2 - dy / norm * 2 * bend, (y1 + y2) / 2 + dx / norm * 2 * bend
    return [((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2,
             (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2)
            for t in (i / ARC_SEGMENTS for i in range(ARC_SEGMENTS + 1))]


def _is_arc(p: tuple[float, float], q: tuple[float, float]) -> bool:
    """Both ends in one row with room for nodes between them: a straight line would run through those."""
    return abs(p[1] - q[1]) <= 0.3 and abs(p[0] - q[0]) >= 1.05


def _arc_peaks(pairs: list[tuple[tuple[float, float], tuple[float, float]]]) -> list[float]:
    """Peak height per arc: in each row, wider arcs rise higher (rank, not width), so arcs nest
    inside the free space between a row's nodes and the labels of the row above."""
    peaks = [0.0] * len(pairs)
    rows: dict[float, list[int]] = {}
    for n, (p, q) in enumerate(pairs):
        if _is_arc(p, q):
            rows.setdefault(round(max(p[1], q[1]), 1), []).append(n)
    for members in rows.values():
        members.sort(key=lambda n: (abs(pairs[n][0][0] - pairs[n][1][0]), pairs[n][0][0]))
        for rank, n in enumerate(members):
            peaks[n] = ARC_LOW + (ARC_HIGH - ARC_LOW) * rank / max(len(members) - 1, 1) if len(members) > 1 else 0.35
    return peaks


def _polyline(p: tuple[float, float], q: tuple[float, float], peak: float) -> list[tuple[float, float]]:
    """A straight line, or (``peak`` > 0) a quadratic Bézier arc rising ``peak`` above the row."""
    if peak <= 0:
        return [p, q]
    (x1, y1), (x2, y2) = p, q
    cx, cy = (x1 + x2) / 2, max(y1, y2) + 2 * peak  # a quadratic Bézier peaks at half its control height
    points = []
    for i in range(ARC_SEGMENTS + 1):
        t = i / ARC_SEGMENTS
        points.append(((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2,
                       (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2))
    return points


def _shared_conflict(active: list[ConflictView]) -> dict[str, set[int]]:
    """Element id → indices of the open conflicts it takes part in."""
    member: dict[str, set[int]] = {}
    for n, view in enumerate(active):
        for el in view.element_ids:
            member.setdefault(el, set()).add(n)
    return member


def draw_edges(ax: Any, doc: Workshop, layout: Layout, active: list[ConflictView], views: list[ConflictView],
               lit: set[str] | None, radius: dict[str, float], m: Any) -> None:
    """Draw every link between drawn elements (see module docstring)."""
    from matplotlib.collections import LineCollection

    pos = layout.positions
    member = _shared_conflict(active)
    settled_links = {v.link_id for v in views if v.link_id and is_settled(v)}
    groups: dict[tuple[str, bool, bool, bool], list[list[tuple[float, float]]]] = {}
    heads: list[tuple[tuple[float, float], tuple[float, float], float, str, float]] = []
    crosses: list[tuple[float, float, bool]] = []
    base_lw = min(max(m.node / 14, 1.1), 2.4)
    links = [ln for ln in doc.links if ln.source in pos and ln.target in pos]
    peaks = _arc_peaks([(pos[ln.source], pos[ln.target]) for ln in links])
    bends = _parallel_bends([(ln.source, ln.target) for ln in links])
    for link, peak, bend in zip(links, peaks, bends, strict=True):
        kind = link.kind.value
        settled = link.id in settled_links
        red = kind == "conflicts_with" or bool(member.get(link.source, set()) & member.get(link.target, set()))
        dim = lit is not None and not (link.source in lit and link.target in lit)
        if bend and peak > 0:  # parallel arcs over a row: one rises higher than the other
            line = _polyline(pos[link.source], pos[link.target], peak + abs(bend) + bend)
        elif bend:
            line = _bent(pos[link.source], pos[link.target], bend)
        else:
            line = _polyline(pos[link.source], pos[link.target], peak)
        groups.setdefault((kind, red, dim, settled), []).append(line)
        if gs.EDGE_STYLES[kind][1]:
            colour = gs.CONFLICT if red else gs.EDGE_INK
            heads.append((line[-1], line[-2], radius[link.target], colour, 0.2 if dim else 1.0))
        elif not settled:
            mid = line[len(line) // 2] if len(line) > 2 else ((line[0][0] + line[1][0]) / 2, (line[0][1] + line[1][1]) / 2)
            crosses.append((mid[0], mid[1], dim))
    for (kind, red, dim, settled), lines in groups.items():
        dash = gs.EDGE_STYLES[kind][0]
        lw = base_lw * (1.7 if red else 1.0) * (0.7 if settled else 1.0)
        alpha = 0.15 if dim else (0.5 if settled else 0.9)
        ax.add_collection(LineCollection(lines, colors=gs.CONFLICT if red else gs.EDGE_INK, linestyles=[dash],
                                         linewidths=lw, alpha=alpha, zorder=2 if red else 1.5, capstyle="butt"))
    _draw_heads(ax, heads, base_lw, m.node)
    if crosses:
        xs, ys, dims = zip(*crosses, strict=True)
        ax.scatter(xs, ys, s=(m.node * 0.6) ** 2, marker="X", c=gs.CONFLICT, edgecolors="white", linewidths=1.0,
                   alpha=[0.25 if d else 1.0 for d in dims], zorder=2.6)


def _draw_heads(ax: Any, heads: list, lw: float, node: float) -> None:
    """All arrowheads as one collection; see the module docstring."""
    if not heads:
        return
    from matplotlib.collections import PolyCollection
    from matplotlib.transforms import Affine2D

    length = min(3.2 * lw + 4, max(node * 0.6, 3.0))
    half = length * 0.42
    ends = [h[0] for h in heads]
    disp_end = ax.transData.transform(ends)
    disp_prev = ax.transData.transform([h[1] for h in heads])
    verts = []
    for (_, _, r, _, _), (ex, ey), (px, py) in zip(heads, disp_end, disp_prev, strict=True):
        dx, dy = ex - px, ey - py
        norm = math.hypot(dx, dy) or 1.0
        ux, uy = dx / norm, dy / norm
        tx, ty = -ux * (r + 1.5), -uy * (r + 1.5)
        bx, by = tx - ux * length, ty - uy * length
        verts.append([(tx, ty), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)])
    colours = [_rgba(h[3], h[4]) for h in heads]
    points = Affine2D().scale(1 / 72) + ax.figure.dpi_scale_trans
    ax.add_collection(PolyCollection(verts, offsets=ends, offset_transform=ax.transData, transform=points,
                                     facecolors=colours, edgecolors="none", zorder=2.4))


def _rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgba

    return to_rgba(colour, alpha)
