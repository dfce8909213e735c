"""Horizons and pay-out periods side by side, so the room sees the mismatch at a glance.

Every goal is a solid bar over its horizon; every incentive a hatched bar over
its pay-out period with a tick at each further pay-out, so a quarterly
commission reads as "paid 4 times a year" next to a brand goal running three
years. Rows are grouped Marketing, joint, Sales (the order of the graph
picture) with the side's colour; inside a group goals come first, longest
first, then incentives. Hatching tells goals from incentives without colour.
matplotlib is imported inside the functions only.
"""

from __future__ import annotations

import io
import os
import warnings
from typing import Any

from workshop_app.atomic import atomic_write_bytes
from workshop_app.export import graph_style as gs
from workshop_app.model import Goal, Incentive, Side, Workshop
from workshop_app.vocabulary import Translator

SIDES = (Side.MARKETING, Side.JOINT, Side.SALES)
ROW_IN = 0.36
LABEL_CHARS = 38
#: The axis ends here (50 years) whatever the horizons: a longer bar runs to the edge with an arrow
#: and its label says how long it is, so a huge value costs neither memory nor a chart of one bar.
AXIS_MONTHS = 600
#: At most this many pay-out ticks per incentive; more would merge into a line anyway.
MAX_PAYOUT_TICKS = 120


def _months(el: Goal | Incentive) -> int | None:
    return el.horizon_months if el.kind == "goal" else el.period_months


