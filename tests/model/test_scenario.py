"""What-if scenarios as edits against a base: the diff, the replay onto a changed base, saving and loading."""

from __future__ import annotations

import pytest

from tests.builders import healthy_workshop, link
from workshop_app.model import AddItem, Goal, GoalLevel, ModelError, RemoveItem, Scenario, UpdateItem, Workshop
from workshop_app.model.scenario_edits import (
    CHANGED_SINCE,
    ENDS_GONE,
    GONE,
    AddScenario,
    RemoveScenario,
    ReplaceScenario,
    fingerprint,
    make_scenario,
    replay,
    working_copy,
)
from workshop_app.store.document_file import parse_bytes, to_json_bytes


def _edited(base: Workshop) -> Workshop:
    """Tie the lead commission to the shared goal for a year: re-point its reward, lengthen its period."""
    copy = base.model_copy(deep=True)
    RemoveItem("links", "r2").apply(copy)
    AddItem("links", link("r3", "rewards", "sa-inc", "shared")).apply(copy)
    UpdateItem("elements", "sa-inc", {"period_months": 12}).apply(copy)
    AddItem("elements", Goal(id="g-new", title="Joint webinar", level=GoalLevel.SHARED)).apply(copy)
    UpdateItem("analysis", None, {"period_ratio": 6}).apply(copy)
    return copy


def test_the_diff_names_every_kind_of_edit_and_replays_to_the_same_state():
    base = healthy_workshop()
    copy = _edited(base)
    scenario = make_scenario("s-1", "Shared bonus", base, copy)
    assert [lk.id for lk in scenario.added_links] == ["r3"]
    assert [(r.id, r.label) for r in scenario.removed_links] == [("r2", "Lead commission → Follow up in 48 h (rewards)")]
    assert [el.id for el in scenario.added_elements] == ["g-new"]
    assert {(c.collection, c.item_id, c.field, c.before, c.after) for c in scenario.changes} == {
        ("elements", "sa-inc", "period_months", 3, 12), ("analysis", None, "period_ratio", 4, 6)}
    assert scenario.base == fingerprint(base)

    again, skipped = working_copy(scenario, base)
    assert skipped == []
    assert to_json_bytes(again) == to_json_bytes(copy)
    assert base == healthy_workshop()  # the base itself is never touched


def test_no_edits_make_an_empty_scenario():
    base = healthy_workshop()
    scenario = make_scenario("s-1", "Nothing", base, base.model_copy(deep=True))
    assert scenario.edit_count == 0


def test_replay_on_a_changed_base_applies_what_fits_and_names_what_does_not():
    base = healthy_workshop()
    scenario = make_scenario("s-1", "Shared bonus", base, _edited(base))
    changed = healthy_workshop()
    UpdateItem("elements", "sa-inc", {"period_months": 6}).apply(changed)  # someone changed the period since
    RemoveItem("elements", "shared").apply(changed)  # and the shared goal is gone (with its links)

    result = replay(scenario, changed)
    misfits = {(s.label, s.reason, s.field) for s in result.skipped}
    assert misfits == {("Lead commission", CHANGED_SINCE, "period_months"),
                       ("sa-inc → shared (rewards)", ENDS_GONE, "")}
    result.operation.apply(changed)
    assert changed.element("g-new") is not None  # what still fits is applied
    assert all(lk.id != "r2" for lk in changed.links)
    assert changed.analysis.period_ratio == 6


def test_replay_names_a_changed_element_that_is_gone():
    base = healthy_workshop()
    copy = base.model_copy(deep=True)
    UpdateItem("elements", "mk-goal", {"horizon_months": 24}).apply(copy)
    scenario = make_scenario("s-1", "Longer", base, copy)
    changed = healthy_workshop()
    RemoveItem("elements", "mk-goal").apply(changed)
    assert [(s.label, s.reason) for s in replay(scenario, changed).skipped] == [("Qualified leads", GONE)]


def test_an_edit_already_made_on_the_base_is_no_misfit():
    base = healthy_workshop()
    scenario = make_scenario("s-1", "Year", base, _edited(base))
    changed = healthy_workshop()
    UpdateItem("elements", "sa-inc", {"period_months": 12}).apply(changed)
    assert replay(scenario, changed).skipped == []


def test_scenarios_are_saved_and_loaded_with_the_workshop():
    base = healthy_workshop()
    base.scenarios.append(make_scenario("s-1", "Shared bonus", base, _edited(base)))
    loaded = parse_bytes(to_json_bytes(base))
    assert loaded.scenarios == base.scenarios
    assert loaded.scenarios[0].added_elements[0].kind == "goal"
    assert to_json_bytes(loaded) == to_json_bytes(base)


def test_a_file_without_scenarios_loads_with_none():
    assert parse_bytes(to_json_bytes(healthy_workshop())).scenarios == []


def test_operations_on_the_list_undo_exactly():
    doc = healthy_workshop()
    before = to_json_bytes(doc)
    add = AddScenario(Scenario(id="s-1", name="One pot"))
    add.apply(doc)
    with pytest.raises(ModelError):
        AddScenario(Scenario(id="s-1")).apply(doc)
    after_add = to_json_bytes(doc)
    replace = ReplaceScenario(Scenario(id="s-1", name="One pot from Q2"))
    replace.apply(doc)
    assert doc.scenarios[0].name == "One pot from Q2"
    replace.revert(doc)
    assert to_json_bytes(doc) == after_add
    remove = RemoveScenario("s-1")
    remove.apply(doc)
    assert doc.scenarios == []
    remove.revert(doc)
    add.revert(doc)
    assert to_json_bytes(doc) == before
