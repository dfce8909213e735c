"""How far each phase has come, in a few words for the phase navigator and the projector's header.

Qt-free apart from living in the UI package: counts read from the document.
The conflict counts are :func:`~workshop_app.analysis.count_conflicts`'s —
the one definition the wrap-up summary, the projector, ``tandem check`` and
the minutes use too — and come in from the caller (who has the cached
analysis); :func:`conflict_count_parts` words them the same way everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from workshop_app.i18n import _, ngettext
from workshop_app.model import ElementKind, GoalLevel, Origin, Phase, Side, Workshop

if TYPE_CHECKING:  # the analysis loads after the window's first paint, not with it
    from workshop_app.analysis import ConflictCounts
    from workshop_app.ui.widgets.categories import Category


class Counts(NamedTuple):
    """What the navigator's progress lines count among the elements, gathered in one pass."""

    shared: int
    department: int
    agreed_channels: int
    beliefs: int
    as_is: int
    #: the conflict counts, when the caller has the analysis at hand (None: not known yet)
    conflicts: ConflictCounts | None = None


def element_counts(doc: Workshop, conflicts: ConflictCounts | None = None) -> Counts:
    """One pass over the elements for all seven lines (the navigator refreshes them after every edit)."""
    shared = department = agreed_channels = beliefs = as_is = 0
    goal, channel, belief, strategy = ElementKind.GOAL, ElementKind.CHANNEL, ElementKind.BELIEF, ElementKind.STRATEGY
    agreed, joint, shared_level = Origin.AGREED, Side.JOINT, GoalLevel.SHARED
    for el in doc.elements:
        kind, origin = el.kind, el.origin
        if kind == goal and origin == agreed:
            if el.level == shared_level:
                shared += 1
            else:
                department += 1
        elif kind == channel and origin == agreed:
            agreed_channels += 1
        elif kind == belief:
            beliefs += 1
        if origin == Origin.AS_IS and el.side != joint and kind != belief and kind != strategy:
            as_is += 1
    return Counts(shared, department, agreed_channels, beliefs, as_is, conflicts)


def phase_progress(doc: Workshop, phase: Phase, counts: Counts | None = None) -> str:
    """e.g. '8 participants', '3 shared goals · 6 department goals', '5 conflicts · 2 settled'.

    Each phase's line is declared with the phase (:mod:`workshop_app.ui.phases`). Pass
    ``counts`` from :func:`element_counts` when asking for several phases of one document.
    """
    from workshop_app.ui.phases import PHASES

    return PHASES[Phase(phase)].progress(doc, counts or element_counts(doc))


def setup_progress(doc: Workshop, counts: Counts) -> str:
    return ngettext("{n} participant", "{n} participants", len(doc.participants)).format(n=len(doc.participants))


def inventory_progress(doc: Workshop, counts: Counts) -> str:
    return ngettext("{n} entry", "{n} entries", counts.as_is).format(n=counts.as_is)


def goals_progress(doc: Workshop, counts: Counts) -> str:
    return " · ".join([ngettext("{n} shared goal", "{n} shared goals", counts.shared).format(n=counts.shared),
                       ngettext("{n} department goal", "{n} department goals", counts.department)
                       .format(n=counts.department)])


def conflicts_progress(doc: Workshop, counts: Counts) -> str:
    """e.g. '2/4 settled · 1 parked · 9 new': the room's conflicts first, findings last (short: the navigator is narrow)."""
    if counts.conflicts is None:
        return ""
    return " · ".join(conflict_count_parts(counts.conflicts, short=True))


def conflict_count_parts(counts: ConflictCounts, short: bool = False) -> list[str]:
    """The counts in words: settled of the room's conflicts, parked (not settled), open, then the findings.

    ``short`` is the navigator's line; the long form says what each number
    means (the summary, the projector's "What we agreed").
    """
    room, settled, parked = counts.room, counts.settled, counts.parked
    if short:
        parts = [ngettext("{settled}/{n} settled", "{settled}/{n} settled", room).format(settled=settled, n=room)]
        if parked:
            parts.append(ngettext("{n} parked", "{n} parked", parked).format(n=parked))
        if counts.new_findings:
            parts.append(ngettext("{n} new", "{n} new", counts.new_findings).format(n=counts.new_findings))
        return parts
    parts = [ngettext("{settled} of {n} conflict settled", "{settled} of {n} conflicts settled", room).format(
        settled=settled, n=room)]
    if parked:
        parts.append(ngettext("{n} parked, not settled", "{n} parked, not settled", parked).format(n=parked))
    if counts.open:
        parts.append(ngettext("{n} still open", "{n} still open", counts.open).format(n=counts.open))
    if counts.new_findings:
        parts.append(ngettext("{n} further finding for follow-up", "{n} further findings for follow-up",
                              counts.new_findings).format(n=counts.new_findings))
    if counts.set_aside:
        parts.append(ngettext("{n} finding set aside", "{n} findings set aside", counts.set_aside).format(
            n=counts.set_aside))
    return parts


def communication_progress(doc: Workshop, counts: Counts) -> str:
    return ngettext("{n} agreed channel", "{n} agreed channels", counts.agreed_channels).format(
        n=counts.agreed_channels)


def culture_pilot_progress(doc: Workshop, counts: Counts) -> str:
    parts = [ngettext("{n} belief", "{n} beliefs", counts.beliefs).format(n=counts.beliefs)]
    if doc.pilot.hypothesis.strip():
        parts.append(_("pilot set"))
    return " · ".join(parts)


def wrapup_progress(doc: Workshop, counts: Counts) -> str:
    return " · ".join([ngettext("{n} decision", "{n} decisions", len(doc.decisions)).format(n=len(doc.decisions)),
                       ngettext("{n} action", "{n} actions", len(doc.actions)).format(n=len(doc.actions))])


def category_count(doc: Workshop, category: Category) -> tuple[int, str]:
    """The number on an inventory category's tab, and in words what it counts (the tab's tooltip).

    Horizons lists the goals, incentives and budgets of the other tabs once
    more, to set how far ahead each reaches; counting those rows made a goal
    added under Goals & KPIs raise an unexplained "Horizons 1". The tab counts
    the horizons and periods actually set, which is what belongs to it.
    """
    rows = [el for side in category.sides for el in category.rows(doc, side)]
    if category.key == "horizons":
        months = [column for column in category.columns if column.field == "horizon_months"]
        count = sum(1 for el in rows for column in months if getattr(el, column.field_of(el) or "", None))
        return count, ngettext("{n} horizon or period set", "{n} horizons or periods set", count).format(n=count)
    return len(rows), ngettext("{n} entry", "{n} entries", len(rows)).format(n=len(rows))
