"""A deterministic layered layout for the dependency graph.

The picture reads like the goal breakdown it shows, top to bottom:

==========  =====================================================
band        elements
==========  =====================================================
strategy    company strategy
shared      shared goals
department  department goals
team        team goals
levers      incentives and budgets (what pays for and pays out)
channels    channels, insights and beliefs — only those a link joins
            to the rest or that take part in an open conflict
            (``flagged``, e.g. a channel its receivers rate useless).
            The others are inventory, not graph: the Communication
            and Culture pages list them, and in the picture they
            would only take room from the labels that matter.
==========  =====================================================

Across, Marketing is on the left, joint elements in the middle and Sales on
the right, so the room finds its own side at a glance. Inside a band each
side's elements are ordered by the mean x of their already placed neighbours
(one top-down barycentre pass keeps links short and mostly vertical), ties
broken by id, so the same document always gives the same picture, whatever
the order of its lists. Elements linked to the other side are pulled
towards the middle, so links across the room stay short; elements linked to
nothing sit at their side's outer edge, where a silo belongs. A band wraps onto
further rows when one side has more than ``columns`` elements in it; unless
given, ``columns`` is chosen so the picture comes out largest when fitted
to a projector's 16:9 screen (see :func:`choose_columns`).

Units: one node slot is 1 × 1; y grows upwards (the top band is at y = 0,
lower bands are negative). Positions the facilitator dragged
(``element.position``) are in the same units and are kept as they are;
dragged elements leave their slot free for the others.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop_app.model import AnyElement, ElementBase, Side, Workshop

BANDS = ("strategy", "shared", "department", "team", "levers", "channels")
SIDES = (Side.MARKETING, Side.JOINT, Side.SALES)
ZONE_GAP = 0.6
BAND_GAP = 0.35
MIN_COLUMNS = 2
#: Width : height in slot units of a picture that fills a 16:9 screen with the
#: export's 1.55 × 1.45 in slots: 16/9 × 1.45/1.55.
TARGET_ASPECT = 1.66
#: Slot units a picture adds around the zones: band names and margins across;
#: zone headers, room for the last labels and the legend strip down.
EXTRA_W, EXTRA_H = 2.15, 2.45


@dataclass
class Band:
    key: str
    top: float
    bottom: float


@dataclass
class Layout:
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    band_of: dict[str, str] = field(default_factory=dict)
    bands: list[Band] = field(default_factory=list)
    #: x range (left, right) of each side's zone, in slot units
    zones: dict[Side, tuple[float, float]] = field(default_factory=dict)
    columns: int = MIN_COLUMNS

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax) covering every node and every zone."""
        xs = [p[0] for p in self.positions.values()] + [x for zone in self.zones.values() for x in zone]
        ys = [p[1] for p in self.positions.values()] or [0.0]
        if not xs:
            return (0.0, 1.0, -1.0, 0.0)
        return (min(xs), max(xs), min(ys), max(ys))


def band_of(element: AnyElement, linked: set[str] | frozenset[str]) -> str | None:
    """The band an element is drawn in, or None when it is left out of the picture."""
    if element.kind == "strategy":
        return "strategy"
    if element.kind == "goal":
        return element.level.value
    if element.kind in ("incentive", "budget"):
        return "levers"
    if element.kind == "agreement":  # what the sides promised each other is shown even before a goal rests on it
        return "channels"
    if element.id in linked:
        return "channels"
    return None


def _extent(members: dict[tuple[str, Side], list[ElementBase]], cols: int) -> tuple[float, float]:
    """(width, height) in slot units of the picture ``cols`` columns per zone would give."""
    width = sum(min(cols, max((len(v) for (_, s), v in members.items() if s == side), default=1)) for side in SIDES)
    rows = [max((math.ceil(len(members.get((band, s), ())) / cols) for s in SIDES), default=0) for band in BANDS]
    height = sum(rows) + BAND_GAP * max(sum(1 for r in rows if r) - 1, 0)
    return width + 2 * ZONE_GAP + EXTRA_W, height + EXTRA_H


