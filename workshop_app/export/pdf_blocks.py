"""Small building blocks shared by the sections of the minutes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from workshop_app.export.pdf_styles import SIDE_COLOURS, Styles, styles
from workshop_app.export.pdf_text import SIDE_LABELS, Lang, esc
from workshop_app.model import Workshop


@dataclass
class Ctx:
    """What every section needs: the document, the language, the styles, the frame width."""

    doc: Workshop
    lang: Lang
    width: float
    st: Styles = field(default_factory=styles)
    _names: dict[str, str] | None = None

    def name(self, participant_id: str | None) -> str:
        if self._names is None:
            self._names = {p.id: p.name.strip() or p.id for p in self.doc.participants}
        return self._names.get(participant_id or "", "")

    def names(self, ids: Iterable[str]) -> str:
        return ", ".join(n for n in (self.name(i) for i in ids) if n)

    def side(self, side: object, coloured: bool = True) -> str:
        """Markup: the translated side name, in the side's colour."""
        key = getattr(side, "value", side)
        text = esc(self.lang.label(SIDE_LABELS, key))
        colour = SIDE_COLOURS.get(str(key))
        return f'<font color="{colour}">{text}</font>' if coloured and colour else text


@lru_cache(maxsize=1)
def paragraph_class() -> type:
    """reportlab's Paragraph, remembering its line breaks for the width it was last wrapped to.

    Tables wrap every cell several times at the same width (to size rows, to
    split, to draw); the lines only depend on the width, so breaking them again
    is wasted work — on a large workshop most of the layout time.
    """
    from reportlab.platypus import Paragraph

    class WrapOnceParagraph(Paragraph):
        _wrapped_width: float | None = None

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            if availWidth == self._wrapped_width and "blPara" in self.__dict__:  # split() may drop the lines
                return self.width, self.height
            size = super().wrap(availWidth, availHeight)
            self._wrapped_width = availWidth if availWidth >= 1e-8 else None
            return size

    return WrapOnceParagraph


def para(markup: str, style: Any) -> Any:
    return paragraph_class()(markup, style)


def heading(text: str, style: Any, outline_level: int | None = None) -> Any:
    """A heading paragraph (plain text); ``outline_level`` puts it in the PDF's bookmarks."""
    p = para(esc(text), style)
    if outline_level is not None:
        p.outline_level = outline_level
    return p


def sub_heading(ctx: Ctx, text: str) -> list[Any]:
    """A sub-heading that never ends a page: it moves on unless a few lines fit below it.

    (Not ``keepWithNext``: reportlab would then move a long table that follows
    to a new page as a whole, leaving half-empty pages.)
    """
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(90), heading(text, ctx.st.h2)]


def joined(parts: Iterable[str], sep: str = " · ") -> str:
    """Join the non-empty markup parts."""
    return sep.join(p for p in parts if p)


def labelled(label: str, value_markup: str) -> str:
    """``<b>Label:</b> value`` or "" when the value is empty."""
    return f"<b>{esc(label)}:</b> {value_markup}" if value_markup else ""


def cell(ctx: Ctx, title: str, details: Iterable[str] = (), bold: bool = True) -> list[Any]:
    """A table cell: a title paragraph and optional small detail lines (already markup)."""
    out = [para(esc(title), ctx.st.cell_bold if bold else ctx.st.cell)] if title.strip() else []
    out += [para(d, ctx.st.cell_small) for d in details if d]
    return out


def kv_table(ctx: Ctx, rows: list[tuple[str, str]], label_width: float = 110) -> Any:
    """A two-column label/value table (values are markup); empty values are left out."""
    from workshop_app.export.pdf_styles import table

    data = [[para(esc(label), ctx.st.cell_bold), para(value, ctx.st.cell)] for label, value in rows if value]
    if not data:
        return None
    return table(data, [label_width, ctx.width - label_width], header=False, zebra=False)