def chart_rows(doc: Workshop, include_hidden: bool = True,
               max_rows: int | None = None) -> list[tuple[Side, list[Goal | Incentive]]]:
    """(side, elements) groups in drawing order; sides without goals or incentives are left out.

    With ``max_rows`` a large workshop keeps, per side, its longest goals and
    its shortest incentive periods: the rows that show the mismatch. A chart
    of hundreds of bars reads as noise on a page or a wall.
    """
    groups: list[tuple[Side, list[Goal | Incentive]]] = []
    for side in SIDES:
        items: list[Goal | Incentive] = [el for el in doc.elements if (el.kind == "goal" or el.kind == "incentive")
                                         and el.side == side and (include_hidden or not el.hidden)]
        items.sort(key=lambda el: (el.kind != "goal", -(_months(el) or 0), el.title.casefold(), el.id))
        if items:
            groups.append((side, items))
    total = sum(len(items) for _, items in groups)
    if max_rows is None or total <= max_rows:
        return groups
    quota = max(2, max_rows // len(groups))
    trimmed: list[tuple[Side, list[Goal | Incentive]]] = []
    for side, items in groups:
        goals = [el for el in items if el.kind == "goal"]
        incentives = sorted((el for el in items if el.kind == "incentive"), key=lambda el: _months(el) or 10**6)
        n_inc = min(len(incentives), max(quota // 2, quota - len(goals)))
        kept_inc = set(map(id, incentives[:n_inc]))
        kept_goals = set(map(id, goals[: quota - n_inc]))
        trimmed.append((side, [el for el in items if id(el) in kept_goals or id(el) in kept_inc]))
    return trimmed


def row_count(doc: Workshop, include_hidden: bool = True) -> int:
    """How many goals and incentives the full chart would show."""
    return sum(len(items) for _, items in chart_rows(doc, include_hidden))


def draw_horizon_chart(doc: Workshop, figure: Any, lang: str = "en", include_hidden: bool = True,
                       max_rows: int | None = None) -> Any:
    """Draw the chart into ``figure`` (cleared first) and return its axes."""
    tr = Translator(lang)
    figure.clear()
    ax = figure.add_subplot()
    groups = chart_rows(doc, include_hidden, max_rows)
    if not groups:
        ax.set_axis_off()
        ax.text(0.5, 0.5, tr("No goals or incentives yet."), ha="center", va="center", fontsize=14,
                transform=ax.transAxes, **gs.plain_text())
        return ax
    longest = min(max((_months(el) or 0 for _, items in groups for el in items), default=0), AXIS_MONTHS)
    xmax = max(12, longest) * 1.12
    n_rows = sum(len(items) + 1 for _, items in groups)
    row_pt = figure.get_figheight() * 72 * 0.8 / n_rows
    # type follows the row height, but labels of LABEL_CHARS must keep to ~40 % of the width
    font = min(max(row_pt * 0.55, 5.0), 13.0, figure.get_figwidth() * 72 * 0.4 / (LABEL_CHARS * 0.6))

    labels: list[tuple[str, dict[str, Any]]] = []
    y = 0
    for side, items in groups:
        colour = gs.SIDE_COLOURS[side.value]
        ax.axhspan(y - 0.5, y + len(items) + 0.5, color=colour, alpha=0.07, lw=0, zorder=0)
        labels.append((tr.side(side.value), {"color": colour, "fontweight": "bold"}))
        y += 1
        for el in items:
            _bar(ax, tr, el, y, colour, xmax, font, longest)
            labels.append(_row_label(el.title or el.id, font))
            y += 1
    _axes_style(ax, tr, labels, xmax, font)
    return ax


#: A long title wraps onto a second line in type this much smaller (two lines then fill one row).
WRAPPED_SCALE = 0.78


def _row_label(title: str, font: float) -> tuple[str, dict[str, Any]]:
    """A bar's label: one line, or a long title on two smaller lines (wrapped, not cut after a few words)."""
    if len(title) <= LABEL_CHARS:  # wrap_label also makes the text safe for SVG and mathtext
        return gs.wrap_label(title, LABEL_CHARS, 1), {"color": gs.INK}
    wrapped = gs.wrap_label(title, int(LABEL_CHARS / WRAPPED_SCALE), 2)
    return wrapped, {"color": gs.INK, "fontsize": font * WRAPPED_SCALE, "linespacing": 1.0}


def _bar(ax: Any, tr: Translator, el: Goal | Incentive, y: int, colour: str, xmax: float, font: float,
         longest: float | None = None) -> None:
    """One goal's horizon or one incentive's period; an incentive's next pay-outs as ticks up to the
    longest horizon on the chart (beyond it no goal is waiting for them)."""
    months = _months(el)
    if not months:
        ax.text(0.3, y, tr("no horizon given") if el.kind == "goal" else tr("no period given"), va="center",
                fontsize=font * 0.9, color="#777777", style="italic", **gs.plain_text())
        return
    incentive = el.kind == "incentive"
    shown = min(months, AXIS_MONTHS)  # a horizon beyond the axis runs to its edge, marked with an arrow
    ax.barh(y, shown, height=0.62, left=0, color="white" if incentive else colour, edgecolor=colour,
            hatch="////" if incentive else None, linewidth=1.4, zorder=2)
    if months > AXIS_MONTHS:
        ax.scatter([shown], [y], marker=">", s=(font * 1.1) ** 2, c=colour, zorder=3)
    if incentive:
        horizon = min(max(longest or xmax, months), AXIS_MONTHS)
        count = min(int(horizon // months) - 1, MAX_PAYOUT_TICKS) if months <= horizon else 0
        repeats = [months * k for k in range(2, count + 2)]
        if repeats:
            ax.scatter(repeats, [y] * len(repeats), marker="|", s=(font * 1.3) ** 2, c=colour, linewidths=1.6,
                       zorder=2)
    ax.text(shown + xmax * 0.008, y, months_label(tr, months), va="center", fontsize=font * 0.9, color=gs.INK,
            zorder=3, ha="right" if months > AXIS_MONTHS else "left",
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.9}, **gs.plain_text())


def months_label(tr: Translator, months: int) -> str:
    """``18 months``; beyond the axis ``> 600 months`` (the inventory lists the exact value)."""
    return tr.months(months) if months <= AXIS_MONTHS else "> " + tr.months(AXIS_MONTHS)


def _axes_style(ax: Any, tr: Translator, labels: list[tuple[str, dict[str, Any]]], xmax: float, font: float) -> None:
    from matplotlib.patches import Patch
    from matplotlib.ticker import MultipleLocator

    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels([text for text, _ in labels], fontsize=font)
    for tick, (_, props) in zip(ax.get_yticklabels(), labels, strict=True):
        tick.set_parse_math(False)
        tick.set(**props)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(0, xmax)
    step = 3 if xmax <= 15 else 6 if xmax <= 40 else 12 if xmax <= 150 else 60  # at most ~12 ticks
    ax.xaxis.set_major_locator(MultipleLocator(step))
    ax.tick_params(axis="x", labelsize=font)
    ax.grid(axis="x", color="#dddddd", lw=0.8, zorder=0)
    ax.set_axisbelow(True)
    ax.set_xlabel(tr("Months"), fontsize=font)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    handles = [Patch(facecolor="#999999", edgecolor="#999999", label=tr("Goal: horizon")),
               Patch(facecolor="white", edgecolor="#999999", hatch="////",
                     label=tr("Incentive: pay-out period (| = next pay-outs)"))]
    wide = sum(len(str(h.get_label())) for h in handles) * 0.75 * font * 0.9 + 10 * font < ax.figure.get_figwidth() * 72 * 0.6
    legend = ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2 if wide else 1,
                       fontsize=font * 0.9, frameon=False, borderaxespad=0.3)
    for text in legend.get_texts():
        text.set_parse_math(False)


def horizon_chart_bytes(doc: Workshop, fmt: str = "svg", lang: str = "en", dpi: int = 200) -> bytes:
    """The chart as SVG or PNG bytes, sized to its number of rows."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    fmt = fmt.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise ValueError(f"unsupported picture format '{fmt}' (use svg or png)")
    rows = sum(len(items) + 1 for _, items in chart_rows(doc))
    figure = Figure(figsize=(11.0, min(max(rows * ROW_IN + 1.2, 3.0), 60.0)), dpi=100, layout="constrained")
    buf = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "tandem", "text.usetex": False}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        draw_horizon_chart(doc, figure, lang)
        figure.savefig(buf, format=fmt, dpi=dpi, facecolor="white", metadata={"Date": None} if fmt == "svg" else {})
    return buf.getvalue()


def write_horizon_chart(doc: Workshop, path: str | os.PathLike, lang: str = "en") -> None:
    """Write ``.svg`` or ``.png`` (by suffix) atomically."""
    fmt = os.path.splitext(os.fspath(path))[1].lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise ValueError(f"'{path}': the chart must end in .svg or .png")
    atomic_write_bytes(path, horizon_chart_bytes(doc, fmt, lang=lang))
