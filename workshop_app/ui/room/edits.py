"""What arrives from the room, as model operations the controller pushes as single undoable commands.

Why here and not in the widgets: the screening queue, the voting panel and
the tests all need the same edits, and each must be exactly ONE undo step
(accepting a card, merging it, closing a round). Nothing here touches the
Room link itself; the caller tells the server that a card was handled.
A card carries no device id, and nothing written here does either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from workshop_app.i18n import _
from workshop_app.model import (
    AddItem,
    AnyElement,
    Batch,
    Belief,
    ElementKind,
    Operation,
    ParkingItem,
    Side,
    UpdateItem,
    Workshop,
    new_id,
)

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView

#: What a participant may send as a card, and what it becomes.
CARD_KINDS: tuple[ElementKind, ...] = (ElementKind.GOAL, ElementKind.INCENTIVE, ElementKind.CHANNEL,
                                       ElementKind.INSIGHT, ElementKind.BELIEF)


def new_element(kind: ElementKind, side: Side, title: str, detail: str, hidden: bool):
    """An element of ``kind`` for ``side`` as the inventory would make it, the card's detail as its notes."""
    element: AnyElement
    if kind == ElementKind.BELIEF:
        element = Belief(id=new_id("belief"), title=title, side=side)
    else:
        from workshop_app.ui.widgets.categories import CATEGORIES

        category = next(c for c in CATEGORIES if c.kinds == (kind,))
        element = category.make(title, side)  # type: ignore[assignment]  # the category makes its kind
    element.notes = detail
    element.hidden = hidden
    return element


def accept_operation(kind: ElementKind | None, side: Side, title: str, detail: str, hidden: bool) -> AddItem:
    """The card as a new element of its side (or a parking-lot item when it has no kind)."""
    title, detail = title.strip(), detail.strip()
    if kind is None:
        text = f"{title}\n{detail}" if detail else title
        return AddItem("parking_lot", ParkingItem(id=new_id("parking"), text=text),
                       label=_("Accept card “{title}” into the parking lot").format(title=title))
    return AddItem("elements", new_element(ElementKind(kind), side, title, detail, hidden),
                   label=_("Accept card “{title}”").format(title=title))


def merge_text(existing: str, title: str, detail: str) -> str:
    """``existing`` with the card's words appended on a line of their own."""
    added = " — ".join(part for part in (title.strip(), detail.strip()) if part)
    return f"{existing.rstrip()}\n{added}" if existing.strip() else added


def merge_operation(doc: Workshop, target_id: str, title: str, detail: str) -> UpdateItem:
    """Append the card to an element's notes (or a parking-lot item's text): one edit of one field."""
    element = doc.element(target_id)
    if element is not None:
        return UpdateItem("elements", target_id, {"notes": merge_text(element.notes, title, detail)},
                          label=_("Merge card into “{title}”").format(title=element.title))
    item = next(p for p in doc.parking_lot if p.id == target_id)
    return UpdateItem("parking_lot", target_id, {"text": merge_text(item.text, title, detail)},
                      label=_("Merge card into the parking lot"))


def merge_targets(doc: Workshop, kind: ElementKind | None) -> list[tuple[str, str]]:
    """(id, label) of what a card of ``kind`` may be merged into: elements of that kind, or parking-lot items."""
    if kind is None:
        return [(p.id, p.text.splitlines()[0] if p.text.strip() else _("(no text)")) for p in doc.parking_lot]
    from workshop_app.ui.widgets.labels import side_name

    untitled = _("(untitled)")
    return [(el.id, (el.title or untitled) + " · " + side_name(el.side)) for el in doc.elements if el.kind == kind]


def round_operation(doc: Workshop, views: list[ConflictView], tallies: Mapping[str, int], lang: str) -> Operation | None:
    """The dots of a closed round added to each conflict's typed-in tally, as ONE operation.

    Added, not replaced: the tally may already hold dots counted in the room
    with stickers. Conflicts the document does not know any more are left
    out; a detected conflict gets its record in the same operation.
    """
    by_id = {v.id: v for v in views}
    counted = {cid: dots for cid, dots in tallies.items() if dots > 0 and cid in by_id}
    if not counted:
        return None
    missing = [cid for cid in counted if by_id[cid].record is None]
    ops: list[Operation] = []
    if missing:
        from workshop_app.analysis import record_operation

        ops.append(record_operation(doc, missing, lang))
    for cid, dots in counted.items():
        record = by_id[cid].record
        ops.append(UpdateItem("conflicts", cid, {"tally": (record.tally if record else 0) + dots}))
    total = sum(counted.values())
    return Batch(ops, label=_("Record the room's {n} dots").format(n=total))


def alignment_operation(doc: Workshop, round_id: str, side: Side, scores: Mapping[str, int]) -> AddItem | None:
    """One anonymous response with the phone's scores (statements the workshop has, 1–5 only); None if empty.

    Made by the alignment check's own edit (``new_response``: no participant), with the scores filled in, so
    the phone's answers are one undo step, as a sheet typed in at once would be.
    """
    from workshop_app.ui.alignment.edits import new_response

    if not any(r.id == round_id for r in doc.alignment.rounds) or side not in (Side.MARKETING, Side.SALES):
        return None
    known = {st.id for st in doc.alignment.statements}
    kept = {sid: int(v) for sid, v in scores.items() if sid in known and isinstance(v, int) and 1 <= v <= 5}
    if not kept:
        return None
    add = new_response(round_id, side)
    add.item.scores = kept
    add.label = _("Alignment answers from a phone")
    return add
