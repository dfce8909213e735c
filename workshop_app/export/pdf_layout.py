"""Page furniture of the minutes: header, footer with "page x of y", DRAFT watermark, outline.

The page count is only known at the end, so the canvas keeps every page's
state and stamps "page x of y" on all of them when the document is saved
(the classic two-pass "numbered canvas"). The rest of the header and the footer
are drawn when a page begins; the DRAFT watermark when it ends, above its content (pictures too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workshop_app.export.fonts import BOLD, REGULAR, register_fonts
from workshop_app.export.pdf_styles import HEAD_BG, MUTED, RULE

MARGIN_X = 56.7  # 2 cm
MARGIN_TOP = 70.0
MARGIN_BOTTOM = 62.0
#: The DRAFT mark: a mid grey at low opacity, drawn over the content (text stays legible through it).
WATERMARK = "#7A8796"
WATERMARK_ALPHA = 0.16


@dataclass(frozen=True)
class PageFurniture:
    header_left: str  # workshop title (plain text)
    header_right: str  # "Minutes · organisation"
    footer_left: str  # "Generated on …"
    page_of: str  # "Page {page} of {pages}"
    watermark: str | None  # None for final minutes


def _clip(canv: Any, text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis until it fits ``width`` points."""
    if canv.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)  # binary search: a title of thousands of characters must not cost seconds per page
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if canv.stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


def draw_watermark(canv: Any, doc: Any, furniture: PageFurniture) -> None:
    """The diagonal DRAFT mark, drawn when a page ends: above its content, so a full-page picture
    cannot cover parts of it and leave fragments peeking out; faint enough to read the text through."""
    if not furniture.watermark:
        return
    from reportlab.lib import colors

    width, height = canv._pagesize
    canv.saveState()
    canv.setFillColor(colors.HexColor(WATERMARK))
    canv.setFillAlpha(WATERMARK_ALPHA)
    canv.translate(width / 2, height / 2)
    canv.rotate(45)
    text = furniture.watermark
    size = min(96.0, 0.95 * (width ** 2 + height ** 2) ** 0.5 / max(1.0, canv.stringWidth(text, BOLD, 1)))
    canv.setFont(BOLD, size)
    canv.drawCentredString(0, -size / 3, text)
    canv.restoreState()


def draw_page(canv: Any, doc: Any, furniture: PageFurniture) -> None:
    """Header and footer of one page (called as the page begins)."""
    from reportlab.lib import colors

    width, height = canv._pagesize
    canv.saveState()
    inner = width - 2 * MARGIN_X
    top = height - 36
    canv.setStrokeColor(colors.HexColor(RULE))
    canv.setLineWidth(0.6)
    canv.line(MARGIN_X, top - 6, width - MARGIN_X, top - 6)
    canv.line(MARGIN_X, 44, width - MARGIN_X, 44)
    left_w = canv.stringWidth(furniture.header_left, BOLD, 8)
    right = _clip(canv, furniture.header_right, REGULAR, 8, max(inner * 0.4, inner - left_w - 12))
    left = _clip(canv, furniture.header_left, BOLD, 8, inner - canv.stringWidth(right, REGULAR, 8) - 12)
    canv.setFillColor(colors.HexColor(HEAD_BG))
    canv.setFont(BOLD, 8)
    canv.drawString(MARGIN_X, top, left)
    canv.setFont(REGULAR, 8)
    canv.setFillColor(colors.HexColor(MUTED))
    canv.drawRightString(width - MARGIN_X, top, right)
    canv.drawString(MARGIN_X, 32, _clip(canv, furniture.footer_left, REGULAR, 8, inner * 0.6))
    canv.restoreState()


def numbered_canvas_class(furniture: PageFurniture) -> type:
    """A canvas class that stamps "page x of y" on every page once the total is known."""
    register_fonts()
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict] = []

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for number, state in enumerate(self._page_states, start=1):
                self.__dict__.update(state)
                self._stamp(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _stamp(self, number: int, total: int) -> None:
            width = self._pagesize[0]
            self.saveState()
            self.setFont(REGULAR, 8)
            self.setFillColor(colors.HexColor(MUTED))
            self.drawRightString(width - MARGIN_X, 32, furniture.page_of.format(page=number, pages=total))
            self.restoreState()

    return NumberedCanvas


def plain_text_of(flowable: Any) -> str:
    """The text a flowable shows (a table: its cells), to find which field a failed layout was about."""
    parts: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, (list, tuple)):
            for value in item:
                walk(value)
        elif hasattr(item, "getPlainText"):
            parts.append(item.getPlainText())
        elif hasattr(item, "_cellvalues"):
            walk(item._cellvalues)
        elif hasattr(item, "_content"):
            walk(item._content)
        elif isinstance(item, str):
            parts.append(item)

    walk(flowable)
    return " ".join(parts)


def frame_size(orientation: str = "portrait") -> tuple[float, float]:
    """Width and height (points) of the text frame on a portrait or landscape A4 page."""
    from reportlab.lib.pagesizes import A4, landscape

    w, h = A4 if orientation == "portrait" else landscape(A4)
    return w - 2 * MARGIN_X, h - MARGIN_TOP - MARGIN_BOTTOM


def make_doc(out: Any, furniture: PageFurniture, meta: dict[str, str],
             progress: Callable[[float], None] | None = None) -> Any:
    """The document template: A4, margins, one page template with the furniture, PDF metadata."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    register_fonts()

    class MinutesDoc(BaseDocTemplate):
        current: Any = None  # the flowable being laid out: what a failed layout names

        def handle_flowable(self, flowables: list[Any]) -> None:
            if flowables:
                self.current = flowables[0]
            super().handle_flowable(flowables)

        def afterFlowable(self, flowable: Any) -> None:
            level = getattr(flowable, "outline_level", None)
            if level is None:
                return
            key = f"s{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=level > 0)

    doc = MinutesDoc(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=meta.get("title", ""), author=meta.get("author", ""),
        subject=meta.get("subject", ""), keywords=meta.get("keywords", ""), creator="Tandem",
        producer="Tandem (ReportLab)", lang=meta.get("lang"), initialFontName=REGULAR, initialFontSize=9.5,
        displayDocTitle=1,
    )
    def on_page(canv: Any, d: Any) -> None:
        draw_page(canv, d, furniture)

    def on_page_end(canv: Any, d: Any) -> None:
        draw_watermark(canv, d, furniture)

    templates = []
    for name, size in (("portrait", A4), ("landscape", landscape(A4))):
        w, h = size[0] - 2 * MARGIN_X, size[1] - MARGIN_TOP - MARGIN_BOTTOM
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, w, h, id=name, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0)
        templates.append(PageTemplate(id=name, frames=[frame], onPage=on_page, onPageEnd=on_page_end, pagesize=size))
    doc.addPageTemplates(templates)
    if progress is not None:
        state = {"total": 1.0, "done": 0.0}

        def on_progress(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                state["total"] = max(1.0, float(value))
            elif kind == "PROGRESS":  # split flowables go back on the list: never report less than before
                fraction = min(1.0, value / state["total"])
                if fraction > state["done"]:
                    state["done"] = fraction
                    progress(fraction)

        doc.setProgressCallBack(on_progress)
    return doc
