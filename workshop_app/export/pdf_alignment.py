"""The alignment check in the minutes: per round where each side stands, its profile, the gaps and the change.

Per round (in the workshop's order): a table with each side's respondents,
score of 100 and stage (or "too few to show" below
:data:`~workshop_app.analysis.alignment.MIN_RESPONDENTS`), and, from the
second round with a side to show, the change since that earlier round; a
profile table (each side's mean per dimension and the gap between them); the
gap chart per statement; and the change as a picture.

Privacy (issue 7 of the check): everything printed comes from
:func:`~workshop_app.analysis.alignment.score_round`, which only gives
aggregates per side and withholds a side or a statement with too few answers.
Nobody's name, response id or single answer reaches the minutes. A workshop
without a round gets no section at all.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from workshop_app.analysis.alignment import (
    DIMENSION_NAMES,
    GAP_THRESHOLD,
    MIN_RESPONDENTS,
    SIDES,
    STAGE_NAMES,
    STAGE_RANGES,
    RoundResult,
    changes,
    has_a_side,
    score_rounds,
)
from workshop_app.export.pdf_blocks import Ctx, heading, para
from workshop_app.export.pdf_styles import MUTED, SIDE_COLOURS, table
from workshop_app.export.pdf_text import esc
from workshop_app.locale_format import format_number
from workshop_app.model import Dimension

#: Printed width of the gap chart's figure (inches): its 8 pt labels print at about 7 pt on the text width.
GAP_FIGURE_IN = 7.5
#: Height per statement of the gap chart (inches), plus room for the axis and its notes.
GAP_ROW_IN, GAP_EXTRA_IN = 0.34, 1.3
CHANGE_FIGURE_IN = (7.5, 2.0)
#: Dimensions of the profile kept with its heading at a page end (with the table's heading row).
PROFILE_KEEP_ROWS = 3
#: Shown instead of a number that is withheld (too few answers).
NONE = "–"


def alignment(ctx: Ctx) -> list[Any]:
    """The section's flowables; [] when the workshop has no alignment round."""
    if not ctx.doc.alignment.rounds:
        return []
    _ = ctx.lang
    out: list[Any] = [para(esc(_.plural(
        "Both sides scored the same {n} statement from 1 (strongly disagree) to 5 (strongly agree). A side's score is "
        "its mean answer × 20, from 20 to 100: undefined 20–39, defined 40–59, aligned 60–79, integrated 80–100. "
        "Only aggregates per side are shown, never one person's answers, and only for a side with at least "
        "{min} respondents.",
        "Both sides scored the same {n} statements from 1 (strongly disagree) to 5 (strongly agree). A side's score "
        "is its mean answer × 20, from 20 to 100: undefined 20–39, defined 40–59, aligned 60–79, integrated 80–100. "
        "Only aggregates per side are shown, never one person's answers, and only for a side with at least "
        "{min} respondents.", len(ctx.doc.alignment.statements), min=MIN_RESPONDENTS)), ctx.st.body)]
    previous: RoundResult | None = None
    for result in score_rounds(ctx.doc.alignment):
        out += _round(ctx, result, previous)
        if has_a_side(result):
            previous = result
    return out


def _round_title(ctx: Ctx, result: RoundResult) -> str:
    r = result.round
    name = r.name.strip() or ctx.lang("Round")
    return f"{name} · {ctx.lang.date(r.date)}" if r.date else name


def _round(ctx: Ctx, result: RoundResult, before: RoundResult | None) -> list[Any]:
    """One round: where the sides stand (and how far they moved), their profile, the gaps."""
    from workshop_app.export.pdf_flow import keep_with_first

    _ = ctx.lang
    sides = _sides_table(ctx, result, before)
    # the round's name never parts from its scores: the guard measures the whole (short) table
    out: list[Any] = [*keep_with_first([heading(_round_title(ctx, result), ctx.st.h2)],
                                       _first_rows(sides, len(SIDES))), sides]
    if any(result.sides[s].scaled for s in SIDES):
        out.append(para(esc(_("* scaled: the mean answer × 20, as not every statement was answered or the set "
                              "differs from 20")), ctx.st.small))
    if not has_a_side(result):
        return out
    if before is not None and any(c.delta is not None for c in changes(before, result).values()):
        out += _picture_block(ctx, _("Change since “{round}”").format(round=_round_name(ctx, before)),
                              _change_png(ctx, before, result),
                              _("Each side's score in “{before}” (open marker) and now (filled marker).").format(
                                  before=_round_name(ctx, before)))
    profile = _profile_table(ctx, result)
    if profile is not None:
        out += [*_minor_heading(ctx, _("Profile per dimension"), _first_rows(profile)), profile]
    if result.gaps():
        out += _picture_block(ctx, _("Where the sides see it differently"), _gap_png(ctx, result, before),
                              _("Gap per statement: Marketing's mean answer minus Sales', largest first. A statement is "
                                "shown when at least {n} on each side answered it.").format(n=MIN_RESPONDENTS))
        large = _large_gaps_table(ctx, result)
        if large is not None:
            title = _("The largest gaps (from {t} points)").format(t=format_number(GAP_THRESHOLD, _.code, 1))
            out += [*_minor_heading(ctx, title, large), large]
    else:
        out.append(para(esc(_("No gaps to show: each side needs at least {n} respondents.").format(n=MIN_RESPONDENTS)),
                        ctx.st.body))
    return out


