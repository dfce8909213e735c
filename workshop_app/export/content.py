"""The one content model of the minutes: plain data that the PDF, DOCX and Markdown renderers print.

The sections of the minutes are built once, in the export's language, as the
blocks below (:mod:`workshop_app.export.minutes_content` builds them from a
workshop); each output format is a renderer of them and decides nothing about
*what* is printed, only *how*. So the PDF, the Word file, the Markdown and the
wrap-up summary in the app cannot disagree about which goals were agreed.

Text is data, never markup: a :class:`Run` holds plain text (cleaned of what no
output may contain, :func:`~workshop_app.export.safe_text.clean`) with simple
emphasis; each renderer escapes it for its own format. A line break inside a
run is a line break in every format.

Layout hints that only the PDF uses (column widths, a picture's box, the rows
a heading keeps with it at a page end) are carried as data too, so the PDF
keeps its look; the other renderers may ignore them.
Nothing here imports reportlab, python-docx or matplotlib.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from workshop_app.export.safe_text import clean

Orientation = Literal["portrait", "landscape"]


@dataclass(frozen=True)
class Run:
    """A piece of plain text with simple emphasis; ``colour`` is ``#RRGGBB`` (a side's, a status')."""

    text: str
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    small: bool = False  # a smaller size inside a line (the kind after a goal's title)


#: Inline text: runs in reading order.
Text = tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline text.

    ``role`` names its kind: ``body``, ``small`` (a muted note), ``caption``,
    ``title``, ``subtitle``, and inside tables ``cell``, ``cell_bold``,
    ``cell_small`` (a detail line), ``dense``, ``dense_bold``. ``indent`` is a
    nesting depth (the goal tree); ``keep_with_next`` keeps it on the page of the
    paragraph after it.
    """

    text: Text
    role: str = "body"
    indent: int = 0
    keep_with_next: bool = False


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 is a section of the minutes (numbered, in the outline), 2 and 3 below it.

    ``keep_with`` blocks after it start on the same page as the heading (their
    beginning: a table's heading and first row, a paragraph's first lines); 0 for
    a heading inside a :class:`KeepTogether` or one that keeps with whatever follows.
    """

    text: str
    level: int = 2
    keep_with: int = 1


@dataclass(frozen=True)
class Item:
    """An entry of a nested list (the goal tree): a head line, its detail lines, its depth.

    ``reference`` marks a repeat of an entry printed in full earlier ("see above"): no details.
    """

    text: Text
    details: tuple[Text, ...] = ()
    depth: int = 0
    reference: bool = False


@dataclass(frozen=True)
class Width:
    """A column's width: ``points`` plus ``share`` of the text width (either may be negative)."""

    share: float = 0.0
    points: float = 0.0

    def of(self, text_width: float) -> float:
        return self.points + self.share * text_width


ColumnRole = Literal["number", "text", "side", "date", "status", "label", "figure"]


@dataclass(frozen=True)
class Column:
    """A table column: its heading text, role (number columns are narrow, label columns bold), width,
    and an optional background colour of its heading cell (the sides' colours)."""

    heading: Text
    role: ColumnRole = "text"
    width: Width = field(default_factory=lambda: Width(share=1.0))
    colour: str | None = None


#: A table cell: paragraphs stacked (a title and its detail lines); () is an empty cell.
Cell = tuple[Paragraph, ...]


