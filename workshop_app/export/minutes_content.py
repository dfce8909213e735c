"""The minutes built once, as the content model of :mod:`workshop_app.export.content`.

Public API::

    build_minutes(doc, lang="de", final=False, now=None, progress=None) -> Minutes
    SECTIONS — the sections in print order, each a title and the builder that fills it

A section's builder is a function ``build(ctx: Context) -> list[Block]``
returning the section's blocks *without* its heading, or [] when the
workshop has nothing to say there (the section is then left out and the
numbers of the others close up). Builders are named as ``"module:function"``
and imported when the minutes are built, so importing this module stays cheap
and a module of its own can add a section with one line in :data:`SECTIONS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from workshop_app.export.content import (
    Block,
    Minutes,
    Orientation,
    Properties,
    Run,
    Section,
    Text,
    coloured,
    plain,
)
from workshop_app.i18n import N_
from workshop_app.model import Workshop
from workshop_app.vocabulary import SIDE_NAMES, Translator

Progress = Callable[[float], None]


@dataclass(frozen=True)
class SectionSpec:
    """A section of the minutes: its English source title (translated when printed), its builder
    (``"module:function"``), and the orientation of its pages."""

    title: str
    builder: str
    orientation: Orientation = "portrait"


#: The sections in print order: what was agreed first (one page), then what to do, the room's
#: conflicts and the alignment check's measured gaps behind them, the agreed details, the record
#: of the day and of where the sides stood, the pictures, and last the findings left for follow-up.
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(N_("Since the last workshop"), "workshop_app.export.minutes_follow_up:since_last"),
    SectionSpec(N_("What was agreed"), "workshop_app.export.minutes_agreed:agreed"),
    SectionSpec(N_("Decisions"), "workshop_app.export.minutes_records:decisions"),
    SectionSpec(N_("Adopted scenarios"), "workshop_app.export.minutes_scenarios:adopted_scenarios"),
    SectionSpec(N_("Action items"), "workshop_app.export.minutes_records:actions"),
    SectionSpec(N_("Conflicts taken up by the room"), "workshop_app.export.minutes_records:conflicts"),
    SectionSpec(N_("Alignment check"), "workshop_app.export.minutes_alignment:alignment"),
    SectionSpec(N_("Communication agreements"), "workshop_app.export.minutes_records:communication"),
    SectionSpec(N_("Culture patterns and pilot"), "workshop_app.export.minutes_records:culture_and_pilot"),
    SectionSpec(N_("Parking lot"), "workshop_app.export.minutes_records:parking_lot"),
    SectionSpec(N_("Participants"), "workshop_app.export.minutes_day:participants"),
    SectionSpec(N_("Agenda: planned and actual time"), "workshop_app.export.minutes_day:agenda"),
    SectionSpec(N_("Inventory"), "workshop_app.export.minutes_day:inventory"),
    SectionSpec(N_("Goal tree"), "workshop_app.export.minutes_goals:goal_tree"),
    SectionSpec(N_("Dependency graph"), "workshop_app.export.minutes_pictures:dependency_graph", "landscape"),
    SectionSpec(N_("Time horizons"), "workshop_app.export.minutes_pictures:horizon_chart"),
    SectionSpec(N_("Appendix: further findings for follow-up"), "workshop_app.export.minutes_findings:appendix"),
)

#: Characters of the title and organisation kept for the page header and the document's properties
#: (a header line holds about 120).
HEADER_CHARS = 300


@dataclass
class Context:
    """What every section builder needs: the document, the export's language, the conflict analysis."""

    doc: Workshop
    lang: Translator
    _names: dict[str, str] | None = field(default=None, repr=False)

    @cached_property
    def views(self) -> list[Any]:
        """The conflict analysis in the export's language (``ConflictView``s, computed once)."""
        from workshop_app.analysis.conflicts import conflict_views

        return conflict_views(self.doc, self.lang.code)

    @cached_property
    def counts(self) -> Any:
        """:func:`~workshop_app.analysis.counts.count_conflicts` of :attr:`views` (the one definition)."""
        from workshop_app.analysis.counts import count_conflicts

        return count_conflicts(self.views)

    def name(self, participant_id: str | None) -> str:
        if self._names is None:
            self._names = {p.id: p.name.strip() or p.id for p in self.doc.participants}
        return self._names.get(participant_id or "", "")

    def names(self, ids: Iterable[str]) -> str:
        return ", ".join(n for n in (self.name(i) for i in ids) if n)

    def side(self, side: object, coloured_: bool = True, bold: bool = False) -> Text:
        """The translated side name, in the side's colour (``coloured_=False``: plain)."""
        from workshop_app.export.pdf_styles import SIDE_COLOURS

        key = getattr(side, "value", side)
        return coloured(self.lang.label(SIDE_NAMES, key), SIDE_COLOURS.get(str(key)) if coloured_ else None, bold)


