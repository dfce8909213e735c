"""Paragraph and table styles of the minutes; every one uses the embedded DejaVu fonts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workshop_app import palette
from workshop_app.export.fonts import BOLD, ITALIC, REGULAR, register_fonts

#: The sides' colours as text and behind white header text (contrast ≥ 4.5:1; workshop_app.palette).
SIDE_COLOURS = palette.SIDE_TEXT
INK = "#1F2933"
MUTED = "#5F6B7A"
RULE = "#C9D1DB"
HEAD_BG = "#2F3E4E"
ZEBRA = "#F3F5F8"
ZEBRA_SEE_THROUGH = "#E7EBF180"  # ZEBRA over white: #E7EBF1 at 50 % opacity
ACCENT = "#0072B2"


@dataclass(frozen=True)
class Styles:
    title: Any
    subtitle: Any
    h1: Any
    h2: Any
    h3: Any
    body: Any
    small: Any
    cell: Any
    cell_bold: Any
    cell_small: Any
    th: Any
    caption: Any
    item: Any
    dense: Any
    dense_bold: Any


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The style sheet (built once; reportlab imported here, not at module import)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink, muted = colors.HexColor(INK), colors.HexColor(MUTED)
    base = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=ink,
        bulletFontName=REGULAR, splitLongWords=1, embeddedHyphenation=1, wordWrap=None, allowWidows=0, allowOrphans=0,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        title=derive("title", fontName=BOLD, fontSize=22, leading=27, spaceAfter=4),
        subtitle=derive("subtitle", fontSize=12, leading=16, textColor=muted, spaceAfter=14),
        h1=derive("h1", fontName=BOLD, fontSize=15, leading=19, spaceBefore=16, spaceAfter=7,
                  textColor=colors.HexColor(HEAD_BG)),
        h2=derive("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4),
        h3=derive("h3", fontName=BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2, keepWithNext=1),
        body=derive("body2", spaceAfter=4),
        small=derive("small", fontSize=8.5, leading=11, textColor=muted),
        cell=derive("cell", fontSize=8.5, leading=11),
        cell_bold=derive("cell_bold", fontName=BOLD, fontSize=8.5, leading=11),
        cell_small=derive("cell_small", fontSize=7.5, leading=9.5, textColor=muted),
        th=derive("th", fontName=BOLD, fontSize=8.5, leading=11, textColor=colors.white),
        caption=derive("caption", fontName=ITALIC, fontSize=8, leading=10, textColor=muted,
                       alignment=TA_CENTER, spaceBefore=3, spaceAfter=8),
        item=derive("item", spaceAfter=3, leftIndent=10, bulletIndent=0),
        dense=derive("dense", fontSize=8, leading=10.4),
        dense_bold=derive("dense_bold", fontName=BOLD, fontSize=8, leading=10.4),
    )


def table(rows: list[list[Any]], widths: list[float], header: bool = True, zebra: bool = True,
          extra: list[tuple] | None = None) -> Any:
    """A table in the house style: header row repeated on each page, rows kept whole across pages."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
    ]
    if header:
        commands += [
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ]
    if zebra and len(rows) > (2 if header else 1):
        # See-through rows, so the DRAFT watermark (drawn underneath) still shows on pages full of tables;
        # over white paper the shaded rows look like ZEBRA.
        shade = colors.HexColor(ZEBRA_SEE_THROUGH, hasAlpha=True)
        commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [None, shade]))
    commands += extra or []
    # Rows are split only between rows (pdf_flow: a row taller than a page is the one exception),
    # so no row is cut in two at a page end; the heading row is repeated on every page.
    from workshop_app.export.pdf_flow import row_keeping_table_class

    return row_keeping_table_class()(rows, colWidths=widths, repeatRows=1 if header else 0, splitByRow=1,
                                     splitInRow=1, style=TableStyle(commands), hAlign="LEFT")
