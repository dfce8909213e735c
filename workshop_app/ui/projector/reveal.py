"""Hiding entries from the room and revealing them, one by one or all at once.

The facilitator prepares entries (interview results, detected conflicts)
before the session, marks them hidden, and reveals them when the room is
ready. ``hidden`` lives on elements and conflict records, so marking and
revealing are document edits: one undoable command each, and "reveal all"
is one ``Batch`` — one step to undo. A detected conflict gets its record in
the same command (``record_operation``), as with votes.

Revealing a conflict also reveals hidden elements it names: the audience
never shows a conflict about a hidden element (see ``audience_content``), so
revealing only the conflict would show nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.model import (
    Batch,
    ElementKind,
    GoalLevel,
    Operation,
    Origin,
    Phase,
    UpdateItem,
    Workshop,
)
from workshop_app.ui.projector.audience_content import SIDES, Stage

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView


@dataclass(frozen=True)
class Target:
    """An entry that can be hidden: an element or a conflict (by its view id)."""

    collection: str  # "elements" or "conflicts"
    id: str
    title: str
    hidden: bool  # the room cannot see it now
    own_flag: bool  # its own ``hidden`` flag (a conflict may be unseen because of its elements)
    elements: tuple[str, ...] = ()


def element_target(el) -> Target:
    return Target("elements", el.id, el.title, el.hidden, el.hidden)


def conflict_target(doc: Workshop, view: ConflictView) -> Target:
    hidden_elements = tuple(e for e in view.element_ids if (el := doc.element(e)) is not None and el.hidden)
    return Target("conflicts", view.id, view.title, view.hidden or bool(hidden_elements), view.hidden, hidden_elements)


def phase_targets(doc: Workshop, stage: Stage, views: list[ConflictView] | None = None) -> list[Target]:
    """The entries the room sees in this phase (hidden or not), in reading order."""
    phase = stage.phase
    elements = doc.elements
    if phase == Phase.INVENTORY:
        from workshop_app.ui.widgets.categories import CATEGORIES

        category = next((c for c in CATEGORIES if c.key == stage.category), CATEGORIES[0])
        return [element_target(el) for side in SIDES for el in category.rows(doc, side)]
    if phase == Phase.GOALS:
        return [element_target(doc.element(i)) for i in goal_order(doc)]
    if phase == Phase.CONFLICTS:  # the room's conflicts, then the new findings (as the wall lists them)
        shown = [v for v in views or [] if v.taken_up] + [v for v in views or [] if v.new_finding
                                                          and not v.resolved_by_change]
        return [conflict_target(doc, v) for v in shown]
    if phase == Phase.COMMUNICATION:
        channels = [el for el in elements if el.kind == ElementKind.CHANNEL]
        agreements = [el for el in elements if el.kind == ElementKind.AGREEMENT]
        return [element_target(el) for origin in (Origin.AS_IS, Origin.AGREED) for el in channels
                if el.origin == origin] + [element_target(el) for el in agreements]
    if phase == Phase.CULTURE_PILOT:
        return [element_target(el) for side in SIDES for el in elements if el.kind == ElementKind.BELIEF and el.side == side]
    if phase == Phase.WRAPUP:
        goals = [el for el in elements if el.kind == ElementKind.GOAL and el.level == GoalLevel.SHARED
                 and el.origin == Origin.AGREED]
        from workshop_app.analysis import is_settled

        pots = [el for el in elements if el.kind == ElementKind.BUDGET and el.origin == Origin.AGREED]
        agreements = [el for el in elements if el.kind == ElementKind.AGREEMENT]
        channels = [el for el in elements if el.kind == ElementKind.CHANNEL and el.origin == Origin.AGREED]
        settled = [v for v in views or [] if v.taken_up and is_settled(v)]
        return [element_target(el) for el in goals + pots + agreements + channels] + [
            conflict_target(doc, v) for v in settled]
    return []


def goal_order(doc: Workshop) -> list[str]:
    """Goal and strategy ids in the order of the breakdown tree, then the unlinked ones."""
    from workshop_app.analysis.breakdown import breakdown

    roots, children, unlinked = breakdown(doc)
    order: list[str] = []
    seen: set[str] = set()

    def walk(element_id: str) -> None:
        if element_id in seen or doc.element(element_id) is None:
            return
        seen.add(element_id)
        order.append(element_id)
        for child in children.get(element_id, []):
            walk(child)

    for root in roots + unlinked:
        walk(root)
    return order


def target_for(doc: Workshop, item_id: str | None, views: list[ConflictView] | None = None) -> Target | None:
    """The selected entry as something to hide, or None (participants, decisions … cannot be hidden)."""
    if not item_id:
        return None
    el = doc.element(item_id)
    if el is not None:
        return element_target(el)
    view = next((v for v in views or [] if v.id == item_id), None)
    return conflict_target(doc, view) if view is not None else None


def next_to_reveal(doc: Workshop, stage: Stage, views: list[ConflictView] | None = None) -> Target | None:
    """The selected entry if the room cannot see it, else the first such entry of the phase."""
    targets = phase_targets(doc, stage, views)
    selected = next((t for t in targets if t.id == stage.selected), None)
    if selected is not None and selected.hidden:
        return selected
    return next((t for t in targets if t.hidden), None)


def hide_operation(doc: Workshop, targets: list[Target], hidden: bool, lang: str) -> Operation | None:
    """One operation that hides (or reveals) every target; None when nothing would change."""
    from workshop_app.analysis import record_operation

    records = {c.id for c in doc.conflicts}
    to_record = [t.id for t in targets if t.collection == "conflicts" and t.id not in records and hidden]
    ops: list[Operation] = [record_operation(doc, to_record, lang)] if to_record else []
    done: set[tuple[str, str]] = set()

    def update(collection: str, item_id: str) -> None:
        if (collection, item_id) not in done:
            done.add((collection, item_id))
            ops.append(UpdateItem(collection, item_id, {"hidden": hidden}))

    for target in targets:
        if target.collection == "elements":
            if target.own_flag != hidden:
                update("elements", target.id)
        elif hidden:
            if not target.own_flag:
                update("conflicts", target.id)
        else:
            if target.own_flag:
                update("conflicts", target.id)
            for element_id in target.elements:
                update("elements", element_id)
    if not any(isinstance(op, UpdateItem) for op in ops):
        return None
    return ops[0] if len(ops) == 1 else Batch(ops)
