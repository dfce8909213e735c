"""Every output of a workshop in one place: the formats, their file names, and writing several at once.

Public API::

    FORMATS = ("pdf", "docx", "md", "csv", "ics")
    output_path(doc, fmt, folder=None) -> Path
    export_formats(doc, formats, folder, lang, final, progress=None) -> ExportReport
    export_format(doc, fmt, path, lang, final) -> Path

PDF, DOCX and Markdown are the minutes (one content model, built once for all
three); CSV and ICS are the action items. Each file is written atomically, so
a failure leaves the previous file as it was; a format that fails (a calendar
without a single dated action, a full disk) is reported as a sentence and the
others are still written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.i18n import N_
from workshop_app.model import Workshop

if TYPE_CHECKING:
    from workshop_app.export.content import Minutes
    from workshop_app.export.errors import ExportError

FORMATS = ("pdf", "docx", "md", "csv", "ics")
#: What each format is for (English source strings; the dialog and the CLI's help translate them).
FORMAT_LABELS = {
    "pdf": N_("PDF minutes — the record to send"),
    "docx": N_("Word minutes (DOCX) — to edit before sending"),
    "md": N_("Markdown minutes — for a wiki or an e-mail"),
    "csv": N_("Actions as CSV — for Excel or an issue tracker"),
    "ics": N_("Actions as calendar (ICS) — due dates for everyone's calendar"),
}
#: File name endings: the minutes share the stem, the actions say what they are.
ENDINGS = {"pdf": ".pdf", "docx": ".docx", "md": ".md", "csv": "-actions.csv", "ics": "-actions.ics"}
#: The file name suffix each format needs (``.csv``: a file name of one's own may leave out "-actions").
SUFFIXES = {fmt: "." + ending.rsplit(".", 1)[1] for fmt, ending in ENDINGS.items()}
MINUTES_FORMATS = frozenset({"pdf", "docx", "md"})

Progress = Callable[[float], None]


def output_path(doc: Workshop, fmt: str, folder: str | Path | None = None) -> Path:
    """``<folder>/<title-slug>-<date><ending>``; the folder defaults to the exports folder."""
    from workshop_app.export.minutes import default_minutes_path

    default = default_minutes_path(doc)
    return Path(folder or default.parent) / (default.stem + ENDINGS[fmt])


def format_of(path: str | Path) -> str | None:
    """The format a file name asks for (``x.docx`` → ``docx``), None for an unknown ending."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


@dataclass
class ExportReport:
    """What an export of several formats wrote, and what failed (format → the sentence why)."""

    written: list[Path] = field(default_factory=list)
    failed: dict[str, ExportError] = field(default_factory=dict)


def export_format(doc: Workshop, fmt: str, path: str | Path, lang: str = "de", final: bool = False,
                  content: Minutes | None = None, progress: Progress | None = None) -> Path:
    """Write one format to ``path``; an unwritable file raises ExportError with a sentence."""
    from workshop_app.export.errors import write_failed

    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "pdf":
            from workshop_app.export.minutes import export_minutes

            return export_minutes(doc, target, lang=lang, final=final, progress=progress, content=content)
        if fmt in ("docx", "md"):
            from workshop_app.atomic import atomic_write_bytes
            from workshop_app.export.minutes_content import build_minutes

            minutes = content or build_minutes(doc, lang, final)
            if fmt == "docx":
                from workshop_app.export.docx_render import minutes_docx_bytes

                atomic_write_bytes(target, minutes_docx_bytes(minutes))
                return target
            from workshop_app.export.md_render import write_markdown

            return write_markdown(minutes, target)
        if fmt == "csv":
            from workshop_app.export.actions_csv import export_actions_csv

            return export_actions_csv(doc, target, lang)
        if fmt == "ics":
            from workshop_app.export.actions_ics import export_actions_ics

            return export_actions_ics(doc, target, lang)
    except OSError as exc:
        raise write_failed(target, exc) from exc
    raise ValueError(f"unknown export format {fmt!r}")


def export_formats(doc: Workshop, formats: Iterable[str], folder: str | Path | None = None, lang: str = "de",
                   final: bool = False, progress: Progress | None = None,
                   paths: dict[str, Path] | None = None) -> ExportReport:
    """Write each of ``formats`` into ``folder`` (or to ``paths[fmt]``); the minutes are built once."""
    from workshop_app.export.errors import ExportError

    wanted = [f for f in FORMATS if f in set(formats)]
    report = ExportReport()
    content: Minutes | None = None
    step = 1.0 / max(len(wanted), 1)
    for n, fmt in enumerate(wanted):
        target = (paths or {}).get(fmt) or output_path(doc, fmt, folder)
        if progress is not None:
            progress(n * step)
        try:
            if fmt in MINUTES_FORMATS and content is None:
                from workshop_app.export.minutes_content import build_minutes

                content = build_minutes(doc, lang, final)
            share = None if progress is None else (lambda f, n=n: progress(min(1.0, (n + f) * step)))
            report.written.append(export_format(doc, fmt, target, lang, final, content=content, progress=share))
        except ExportError as exc:
            report.failed[fmt] = exc
    if progress is not None:
        progress(1.0)
    return report
