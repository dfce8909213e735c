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
from workshop_app.export.content import (
    Block,
    Column,
    Heading,
    Paragraph,
    Picture,
    Run,
    Table,
    Width,
    bold,
    coloured,
    plain,
    text_cell,
)
from workshop_app.export.minutes_content import Context
from workshop_app.export.pdf_styles import MUTED, SIDE_COLOURS
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


def alignment(ctx: Context) -> list[Block]:
    """The section's blocks; [] when the workshop has no alignment round."""
    if not ctx.doc.alignment.rounds:
        return []
    _ = ctx.lang
    out: list[Block] = [Paragraph(plain(_.plural(
        "Both sides scored the same {n} statement from 1 (strongly disagree) to 5 (strongly agree). A side's score is "
        "its mean answer × 20, from 20 to 100: undefined 20–39, defined 40–59, aligned 60–79, integrated 80–100. "
        "Only aggregates per side are shown, never one person's answers, and only for a side with at least "
        "{min} respondents.",
        "Both sides scored the same {n} statements from 1 (strongly disagree) to 5 (strongly agree). A side's score "
        "is its mean answer × 20, from 20 to 100: undefined 20–39, defined 40–59, aligned 60–79, integrated 80–100. "
        "Only aggregates per side are shown, never one person's answers, and only for a side with at least "
        "{min} respondents.", len(ctx.doc.alignment.statements), min=MIN_RESPONDENTS)))]
    previous: RoundResult | None = None
    for result in score_rounds(ctx.doc.alignment):
        out += _round(ctx, result, previous)
        if has_a_side(result):
            previous = result
    return out


def _round_title(ctx: Context, result: RoundResult) -> str:
    r = result.round
    name = r.name.strip() or ctx.lang("Round")
    return f"{name} · {ctx.lang.date(r.date)}" if r.date else name


def _round(ctx: Context, result: RoundResult, before: RoundResult | None) -> list[Block]:
    """One round: where the sides stand (and how far they moved), their profile, the gaps."""
    _ = ctx.lang
    # the round's name never parts from its scores: the heading keeps the whole (short) table with it
    out: list[Block] = [Heading(_round_title(ctx, result)), _sides_table(ctx, result, before)]
    if any(result.sides[s].scaled for s in SIDES):
        out.append(Paragraph(plain(_("* scaled: the mean answer × 20, as not every statement was answered or the set "
                                     "differs from 20")), "small"))
    if not has_a_side(result):
        return out
    if before is not None and any(c.delta is not None for c in changes(before, result).values()):
        out += _picture_block(_("Change since “{round}”").format(round=_round_name(ctx, before)),
                              _change_png(ctx, before, result),
                              _("Each side's score in “{before}” (open marker) and now (filled marker).").format(
                                  before=_round_name(ctx, before)), "alignment-change")
    profile = _profile_table(ctx, result)
    if profile is not None:
        out += [Heading(_("Profile per dimension"), level=3), profile]
    if result.gaps():
        out += _picture_block(_("Where the sides see it differently"), _gap_png(ctx, result, before),
                              _("Gap per statement: Marketing's mean answer minus Sales', largest first. A statement is "
                                "shown when at least {n} on each side answered it.").format(n=MIN_RESPONDENTS),
                              "alignment-gaps")
        large = _large_gaps_table(ctx, result)
        if large is not None:
            title = _("The largest gaps (from {t} points)").format(t=format_number(GAP_THRESHOLD, _.code, 1))
            out += [Heading(title, level=3), large]
    else:
        out.append(Paragraph(plain(_("No gaps to show: each side needs at least {n} respondents.").format(
            n=MIN_RESPONDENTS))))
    return out


def _round_name(ctx: Context, result: RoundResult) -> str:
    return result.round.name.strip() or ctx.lang("Round")


def _score(ctx: Context, value: float | None) -> str:
    return "" if value is None else ctx.lang.number(round(value))


def _signed(ctx: Context, value: float, decimals: int | None = None) -> str:
    text = format_number(abs(value), ctx.lang.code, decimals)
    if text.strip("0,.") == "":
        return "±" + text
    return ("+" if value > 0 else "−") + text


