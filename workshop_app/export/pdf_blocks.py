"""reportlab paragraphs for the minutes: long texts laid out in linear time, headings in the outline."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from workshop_app.export.pdf_text import esc

#: Paragraph markup longer than this is laid out as a :class:`long text <long_text_class>` of
#: pieces of about this size: reportlab breaks a paragraph's lines again for every page it
#: runs over, so one paragraph of a megabyte would cost time in the square of its length.
CHUNK_CHARS = 4000

_TOKEN = re.compile(r"(<[^>]*>)|(&#?\w+;)|([^<&]+|[<&])")
_TAG_NAME = re.compile(r"</?\s*(\w+)")


def split_markup(markup: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Paragraph markup cut into pieces of about ``limit`` characters, each valid markup on its own.

    A piece ends at a line break where one comes late enough, else at a space, else (a
    word longer than a piece) anywhere between two characters; tags open at a cut are closed
    at the end of the piece and opened again at the start of the next. Linear in the length.
    """
    if len(markup) <= limit:
        return [markup]
    chunks: list[str] = []
    cur: list[str] = []
    size = 0
    stack: list[tuple[str, str]] = []  # (name, opening tag) of the tags open here

    def cut() -> None:
        nonlocal cur, size
        chunks.append("".join(cur) + "".join(f"</{name}>" for name, _ in reversed(stack)))
        cur = [tag for _, tag in stack]
        size = sum(map(len, cur))

    for tag, entity, text in _TOKEN.findall(markup):
        if tag:
            found = _TAG_NAME.match(tag)
            name = found.group(1).lower() if found else "x"
            if name == "br" and size >= limit // 2:
                cut()  # the line break is the end of the piece
                continue
            if tag.startswith("</"):
                if stack and stack[-1][0] == name:
                    stack.pop()
            elif not tag.endswith("/>"):
                stack.append((name, tag))
            cur.append(tag)
            size += len(tag)
        elif entity:
            if size >= limit:
                cut()
            cur.append(entity)
            size += len(entity)
        else:
            while size + len(text) > limit:
                room = max(limit - size, 1)
                at = text.rfind(" ", 0, room + 1)
                if at < room // 2:  # no space near the end: a long word, cut it
                    at = room
                cur.append(text[:at])
                cut()
                text = text[at + 1:] if text[at: at + 1] == " " else text[at:]
            cur.append(text)
            size += len(text)
    if size > sum(len(tag) for _, tag in stack) or not chunks:
        chunks.append("".join(cur))
    return chunks


@lru_cache(maxsize=1)
def paragraph_class() -> type:
    """reportlab's Paragraph, remembering its line breaks for the width it was last wrapped to.

    Tables wrap every cell several times at the same width (to size rows, to
    split, to draw); the lines only depend on the width, so breaking them again
    is wasted work — on a large workshop most of the layout time.

    Its split also makes sure the first part fits: reportlab breaks that part's
    lines again, and for a long word with hyphens in it that can give one line
    more than the split measured, which stopped the whole build with a
    "Splitting error".
    """
    from reportlab.platypus import Paragraph, Spacer

    class WrapOnceParagraph(Paragraph):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            # a table wraps a cell at its column's width and at that width less the padding, in turn:
            # keep the lines of the last few widths, not only of the last one
            known = self.__dict__.setdefault("_lines_by_width", {})
            hit = known.get(availWidth)
            if hit is not None:
                self.blPara, self.width, self.height = hit  # also after a split() dropped the lines
                return self.width, self.height
            size = super().wrap(availWidth, availHeight)
            if availWidth >= 1e-8:
                if len(known) >= 16:
                    del known[next(iter(known))]  # the oldest width
                known[availWidth] = (self.blPara, self.width, self.height)
            return size

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            height = availHeight
            for _ in range(8):
                self.wrap(availWidth, availHeight)
                parts = super().split(availWidth, height)
                if parts == [self]:  # it fits after all (a table measured it with an older height):
                    return [self, Spacer(0, 0)]  # callers of split expect two parts
                if len(parts) != 2:
                    return parts
                first_height = parts[0].wrap(availWidth, availHeight)[1]
                if first_height <= availHeight + 1e-6:
                    return parts
                height -= max(first_height - availHeight, self.style.leading)  # a line less, and try again
            return []

    return WrapOnceParagraph


@lru_cache(maxsize=1)
def long_text_class() -> type:
    """A flowable of paragraph pieces that reads as one paragraph (see :data:`CHUNK_CHARS`).

    Each piece is broken into lines once per width; at a page end only the piece
    that straddles it is split, so laying out a long text costs time in
    proportion to its length.
    """
    from reportlab.platypus import Flowable

    class LongText(Flowable):
        def __init__(self, parts: list[Any]) -> None:
            super().__init__()
            self.parts = parts

        def _measure(self, width: float, height: float) -> list[float]:
            # cheap: each piece keeps its lines for the width (and breaks them again if a split dropped them)
            return [p.wrap(width, height)[1] for p in self.parts]

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            self.width = availWidth
            self.height = sum(self._measure(availWidth, availHeight))
            return availWidth, self.height

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            heights = self._measure(availWidth, availHeight)
            used = 0.0
            for i, (part, h) in enumerate(zip(self.parts, heights, strict=True)):
                if used + h <= availHeight + 1e-6:
                    used += h
                    continue
                pieces = part.split(availWidth, availHeight - used)
                if len(pieces) == 2:
                    head, tail = [*self.parts[:i], pieces[0]], [pieces[1], *self.parts[i + 1:]]
                elif i:
                    head, tail = self.parts[:i], self.parts[i:]
                else:
                    return []
                return [LongText(head), LongText(tail)]
            return [self, LongText([])]  # it fits after all (a rounding apart): a split that still has two parts

        def draw(self) -> None:
            y = self.height
            for part, h in zip(self.parts, self._measure(self.width, self.height), strict=True):
                y -= h
                part.drawOn(self.canv, 0, y)

        def getSpaceBefore(self) -> float:
            return self.parts[0].getSpaceBefore() if self.parts else 0.0

        def getSpaceAfter(self) -> float:
            return self.parts[-1].getSpaceAfter() if self.parts else 0.0

        def getPlainText(self, identify: Any = None) -> str:
            return "".join(p.getPlainText() for p in self.parts)

    return LongText


def para(markup: str, style: Any) -> Any:
    """A paragraph of ``markup``; a very long one as a :func:`long text <long_text_class>` of pieces."""
    cls = paragraph_class()
    if len(markup) <= CHUNK_CHARS:
        return cls(markup, style)
    return long_text_class()([cls(piece, style) for piece in split_markup(markup)])


def heading(text: str, style: Any, outline_level: int | None = None) -> Any:
    """A heading paragraph (plain text); ``outline_level`` puts it in the PDF's bookmarks."""
    p = para(esc(text), style)
    if outline_level is not None:
        p.outline_level = outline_level
    return p