def builder(spec: str) -> Callable[[Context], list[Block]]:
    """The function named by ``"module:function"`` (looked up now, so a test may replace it)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def build_minutes(doc: Workshop, lang: str = "de", final: bool = False, now: datetime | None = None,
                  progress: Progress | None = None) -> Minutes:
    """Every section of the minutes of ``doc`` in ``lang`` (a draft unless ``final``)."""
    from workshop_app.export.minutes_day import title_block

    report = progress or (lambda _f: None)
    tr = Translator(lang)
    ctx = Context(doc, tr)
    report(0.0)
    ctx.views  # noqa: B018 - the analysis, once, before the sections that share it
    report(0.1)
    sections: list[Section] = []
    for n, spec in enumerate(SECTIONS, start=1):
        blocks = builder(spec.builder)(ctx)
        report(0.1 + 0.9 * n / len(SECTIONS))
        if blocks:
            number = len(sections) + 1
            sections.append(Section(spec.title, f"{number}\u2002{tr(spec.title)}", tuple(blocks), spec.orientation))
    return Minutes(tr.code, tuple(title_block(ctx)), tuple(sections), properties(doc, tr, final, now))


def properties(doc: Workshop, tr: Translator, final: bool, now: datetime | None = None) -> Properties:
    """The document's title, author, language, page header and footer, and the draft mark."""
    from workshop_app.export.safe_text import clean, shorten

    m = doc.meta
    # the header line and the document properties show only the beginning of a long title: cut it
    # once here, not on every page (measuring a megabyte per page made the minutes quadratic)
    title = shorten(clean(m.title[:HEADER_CHARS * 2]).strip(), HEADER_CHARS) or tr("Untitled workshop")
    organisation = shorten(clean(m.organisation[:HEADER_CHARS * 2]).strip(), HEADER_CHARS)
    stamp = (now or datetime.now()).replace(microsecond=0)
    draft = None if final else tr("DRAFT")
    generated = tr("Generated on {date} at {time} with Tandem").format(date=tr.date(stamp.date()),
                                                                         time=stamp.strftime("%H:%M"))
    return Properties(
        title=tr("Minutes") + ": " + title,
        author=shorten(clean(m.facilitator[:HEADER_CHARS * 2]).strip(), HEADER_CHARS),
        subject=tr("Minutes of the joint Marketing and Sales workshop"),
        keywords=", ".join(p for p in (organisation, tr("Minutes"), "Marketing", tr("Sales")) if p),
        lang="de-DE" if tr.code == "de" else "en",
        header_left=title,
        header_right=" · ".join(p for p in (tr("Minutes"), organisation, tr.date(m.date)) if p),
        # a draft says so in the footer too: a full-page picture covers the diagonal mark
        footer=" · ".join(p for p in (draft, generated) if p),
        page_of=tr("Page {page} of {pages}"),
        draft=draft,
    )


# ---- text helpers the builders share -------------------------------------------------------------

#: A figure with its unit up to this length is kept on one line ("8 Mio. €", "120 MQL/Quartal").
FIGURE_CHARS = 24


def _unbroken(text: str) -> str:
    """A short figure with no-break spaces, so "50" and "%" or "8 Mio." and "€" never part at a line end."""
    return text.replace(" ", "\u00a0") if len(text) <= FIGURE_CHARS else text


def _values(baseline: str, target: str, unit: str, lang: str) -> tuple[str, str]:
    from workshop_app.locale_format import with_unit

    b, t = (baseline or "").strip(), (target or "").strip()
    return (_unbroken(with_unit(b, unit, lang)) if b else "", _unbroken(with_unit(t, unit, lang)) if t else "")


def figure(ctx: Context, baseline: str, target: str, unit: str = "") -> Text:
    """``18 % → 35 %``; with one side only "baseline 18 %" / "target 35 %"; () if neither is set.

    A unit without a figure prints nothing (never "30 → %" or a lone "€/quarter"); a figure keeps
    its unit on the same line (no-break space, :func:`~workshop_app.locale_format.with_unit`).
    """
    b, t = _values(baseline, target, unit, ctx.lang.code)
    if b and t:
        return plain(f"{b}\u00a0→ {t}")
    if t:
        return plain(ctx.lang("target {value}").format(value=t))
    if b:
        return plain(ctx.lang("baseline {value}").format(value=b))
    return ()


def figure_field(ctx: Context, baseline: str, target: str, unit: str = "") -> tuple[str, Text]:
    """(label, value) of a figure: "Baseline → target", "Target" or "Baseline"; ("", ()) if unset."""
    _ = ctx.lang
    b, t = _values(baseline, target, unit, _.code)
    if b and t:
        return _("Baseline → target"), plain(f"{b}\u00a0→ {t}")
    if t:
        return _("Target"), plain(t)
    if b:
        return _("Baseline"), plain(b)
    return "", ()


def facts_table(rows: Iterable[tuple[str, Text]], label_width: float = 110, dense: bool = False,
                style: str = "facts") -> Any:
    """A two-column label/value table; rows with an empty value are left out; None if none is left."""
    from workshop_app.export.content import Column, Paragraph, Table, Width

    bold, regular = ("dense_bold", "dense") if dense else ("cell_bold", "cell")
    data = tuple((((Paragraph(plain(label), bold),), (Paragraph(value, regular),))) for label, value in rows if value)
    if not data:
        return None
    columns = (Column((), "label", Width(points=label_width)), Column((), "text", Width(1.0, -label_width)))
    return Table(columns, data, header=False, zebra=False, style=style)


def status_run(ctx: Context, names: Any, value: object) -> Text:
    """A status in its colour, bold (the same colours as on the Conflicts and Wrap-up pages)."""
    from workshop_app.vocabulary import ACTION_STATUS_COLOURS, CONFLICT_STATUS_COLOURS

    colours: dict[Any, str | None] = {**CONFLICT_STATUS_COLOURS, **ACTION_STATUS_COLOURS}
    return (Run(ctx.lang.label(names, value), bold=True, colour=colours.get(str(value)) or "#1F2933"),)