def _first_rows(t: Any, rows: int = PROFILE_KEEP_ROWS) -> Any:
    """What a heading must be kept with: the table's heading row and first ``rows`` rows (at most 3).

    pdf_flow measures a table without a heading row by its first few rows (``KEEP_ROWS``), so a
    copy of the first rows without one stands in for them (it is measured, never drawn): a page
    then never ends with the profile's heading and a single dimension, nor parts a round's name
    or first side from the other side's score.
    """
    return table([list(r) for r in t._cellvalues[: rows + 1]], list(t._colWidths), header=False, zebra=False)


def _round_name(ctx: Ctx, result: RoundResult) -> str:
    return result.round.name.strip() or ctx.lang("Round")


def _minor_heading(ctx: Ctx, text: str, following: Any) -> list[Any]:
    """A third-level heading kept with the start of ``following`` by the guard of :mod:`pdf_flow`.

    Not the plain h3 style: its ``keepWithNext`` would carry a whole table to the next page.
    """
    from reportlab.lib.styles import ParagraphStyle

    from workshop_app.export.pdf_flow import keep_with_first

    style = ParagraphStyle("h3_guarded", parent=ctx.st.h3, keepWithNext=0)
    return keep_with_first([heading(text, style)], following)


def _score(ctx: Ctx, value: float | None) -> str:
    return "" if value is None else ctx.lang.number(round(value))


def _signed(ctx: Ctx, value: float, decimals: int | None = None) -> str:
    text = format_number(abs(value), ctx.lang.code, decimals)
    if text.strip("0,.") == "":
        return "±" + text
    return ("+" if value > 0 else "−") + text


def _sides_table(ctx: Ctx, result: RoundResult, before: RoundResult | None) -> Any:
    """One row per side: respondents, score, stage and (with an earlier round) the change since it."""
    _, st = ctx.lang, ctx.st
    head = [_("Side"), _("Respondents"), _("Score"), _("Stage")]
    moved = changes(before, result) if before is not None else {}
    if before is not None:
        head.append(_("Since “{round}”").format(round=_round_name(ctx, before)))
    rows: list[list[Any]] = [[para(esc(h), st.th) for h in head]]
    extra: list[tuple] = []
    for n, side in enumerate(SIDES, start=1):
        sr = result.sides[side]
        row: list[Any] = [para(f"<b>{ctx.side(side)}</b>", st.cell), para(esc(_.number(sr.respondents)), st.cell)]
        if sr.too_few:
            # enough respondents, but fewer than that answered each statement ("don't know"): say which it was
            why = (_("too few to show (at least {n} respondents needed)") if sr.respondents < MIN_RESPONDENTS else
                   _("too few to show (at least {n} answers per statement needed)"))
            row.append(para(f'<font color="{MUTED}">{esc(why.format(n=MIN_RESPONDENTS))}</font>', st.cell))
            row += [""] * (len(head) - 3)
            extra.append(("SPAN", (2, n), (len(head) - 1, n)))
        else:
            stage = sr.stage or "undefined"
            score = esc(_("{score} of 100").format(score=_score(ctx, sr.score))) + ("*" if sr.scaled else "")
            row += [para(f"<b>{score}</b>", st.cell),
                    para(f"<b>{esc(_(STAGE_NAMES[stage]))}</b> ({esc(STAGE_RANGES[stage])})", st.cell)]
            if before is not None:
                change = moved[side]
                row.append(para(esc(f"{_score(ctx, change.before)}\u00a0→ {_score(ctx, change.after)} "
                                    f"({_signed(ctx, round(change.delta))})") if change.delta is not None else
                                esc(NONE), st.cell))
        rows.append(row)
    w = ctx.width
    widths = [w * 0.2, w * 0.16, w * 0.2, w * 0.22] if before is not None else [w * 0.24, w * 0.2, w * 0.24, w * 0.32]
    if before is not None:
        widths.append(w - sum(widths))
    return table(rows, widths, zebra=False, extra=extra)