def choose_columns(members: dict[tuple[str, Side], list[ElementBase]]) -> int:
    """The columns per zone that make the picture largest on a 16:9 screen (fewest on a tie).

    A picture fitted to the screen is scaled by the smaller of screen width /
    picture width and screen height / picture height, so the best choice
    minimises the larger of ``width / TARGET_ASPECT`` and ``height``.
    """
    biggest = max((len(v) for v in members.values()), default=1)
    best, best_score = MIN_COLUMNS, math.inf
    for cols in range(MIN_COLUMNS, max(biggest, MIN_COLUMNS) + 1):
        width, height = _extent(members, cols)
        score = max(width / TARGET_ASPECT, height)
        if score < best_score - 1e-9:
            best, best_score = cols, score
    return best


def _neighbours(doc: Workshop, ids: set[str]) -> dict[str, list[str]]:
    neighbours: dict[str, list[str]] = {i: [] for i in ids}
    for link in doc.links:
        if link.source in ids and link.target in ids:
            neighbours[link.source].append(link.target)
            neighbours[link.target].append(link.source)
    return neighbours


def compute_layout(doc: Workshop, include_hidden: bool = True, columns: int | None = None,
                   flagged: Iterable[str] = ()) -> Layout:
    """Place every drawn element; see the module docstring for the rules.

    ``flagged`` are ids of elements in open conflicts; channels, insights and
    beliefs among them are drawn even when no link joins them.
    """
    linked = {end for link in doc.links for end in (link.source, link.target)} | set(flagged)
    members: dict[tuple[str, Side], list[ElementBase]] = {}
    result = Layout()
    for el in doc.elements:
        band = band_of(el, linked)
        if band is None or (el.hidden and not include_hidden):
            continue
        result.band_of[el.id] = band
        if el.position is not None:
            result.positions[el.id] = (el.position.x, el.position.y)
        else:
            members.setdefault((band, el.side), []).append(el)

    cols = columns or choose_columns(members)
    result.columns = cols
    widths = {side: min(cols, max((len(v) for (b, s), v in members.items() if s == side), default=0)) for side in SIDES}
    left = 0.0
    for side in SIDES:
        width = max(widths[side], 1)
        result.zones[side] = (left, left + width)
        left += width + ZONE_GAP

    neighbours = _neighbours(doc, set(result.band_of))
    zone_of = {el.id: side for (_, side), group in members.items() for el in group}
    top = 0.0
    for band in BANDS:
        rows = 0
        for side in SIDES:
            group = members.get((band, side), [])
            rows = max(rows, _place(group, side, top, result, neighbours, zone_of, cols))
        if rows or any(b == band for b in result.band_of.values()):
            rows = max(rows, 1)
            result.bands.append(Band(band, top + 0.5, top - rows + 0.5))
            top -= rows + BAND_GAP
    return result


def _place(group: list[ElementBase], side: Side, top: float, result: Layout, neighbours: dict[str, list[str]],
           zone_of: dict[str, Side], cols: int) -> int:
    """Place one side's elements of one band in rows from ``top``; return the number of rows."""
    if not group:
        return 0
    placed = result.positions
    centre = {s: (a + b) / 2 for s, (a, b) in result.zones.items()}

    left, right = result.zones[side]
    outside = {Side.MARKETING: left - 1.0, Side.SALES: right + 1.0}.get(side, (left + right) / 2)

    def key(el: ElementBase) -> tuple[float, str]:
        xs = [placed[n][0] if n in placed else centre[zone_of[n]] for n in neighbours[el.id]
              if n in placed or zone_of.get(n, side) != side]
        return (sum(xs) / len(xs) if xs else outside, el.id)

    ordered = sorted(group, key=key)
    for row_start in range(0, len(ordered), cols):
        row = ordered[row_start: row_start + cols]
        offset = left + (right - left - len(row)) / 2 + 0.5
        y = top - row_start // cols
        for n, el in enumerate(row):
            placed[el.id] = (round(offset + n, 6), round(y, 6))
    return math.ceil(len(ordered) / cols)
