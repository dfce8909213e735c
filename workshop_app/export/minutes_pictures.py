"""The two pictures of the minutes: the dependency graph and the horizon chart.

Both come from the picture modules of this package (matplotlib, Agg) as PNG
at 200 dpi, sized for the text frame of an A4 page (the PDF's); the PDF
embeds them losslessly, DOCX and Markdown scale them to their page width.
"""

from __future__ import annotations

import io
import math
import warnings
from typing import Any

from workshop_app.export.content import Block, Heading, KeepTogether, Orientation, PageBreak, Picture
from workshop_app.export.minutes_content import Context

#: Resolution of a picture at its printed size (dots per inch of paper).
PRINT_DPI = 200
#: The horizon chart keeps at most this many bars (see horizon_chart.chart_rows).
HORIZON_ROWS = 48
#: Height kept free on a page for the section heading and the caption.
_RESERVED_HEIGHT = 70
#: matplotlib settings for printed pictures. FreeType's auto-hinter snaps glyphs to the pixel grid,
#: which a 200 dpi print does not need, and it was over 40 % of the time of the L dependency graph
#: (≈ 1,400 label lines): without it the picture renders ~1.7 × faster (benchmarks/bench_minutes.py).
PRINT_RC: Any = {"text.usetex": False, "text.hinting": "no_hinting"}  # matplotlib types its keys as a Literal of every rc name


def _dpi_for(size_in: tuple[float, float], box_pt: tuple[float, float]) -> int:
    """The render dpi that gives :data:`PRINT_DPI` once the figure is scaled into the box."""
    shrink = min(box_pt[0] / 72 / size_in[0], box_pt[1] / 72 / size_in[1])
    return max(30, math.ceil(PRINT_DPI * shrink))


def dependency_graph(ctx: Context) -> list[Block]:
    """The graph: an overview on a landscape page, then — when its labels would be under 7 pt — one
    page per shared goal's subtree and for the room's conflicts no subtree shows (see graph_pages)."""
    if not ctx.doc.elements:
        return []
    from workshop_app.export import graph_pages as gp
    from workshop_app.export.pdf_layout import frame_size
    from workshop_app.export.safe_text import shorten

    def box(orientation: str) -> tuple[float, float]:
        width, height = frame_size(orientation)
        return width, height - _RESERVED_HEIGHT

    views = ctx.views
    boxes = {"portrait": box("portrait"), "landscape": box("landscape")}
    plan = gp.graph_parts(ctx.doc, views, boxes, ctx.lang.code, overview_box=boxes["landscape"])
    tr = ctx.lang
    flow: list[Block] = []
    from matplotlib import rc_context

    with rc_context(PRINT_RC):
        for n, part in enumerate(plan.parts):
            page: Orientation = "portrait" if part.page == "portrait" else "landscape"
            png = gp.render_part(ctx.doc, views, part, boxes[page], ctx.lang.code, dpi=PRINT_DPI).data
            if n == 0:
                caption = tr("Elements of the workshop and how they are linked; the legend explains colours and "
                             "lines.")
                if len(plan.parts) > 1:
                    caption += " " + tr("The graph is too large for readable labels on one page: the following "
                                        "pages show each shared goal's subtree and the room's conflicts.")
                caption += _left_out(ctx, plan)
                flow.append(Picture(png, caption, "graph", page=page, reserve=_RESERVED_HEIGHT))
                continue
            title = (tr("Shared goal: {title}") if part.kind == "goal" else tr("Conflicts: {title}")).format(
                title=shorten(part.subject, 140))
            caption = (tr("The shared goal, the goals contributing to it, their incentives and budgets.")
                       if part.kind == "goal" else
                       tr("The elements of these conflicts and everything linked to them."))
            flow += [PageBreak(page), KeepTogether((Heading(title, keep_with=0),
                                                    Picture(png, caption, f"graph-{n}", page=page,
                                                            reserve=_RESERVED_HEIGHT)))]
    return flow


def _left_out(ctx: Context, plan: Any) -> str:
    """The parts not printed, by name, and how to print them."""
    skipped = plan.too_large + plan.left_out
    if not skipped:
        return ""
    from workshop_app.export.safe_text import shorten

    # a few names only: the caption must stay on the overview's page (the room's conflicts are listed in full
    # in their own section)
    names = "; ".join(shorten(part.subject, 40) for part in skipped[:3]) + ("; …" if len(skipped) > 3 else "")
    return " " + ctx.lang("Not shown as pages of their own ({count}): {names}. Print them with "
                          "“tandem graph --goal ID” or “--conflict ID” and “--page A3”.").format(
        count=len(skipped), names=names)


def horizon_chart(ctx: Context) -> list[Block]:
    """Horizons of goals next to pay-out periods of incentives, sized like the chart export, fit to one page."""
    from workshop_app.export.horizon_chart import ROW_IN, chart_rows, draw_horizon_chart, row_count
    from workshop_app.export.pdf_layout import frame_size

    groups = chart_rows(ctx.doc, max_rows=HORIZON_ROWS)
    rows = sum(len(items) + 1 for _, items in groups)
    if not rows:
        return []
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = frame_size("portrait")
    box = (width, height - _RESERVED_HEIGHT)
    fig_w = 11.0  # the chart's own design width; its fonts are sized for it
    fig_h = min(rows * ROW_IN + 1.2, fig_w * box[1] / box[0])
    figure = Figure(figsize=(fig_w, max(fig_h, 3.0)), layout="constrained")
    FigureCanvasAgg(figure)
    buf = io.BytesIO()
    with rc_context(PRINT_RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        draw_horizon_chart(ctx.doc, figure, ctx.lang.code, max_rows=HORIZON_ROWS)
        figure.savefig(buf, format="png", dpi=_dpi_for(tuple(figure.get_size_inches()), box), facecolor="white",
                       pil_kwargs={"compress_level": 1})
    caption = ctx.lang("Planning horizons and incentive periods of both sides, in months.")
    shown, total = rows - len(groups), row_count(ctx.doc)
    if shown < total:
        caption += " " + ctx.lang("Shown: {shown} of {total}, the longest goals and shortest incentive periods "
                                  "of each side; all horizons are listed in the inventory.").format(shown=shown,
                                                                                                    total=total)
    return [Picture(buf.getvalue(), caption, "horizons", reserve=_RESERVED_HEIGHT)]