@dataclass(frozen=True)
class Table:
    """A table with a heading row (``header``) or a list of label/value facts (``header=False``).

    ``style`` is ``grid`` (the house table), ``facts`` (label and value), or
    ``agreed`` (the shaded facts of "What was agreed"). ``total_row``: the last
    row sums up the others. ``spans``: cells merged, as (first column, last
    column, row) with rows counted from the heading row 0. ``keep_rows``: rows
    below the heading row that the heading before the table keeps with it.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header: bool = True
    zebra: bool = True
    style: str = "grid"
    total_row: bool = False
    spans: tuple[tuple[int, int, int], ...] = ()
    keep_rows: int | None = None


@dataclass(frozen=True)
class Picture:
    """A picture: PNG bytes (and SVG, where there is one) with a caption.

    ``name`` is a file stem for formats that keep pictures beside the text
    (``graph``, ``horizons``); the PDF fits it into the text frame of a ``page``
    of that orientation less ``reserve`` points of height (for heading and caption).
    """

    png: bytes
    caption: str
    name: str = "picture"
    svg: bytes | None = None
    page: Orientation = "portrait"
    reserve: float = 70.0


@dataclass(frozen=True)
class PageBreak:
    """A new page (of the given orientation) — where the PDF needs one; flowing formats may ignore it."""

    orientation: Orientation = "portrait"


@dataclass(frozen=True)
class KeepTogether:
    """Blocks printed on one page together (a graph page's heading, picture and caption)."""

    blocks: tuple[Block, ...]


Block = Paragraph | Heading | Item | Table | Picture | PageBreak | KeepTogether


@dataclass(frozen=True)
class Section:
    """One numbered section of the minutes: its key (the English source title), the printed title
    (translated and numbered), its blocks, and the orientation of its pages."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    orientation: Orientation = "portrait"


@dataclass(frozen=True)
class Properties:
    """What a document says about itself and prints on every page."""

    title: str  # "Minutes: <workshop title>" (the file's title property)
    author: str
    subject: str
    keywords: str
    lang: str  # "de-DE" or "en"
    header_left: str  # the workshop's title, shortened
    header_right: str  # "Minutes · organisation · date"
    footer: str  # "DRAFT · Generated on …"
    page_of: str  # "Page {page} of {pages}"
    draft: str | None  # the draft mark ("DRAFT"), None for final minutes


@dataclass(frozen=True)
class Minutes:
    """The whole minutes: the title block, the sections in print order, the properties."""

    lang: str  # "de" or "en"
    front: tuple[Block, ...]
    sections: tuple[Section, ...]
    properties: Properties

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


# ---- building text -------------------------------------------------------------------------------


def norm(text: object) -> str:
    """User text as a run holds it: cleaned for every output, without leading or trailing line breaks."""
    return clean(text).strip("\r\n")


def plain(text: object, **emphasis: object) -> Text:
    """User (or translated) text as one run; () when there is nothing to print."""
    s = norm(text)
    return (Run(s, **emphasis),) if s else ()  # type: ignore[arg-type]


def bold(text: object) -> Text:
    return plain(text, bold=True)


def italic(text: object) -> Text:
    return plain(text, italic=True)


def coloured(text: object, colour: str | None, bold: bool = False) -> Text:
    return plain(text, colour=colour, bold=bold)


def joined(parts: Iterable[Text], sep: str = " · ") -> Text:
    """The non-empty parts with ``sep`` between them ("\\n" for a line break)."""
    out: list[Run] = []
    for part in parts:
        if not part:
            continue
        if out and sep:
            out.append(Run(sep))
        out.extend(part)
    return tuple(out)


def labelled(label: str, value: Text) -> Text:
    """``Label: value`` with the label bold, or () when the value is empty."""
    return (Run(f"{label}:", bold=True), Run(" "), *value) if value else ()


def emphasised(text: Text, bold: bool = True) -> Text:
    """The same runs, all bold (a total row, a status)."""
    return tuple(Run(r.text, bold=bold or r.bold, italic=r.italic, colour=r.colour, small=r.small) for r in text)


def as_plain(text: Text) -> str:
    """The text without emphasis (search, CSV, alt texts)."""
    return "".join(r.text for r in text)


def para(text: Text, role: str = "body", indent: int = 0, keep_with_next: bool = False) -> Paragraph:
    return Paragraph(text, role, indent, keep_with_next)


def cell(title: object, details: Iterable[Text] = (), bold: bool = True) -> Cell:
    """A table cell: a title paragraph (bold) and optional small detail lines."""
    head = plain(title)
    out = [Paragraph(head, "cell_bold" if bold else "cell")] if head and norm(title).strip() else []
    out += [Paragraph(d, "cell_small") for d in details if d]
    return tuple(out)


def text_cell(text: Text, role: str = "cell") -> Cell:
    """A cell of one paragraph (an empty paragraph keeps the row's height in the PDF)."""
    return (Paragraph(text, role),)


def heading_row(*titles: str) -> tuple[Text, ...]:
    return tuple(plain(t) for t in titles)


def blocks_text(blocks: Iterable[Block]) -> Iterable[str]:
    """Every text of ``blocks`` in reading order (tests, search, error messages)."""
    for b in blocks:
        if isinstance(b, Paragraph):
            yield as_plain(b.text)
        elif isinstance(b, Heading):
            yield b.text
        elif isinstance(b, Item):
            yield as_plain(b.text)
            yield from (as_plain(d) for d in b.details)
        elif isinstance(b, Table):
            for c in b.columns:
                yield as_plain(c.heading)
            for row in b.rows:
                for value in row:
                    yield from (as_plain(p.text) for p in value)
        elif isinstance(b, Picture):
            yield b.caption
        elif isinstance(b, KeepTogether):
            yield from blocks_text(b.blocks)
