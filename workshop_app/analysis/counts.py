"""How many conflicts the room has, and how many it settled: one definition for every view and output.

*Settled* means resolved, balanced or accepted, or a taken-up finding that
vanished because of a change the room made. *Parked* is not settled and is
counted on its own. The room's conflicts are the declared ones and the
findings it took up; new findings (detected, not yet triaged) and set-aside
findings are counted apart, never as open or settled conflicts. The
navigator, the wrap-up summary, the projector, ``tandem check`` and the
minutes all call :func:`count_conflicts`, so they say the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from workshop_app.analysis.conflicts import ConflictView
from workshop_app.model import ConflictStatus


@dataclass(frozen=True)
class ConflictCounts:
    room: int = 0  # declared + taken up
    settled: int = 0
    parked: int = 0
    open: int = 0  # the room's conflicts neither settled nor parked
    new_findings: int = 0
    set_aside: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def is_settled(view: ConflictView) -> bool:
    """Settled for the counts: resolved, balanced, accepted, or gone after a change (unless the room reopened it)."""
    return view.settled or (view.resolved_by_change and view.status != ConflictStatus.OPEN)


def is_live(view: ConflictView) -> bool:
    """Still a conflict to show as one (the graph's red, the editor's tooltips): not settled, not set aside."""
    return not view.set_aside and not is_settled(view)


def count_conflicts(views: Iterable[ConflictView]) -> ConflictCounts:
    """The counts of :class:`ConflictCounts` over the views of :func:`~workshop_app.analysis.conflict_views`."""
    room = settled = parked = still_open = new = aside = 0
    for view in views:
        if view.set_aside:
            aside += 1
        elif not view.taken_up:
            if not view.resolved_by_change:  # a finding nobody took up that went away is nobody's business
                new += 1
        else:
            room += 1
            if is_settled(view):
                settled += 1
            elif view.status == ConflictStatus.PARKED:
                parked += 1
            else:
                still_open += 1
    return ConflictCounts(room, settled, parked, still_open, new, aside)
