"""Which conflicts the room may see and vote on: one rule for the wall, the phones and the headless mode.

``hidden`` means "not yet revealed to the audience". A conflict is left out
when it is hidden itself *or* names a hidden element, because its title
names them.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop_app.analysis.conflicts import ConflictView
from workshop_app.model import Workshop


def hidden_elements(doc: Workshop) -> set[str]:
    return {el.id for el in doc.elements if el.hidden}


def conflict_shown(view: ConflictView, hidden: set[str]) -> bool:
    """A conflict the room may see: not hidden, and naming no hidden element."""
    return not view.hidden and not any(e in hidden for e in view.element_ids)


def visible_conflicts(doc: Workshop, views: Iterable[ConflictView]) -> list[ConflictView]:
    hidden = hidden_elements(doc)
    return [v for v in views if conflict_shown(v, hidden)]


def votable(view: ConflictView) -> bool:
    """What the room votes on: its conflicts and the new findings; not what is gone or set aside."""
    return not view.resolved_by_change and not view.set_aside
