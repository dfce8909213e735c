"""The minutes as an editable Word document (python-docx), a renderer of the content model.

Consultants edit minutes before they send them, so the document is built from
Word's own parts rather than imitating the PDF's look: the sections as the
built-in "Heading 1/2/3" styles (the navigation pane and a table of contents
find them), tables as real tables whose heading row repeats on every page, the
pictures as PNG, the draft mark in every page header, the document's language
on its styles (spell checking in the right language), and title, author,
subject, keywords and language in its properties. A4, margins as in the PDF.
Text goes into runs as text — python-docx escapes it for XML — and the content
model has already removed what XML cannot hold.
"""

from __future__ import annotations

import io
from pathlib import Path
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
    Table,
    Text,
    plain,
)
from workshop_app.export.safe_text import clean

#: Paragraph roles of the content model → Word styles (built in, so users' templates restyle them).
_STYLES = {"title": "Title", "subtitle": "Subtitle", "caption": "Caption"}
_SMALL_ROLES = {"small", "cell_small", "caption"}
_BOLD_ROLES = {"cell_bold", "dense_bold"}
_CELL_ROLES = {"cell", "cell_bold", "dense", "dense_bold"}
MARGIN_CM = 2.0
#: Header row shading and the text colour on it (the PDF's).
HEAD_BG = "2F3E4E"


def minutes_docx_bytes(minutes: Minutes) -> bytes:
    """The Word document of ``minutes`` as bytes."""
    return _Writer(minutes).build()


def export_docx(doc: Any, path: str | Path, lang: str = "de", final: bool = False) -> Path:
    """Build the minutes of ``doc`` and write them as ``.docx`` atomically."""
    from workshop_app.atomic import atomic_write_bytes
    from workshop_app.export.minutes_content import build_minutes

    target = Path(path)
    atomic_write_bytes(target, minutes_docx_bytes(build_minutes(doc, lang, final)))
    return target


