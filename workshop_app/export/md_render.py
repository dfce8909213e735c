"""The minutes as Markdown (CommonMark with GitHub's pipe tables) for a wiki or an e-mail.

A renderer of the content model: headings as ``#`` lines, tables as pipe
tables (a facts table as a list of "**Label:** value" lines), the goal tree as
a nested list, pictures as PNG files in a folder beside the text
(``<name>-files/graph.png``) referenced with relative links.

User text is data here as everywhere: every character Markdown or HTML could
read as markup — ``*``, ``_``, ``[``, ``<``, ``|``, a ``#`` or ``1.`` at a line's
start, ``&`` of an entity, the ``://`` and ``www.`` and ``@`` of an automatic
link — is backslash-escaped, so ``<script>`` or ``[x](javascript:…)`` shows as
typed and links nowhere. Line breaks inside a paragraph are hard breaks
(a backslash at the line's end); inside a table cell they are ``<br>``, the
one piece of HTML this renderer writes itself.
"""

from __future__ import annotations

import re
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
    as_plain,
)
from workshop_app.export.safe_text import clean

#: ASCII punctuation CommonMark or GitHub read as markup anywhere in a line (each may be backslash-escaped);
#: ``#``, ``+``, ``-``, ``=`` and "1." only matter at a line's start (headings, lists, rules).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"(?m)^(\s*)([#+\-=]|\d+(?=[.)](?:\s|$)))")
_AUTOLINK = re.compile(r"(?i)(:)(?=//)|(?<=www)(\.)|(@)")
_INDENT = re.compile(r"(?m)^ +")
_NEWLINE = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def escape(text: str) -> str:
    """Plain text as Markdown that shows literally (no emphasis, links, HTML, headings or lists)."""
    s = _SPECIAL.sub(r"\\\1", clean(text))
    s = _AUTOLINK.sub(lambda m: "\\" + m.group(0), s)
    s = _LINE_START.sub(_escape_start, s)
    # four spaces at a line's start would make a code block: no-break spaces look the same and do not
    return _INDENT.sub(lambda m: "\u00a0" * len(m.group(0)), s)


def _escape_start(m: re.Match[str]) -> str:
    """"# x", "- x", "+ x", "===" or "1." at a line's start: the marker escaped (for a number, its dot)."""
    lead, marker = m.group(1), m.group(2)
    return f"{lead}{marker}\\" if marker[0].isdigit() else f"{lead}\\{marker}"


def inline(text: Text) -> str:
    """Inline text with bold and italic as ``**`` and ``*`` (spaces kept outside the markers)."""
    out = []
    for r in text:
        s = escape(r.text)
        if (r.bold or r.italic) and s.strip():
            core = s.strip()
            lead, trail = s[: len(s) - len(s.lstrip())], s[len(s.rstrip()):]
            mark = "***" if r.bold and r.italic else "**" if r.bold else "*"
            s = f"{lead}{mark}{core}{mark}{trail}"
        out.append(s)
    return "".join(out)


def _lines(markdown: str, hard_break: str = "\\\n") -> str:
    return _NEWLINE.sub(hard_break, markdown)


