"""The alignment check's pictures: where each side stands, and where the two sides see things differently.

Two pictures per round, drawn into any matplotlib ``Figure`` (the app's
canvas, the projector, the minutes' PNG):

* **sides** — on top a band from 20 to 100 cut into the four stages with a
  marker per side (the sides differ by marker shape as well as colour, so the
  picture reads in greyscale too); below it the profile: each side's mean
  per dimension, 1 to 5.
* **gaps** — a diverging bar per statement, Marketing's mean minus Sales'
  mean, sorted by size: a bar to the right in Marketing's colour where
  Marketing scores higher, to the left in Sales' colour where Sales does.
  Dashed lines mark the finding threshold.

A side with too few respondents is named as such and never drawn. User text
(statements) is shown literally: no mathtext, so ``$`` stays a dollar sign.
matplotlib is imported inside the functions only.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from workshop_app.analysis.alignment import (
    DIMENSION_NAMES,
    GAP_THRESHOLD,
    SIDES,
    STAGE_NAMES,
    STAGES,
    RoundResult,
    has_a_side,
    score_rounds,
)
from workshop_app.export import graph_style as gs
from workshop_app.locale_format import format_number
from workshop_app.model import Dimension, Side, Workshop
from workshop_app.palette import SIDE_TEXT
from workshop_app.vocabulary import Translator

#: Marker per side: shape tells the sides apart without colour.
MARKERS = {Side.MARKETING: "o", Side.SALES: "D"}
#: Stage bands, light to dark grey from undefined to integrated.
BAND_SHADES = ("#f2f2f2", "#e4e4e4", "#d6d6d6", "#c8c8c8")
#: Statements on the gap chart at most (the largest gaps); the rest is in the minutes' table.
MAX_GAP_ROWS = 20
LABEL_CHARS = 46


def _text(**kwargs: Any) -> dict[str, Any]:
    return gs.plain_text(**kwargs)


def _no_data(ax: Any, message: str, k: float = 1.0) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13 * k, color="#555555", transform=ax.transAxes,
            **_text())


def _side_caption(tr: Translator, result: RoundResult, side: Side) -> str:
    sr = result.sides[side]
    if sr.too_few:
        return tr("{side}: too few to show ({n} respondents, at least 3 needed)", side=tr.side(side), n=sr.respondents)
    stage = tr(STAGE_NAMES[sr.stage or "undefined"])
    caption = tr("{side}: {score} of 100 · {stage} ({n} respondents)", side=tr.side(side),
                 score=tr.number(round(sr.score or 0.0)), stage=stage, n=sr.respondents)
    return caption + ("*" if sr.scaled else "")


def draw_sides(figure: Any, result: RoundResult, lang: str = "en", scale: float = 1.0) -> Any:
    """Draw stage band and profile into ``figure`` (cleared first); returns the profile axes.

    ``scale`` multiplies every type and marker size (the projector draws at 1.5–2).
    """
    tr, k = Translator(lang), scale
    figure.clear()
    grid = figure.add_gridspec(2, 1, height_ratios=(1.2, 4))
    band, ax = figure.add_subplot(grid[0]), figure.add_subplot(grid[1])
    _draw_band(band, tr, result, k)
    _draw_profile(ax, tr, result, k)
    notes = [_side_caption(tr, result, side) for side in SIDES]
    if any(result.sides[s].scaled for s in SIDES):
        notes.append(tr("* scaled: the mean answer × 20, as not every statement was answered or the set "
                        "differs from 20"))
    figure.suptitle(gs.wrap_label(result.round.name or tr("Round"), 60, 1), fontsize=13 * k, color=gs.INK, **_text())
    figure.supxlabel("\n".join(gs.wrap_label(note, 100, 2) for note in notes), fontsize=8.5 * k, color="#444444",
                     **_text())
    return ax


def _draw_band(ax: Any, tr: Translator, result: RoundResult, k: float = 1.0) -> None:
    lows = sorted(low for low, _ in STAGES)
    for i, (low, high) in enumerate(zip(lows, [*lows[1:], 100], strict=True)):
        stage = dict((lo, st) for lo, st in STAGES)[low]
        ax.axvspan(low, high, color=BAND_SHADES[i], lw=0, zorder=0)
        ax.text((low + high) / 2, 1.55, tr(STAGE_NAMES[stage]), ha="center", va="center", fontsize=9 * k,
                color="#333333", **_text())
    for row, side in enumerate(SIDES):
        sr = result.sides[side]
        y = 1.0 - row * 0.7
        if sr.score is None:
            ax.text(21, y, tr("{side}: too few to show", side=tr.side(side)), va="center", fontsize=8.5 * k,
                    color="#555555", style="italic", **_text())
            continue
        colour = gs.SIDE_COLOURS[side.value]
        ax.scatter([sr.score], [y], marker=MARKERS[side], s=110 * k * k, c=colour, edgecolors="white", zorder=3)
        ax.text(sr.score + (1.5 if sr.score < 88 else -1.5), y, f"{tr.side(side)} {tr.number(round(sr.score))}",
                ha="left" if sr.score < 88 else "right", va="center", fontsize=9 * k, color=SIDE_TEXT[side.value],
                fontweight="bold", **_text())
    ax.set_xlim(20, 100)
    ax.set_ylim(-0.1, 1.9)
    ax.set_yticks([])
    ax.set_xticks([20, 40, 60, 80, 100])
    ax.tick_params(axis="x", labelsize=8 * k)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)


def _draw_profile(ax: Any, tr: Translator, result: RoundResult, k: float = 1.0) -> None:
    dims = [d for d in Dimension if any(d in result.sides[s].profile for s in SIDES)]
    if not dims:
        _no_data(ax, tr("Nothing to show yet: each side needs at least 3 respondents."), k)
        return
    height = 0.38
    for offset, side in ((-height / 2, Side.MARKETING), (height / 2, Side.SALES)):
        profile = result.sides[side].profile
        ys = [i + offset for i, d in enumerate(dims) if d in profile]
        values = [profile[d] for d in dims if d in profile]
        if not ys:
            continue
        colour = gs.SIDE_COLOURS[side.value]
        ax.barh(ys, [v - 1 for v in values], left=1, height=height, color=colour, label=tr.side(side),
                hatch=None if side == Side.MARKETING else "..", edgecolor="white", zorder=2)
        for y, v in zip(ys, values, strict=True):
            ax.text(v + 0.04, y, format_number(v, tr.lang, 1), va="center", fontsize=8 * k, color=gs.INK, **_text())
    ax.set_yticks(range(len(dims)))
    ax.set_yticklabels([tr(DIMENSION_NAMES[d]) for d in dims], fontsize=9 * k)
    for tick in ax.get_yticklabels():
        tick.set_parse_math(False)
    ax.set_ylim(len(dims) - 0.5, -0.5)
    ax.set_xlim(1, 5.4)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(tr("Mean answer: 1 strongly disagree … 5 strongly agree"), fontsize=9 * k)
    ax.grid(axis="x", color="#dddddd", lw=0.8, zorder=0)
    ax.set_axisbelow(True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    legend = ax.legend(loc="lower right", fontsize=8.5 * k, frameon=False)
    for text in legend.get_texts():
        text.set_parse_math(False)


def draw_gaps(figure: Any, result: RoundResult, lang: str = "en", max_rows: int = MAX_GAP_ROWS,
              before: RoundResult | None = None, scale: float = 1.0) -> Any:
    """Draw the diverging gap chart into ``figure`` (cleared first) and return its axes.

    With ``before`` (the previous round) each statement's gap then is marked
    with a small black bar, so the room sees which gaps closed and which grew.
    ``scale`` multiplies every type and marker size.
    """
    tr, k = Translator(lang), scale
    figure.clear()
    ax = figure.add_subplot()
    gaps = result.gaps()[:max_rows]
    if not gaps:
        _no_data(ax, tr("No gaps to show yet: each side needs at least 3 answers per statement."), k)
        return ax
    labels = []
    earlier = {r.statement.id: r.gap for r in before.statements if r.gap is not None} if before else {}
    marked = False
    for y, r in enumerate(gaps):
        gap = r.gap or 0.0
        side = Side.MARKETING if gap >= 0 else Side.SALES
        colour = gs.SIDE_COLOURS[side.value]
        ax.barh(y, gap, height=0.62, color=colour, hatch=None if side == Side.MARKETING else "..",
                edgecolor="white", zorder=2)
        m, s = r.means[Side.MARKETING] or 0.0, r.means[Side.SALES] or 0.0
        note = tr("M {m} · S {s}", m=format_number(m, tr.lang, 1), s=format_number(s, tr.lang, 1))
        # the means in a column right of the chart: never over a bar or a marker, never cut off
        ax.text(1.01, y, note, ha="left", va="center", fontsize=8 * k, color=gs.INK,
                transform=ax.get_yaxis_transform(), **_text())
        labels.append(gs.wrap_label(r.statement.text(lang) or r.statement.id, LABEL_CHARS, 2))
        then = earlier.get(r.statement.id)
        if then is not None and before is not None:
            ax.scatter([then], [y], marker="|", s=260 * k * k, c=gs.INK, linewidths=2.2, zorder=4)
            marked = True
    ax.set_yticks(range(len(gaps)))
    ax.set_yticklabels(labels, fontsize=8 * k)
    for tick in ax.get_yticklabels():
        tick.set_parse_math(False)
    ax.set_ylim(len(gaps) - 0.5, -0.5)
    ax.set_xlim(-4.2, 4.2)
    ax.axvline(0, color=gs.EDGE_INK, lw=1, zorder=3)
    for x in (-GAP_THRESHOLD, GAP_THRESHOLD):
        ax.axvline(x, color=gs.CONFLICT, lw=1, ls="--", zorder=1)
    ax.set_xticks([-4, -3, -2, -1, 0, 1, 2, 3, 4])
    ax.tick_params(axis="x", labelsize=8 * k)
    ax.set_xlabel(tr("Gap in points (Marketing − Sales); dashed: a finding from ±{t}",
                     t=format_number(GAP_THRESHOLD, tr.lang, 1)), fontsize=9 * k)
    ax.grid(axis="x", color="#eeeeee", lw=0.8, zorder=0)
    ax.set_axisbelow(True)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    for x, align, side, text in ((0.0, "left", Side.SALES, tr("← Sales higher")),
                                 (1.0, "right", Side.MARKETING, tr("Marketing higher →"))):
        ax.text(x, 1.01, text, transform=ax.transAxes, ha=align, va="bottom", fontsize=9 * k, fontweight="bold",
                color=SIDE_TEXT[side.value], **_text())
    if marked and before is not None:
        ax.set_xlabel(ax.get_xlabel() + "\n" + tr("| = the gap in “{round}”", round=before.round.name), fontsize=9 * k)
    return ax


def draw_change(figure: Any, before: RoundResult, after: RoundResult, lang: str = "en", scale: float = 1.0) -> Any:
    """Each side's score in ``before`` and ``after`` as an arrow on the 20–100 band."""
    tr, k = Translator(lang), scale
    figure.clear()
    ax = figure.add_subplot()
    _draw_band(ax, tr, after, k)
    for row, side in enumerate(SIDES):
        old, new = before.sides[side].score, after.sides[side].score
        if old is None or new is None:
            continue
        y = 1.0 - row * 0.7
        ax.annotate("", xy=(new, y), xytext=(old, y), zorder=2,
                    arrowprops={"arrowstyle": "->", "color": gs.SIDE_COLOURS[side.value], "lw": 1.6})
        ax.scatter([old], [y], marker=MARKERS[side], s=60 * k * k, facecolors="white",
                   edgecolors=gs.SIDE_COLOURS[side.value], zorder=3)
    figure.suptitle(tr("From “{before}” to “{after}”", before=before.round.name, after=after.round.name),
                    fontsize=11 * k, color=gs.INK, **_text())
    return ax


