"""The printable sheet of the alignment check: the workshop's statements with boxes 1–5 and "don't know".

Participants score on paper before the day (or in the room without a
laptop); the facilitator types the sheets into the entry grid in the same
order, so the numbers on the sheet are the grid's column numbers. The sheet
asks for the side and leaves the name optional: anonymous is the default.
It prints in the workshop's language (any language the catalogs have), the
statements as the workshop stores them. reportlab is imported when a sheet
is made.
"""

from __future__ import annotations

import io
import os

from workshop_app.atomic import atomic_write_bytes
from workshop_app.export.pdf_text import esc
from workshop_app.model import Workshop
from workshop_app.vocabulary import Translator

BOX_LABELS = ("1", "2", "3", "4", "5", "?")


def sheet_bytes(doc: Workshop, lang: str | None = None) -> bytes:
    """The sheet as PDF bytes, A4 portrait, in ``lang`` (default: the workshop's language)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from workshop_app.export.fonts import BOLD, register_fonts

    lang = lang or doc.meta.language.value
    tr = Translator(lang)
    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=11)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444"))
    title = ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=16, leading=20, spaceAfter=4)
    centre = ParagraphStyle("centre", parent=small, alignment=1)

    story: list = [Paragraph(esc(tr("Alignment check")), title)]
    about = " · ".join(part for part in (doc.meta.title.strip(), doc.meta.organisation.strip(),
                                         tr.date(doc.meta.date) if doc.meta.date else "") if part)
    if about:
        story.append(Paragraph(esc(about), small))
    story += [
        Spacer(1, 3 * mm),
        Paragraph(esc(tr("How do you see the collaboration of Marketing and Sales today? For each statement, "
                         "tick one box: 1 = strongly disagree, 2 = disagree, 3 = partly, 4 = agree, "
                         "5 = strongly agree, ? = don't know. There are no right answers; only each side's "
                         "average is shown, and only when at least 3 people of a side took part.")), body),
        Spacer(1, 3 * mm),
        Paragraph(esc(tr("My side:   ☐ Marketing    ☐ Sales          Name (optional): ______________________")),
                  body),
        Spacer(1, 4 * mm),
    ]
    box, number_width = 8 * mm, 10 * mm
    header = ["", Paragraph(esc(tr("Statement")), small)] + [Paragraph(esc(b), centre) for b in BOX_LABELS]
    rows = [header]
    for number, statement in enumerate(doc.alignment.statements, start=1):
        rows.append([Paragraph(f"{number}.", body), Paragraph(esc(statement.text(lang)), body)] + [""] * 6)
    width = A4[0] - 36 * mm
    table = Table(rows, colWidths=[number_width, width - number_width - 6 * box] + [box] * 6, repeatRows=1)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#888888")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#cccccc")),
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("TOPPADDING", (0, 1), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]
    for row in range(1, len(rows)):  # an empty square to tick in each answer cell
        for column in range(2, 8):
            style.append(("BOX", (column, row), (column, row), 0.6, colors.HexColor("#555555")))
    table.setStyle(TableStyle(style))
    story.append(table)
    if not doc.alignment.statements:
        story.append(Paragraph(esc(tr("This workshop has no statements yet.")), body))
    story += [Spacer(1, 5 * mm), Paragraph(esc(tr("Thank you. Please hand the sheet to the facilitator.")), small)]

    buf = io.BytesIO()
    pdf = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=14 * mm,
                            bottomMargin=12 * mm, title=tr("Alignment check"), author="Tandem", invariant=1)
    pdf.build(story)
    return buf.getvalue()


def write_sheet(doc: Workshop, path: str | os.PathLike, lang: str | None = None) -> None:
    """Write the sheet atomically to ``path``."""
    atomic_write_bytes(path, sheet_bytes(doc, lang))
