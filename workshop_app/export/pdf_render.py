"""The PDF renderer of the minutes' content model: blocks → reportlab flowables.

Everything the minutes say comes from :mod:`workshop_app.export.minutes_content`;
this module decides only how it looks on A4 — the house styles
(:mod:`pdf_styles`), tables whose rows never part at a page end and headings
kept with the start of what they introduce (:mod:`pdf_flow`), landscape pages
for wide pictures, the furniture of every page (:mod:`pdf_layout`).
reportlab is imported when the first block is rendered, not with this module.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from workshop_app.export.content import (
    Block,
    Heading,
    Item,
    KeepTogether,
    Minutes,
    PageBreak,
    Paragraph,
    Picture,
    Run,
    Table,
    Text,
)
from workshop_app.export.pdf_text import esc_clean

#: Indent per level of a nested list (the goal tree), and its deepest indent.
INDENT = 16.0
MAX_DEPTH = 6


def markup(text: Text) -> str:
    """Inline text as reportlab Paragraph markup: the runs escaped, their emphasis as tags."""
    out = []
    for r in text:
        s = esc_clean(r.text)
        if not s:
            continue
        if r.bold:
            s = f"<b>{s}</b>"
        if r.italic:
            s = f"<i>{s}</i>"
        if r.colour or r.small:
            size = ' size="8"' if r.small else ""
            colour = f' color="{r.colour}"' if r.colour else ""
            s = f"<font{size}{colour}>{s}</font>"
        out.append(s)
    return "".join(out)


def image_flowable(png: bytes, max_width: float, max_height: float) -> Any:
    """A PNG scaled, keeping its proportions, to fit ``max_width`` × ``max_height`` points."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    px_w, px_h = ImageReader(io.BytesIO(png)).getSize()
    scale = min(max_width / px_w, max_height / px_h)
    return Image(io.BytesIO(png), width=px_w * scale, height=px_h * scale, hAlign="CENTER")


