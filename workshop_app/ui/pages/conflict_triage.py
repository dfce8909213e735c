"""Triage of findings: which of the detected conflicts the room works on, as undoable operations.

Why a module of its own: the Conflicts page, its tests and (later) the
Room link all triage the same way, and the rule "a finding needs its
``Conflict`` record before it can be triaged" must hold everywhere. Each
function returns one model operation for any number of conflict views: the
records still missing are made by :func:`~workshop_app.analysis.record_operation`
inside the same ``Batch``, so a triage of five findings is one step to undo.

The groups the page shows (:func:`group_of`) follow the one definition of
the counts (:func:`~workshop_app.analysis.count_conflicts`): the room's
conflicts are the declared ones and the findings taken up; new findings are
detected and not yet triaged; set-aside findings keep their reason. A new
finding that went away before anyone took it up is in no group (nobody's
business, and not counted).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from workshop_app.i18n import N_
from workshop_app.model import Batch, ConflictStatus, Operation, Triage, UpdateItem, Workshop

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView


class Group(StrEnum):
    """The three lists of the Conflicts page."""

    ROOM = "room"
    NEW = "new"
    SET_ASIDE = "set_aside"


#: Short: the three buttons share a narrow list's width (their hints say what each group holds).
GROUP_NAMES = {Group.ROOM: N_("Conflicts"), Group.NEW: N_("New findings"), Group.SET_ASIDE: N_("Set aside")}
#: Shorter still, for a list too narrow for the names above (the tab's tooltip then has the full name).
GROUP_SHORT_NAMES = {Group.ROOM: GROUP_NAMES[Group.ROOM], Group.NEW: N_("New"),
                     Group.SET_ASIDE: GROUP_NAMES[Group.SET_ASIDE]}
GROUP_HINTS = {
    Group.ROOM: N_("The room's conflicts, the ones it works on: declared ones and findings it took up."),
    Group.NEW: N_("Detected by the analysis, not yet discussed: take them up or set them aside."),
    Group.SET_ASIDE: N_("Findings the room set aside as not relevant here, with the reason."),
}


def group_of(view: ConflictView) -> Group | None:
    """The list a conflict view belongs to (None: a new finding that went away untouched)."""
    if view.set_aside:
        return Group.SET_ASIDE
    if view.taken_up:
        return Group.ROOM
    return None if view.resolved_by_change else Group.NEW


def _triage(doc: Workshop, views: Sequence[ConflictView], changes: dict[str, Any], lang: str) -> Operation | None:
    from workshop_app.analysis import record_operation

    if not views:
        return None
    missing = [v.id for v in views if v.record is None]
    operations: list[Operation] = [record_operation(doc, missing, lang)] if missing else []
    operations += [UpdateItem("conflicts", v.id, changes) for v in views]
    return Batch(operations)


def detected(views: Iterable[ConflictView]) -> list[ConflictView]:
    """The views triage applies to (a declared conflict is the room's by being declared)."""
    return [v for v in views if not v.declared]


def take_up(doc: Workshop, views: Iterable[ConflictView], lang: str) -> Operation | None:
    """The room takes the findings up: they become its conflicts, with the usual statuses."""
    chosen = [v for v in detected(views) if not v.taken_up]
    return _triage(doc, chosen, {"triage": Triage.TAKEN_UP, "set_aside_reason": ""}, lang)


def set_aside(doc: Workshop, views: Iterable[ConflictView], reason: str, lang: str) -> Operation | None:
    """Not relevant here: counted apart, listed with the reason in the minutes' appendix."""
    chosen = [v for v in detected(views) if not v.set_aside]
    return _triage(doc, chosen, {"triage": Triage.SET_ASIDE, "set_aside_reason": reason.strip()}, lang)


def back_to_findings(doc: Workshop, views: Iterable[ConflictView], lang: str) -> Operation | None:
    """A set-aside (or taken-up) finding is new again, offered to the room once more."""
    chosen = [v for v in detected(views) if not v.new_finding]
    return _triage(doc, chosen, {"triage": Triage.NEW, "set_aside_reason": ""}, lang)


def reopen(doc: Workshop, views: Iterable[ConflictView], lang: str) -> Operation | None:
    """A conflict that went away after a change is still a problem, says the room: open again, for good.

    A reopened finding is one of the room's conflicts, whatever its triage was.
    """
    chosen = [v for v in views if v.resolved_by_change and not (v.record and v.record.reopened)]
    if not chosen:
        return None
    changes: dict[str, Any] = {"reopened": True, "status": ConflictStatus.OPEN}
    operations: list[Operation] = [
        UpdateItem("conflicts", v.id, changes if v.declared else {**changes, "triage": Triage.TAKEN_UP})
        for v in chosen
    ]
    return Batch(operations)