class _Writer:
    def __init__(self, minutes: Minutes) -> None:
        import docx

        self.minutes = minutes
        self.doc = docx.Document()
        self._setup()

    # ---- document ----------------------------------------------------------------------------

    def _setup(self) -> None:
        from docx.shared import Cm, Pt

        p = self.minutes.properties
        core = self.doc.core_properties
        core.title, core.author, core.subject = p.title, p.author, p.subject
        core.keywords, core.language, core.comments = p.keywords, p.lang, p.footer
        core.last_modified_by = p.author
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(MARGIN_CM))
        normal = self.doc.styles["Normal"]
        normal.font.name = "DejaVu Sans"
        normal.font.size = Pt(10)
        self._set_language(p.lang)
        self._header(section)

    def _set_language(self, lang: str) -> None:
        """``w:lang`` on the document defaults and on every style that sets fonts: Word checks spelling
        in the minutes' language, not the reader's."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        styles_el = self.doc.styles.element
        defaults = styles_el.find(qn("w:docDefaults"))
        targets = []
        if defaults is not None:
            rpr_default = defaults.find(qn("w:rPrDefault"))
            if rpr_default is not None:
                targets.append(rpr_default.get_or_add_rPr() if hasattr(rpr_default, "get_or_add_rPr")
                               else rpr_default.find(qn("w:rPr")))
        for style in self.doc.styles:
            element = getattr(style, "element", None)
            if element is not None and style.type == 1:  # paragraph styles
                targets.append(element.get_or_add_rPr())
        for rpr in targets:
            if rpr is None:
                continue
            el = rpr.find(qn("w:lang"))
            if el is None:
                el = OxmlElement("w:lang")
                rpr.append(el)
            el.set(qn("w:val"), lang)
            el.set(qn("w:eastAsia"), lang)
            el.set(qn("w:bidi"), "ar-SA")  # right-to-left runs keep a right-to-left language

    def _header(self, section: Any) -> None:
        """The page header: the draft mark (large, grey) and the title line, like the PDF's."""
        from docx.shared import Pt, RGBColor

        p = self.minutes.properties
        header = section.header
        first = header.paragraphs[0]
        if p.draft:
            run = first.add_run(p.draft)
            run.bold = True
            run.font.size = Pt(14)
            run.font.color.rgb = RGBColor(0x7A, 0x87, 0x96)
            first = header.add_paragraph()
        run = first.add_run(f"{p.header_left} · {p.header_right}" if p.header_right else p.header_left)
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x5F, 0x6B, 0x7A)

    def build(self) -> bytes:
        self.blocks(self.minutes.front)
        for section in self.minutes.sections:
            if section.orientation != self._orientation:
                self._new_section(section.orientation)
            self.doc.add_heading(clean(section.title), level=1)
            self.blocks(section.blocks)
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()

    _orientation = "portrait"

    def _new_section(self, orientation: str) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        wide = orientation == "landscape"
        short, long_ = sorted((section.page_width, section.page_height))
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long_, short) if wide else (short, long_)
        self._orientation = orientation

    def _text_width(self) -> int:
        """The current section's text width (EMU)."""
        s = self.doc.sections[-1]
        return int(s.page_width or 0) - int(s.left_margin or 0) - int(s.right_margin or 0)

    def _text_height(self) -> int:
        s = self.doc.sections[-1]
        return int(s.page_height or 0) - int(s.top_margin or 0) - int(s.bottom_margin or 0)

    # ---- blocks ------------------------------------------------------------------------------

    def blocks(self, blocks: tuple[Block, ...] | list[Block], keep: bool = False) -> None:
        for b in blocks:
            self.block(b, keep)

    def block(self, b: Block, keep: bool = False) -> None:
        if isinstance(b, Paragraph):
            self.paragraph(b, keep)
        elif isinstance(b, Heading):
            self.doc.add_heading(clean(b.text), level=min(max(b.level, 1), 9))
        elif isinstance(b, Item):
            self.item(b)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Picture):
            self.picture(b, keep)
        elif isinstance(b, PageBreak):
            if b.orientation != self._orientation:
                self._new_section(b.orientation)
            else:
                from docx.enum.text import WD_BREAK

                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(b, KeepTogether):
            self.blocks(b.blocks, keep=True)

    def paragraph(self, p: Paragraph, keep: bool = False) -> Any:
        style = _STYLES.get(p.role)
        para = self.doc.add_paragraph(style=style)
        self.runs(para, p.text, p.role)
        if keep or p.keep_with_next:
            para.paragraph_format.keep_with_next = True
        return para

    def runs(self, para: Any, text: Text, role: str = "body") -> None:
        from docx.shared import Pt, RGBColor

        for r in text:
            run = para.add_run(r.text)  # "\n" becomes a line break, "\t" a tab (python-docx)
            run.bold = r.bold or role in _BOLD_ROLES or None
            run.italic = r.italic or None
            if r.colour:
                run.font.color.rgb = RGBColor.from_string(r.colour.lstrip("#")[:6].upper())
            if r.small or role in _SMALL_ROLES:
                run.font.size = Pt(8)
            elif role in _CELL_ROLES:
                run.font.size = Pt(9)

    def item(self, it: Item) -> None:
        from docx.shared import Cm, Pt

        para = self.doc.add_paragraph(style="List Bullet" if not it.reference else None)
        para.paragraph_format.left_indent = Cm(0.63 * (it.depth + 1))
        para.paragraph_format.space_after = Pt(0)
        para.paragraph_format.keep_with_next = bool(it.details)
        self.runs(para, it.text)
        for n, detail in enumerate(it.details):
            line = self.doc.add_paragraph()
            line.paragraph_format.left_indent = Cm(0.63 * (it.depth + 1))
            line.paragraph_format.space_after = Pt(0 if n < len(it.details) - 1 else 4)
            line.paragraph_format.keep_with_next = n < len(it.details) - 1
            self.runs(line, detail, "small")

    def table(self, t: Table) -> None:
        from docx.shared import Emu, RGBColor

        head = 1 if t.header else 0
        table = self.doc.add_table(rows=len(t.rows) + head, cols=len(t.columns))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        width = self._text_width()
        points = [max(c.width.of(width / 12700), 12.0) for c in t.columns]  # EMU → points
        scale = (width / 12700) / sum(points)
        widths = [Emu(int(p * scale * 12700)) for p in points]
        for n, column in enumerate(table.columns):  # the grid (LibreOffice reads it) and every cell (Word)
            column.width = widths[n]
        if t.header:
            row = table.rows[0]
            _repeat_header(row)
            for n, column in enumerate(t.columns):
                cell = row.cells[n]
                cell.width = widths[n]
                para = cell.paragraphs[0]
                self.runs(para, column.heading, "cell_bold")
                for run in para.runs:
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                _shade(cell, (column.colour or HEAD_BG).lstrip("#"))
        for r, values in enumerate(t.rows, start=head):
            row = table.rows[r]
            _cant_split(row)
            for n, value in enumerate(values):
                cell = row.cells[n]
                cell.width = widths[n]
                for i, p in enumerate(value):
                    para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    role = "cell_bold" if (t.columns[n].role == "label" or (t.total_row and r == len(t.rows))) \
                        else p.role
                    self.runs(para, p.text, role)
        for first, last, r in t.spans:
            if 0 <= r < len(table.rows) and last > first:
                merged = table.cell(r, first).merge(table.cell(r, last))
                for extra in merged.paragraphs[1:]:
                    if not extra.text:
                        extra._element.getparent().remove(extra._element)
        self.doc.add_paragraph()  # Word joins two tables that touch: a paragraph keeps them apart

    def picture(self, p: Picture, keep: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from PIL import Image

        with Image.open(io.BytesIO(p.png)) as image:
            px_w, px_h = image.size
        width, height = self._text_width(), int(self._text_height() * 0.8)
        scale = min(width / px_w, height / px_h)
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.keep_with_next = True
        para.add_run().add_picture(io.BytesIO(p.png), width=int(px_w * scale), height=int(px_h * scale))
        if p.caption:
            self.paragraph(Paragraph(plain(p.caption), "caption"), keep)


def _repeat_header(row: Any) -> None:
    """The row is the table's heading row: Word repeats it at the top of every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
    _cant_split(row)


def _cant_split(row: Any) -> None:
    """A row stays whole on one page (as in the PDF)."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _shade(cell: Any, hex_colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour[:6])
    cell._tc.get_or_add_tcPr().append(shading)