class Renderer:
    """Turns blocks into flowables for a frame ``width`` points wide."""

    def __init__(self, width: float) -> None:
        from workshop_app.export.pdf_styles import styles

        self.width = width
        self.st = styles()
        self._styles: dict[tuple[str, int, str], Any] = {}

    # ---- blocks -------------------------------------------------------------------------------

    def blocks(self, blocks: Iterable[Block]) -> list[Any]:
        """The flowables of ``blocks``; a heading is guarded so that it never ends a page."""
        items = list(blocks)
        rendered = [self.block(b) for b in items]
        out: list[Any] = []
        for n, (b, flow) in enumerate(zip(items, rendered, strict=True)):
            if isinstance(b, Heading) and b.keep_with and b.level > 1:
                from workshop_app.export.pdf_flow import keep_with_first

                out += keep_with_first(flow, self._following(items[n + 1: n + 1 + b.keep_with],
                                                             rendered[n + 1: n + 1 + b.keep_with]))
            else:
                out += flow
        return out

    def _following(self, blocks: list[Block], flows: list[list[Any]]) -> Any:
        """What a heading must be kept with: the following blocks' flowables (one, or a list of them);
        a table with ``keep_rows`` stands in as a copy of its first rows (measured, never drawn)."""
        parts: list[Any] = []
        for b, flow in zip(blocks, flows, strict=True):
            if isinstance(b, Table) and b.keep_rows is not None:
                parts.append(self._first_rows(flow[0], b.keep_rows))
            else:
                parts += flow
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else parts

    def _first_rows(self, t: Any, rows: int) -> Any:
        """A copy of the heading row and first ``rows`` rows without a heading row: pdf_flow measures such
        a table by its first few rows, so a page never ends with a heading and a single row of them."""
        from workshop_app.export.pdf_styles import table

        return table([list(r) for r in t._cellvalues[: rows + 1]], list(t._colWidths), header=False, zebra=False)

    def block(self, b: Block) -> list[Any]:
        if isinstance(b, Paragraph):
            return [self.paragraph(b)]
        if isinstance(b, Heading):
            return [self.heading(b)]
        if isinstance(b, Item):
            return self.item(b)
        if isinstance(b, Table):
            return [self.table(b)]
        if isinstance(b, Picture):
            return self.picture(b)
        if isinstance(b, PageBreak):
            from reportlab.platypus import NextPageTemplate
            from reportlab.platypus import PageBreak as Break

            return [NextPageTemplate(b.orientation), Break()]
        if isinstance(b, KeepTogether):
            from reportlab.platypus import KeepTogether as Together

            return [Together([f for inner in b.blocks for f in self.block(inner)])]
        raise TypeError(f"not a block of the minutes: {b!r}")

    def paragraph(self, p: Paragraph) -> Any:
        from workshop_app.export.pdf_blocks import para

        return para(markup(p.text), getattr(self.st, p.role))

    def heading(self, h: Heading) -> Any:
        from workshop_app.export.pdf_blocks import heading

        if h.level <= 1:
            return heading(h.text, self.st.h1, outline_level=0)
        if h.level == 2:
            return heading(h.text, self.st.h2)
        # a guarded third-level heading: not the plain h3 style, whose keepWithNext would carry a
        # whole table to the next page; unguarded, it keeps with the next block as reportlab does
        return heading(h.text, self._h3_guarded() if h.keep_with else self.st.h3)

    def _h3_guarded(self) -> Any:
        key = ("h3_guarded", 0, "")
        if key not in self._styles:
            from reportlab.lib.styles import ParagraphStyle

            self._styles[key] = ParagraphStyle("h3_guarded", parent=self.st.h3, keepWithNext=0)
        return self._styles[key]

    def item(self, it: Item) -> list[Any]:
        """A goal-tree entry: its head line, its detail lines kept with it on one page, a little space."""
        from reportlab.platypus import Spacer

        from workshop_app.export.pdf_blocks import para

        if it.reference:
            return [para(markup(it.text), self._item_style(self.st.small, it.depth, "s"))]
        out = [para(markup(it.text), self._item_style(self.st.body, it.depth, "h"))]
        # a goal's lines stay on one page (its owners never continue overleaf): every line but the
        # last keeps with the next, which reportlab lays out as one block
        last = len(it.details) - 1
        out += [para(markup(d), self._item_style(self.st.small, it.depth, "dk" if n < last else "d"))
                for n, d in enumerate(it.details)]
        out.append(Spacer(1, 4))
        return out

    def _item_style(self, base: Any, depth: int, name: str) -> Any:
        key = (name, min(depth, MAX_DEPTH), base.name)
        style = self._styles.get(key)
        if style is None:
            from reportlab.lib.styles import ParagraphStyle

            indent = INDENT * min(depth, MAX_DEPTH)
            style = ParagraphStyle(f"{name}{depth}", parent=base, leftIndent=indent + (10 if name in ("d", "dk") else 0))
            if name == "h":
                style.spaceBefore, style.spaceAfter, style.keepWithNext = 3, 1, 1
            elif name == "dk":
                style.keepWithNext = 1
            self._styles[key] = style
        return style

    def table(self, t: Table) -> Any:
        from reportlab.lib import colors

        from workshop_app.export.pdf_blocks import para
        from workshop_app.export.pdf_styles import table

        rows: list[list[Any]] = []
        if t.header:
            rows.append([para(markup(c.heading), self.st.th) for c in t.columns])
        for row in t.rows:
            rows.append([self._cell(value) for value in row])
        widths = [c.width.of(self.width) for c in t.columns]
        extra: list[tuple] = [("BACKGROUND", (i, 0), (i, 0), colors.HexColor(c.colour))
                              for i, c in enumerate(t.columns) if c.colour and t.header]
        extra += [("SPAN", (first, row), (last, row)) for first, last, row in t.spans]
        if t.total_row:
            extra.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor("#2F3E4E")))
        flowable = table(rows, widths, header=t.header, zebra=t.zebra, extra=extra)
        if t.style == "agreed":
            flowable.setStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF4FA")),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#FFFFFF")),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
        return flowable

    def _cell(self, value: tuple[Paragraph, ...]) -> Any:
        if not value:
            return ""
        flows = [self.paragraph(p) for p in value]
        return flows[0] if len(flows) == 1 else flows

    def picture(self, p: Picture) -> list[Any]:
        from workshop_app.export.pdf_blocks import para
        from workshop_app.export.pdf_layout import frame_size

        width, height = frame_size(p.page)
        out = [image_flowable(p.png, width, height - p.reserve)]
        if p.caption:
            out.append(para(markup((Run(p.caption),)), self.st.caption))
        return out


def story(minutes: Minutes) -> list[Any]:
    """The flowables of the whole minutes: the title block, then each section under its numbered heading,
    on pages of the section's orientation."""
    from workshop_app.export.pdf_layout import frame_size

    render = Renderer(frame_size("portrait")[0])
    out = render.blocks(minutes.front)
    orientation = "portrait"
    for section in minutes.sections:
        head = render.heading(Heading(section.title, level=1))
        body = render.blocks(section.blocks)
        out += _page_turn(orientation, section.orientation, head, body)
        orientation = section.orientation
        out += [head, *body]
    return out


def _page_turn(current: str, wanted: str, head: Any, body: list[Any]) -> list[Any]:
    """Before a section: change the page orientation, or keep the heading with the start of its body.

    The guard needs room for the heading and the first block of the body (a sub-heading and
    its first block, a table's heading row and first row), so no heading ends a page.
    """
    from reportlab.platypus import NextPageTemplate
    from reportlab.platypus import PageBreak as Break

    from workshop_app.export.pdf_flow import keep_with_first

    if current != wanted:
        return [NextPageTemplate(wanted), Break()]
    return keep_with_first([head], body[0] if body else None)[:1]  # the guard only: the heading follows it


def furniture_and_meta(minutes: Minutes) -> tuple[Any, dict[str, str]]:
    """The page furniture (header, footer, draft mark) and the PDF's document properties."""
    from workshop_app.export.pdf_layout import PageFurniture

    p = minutes.properties
    furniture = PageFurniture(header_left=p.header_left, header_right=p.header_right, footer_left=p.footer,
                              page_of=p.page_of, watermark=p.draft)
    meta = {"title": p.title, "author": p.author, "subject": p.subject, "keywords": p.keywords, "lang": p.lang}
    return furniture, meta
