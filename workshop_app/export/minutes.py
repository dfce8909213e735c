"""The PDF minutes of a workshop (reportlab platypus), in German or English.

Public API::

    export_minutes(doc, path, lang="de", final=False, progress=None) -> Path
    minutes_pdf_bytes(doc, lang="de", final=False) -> bytes
    default_minutes_path(doc) -> Path

An export that cannot finish raises :class:`workshop_app.export.errors.ExportError`
with a plain, translated sentence naming the field that caused it.
The minutes are built in memory and written atomically, so a failed export
never leaves half a PDF where the previous one was. Importing this module is
cheap: reportlab, matplotlib and the analysis load when minutes are built.
The language is the export's own (``lang``), independent of the UI language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.export.minutes_content import HEADER_CHARS, SECTIONS  # noqa: F401 - HEADER_CHARS: API
from workshop_app.model import Workshop
from workshop_app.paths import default_exports_dir

if TYPE_CHECKING:
    from workshop_app.export.content import Minutes

Progress = Callable[[float], None]

#: Section headings in print order (English source strings; the sections themselves are declared in
#: :data:`workshop_app.export.minutes_content.SECTIONS`).
SECTION_TITLES = tuple(spec.title for spec in SECTIONS)

_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def slug(text: str, fallback: str = "workshop", limit: int = 60) -> str:
    """An ASCII file-name part: ``"Café Größe – Q3"`` → ``"cafe-groesse-q3"``."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:limit].rstrip("-") or fallback


def default_minutes_path(doc: Workshop) -> Path:
    """``<exports>/<title-slug>-<date>.pdf``; the date is the workshop's, else today.

    What the title already says is not repeated: "Kick-off 2027" on 12 March
    2027 gives ``kick-off-2027-03-12.pdf``, and a title with the whole date
    gets no second one.
    """
    day = doc.meta.date or date.today()
    name = slug(doc.meta.title)
    iso = day.isoformat()
    if iso in name:
        stem = name
    elif name.endswith(f"-{day.year}") or name == str(day.year):
        stem = f"{name}-{iso[5:]}"
    else:
        stem = f"{name}-{iso}"
    return default_exports_dir() / f"{stem}.pdf"


def export_minutes(doc: Workshop, path: str | Path, lang: str = "de", final: bool = False,
                   progress: Progress | None = None, content: Minutes | None = None) -> Path:
    """Write the minutes to ``path`` atomically and return the path.

    ``progress`` (if given) is called with fractions from 0.0 to 1.0.
    On any error the previous file at ``path`` stays as it was.
    """
    from workshop_app.atomic import atomic_write_bytes

    target = Path(path)
    data = minutes_pdf_bytes(doc, lang, final, progress=_scaled(progress, 0.0, 0.97), content=content)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    if progress is not None:
        progress(1.0)
    return target


def minutes_pdf_bytes(doc: Workshop, lang: str = "de", final: bool = False,
                      progress: Progress | None = None, now: datetime | None = None,
                      content: Minutes | None = None) -> bytes:
    """The minutes as PDF bytes (nothing is written); ``content``: the minutes already built (for
    several formats at once), else they are built here."""
    import io

    from reportlab.platypus.doctemplate import LayoutError

    from workshop_app.export.pdf_layout import make_doc, numbered_canvas_class, plain_text_of

    report = progress or (lambda _f: None)
    report(0.0)
    story, furniture, meta = build_story(doc, lang, final, progress=_scaled(report, 0.0, 0.4), now=now, content=content)
    from reportlab import rl_config

    buf = io.BytesIO()
    pdf = make_doc(buf, furniture, meta, progress=_scaled(report, 0.4, 1.0))
    a85, rl_config.useA85 = rl_config.useA85, 0  # binary streams: smaller, and no slow pure-Python ASCII85
    try:
        pdf.build(story, canvasmaker=numbered_canvas_class(furniture))
    except LayoutError as exc:  # nothing should get here; if it does, say which text in plain words
        from workshop_app.export.errors import layout_failed

        raise layout_failed(doc, plain_text_of(pdf.current)) from exc
    finally:
        rl_config.useA85 = a85
    report(1.0)
    return buf.getvalue()


def _scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    if progress is None:
        return None
    return lambda f: progress(start + (end - start) * min(1.0, max(0.0, f)))


def build_story(doc: Workshop, lang: str = "de", final: bool = False, progress: Progress | None = None,
                now: datetime | None = None, content: Minutes | None = None) -> tuple[list[Any], Any, dict[str, str]]:
    """The flowables, page furniture and PDF metadata of the minutes (for the benchmark, too)."""
    from workshop_app.export.minutes_content import build_minutes
    from workshop_app.export.pdf_render import furniture_and_meta, story

    minutes = content or build_minutes(doc, lang, final, now=now, progress=progress)
    return (story(minutes), *furniture_and_meta(minutes))
