"""How far each phase has come, in a few words for the phase navigator.

Qt-free apart from living in the UI package: counts read from the document.
"""

from __future__ import annotations

from typing import NamedTuple

from workshop_app.i18n import _, ngettext
from workshop_app.model import ConflictStatus, ElementKind, GoalLevel, LinkKind, Origin, Phase, Side, Workshop


class Counts(NamedTuple):
    """What the navigator's progress lines count among the elements, gathered in one pass."""

    shared: int
    department: int
    agreed_channels: int
    beliefs: int
    as_is: int


def element_counts(doc: Workshop) -> Counts:
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
    return Counts(shared, department, agreed_channels, beliefs, as_is)


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
    # Detected conflicts need the analysis, too slow to run on every edit for this line;
    # so it counts what the room declared and what it settled, which it can trust.
    declared = sum(1 for link in doc.links if link.kind == LinkKind.CONFLICTS_WITH)
    settled = sum(1 for c in doc.conflicts if c.status != ConflictStatus.OPEN)
    return " · ".join([ngettext("{n} declared", "{n} declared", declared).format(n=declared),
                       ngettext("{n} settled", "{n} settled", settled).format(n=settled)])


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
