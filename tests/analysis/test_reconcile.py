"""Findings and the room's Conflict records meet by id: votes and status survive re-analysis."""

import json

from tests.builders import link
from workshop_app.analysis import conflict_views, find_conflicts, record_operation
from workshop_app.model import (
    Batch,
    Budget,
    Conflict,
    ConflictStatus,
    Goal,
    RemoveItem,
    Side,
    UpdateItem,
    Workshop,
)


def with_silo(doc: Workshop) -> Workshop:
    doc.elements.append(Goal(id="fair", title="Trade-fair contacts", side=Side.SALES))
    return doc


def view(doc: Workshop, view_id: str):
    return next(v for v in conflict_views(doc) if v.id == view_id)


def test_a_finding_without_a_record_is_open_with_no_votes(doc):
    v = view(with_silo(doc), "rule-silo-goal:fair")
    assert v.status == ConflictStatus.OPEN and v.votes == 0 and v.record is None
    assert not v.resolved_by_change and v.lever


def test_voting_makes_the_record_in_the_same_undoable_step(doc):
    doc = with_silo(doc)
    before = doc.model_dump()
    vote = Batch([record_operation(doc, ["rule-silo-goal:fair"]),
                  UpdateItem("conflicts", "rule-silo-goal:fair", {"tally": 3})])
    vote.apply(doc)
    record = doc.conflicts[0]
    assert record.id == "rule-silo-goal:fair" and record.rule == "silo-goal"
    assert record.element_ids == ["fair"] and "Trade-fair contacts" in record.explanation
    v = view(doc, record.id)
    assert v.votes == 3 and v.record is record
    vote.revert(doc)
    assert doc.model_dump() == before


def test_status_votes_and_resolution_survive_re_analysis_and_reordering(doc):
    doc = with_silo(doc)
    record_operation(doc).apply(doc)
    UpdateItem("conflicts", "rule-silo-goal:fair",
               {"status": ConflictStatus.PARKED, "tally": 2, "resolution": "Ask the CEO"}).apply(doc)
    doc.elements.reverse()
    v = view(doc, "rule-silo-goal:fair")
    assert (v.status, v.votes, v.resolution) == (ConflictStatus.PARKED, 2, "Ask the CEO")


def test_a_conflict_solved_by_a_change_is_shown_resolved_not_dropped(doc):
    doc = with_silo(doc)
    record_operation(doc).apply(doc)
    UpdateItem("conflicts", "rule-silo-goal:fair", {"tally": 4}).apply(doc)
    doc.links.append(link("c9", "contributes_to", "fair", "sa-goal"))  # the change that solves it
    assert "rule-silo-goal:fair" not in {f.id for f in find_conflicts(doc)}
    v = view(doc, "rule-silo-goal:fair")
    assert v.status == ConflictStatus.RESOLVED and v.resolved_by_change
    assert v.votes == 4 and v.title == "Goal in a silo: Trade-fair contacts" and "Trade-fair contacts" in v.explanation
    assert doc.conflicts[0].status == ConflictStatus.OPEN  # the record itself is not rewritten behind the stack


def test_removing_the_element_resolves_its_conflict_by_change(doc):
    doc = with_silo(doc)
    record_operation(doc).apply(doc)
    RemoveItem("elements", "fair").apply(doc)
    v = view(doc, "rule-silo-goal:fair")
    assert v.resolved_by_change and v.element_ids == ()


def test_a_returning_finding_takes_its_record_back(doc):
    doc = with_silo(doc)
    record_operation(doc).apply(doc)
    UpdateItem("conflicts", "rule-silo-goal:fair", {"tally": 1}).apply(doc)
    fix = link("c9", "contributes_to", "fair", "sa-goal")
    doc.links.append(fix)
    doc.links.remove(fix)
    v = view(doc, "rule-silo-goal:fair")
    assert not v.resolved_by_change and v.status == ConflictStatus.OPEN and v.votes == 1


