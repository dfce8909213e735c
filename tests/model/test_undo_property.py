"""The core invariant of the undo stack, for any sequence of valid operations.

Applied one after the other, then reverted in reverse order, the operations
give back the identical document; applied again (what Redo does), they give
the same end state. Every state on the way keeps the document's integrity,
removal cascades included.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import healthy_workshop, link
from workshop_app.model import (
    AddItem,
    Batch,
    Conflict,
    Goal,
    Incentive,
    ModelError,
    MoveItem,
    Operation,
    Participant,
    RemoveItem,
    Side,
    UpdateItem,
    Workshop,
    integrity_problems,
)

SIDES = st.sampled_from([Side.MARKETING, Side.SALES, Side.JOINT])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
LINK_KINDS = st.sampled_from(["contributes_to", "rewards", "funds", "depends_on", "conflicts_with"])


def _ids(doc: Workshop, collection: str) -> list[str]:
    return [item.id for item in getattr(doc, collection)]


@st.composite
def operation(draw, doc: Workshop, n: int) -> Operation:
    """One operation that may or may not be valid on ``doc`` (invalid ones are refused and skipped)."""
    elements, people = _ids(doc, "elements"), _ids(doc, "participants")
    choice = draw(st.sampled_from(["goal", "incentive", "person", "link", "rename", "remove", "move",
                                   "vote", "batch"]))
    if choice == "goal":
        owners = draw(st.lists(st.sampled_from(people), unique=True, max_size=2)) if people else []
        return AddItem("elements", Goal(id=f"g{n}", title=draw(TEXT), side=draw(SIDES), owners=owners,
                                        horizon_months=draw(st.none() | st.integers(0, 60))))
    if choice == "incentive":
        return AddItem("elements", Incentive(id=f"i{n}", title=draw(TEXT), side=draw(SIDES)))
    if choice == "person":
        return AddItem("participants", Participant(id=f"p{n}", name=draw(TEXT), side=draw(SIDES)))
    if choice == "link" and len(elements) >= 2:
        source, target = draw(st.sampled_from(elements)), draw(st.sampled_from(elements))
        return AddItem("links", link(f"l{n}", draw(LINK_KINDS), source, target, draw(TEXT)))
    if choice == "rename" and elements:
        return UpdateItem("elements", draw(st.sampled_from(elements)), {"title": draw(TEXT)})
    if choice == "remove":
        collection = draw(st.sampled_from(["elements", "participants", "links"]))
        ids = _ids(doc, collection)
        if ids:
            return RemoveItem(collection, draw(st.sampled_from(ids)))
    if choice == "move" and len(elements) >= 2:
        return MoveItem("elements", draw(st.sampled_from(elements)), draw(st.integers(0, len(elements) - 1)))
    if choice == "vote" and elements and people:
        return AddItem("conflicts", Conflict(id=f"c{n}", rule="declared", element_ids=[draw(st.sampled_from(elements))],
                                             votes={draw(st.sampled_from(people)): draw(st.integers(0, 5))}))
    if choice == "batch" and elements:
        target = draw(st.sampled_from(elements))
        return Batch([UpdateItem("elements", target, {"title": draw(TEXT)}),
                      AddItem("elements", Goal(id=f"bg{n}", title=draw(TEXT)))])
    return UpdateItem("meta", None, {"title": draw(TEXT)})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_in_reverse_gives_back_the_document_and_redo_the_end_state(data):
    doc = healthy_workshop()
    start = doc.model_dump()
    applied: list[Operation] = []
    for n in range(data.draw(st.integers(1, 25))):
        op = data.draw(operation(doc, n))
        try:
            op.apply(doc)
        except ModelError:
            continue  # refused: the document must be unchanged, checked below by the round trip
        applied.append(op)
        assert integrity_problems(doc) == []
    end = doc.model_dump()
    for op in reversed(applied):
        op.revert(doc)
        assert integrity_problems(doc) == []
    assert doc.model_dump() == start
    for op in applied:
        op.apply(doc)
    assert doc.model_dump() == end
