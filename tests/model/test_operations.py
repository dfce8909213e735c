"""Model operations keep the document consistent and revert exactly."""

import pytest

from workshop_app.model import (
    ActionItem,
    AddItem,
    Batch,
    Conflict,
    Goal,
    Incentive,
    Link,
    ModelError,
    MoveItem,
    Participant,
    RemoveItem,
    Strategy,
    UpdateItem,
    Workshop,
    integrity_problems,
)


def dump(doc: Workshop) -> dict:
    return doc.model_dump(mode="json")


@pytest.fixture
def doc() -> Workshop:
    d = Workshop()
    for op in [
        AddItem("participants", Participant(id="p-anna", name="Anna", side="marketing")),
        AddItem("participants", Participant(id="p-ben", name="Ben", side="sales")),
        AddItem("elements", Strategy(id="s-1", title="Grow in services")),
        AddItem("elements", Goal(id="g-1", title="Brand awareness", level="shared", owners=["p-anna", "p-ben"])),
        AddItem("elements", Goal(id="g-2", title="Quarterly revenue", side="sales")),
        AddItem("elements", Incentive(id="i-1", title="Lead commission", side="sales", period_months=3)),
        AddItem("links", Link(id="l-1", kind="contributes_to", source="g-1", target="s-1")),
        AddItem("links", Link(id="l-2", kind="rewards", source="i-1", target="g-2")),
        AddItem("links", Link(id="l-3", kind="conflicts_with", source="g-1", target="g-2", reason="topic A vs B")),
        AddItem("conflicts", Conflict(id="c-1", link_id="l-3", element_ids=["g-1", "g-2"], votes={"p-anna": 2})),
        AddItem("actions", ActionItem(id="a-1", what="Align topics", owner="p-ben", element_id="g-2")),
    ]:
        op.apply(d)
    assert integrity_problems(d) == []
    return d


def test_remove_element_removes_its_links_and_clears_references(doc):
    before = dump(doc)
    op = RemoveItem("elements", "g-2")
    op.apply(doc)
    assert doc.element("g-2") is None
    assert [link.id for link in doc.links] == ["l-1"]  # rewards and conflicts_with went with it
    assert doc.conflicts == []  # the declared conflict belonged to its link
    assert doc.actions[0].element_id is None
    assert integrity_problems(doc) == []
    op.revert(doc)
    assert dump(doc) == before


def test_remove_participant_clears_owners_votes_and_action_owner(doc):
    before = dump(doc)
    op = RemoveItem("participants", "p-anna")
    op.apply(doc)
    assert doc.element("g-1").owners == ["p-ben"]
    assert doc.conflicts[0].votes == {}
    RemoveItem("participants", "p-ben").apply(doc)
    assert doc.actions[0].owner is None
    assert integrity_problems(doc) == []
    op2_doc = dump(doc)
    assert op2_doc != before


def test_duplicate_id_is_refused_and_nothing_changes(doc):
    before = dump(doc)
    with pytest.raises(ModelError, match="already in use"):
        AddItem("elements", Goal(id="p-anna")).apply(doc)  # ids are unique across collections
    assert dump(doc) == before


def test_dangling_reference_is_refused(doc):
    before = dump(doc)
    with pytest.raises(ModelError, match="does not exist"):
        AddItem("links", Link(id="l-9", kind="rewards", source="i-1", target="nope")).apply(doc)
    with pytest.raises(ModelError, match="does not exist"):
        UpdateItem("actions", "a-1", {"owner": "ghost"}).apply(doc)
    assert dump(doc) == before


def test_link_between_wrong_kinds_is_refused(doc):
    with pytest.raises(ModelError, match="cannot start at a goal"):
        AddItem("links", Link(id="l-9", kind="rewards", source="g-1", target="g-2")).apply(doc)
    with pytest.raises(ModelError, match="two different elements"):
        AddItem("links", Link(id="l-9", kind="depends_on", source="g-1", target="g-1")).apply(doc)


def test_update_validates_and_reverts(doc):
    op = UpdateItem("elements", "g-1", {"horizon_months": 24, "title": "Brand"})
    op.apply(doc)
    assert doc.element("g-1").horizon_months == 24
    op.revert(doc)
    assert doc.element("g-1").horizon_months is None
    assert doc.element("g-1").title == "Brand awareness"
    with pytest.raises(ModelError, match="whole number of months from 0 to 1200"):
        UpdateItem("elements", "g-1", {"horizon_months": -3, "title": "changed"}).apply(doc)
    assert doc.element("g-1").title == "Brand awareness"  # the valid half was rolled back too


def test_update_of_meta_and_pilot(doc):
    UpdateItem("meta", None, {"title": "Tandem day"}).apply(doc)
    assert doc.meta.title == "Tandem day"
    UpdateItem("pilot", None, {"team": ["p-anna"]}).apply(doc)
    with pytest.raises(ModelError):
        UpdateItem("pilot", None, {"team": ["ghost"]}).apply(doc)
    assert doc.pilot.team == ["p-anna"]


def test_id_and_kind_cannot_change():
    with pytest.raises(ModelError):
        UpdateItem("elements", "g-1", {"id": "g-9"})


def test_move_and_revert(doc):
    op = MoveItem("elements", "i-1", 0)
    op.apply(doc)
    assert doc.elements[0].id == "i-1"
    op.revert(doc)
    assert [e.id for e in doc.elements] == ["s-1", "g-1", "g-2", "i-1"]
    with pytest.raises(ModelError):
        MoveItem("elements", "i-1", 99).apply(doc)


def test_batch_is_all_or_nothing(doc):
    before = dump(doc)
    batch = Batch([
        AddItem("elements", Goal(id="g-3", title="New")),
        AddItem("links", Link(id="l-4", kind="contributes_to", source="g-3", target="s-1")),
        AddItem("links", Link(id="l-5", kind="contributes_to", source="g-3", target="missing")),
    ])
    with pytest.raises(ModelError):
        batch.apply(doc)
    assert dump(doc) == before
    ok = Batch([AddItem("elements", Goal(id="g-3")), AddItem("links", Link(id="l-4", kind="contributes_to", source="g-3", target="s-1"))])
    ok.apply(doc)
    ok.revert(doc)
    assert dump(doc) == before


def test_remove_unknown_id_is_refused(doc):
    with pytest.raises(ModelError):
        RemoveItem("elements", "nope").apply(doc)


def test_update_agenda_reverts_and_refuses_cleanly():
    from workshop_app.model import Phase, UpdateAgenda

    doc = Workshop()
    doc.agenda = [row for row in doc.agenda if row.phase != Phase.GOALS]  # a file that lacks a row
    before = dump(doc)
    with pytest.raises(ModelError, match="whole number of minutes from 0 to 10080"):
        UpdateAgenda(Phase.SETUP, {"done": True, "actual_minutes": -5}).apply(doc)
    assert dump(doc) == before
    op = UpdateAgenda(Phase.GOALS, {"actual_minutes": 40})
    op.apply(doc)
    assert [row.phase for row in doc.agenda] == list(Phase)  # added in phase order
    assert doc.agenda_item(Phase.GOALS).actual_minutes == 40
    op.revert(doc)
    assert dump(doc) == before
