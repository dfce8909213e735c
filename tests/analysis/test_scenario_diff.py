"""The findings a scenario makes vanish, appear or change, on hand-built workshops."""

from __future__ import annotations

from tests.builders import healthy_workshop, link
from workshop_app.analysis import find_conflicts
from workshop_app.analysis.findings import Finding
from workshop_app.analysis.scenario_diff import diff_findings, diff_workshops, scenario_outcome
from workshop_app.model import AddItem, Goal, RemoveItem, Side, UpdateItem
from workshop_app.model.scenario_edits import make_scenario

SHORT_PERIOD = "rule-short-incentive-period:sales"


def test_a_longer_commission_period_makes_the_short_period_finding_vanish():
    today = healthy_workshop()
    assert SHORT_PERIOD in {f.id for f in find_conflicts(today)}
    copy = today.model_copy(deep=True)
    UpdateItem("elements", "sa-inc", {"period_months": 12}).apply(copy)
    diff = diff_workshops(today, copy)
    assert [f.id for f in diff.vanished] == [SHORT_PERIOD]
    assert diff.appeared == [] and diff.changed == []
    assert diff.status_by_id[SHORT_PERIOD] == "vanished"


def test_a_goal_in_a_silo_appears():
    today = healthy_workshop()
    copy = today.model_copy(deep=True)
    AddItem("elements", Goal(id="silo", title="Fair contacts", side=Side.SALES)).apply(copy)
    diff = diff_workshops(today, copy)
    assert "rule-silo-goal:silo" in [f.id for f in diff.appeared]
    assert diff.vanished == []
    assert diff.status_by_id["rule-silo-goal:silo"] == "appeared"


def test_unchanged_workshops_differ_in_nothing():
    today = healthy_workshop()
    diff = diff_workshops(today, today.model_copy(deep=True))
    assert not diff
    assert {f.id for f in diff.kept} == {f.id for f in find_conflicts(today)}


def test_a_finding_with_other_elements_is_changed_not_new():
    before = Finding("r", ("a", "b"), "T", "E", "lever", key_ids=("a",))
    after = Finding("r", ("a", "c"), "T", "E", "lever", key_ids=("a",))
    diff = diff_findings([before], [after])
    assert diff.changed == [(before, after)]
    assert diff.vanished == [] and diff.appeared == []


def test_the_outcome_of_a_stored_scenario_replays_it_on_today_without_touching_it():
    today = healthy_workshop()
    copy = today.model_copy(deep=True)
    RemoveItem("links", "r2").apply(copy)
    AddItem("links", link("r3", "rewards", "sa-inc", "shared")).apply(copy)
    UpdateItem("elements", "sa-inc", {"period_months": 12}).apply(copy)
    scenario = make_scenario("s-1", "Shared bonus", today, copy)
    outcome = scenario_outcome(today, scenario)
    assert [f.id for f in outcome.diff.vanished] == [SHORT_PERIOD]
    assert outcome.skipped == []
    assert today == healthy_workshop()