def test_refresh_updates_the_elements_of_a_record_but_keeps_the_room_s_data(doc):
    doc.links = [ln for ln in doc.links if ln.id != "f1"]
    doc.elements += [Budget(id="mk-b", title="Campaign", side=Side.MARKETING),
                     Budget(id="sa-b", title="Events", side=Side.SALES)]
    doc.links += [link("f2", "funds", "mk-b", "shared"), link("f3", "funds", "sa-b", "shared")]
    record_operation(doc).apply(doc)
    UpdateItem("conflicts", "rule-split-budget:shared", {"tally": 5}).apply(doc)
    doc.elements.append(Budget(id="sa-b2", title="Enablement", side=Side.SALES))
    doc.links.append(link("f4", "funds", "sa-b2", "shared"))
    op = record_operation(doc)
    assert len(op.operations) == 1 and isinstance(op.operations[0], UpdateItem)
    op.apply(doc)
    record = next(c for c in doc.conflicts if c.id == "rule-split-budget:shared")
    assert record.element_ids == ["shared", "mk-b", "sa-b", "sa-b2"] and record.tally == 5
    assert record_operation(doc).operations == []  # nothing left to refresh


def test_declared_conflicts_use_their_record_or_get_one_keyed_by_the_link(doc):
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal", "Nurturing delays the quarter"))
    v = view(doc, "declared:x1")
    assert v.declared and v.link_id == "x1" and v.record is None
    Batch([record_operation(doc, ["declared:x1"]), UpdateItem("conflicts", "declared:x1", {"tally": 1})]).apply(doc)
    record = doc.conflicts[0]
    assert record.link_id == "x1" and record.rule == "declared" and record.title == ""
    assert view(doc, "declared:x1").title == "“Qualified leads” conflicts with “Follow up in 48 h”"


def test_a_declared_record_made_by_the_page_keeps_its_own_id_and_words(doc):
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal", "reason on the link"))
    doc.conflicts.append(Conflict(id="conflict-1", link_id="x1", element_ids=["mk-goal", "sa-goal"],
                                  title="Leads vs. quarter", explanation="Our words", tally=2))
    views = conflict_views(doc)
    assert [v.id for v in views if v.declared] == ["conflict-1"]
    v = views[0]
    assert (v.title, v.explanation, v.votes) == ("Leads vs. quarter", "Our words", 2)
    assert record_operation(doc, ["conflict-1"]).operations == []  # never overwritten


def test_removing_a_declared_link_removes_its_record_with_it(doc):
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal"))
    record_operation(doc).apply(doc)
    RemoveItem("links", "x1").apply(doc)
    assert [v.id for v in conflict_views(doc) if v.declared] == []


def test_order_is_votes_first_then_open_then_analysis_order(doc):
    doc = with_silo(doc)
    doc.elements.append(Goal(id="abc", title="Another silo", side=Side.MARKETING))
    doc.links = [ln for ln in doc.links if ln.id != "f1"]  # unfunded shared goal
    record_operation(doc).apply(doc)
    UpdateItem("conflicts", "rule-silo-goal:abc", {"status": ConflictStatus.ACCEPTED}).apply(doc)
    UpdateItem("conflicts", "rule-unfunded-shared-goal:shared", {"tally": 1}).apply(doc)
    ids = [v.id for v in conflict_views(doc)]
    assert ids == ["rule-unfunded-shared-goal:shared", "rule-silo-goal:fair", "rule-silo-goal:abc"]


def test_records_of_unknown_rules_stay_as_they_are(doc):
    doc.conflicts.append(Conflict(id="manual-1", rule="facilitator-note", title="Note", status=ConflictStatus.PARKED))
    v = view(doc, "manual-1")
    assert v.status == ConflictStatus.PARKED and not v.resolved_by_change


def test_views_serialise_to_json_for_the_command_line(doc):
    doc = with_silo(doc)
    record_operation(doc).apply(doc)
    data = json.loads(json.dumps([v.as_dict() for v in conflict_views(doc, lang="de")]))
    assert data[0]["rule"] == "silo-goal" and data[0]["status"] == "open" and data[0]["votes"] == 0
    assert set(data[0]) >= {"id", "rule", "element_ids", "title", "explanation", "lever", "status", "votes",
                            "resolved_by_change"}
    assert data[0]["title"] == "Ziel im Silo: Trade-fair contacts"