def _sides_table(ctx: Context, result: RoundResult, before: RoundResult | None) -> Table:
    """One row per side: respondents, score, stage and (with an earlier round) the change since it."""
    _ = ctx.lang
    head = [_("Side"), _("Respondents"), _("Score"), _("Stage")]
    moved = changes(before, result) if before is not None else {}
    if before is not None:
        head.append(_("Since “{round}”").format(round=_round_name(ctx, before)))
    rows = []
    spans = []
    for n, side in enumerate(SIDES, start=1):
        sr = result.sides[side]
        row = [text_cell(ctx.side(side, bold=True)), text_cell(plain(_.number(sr.respondents)))]
        if sr.too_few:
            # enough respondents, but fewer than that answered each statement ("don't know"): say which it was
            why = (_("too few to show (at least {n} respondents needed)") if sr.respondents < MIN_RESPONDENTS else
                   _("too few to show (at least {n} answers per statement needed)"))
            row.append(text_cell(coloured(why.format(n=MIN_RESPONDENTS), MUTED)))
            row += [()] * (len(head) - 3)
            spans.append((2, len(head) - 1, n))
        else:
            stage = sr.stage or "undefined"
            score = _("{score} of 100").format(score=_score(ctx, sr.score)) + ("*" if sr.scaled else "")
            row += [text_cell(bold(score)),
                    text_cell((*bold(_(STAGE_NAMES[stage])), Run(f" ({STAGE_RANGES[stage]})")))]
            if before is not None:
                change = moved[side]
                row.append(text_cell(plain(f"{_score(ctx, change.before)}\u00a0→ {_score(ctx, change.after)} "
                                           f"({_signed(ctx, round(change.delta))})") if change.delta is not None else
                                     plain(NONE)))
        rows.append(tuple(row))
    shares = [0.2, 0.16, 0.2, 0.22] if before is not None else [0.24, 0.2, 0.24, 0.32]
    widths = [Width(w) for w in shares] + ([Width(1.0 - sum(shares))] if before is not None else [])
    roles = ["side", "number", "figure", "text", "text"]
    columns = tuple(Column(plain(h), roles[i], widths[i]) for i, h in enumerate(head))  # type: ignore[arg-type]
    return Table(columns, tuple(rows), zebra=False, spans=tuple(spans), keep_rows=len(SIDES))


def _mean(ctx: Context, value: float | None) -> str:
    return NONE if value is None else format_number(value, ctx.lang.code, 1)


def _four_columns(ctx: Context, first: str) -> tuple[Column, ...]:
    """The first column, each side's (headed in the side's colour), and the gap between them."""
    return (Column(plain(first), "text", Width(0.46)),
            *(Column(ctx.side(s, coloured_=False), "figure", Width(0.16), SIDE_COLOURS[s.value]) for s in SIDES),
            Column(plain(ctx.lang("Gap (M − S)")), "figure", Width(0.22)))


def _profile_table(ctx: Context, result: RoundResult) -> Table | None:
    """Each side's mean answer per dimension (1–5) and the gap between them; None when neither side has one."""
    _ = ctx.lang
    dims = [d for d in Dimension if any(d in result.sides[s].profile for s in SIDES)]
    if not dims:
        return None
    rows = []
    for dim in dims:
        m, s = (result.sides[side].profile.get(dim) for side in SIDES)
        gap = NONE if m is None or s is None else _signed(ctx, round(m - s, 1), 1)
        rows.append((text_cell(plain(_(DIMENSION_NAMES[dim]))), text_cell(plain(_mean(ctx, m))),
                     text_cell(plain(_mean(ctx, s))), text_cell(plain(gap))))
    return Table(_four_columns(ctx, _("Dimension")), tuple(rows), keep_rows=PROFILE_KEEP_ROWS)


def _large_gaps_table(ctx: Context, result: RoundResult) -> Table | None:
    """The statements at or above the finding threshold, in full (the chart shortens long ones); None if none."""
    _ = ctx.lang
    large = result.large_gaps()
    if not large:
        return None
    rows = []
    for r in large:
        text = r.statement.text(_.code) or r.statement.id
        rows.append(((Paragraph(plain(text), "cell"), Paragraph(plain(_(DIMENSION_NAMES[r.statement.dimension])),
                                                                "cell_small")),
                     *(text_cell(plain(_mean(ctx, r.means[side]))) for side in SIDES),
                     text_cell(bold(_signed(ctx, round(r.gap or 0.0, 1), 1)))))
    return Table(_four_columns(ctx, _("Statement")), tuple(rows))


def _picture_block(title: str, png: bytes, caption: str, name: str) -> list[Block]:
    """A small heading, the picture and its caption, never parted over a page end (the PDF moves all
    three to a new page together when they do not fit below what came before)."""
    return [Heading(title, level=3), Picture(png, caption, name, reserve=90.0)]


def _render(size: tuple[float, float], draw: Any) -> bytes:
    """A picture drawn by ``draw(figure)`` as PNG, at print resolution for the text width."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from workshop_app.export.minutes_pictures import PRINT_RC, _dpi_for
    from workshop_app.export.pdf_layout import frame_size

    width = frame_size("portrait")[0]
    figure = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(figure)
    buf = io.BytesIO()
    with rc_context(PRINT_RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        draw(figure)
        figure.savefig(buf, format="png", dpi=_dpi_for(size, (width, width * size[1] / size[0])),
                       facecolor="white", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _gap_png(ctx: Context, result: RoundResult, before: RoundResult | None) -> bytes:
    from workshop_app.export.alignment_chart import MAX_GAP_ROWS, draw_gaps

    rows = min(len(result.gaps()), MAX_GAP_ROWS)
    size = (GAP_FIGURE_IN, GAP_EXTRA_IN + rows * GAP_ROW_IN + (0.25 if before is not None else 0.0))
    return _render(size, lambda fig: draw_gaps(fig, result, ctx.lang.code, before=before))


def _change_png(ctx: Context, before: RoundResult, after: RoundResult) -> bytes:
    from workshop_app.export.alignment_chart import draw_change

    return _render(CHANGE_FIGURE_IN, lambda fig: draw_change(fig, before, after, ctx.lang.code))