class MarkdownWriter:
    """Collects the Markdown text and the picture files (name → PNG bytes) of the minutes."""

    def __init__(self, files_folder: str) -> None:
        self.folder = files_folder
        self.out: list[str] = []
        self.files: dict[str, bytes] = {}

    def minutes(self, m: Minutes) -> str:
        front = list(m.front)
        for b in front:
            if isinstance(b, Paragraph) and b.role == "title":
                self.out.append(f"# {_heading(as_plain(b.text))}")
            else:
                self.block(b)
        draft, footer = m.properties.draft, m.properties.footer
        if draft and footer.startswith(draft):  # "DRAFT · Generated on …": the mark in bold
            self.out.append(f"> **{escape(draft)}**{escape(footer[len(draft):])}")
        elif footer:
            self.out.append(f"> {escape(footer)}")
        for section in m.sections:
            self.out.append(f"## {_heading(section.title)}")
            for b in section.blocks:
                self.block(b)
        return "\n\n".join(part for part in self.out if part) + "\n"

    def block(self, b: Block) -> None:
        if isinstance(b, Paragraph):
            text = _lines(inline(b.text))
            self.out.append(f"*{text}*" if b.role == "caption" and text else text)
        elif isinstance(b, Heading):
            self.out.append("#" * min(b.level + 1, 6) + " " + _heading(b.text))
        elif isinstance(b, Item):
            self.item(b)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Picture):
            self.picture(b)
        elif isinstance(b, KeepTogether):
            for inner in b.blocks:
                self.block(inner)
        elif isinstance(b, PageBreak):
            pass  # a flowing text has no pages

    def item(self, it: Item) -> None:
        indent = "  " * it.depth
        lines = [f"{indent}- {_lines(inline(it.text), ' ')}"]
        lines += [f"{indent}  {_lines(inline(d), ' ')}" for d in it.details]
        text = "\\\n".join(lines)
        # items of one list follow each other without a blank line between them
        if self.out and self.out[-1].lstrip().startswith("- ") and not self.out[-1].startswith("|"):
            self.out[-1] += "\n" + text
        else:
            self.out.append(text)

    def table(self, t: Table) -> None:
        if not t.header:  # label and value: a list of facts reads better than a table without headings
            lines = []
            for row in t.rows:
                label = " ".join(as_plain(p.text) for p in row[0]) if row else ""
                value = "\\\n  ".join(_lines(inline(p.text), "\\\n  ") for c in row[1:] for p in c)
                lines.append(f"- **{escape(label)}:** {value}" if label else f"- {value}")
            self.out.append("\n".join(lines))
            return
        head = "| " + " | ".join(_cell_text(c.heading) or " " for c in t.columns) + " |"
        rule = "|" + "|".join(":---:" if c.role == "number" else "---" for c in t.columns) + "|"
        rows = []
        for row in t.rows:
            cells = [_cell(value) for value in row] + [""] * (len(t.columns) - len(row))
            rows.append("| " + " | ".join(c or " " for c in cells) + " |")
        self.out.append("\n".join([head, rule, *rows]))

    def picture(self, p: Picture) -> None:
        name = _file_name(p.name, self.files)
        self.files[name] = p.png
        alt = escape(_lines(clean(p.caption), " ")) or escape(p.name)
        self.out.append(f"![{alt}]({self.folder}/{name})")
        if p.caption:
            self.out.append(f"*{_lines(escape(p.caption), ' ')}*")


def _heading(text: str) -> str:
    """A heading's text on one line; a ``#`` at its end escaped (it would close the heading)."""
    line = _lines(escape(text), " ").rstrip()
    return line[:-1] + "\\#" if line.endswith("#") and not line.endswith("\\#") else line


def _cell_text(text: Text) -> str:
    return _lines(inline(text), "<br>")


def _cell(value: tuple[Paragraph, ...]) -> str:
    return "<br>".join(t for t in (_cell_text(p.text) for p in value) if t)


def _file_name(stem: str, taken: dict[str, Any]) -> str:
    base = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-") or "picture"
    name, n = f"{base}.png", 2
    while name in taken:
        name, n = f"{base}-{n}.png", n + 1
    return name


def minutes_markdown(minutes: Minutes, files_folder: str) -> tuple[str, dict[str, bytes]]:
    """The Markdown text and its pictures (file name → PNG), linked as ``files_folder/name``."""
    writer = MarkdownWriter(files_folder)
    return writer.minutes(minutes), writer.files


def export_markdown(doc: Any, path: str | Path, lang: str = "de", final: bool = False) -> Path:
    """Build the minutes of ``doc`` and write them as Markdown (see :func:`write_markdown`)."""
    from workshop_app.export.minutes_content import build_minutes

    return write_markdown(build_minutes(doc, lang, final), Path(path))


def write_markdown(minutes: Minutes, target: Path) -> Path:
    """Write ``target`` (``.md``) and its pictures into ``<stem>-files/`` beside it, each file atomically;
    the text is written last, so it never links to a picture that is not there."""
    from workshop_app.atomic import atomic_write_bytes

    folder = f"{target.stem}-files"
    text, files = minutes_markdown(minutes, folder)
    if files:
        (target.parent / folder).mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            atomic_write_bytes(target.parent / folder / name, data)
    atomic_write_bytes(target, text.encode("utf-8"))
    return target
