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
from typing import Any

from workshop_app.i18n import N_
from workshop_app.model import Workshop
from workshop_app.paths import default_exports_dir

Progress = Callable[[float], None]

#: Section headings in print order (English source strings; translated when printed): what was
#: agreed first (one page), then what to do, the room's conflicts and the alignment check's measured
#: gaps behind them, the agreed details, the record of the day and of where the sides stood, the
#: pictures, and last the findings left for follow-up.
SECTION_TITLES = (
    N_("What was agreed"),
    N_("Decisions"),
    N_("Action items"),
    N_("Conflicts taken up by the room"),
    N_("Alignment check"),
    N_("Communication agreements"),
    N_("Culture patterns and pilot"),
    N_("Parking lot"),
    N_("Participants"),
    N_("Agenda: planned and actual time"),
    N_("Inventory"),
    N_("Goal tree"),
    N_("Dependency graph"),
    N_("Time horizons"),
    N_("Appendix: further findings for follow-up"),
)

#: Characters of the title and organisation kept for the page header and the PDF's properties
#: (a header line holds about 120).
HEADER_CHARS = 300

#: Sections printed on a landscape page of their own (wide pictures).
LANDSCAPE_SECTIONS = frozenset({"Dependency graph"})

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
                   progress: Progress | None = None) -> Path:
    """Write the minutes to ``path`` atomically and return the path.

    ``progress`` (if given) is called with fractions from 0.0 to 1.0.
    On any error the previous file at ``path`` stays as it was.
    """
    from workshop_app.atomic import atomic_write_bytes

    target = Path(path)
    data = minutes_pdf_bytes(doc, lang, final, progress=_scaled(progress, 0.0, 0.97))
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    if progress is not None:
        progress(1.0)
    return target


def minutes_pdf_bytes(doc: Workshop, lang: str = "de", final: bool = False,
                      progress: Progress | None = None, now: datetime | None = None) -> bytes:
    """The minutes as PDF bytes (nothing is written)."""
    import io

    from reportlab.platypus.doctemplate import LayoutError

    from workshop_app.export.pdf_layout import make_doc, numbered_canvas_class, plain_text_of

    report = progress or (lambda _f: None)
    report(0.0)
    story, furniture, meta = build_story(doc, lang, final, progress=_scaled(report, 0.0, 0.4), now=now)
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
                now: datetime | None = None) -> tuple[list[Any], Any, dict[str, str]]:
    """The flowables, page furniture and PDF metadata of the minutes (for the benchmark, too)."""
    from reportlab.lib.pagesizes import A4

    from workshop_app.analysis.conflicts import conflict_views
    from workshop_app.analysis.counts import count_conflicts
    from workshop_app.export import pdf_agreements as late
    from workshop_app.export import pdf_sections as early
    from workshop_app.export.pdf_agreed import agreed
    from workshop_app.export.pdf_alignment import alignment
    from workshop_app.export.pdf_blocks import Ctx, heading
    from workshop_app.export.pdf_findings import appendix
    from workshop_app.export.pdf_goals import goal_tree
    from workshop_app.export.pdf_layout import MARGIN_X, PageFurniture
    from workshop_app.export.pdf_pictures import dependency_graph, horizon_chart
    from workshop_app.export.safe_text import clean, shorten
    from workshop_app.vocabulary import Translator

    report = progress or (lambda _f: None)
    tr = Translator(lang)
    ctx = Ctx(doc, tr, A4[0] - 2 * MARGIN_X)
    conflicts = conflict_views(doc, tr.code)
    report(0.1)
    counts = count_conflicts(conflicts)
    builders: dict[str, Callable[[], list[Any]]] = {
        "What was agreed": lambda: agreed(ctx, counts),
        "Decisions": lambda: late.decisions(ctx),
        "Action items": lambda: late.actions(ctx),
        "Conflicts taken up by the room": lambda: late.conflicts(ctx, conflicts),
        "Alignment check": lambda: alignment(ctx),
        "Communication agreements": lambda: late.communication(ctx),
        "Culture patterns and pilot": lambda: late.culture_and_pilot(ctx),
        "Parking lot": lambda: late.parking_lot(ctx),
        "Participants": lambda: early.participants(ctx),
        "Agenda: planned and actual time": lambda: early.agenda(ctx),
        "Inventory": lambda: early.inventory(ctx),
        "Goal tree": lambda: goal_tree(ctx),
        "Dependency graph": lambda: dependency_graph(ctx),
        "Time horizons": lambda: horizon_chart(ctx),
        "Appendix: further findings for follow-up": lambda: appendix(ctx, conflicts),
    }
    story = early.title_block(ctx)
    number = 0
    orientation = "portrait"
    for n, title in enumerate(SECTION_TITLES, start=1):
        body = builders[title]()
        report(0.1 + 0.9 * n / len(SECTION_TITLES))
        if not body:
            continue
        number += 1
        wanted = "landscape" if title in LANDSCAPE_SECTIONS else "portrait"
        head = heading(f"{number}\u2002{tr(title)}", ctx.st.h1, outline_level=0)
        story += _page_turn(orientation, wanted, head, body)
        orientation = wanted
        story += [head, *body]

    m = doc.meta
    # the header line and the document properties show only the beginning of a long title: cut it
    # once here, not on every page (measuring a megabyte per page made the minutes quadratic)
    title = shorten(clean(m.title[:HEADER_CHARS * 2]).strip(), HEADER_CHARS) or tr("Untitled workshop")
    organisation = shorten(clean(m.organisation[:HEADER_CHARS * 2]).strip(), HEADER_CHARS)
    stamp = (now or datetime.now()).replace(microsecond=0)
    furniture = PageFurniture(
        header_left=title,
        header_right=" · ".join(p for p in (tr("Minutes"), organisation, tr.date(m.date)) if p),
        # a draft says so in the footer too: a full-page picture covers the diagonal mark
        footer_left=" · ".join(p for p in (None if final else tr("DRAFT"), tr("Generated on {date} at {time} with Tandem")
                                           .format(date=tr.date(stamp.date()), time=stamp.strftime("%H:%M"))) if p),
        page_of=tr("Page {page} of {pages}"),
        watermark=None if final else tr("DRAFT"),
    )
    meta = {
        "title": tr("Minutes") + ": " + title,
        "author": shorten(clean(m.facilitator[:HEADER_CHARS * 2]).strip(), HEADER_CHARS),
        "subject": tr("Minutes of the joint Marketing and Sales workshop"),
        "keywords": ", ".join(p for p in (organisation, tr("Minutes"), "Marketing", tr("Sales")) if p),
        "lang": "de-DE" if tr.code == "de" else "en",
    }
    return story, furniture, meta


def _page_turn(current: str, wanted: str, head: Any, body: list[Any]) -> list[Any]:
    """Before a section: change the page orientation, or keep the heading with the start of its body.

    The guard needs room for the heading and the first block of the body (a sub-heading and
    its first block, a table's heading row and first row), so no heading ends a page.
    """
    from reportlab.platypus import NextPageTemplate, PageBreak

    from workshop_app.export.pdf_flow import keep_with_first

    if current != wanted:
        return [NextPageTemplate(wanted), PageBreak()]
    return keep_with_first([head], body[0])[:1]  # the guard only: the heading follows it in the story