def _mean(ctx: Ctx, value: float | None) -> str:
    return NONE if value is None else format_number(value, ctx.lang.code, 1)


def _profile_table(ctx: Ctx, result: RoundResult) -> Any:
    """Each side's mean answer per dimension (1–5) and the gap between them; None when neither side has one."""
    _, st = ctx.lang, ctx.st
    dims = [d for d in Dimension if any(d in result.sides[s].profile for s in SIDES)]
    if not dims:
        return None
    rows: list[list[Any]] = [[para(esc(_("Dimension")), st.th), *(para(ctx.side(s, coloured=False), st.th) for s in SIDES),
                              para(esc(_("Gap (M − S)")), st.th)]]
    for dim in dims:
        m, s = (result.sides[side].profile.get(dim) for side in SIDES)
        gap = NONE if m is None or s is None else _signed(ctx, round(m - s, 1), 1)
        rows.append([para(esc(_(DIMENSION_NAMES[dim])), st.cell), para(_mean(ctx, m), st.cell),
                     para(_mean(ctx, s), st.cell), para(esc(gap), st.cell)])
    return table(rows, _four_columns(ctx), extra=_side_heads())


def _large_gaps_table(ctx: Ctx, result: RoundResult) -> Any:
    """The statements at or above the finding threshold, in full (the chart shortens long ones); None if none."""
    _, st = ctx.lang, ctx.st
    large = result.large_gaps()
    if not large:
        return None
    rows: list[list[Any]] = [[para(esc(_("Statement")), st.th), *(para(ctx.side(s, coloured=False), st.th) for s in SIDES),
                              para(esc(_("Gap (M − S)")), st.th)]]
    for r in large:
        text = r.statement.text(_.code) or r.statement.id
        rows.append([[para(esc(text), st.cell), para(esc(_(DIMENSION_NAMES[r.statement.dimension])), st.cell_small)],
                     *(para(_mean(ctx, r.means[side]), st.cell) for side in SIDES),
                     para(f"<b>{esc(_signed(ctx, round(r.gap or 0.0, 1), 1))}</b>", st.cell)])
    return table(rows, _four_columns(ctx), extra=_side_heads())


def _four_columns(ctx: Ctx) -> list[float]:
    w = ctx.width
    return [w * 0.46, w * 0.16, w * 0.16, w * 0.22]


def _side_heads() -> list[tuple]:
    """The sides' columns (1 and 2) headed in the sides' colours."""
    return [("BACKGROUND", (i, 0), (i, 0), _colour(SIDE_COLOURS[s.value])) for i, s in enumerate(SIDES, start=1)]


def _colour(hex_code: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_code)


def _picture_block(ctx: Ctx, title: str, png: bytes, caption: str) -> list[Any]:
    """A small heading, the picture and its caption, never parted over a page end.

    The heading's guard measures the picture and the caption's first lines, so all three start a
    new page together when they do not fit below what came before.
    """
    from workshop_app.export.pdf_layout import frame_size
    from workshop_app.export.pdf_pictures import image_flowable

    width, height = frame_size("portrait")
    block = [image_flowable(png, width, height - 90), para(esc(caption), ctx.st.caption)]
    return [*_minor_heading(ctx, title, block), *block]


def _render(ctx: Ctx, size: tuple[float, float], draw: Any) -> bytes:
    """A picture drawn by ``draw(figure)`` as PNG, at print resolution for the text width."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from workshop_app.export.pdf_pictures import PRINT_RC, _dpi_for

    figure = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(figure)
    buf = io.BytesIO()
    with rc_context(PRINT_RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        draw(figure)
        figure.savefig(buf, format="png", dpi=_dpi_for(size, (ctx.width, ctx.width * size[1] / size[0])),
                       facecolor="white", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _gap_png(ctx: Ctx, result: RoundResult, before: RoundResult | None) -> bytes:
    from workshop_app.export.alignment_chart import MAX_GAP_ROWS, draw_gaps

    rows = min(len(result.gaps()), MAX_GAP_ROWS)
    size = (GAP_FIGURE_IN, GAP_EXTRA_IN + rows * GAP_ROW_IN + (0.25 if before is not None else 0.0))
    return _render(ctx, size, lambda fig: draw_gaps(fig, result, ctx.lang.code, before=before))


def _change_png(ctx: Ctx, before: RoundResult, after: RoundResult) -> bytes:
    from workshop_app.export.alignment_chart import draw_change

    return _render(ctx, CHANGE_FIGURE_IN, lambda fig: draw_change(fig, before, after, ctx.lang.code))