def picture_bytes(kind: str, result: RoundResult, lang: str = "en", fmt: str = "png", dpi: int = 150,
                  before: RoundResult | None = None) -> bytes:
    """``kind`` "sides", "gaps" or "change" (needs ``before``) as PNG or SVG bytes.

    ``before``: the previous round; the gap chart then marks each statement's earlier gap.
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    fmt = fmt.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise ValueError(f"unsupported picture format '{fmt}' (use svg or png)")
    rows = min(len(result.gaps()), MAX_GAP_ROWS)
    size = {"sides": (9.0, 6.0), "gaps": (10.0, max(2.5, 1.2 + rows * 0.42)), "change": (9.0, 2.4)}[kind]
    figure = Figure(figsize=size, dpi=100, layout="constrained")
    buf = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "tandem", "text.usetex": False}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        if kind == "sides":
            draw_sides(figure, result, lang)
        elif kind == "gaps":
            draw_gaps(figure, result, lang, before=before)
        elif before is not None:
            draw_change(figure, before, result, lang)
        else:
            raise ValueError("a change picture needs the round before")
        figure.savefig(buf, format=fmt, dpi=dpi, facecolor="white", metadata={"Date": None} if fmt == "svg" else {})
    return buf.getvalue()


def round_pictures(doc: Workshop, lang: str = "en", fmt: str = "png",
                   dpi: int = 150) -> list[tuple[RoundResult, dict[str, bytes]]]:
    """For the minutes: each round with a side to show, with its "sides" and "gaps" pictures, and "change"
    (and the earlier gaps marked) since the last earlier round with a side to show. Rounds where both sides have too
    few respondents are left out; the minutes say so from :func:`~workshop_app.analysis.alignment.alignment_summary`.
    """
    out: list[tuple[RoundResult, dict[str, bytes]]] = []
    previous: RoundResult | None = None
    for result in score_rounds(doc.alignment):
        if not has_a_side(result):
            continue
        before = previous
        pictures = {"sides": picture_bytes("sides", result, lang, fmt, dpi),
                    "gaps": picture_bytes("gaps", result, lang, fmt, dpi, before=before)}
        if before is not None:
            pictures["change"] = picture_bytes("change", result, lang, fmt, dpi, before=before)
        out.append((result, pictures))
        previous = result
    return out
