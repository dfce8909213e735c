"""Each conflict rule fires on a minimal broken document and stays quiet once it is corrected."""

import re

import pytest

from tests.builders import link
from workshop_app.analysis import DEFAULTS, find_conflicts
from workshop_app.model import (
    Budget,
    Channel,
    Goal,
    GoalLevel,
    Origin,
    Side,
    Workshop,
)


def rules(doc: Workshop) -> list[str]:
    return [f.rule for f in find_conflicts(doc)]


def only(doc: Workshop, rule: str):
    found = [f for f in find_conflicts(doc) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def test_the_healthy_workshop_has_no_conflicts(doc):
    assert find_conflicts(doc) == []


def test_misaligned_incentive_fires_until_the_goal_reaches_a_shared_goal(doc):
    doc.elements.append(Goal(id="wp", title="Whitepaper downloads", side=Side.SALES))
    doc.links.append(link("r3", "rewards", "sa-inc", "wp"))
    finding = only(doc, "misaligned-incentive")
    assert finding.element_ids == ("sa-inc", "wp")
    assert "“Lead commission”" in finding.explanation and "“Whitepaper downloads”" in finding.explanation
    assert "Align the incentive" in finding.lever
    # corrected: wp → sa-goal → shared (transitively) is enough
    doc.links.append(link("c4", "contributes_to", "wp", "sa-goal"))
    assert "misaligned-incentive" not in rules(doc)


def test_incentives_of_both_sides_on_goals_declared_in_conflict(doc):
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal", "topic A vs topic B"))
    finding = only(doc, "incentives-in-conflict")
    assert set(finding.element_ids) == {"mk-inc", "mk-goal", "sa-inc", "sa-goal"}
    assert finding.explanation.index("Campaign bonus") < finding.explanation.index("Lead commission")
    assert "declared" in rules(doc)
    # corrected: the Sales commission now rewards the shared goal, not its side of the conflict
    doc.links = [ln for ln in doc.links if ln.id != "r2"] + [link("r2b", "rewards", "sa-inc", "shared")]
    assert "incentives-in-conflict" not in rules(doc)
    assert "declared" in rules(doc)  # the declared conflict itself stays until the room removes it


def test_incentives_of_one_side_do_not_count_as_pulling_against_each_other(doc):
    doc.elements[5].side = Side.MARKETING
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal"))
    assert "incentives-in-conflict" not in rules(doc)


@pytest.mark.parametrize(("horizon", "fires"), [(11, False), (12, True), (24, True)])
def test_short_incentive_period_threshold(doc, horizon, fires):
    assert DEFAULTS.period_ratio == 4
    doc.elements[3].horizon_months = horizon  # sa-goal, rewarded every 3 months
    assert ("short-incentive-period" in rules(doc)) is fires
    if fires:
        finding = only(doc, "short-incentive-period")
        assert finding.element_ids == ("sa-inc", "sa-goal") and finding.id == "rule-short-incentive-period:sales"
        assert "every 3 months" in finding.explanation and f"{horizon} months" in finding.explanation
        assert "Synchronise horizons" in finding.lever


def test_missing_period_or_horizon_is_not_a_short_period(doc):
    doc.elements[3].horizon_months = None
    doc.elements[5].period_months = 0
    assert "short-incentive-period" not in rules(doc)


def test_unfunded_shared_goal(doc):
    doc.links = [ln for ln in doc.links if ln.id != "f1"]
    finding = only(doc, "unfunded-shared-goal")
    assert finding.element_ids == ("shared",)
    assert "pot" in finding.lever.lower()


def test_split_budget_suggests_one_pot_and_a_joint_pot_settles_it(doc):
    doc.links = [ln for ln in doc.links if ln.id != "f1"]
    doc.elements += [Budget(id="mk-b", title="Campaign budget", side=Side.MARKETING, amount=10000),
                     Budget(id="sa-b", title="Events budget", side=Side.SALES, amount=10000)]
    doc.links += [link("f2", "funds", "sa-b", "shared"), link("f3", "funds", "mk-b", "shared")]
    finding = only(doc, "split-budget")
    assert finding.element_ids == ("shared", "mk-b", "sa-b")
    assert finding.id == "rule-split-budget:shared"  # keyed by the goal: budgets may come and go
    assert "One pot" in finding.lever
    doc.links.append(link("f1", "funds", "pot", "shared"))  # 50,000 of 70,000: the money meets in the pot
    assert "split-budget" not in rules(doc)


def test_silo_goal(doc):
    doc.elements.append(Goal(id="fair", title="Trade-fair contacts", side=Side.SALES, level=GoalLevel.TEAM))
    finding = only(doc, "silo-goal")
    assert finding.element_ids == ("fair",) and "Sales goal" in finding.explanation
    doc.links.append(link("c9", "contributes_to", "fair", "sa-goal"))
    assert "silo-goal" not in rules(doc)


@pytest.mark.parametrize(("owners", "missing"), [(["pm"], "Sales"), (["ps"], "Marketing"), ([], "either side")])
def test_shared_goal_needs_owners_from_both_sides(doc, owners, missing):
    doc.elements[1].owners = owners
    finding = only(doc, "shared-goal-owners")
    assert f"no owner from {missing}" in finding.explanation


def test_cycle_in_the_goal_breakdown(doc):
    doc.links += [link("d1", "depends_on", "shared", "mk-goal")]  # mk-goal → shared → mk-goal
    finding = only(doc, "goal-cycle")
    assert finding.element_ids == ("mk-goal", "shared")
    assert "“Qualified leads”" in finding.explanation and "“Double the pipeline”" in finding.explanation
    doc.links = [ln for ln in doc.links if ln.id != "d1"]
    assert "goal-cycle" not in rules(doc)


def test_long_cycles_are_found_once_and_named_briefly():
    goals = [Goal(id=f"g{i}", title=f"Goal {i}") for i in range(8)]
    links = [link(f"l{i}", "contributes_to", f"g{i}", f"g{(i + 1) % 8}") for i in range(8)]
    found = [f for f in find_conflicts(Workshop(elements=goals, links=links)) if f.rule == "goal-cycle"]
    assert len(found) == 1 and len(found[0].element_ids) == 8
    assert "and 3 more" in found[0].explanation


@pytest.mark.parametrize(("rating", "fires"), [(0, True), (1, True), (2, True), (3, False), (None, False)])
def test_useless_channel_as_rated_by_the_receivers(doc, rating, fires):
    doc.elements.append(Channel(id="deck", title="Strategy deck by email", side=Side.MARKETING,
                                to_side=Side.SALES, usefulness=rating))
    assert ("useless-channel" in rules(doc)) is fires
    if fires:
        assert f"rated {rating} of 5 by Sales" in only(doc, "useless-channel").explanation


def test_no_agreed_channel_between_the_sides(doc):
    doc.elements[7].origin = Origin.AS_IS
    finding = only(doc, "no-agreed-channel")
    assert finding.element_ids == () and finding.id == "rule-no-agreed-channel"
    # a channel inside one department does not connect the sides
    doc.elements.append(Channel(id="mk-mk", side=Side.MARKETING, to_side=Side.MARKETING, origin=Origin.AGREED))
    assert "no-agreed-channel" in rules(doc)
    doc.elements.append(Channel(id="mk-sa", side=Side.MARKETING, to_side=Side.SALES, origin=Origin.AGREED))
    assert "no-agreed-channel" not in rules(doc)


def test_no_agreed_channel_needs_both_sides_in_the_room():
    assert "no-agreed-channel" not in rules(Workshop(elements=[Goal(id="g", side=Side.MARKETING)]))
    assert "no-agreed-channel" not in rules(Workshop())


def test_declared_conflicts_join_the_list_with_their_reason(doc):
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal", "Nurturing delays the quarter"))
    declared = [f for f in find_conflicts(doc) if f.declared]
    assert len(declared) == 1
    assert declared[0].id == "declared:x1" and declared[0].link_id == "x1"
    assert declared[0].title == "“Qualified leads” conflicts with “Follow up in 48 h”"
    assert declared[0].explanation == "Nurturing delays the quarter"


def test_every_text_is_translated_to_german(doc):
    doc.elements[1].owners = ["pm"]
    doc.elements[7].origin = Origin.AS_IS
    doc.links = [ln for ln in doc.links if ln.id != "f1"]
    german = find_conflicts(doc, lang="de")
    english = find_conflicts(doc, lang="en")
    assert [f.id for f in german] == [f.id for f in english]
    for de, en in zip(german, english, strict=True):
        assert de.title != en.title and de.explanation != en.explanation and de.lever != en.lever
    assert "„Double the pipeline“" in german[0].explanation + german[1].explanation + german[2].explanation
    assert any("Vertrieb" in f.explanation for f in german)


def test_user_text_with_braces_is_not_treated_as_a_format(doc):
    doc.elements[1].title = "Pipeline {x} $y$"
    doc.links = [ln for ln in doc.links if ln.id != "f1"]
    assert "“Pipeline {x} $y$”" in only(doc, "unfunded-shared-goal").explanation


def test_untitled_elements_are_named_by_id(doc):
    doc.elements[1].title = "  "
    doc.links = [ln for ln in doc.links if ln.id != "f1"]
    assert "“shared”" in only(doc, "unfunded-shared-goal").explanation


ID = re.compile(r"^[A-Za-z0-9_.:-]+$")


def test_finding_ids_are_valid_model_ids(doc):
    doc.elements[7].origin = Origin.AS_IS
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal"))
    for finding in find_conflicts(doc):
        assert ID.match(finding.id) and len(finding.id) <= 64
