"""The rules of the three levers in depth: horizons along the chain, incentives that never meet, one pot by money."""

from datetime import date

import pytest

from tests.analysis.helpers import of_rule, only, rules
from tests.builders import link
from workshop_app.model import Budget, Goal, GoalLevel, Incentive, Side

# -- horizons along the chain ------------------------------------------------------------------

def test_a_short_period_on_a_short_goal_still_meets_the_long_goal_it_serves(doc):
    """Monthly commission on a 3-month goal that feeds a 24-month goal: the direct goal hides the gap."""
    doc.elements += [Goal(id="brand", title="Brand leadership", side=Side.MARKETING, horizon_months=24),
                     Goal(id="month", title="Monthly leads", side=Side.MARKETING, horizon_months=3),
                     Incentive(id="mk-month", title="Monthly lead bonus", side=Side.MARKETING, period_months=1)]
    doc.links += [link("x1", "contributes_to", "month", "brand"), link("x2", "contributes_to", "brand", "shared"),
                  link("x3", "rewards", "mk-month", "month")]
    finding = only(doc, "short-incentive-period")
    assert finding.id == "rule-short-incentive-period:marketing"
    assert set(finding.element_ids) >= {"mk-month", "brand"} and "month" not in finding.element_ids
    assert "Marketing is paid every 1–12 months" in finding.explanation or "every month" in finding.explanation
    assert "“Brand leadership”" in finding.explanation and "Nothing in between is rewarded" in finding.explanation
    assert "missing milestone is a goal of about" in finding.lever and "“Brand leadership”" in finding.lever


def test_a_longer_incentive_of_the_same_side_on_the_way_bridges_the_gap(doc):
    doc.elements += [Goal(id="brand", title="Brand leadership", side=Side.MARKETING, horizon_months=18),
                     Incentive(id="mk-month", title="Monthly bonus", side=Side.MARKETING, period_months=1),
                     Incentive(id="mk-half", title="Half-year bonus", side=Side.MARKETING, period_months=6)]
    doc.links += [link("x2", "contributes_to", "brand", "shared"), link("x3", "rewards", "mk-month", "brand")]
    assert "short-incentive-period" in rules(doc)
    doc.links.append(link("x4", "rewards", "mk-half", "brand"))  # 18 < 4 × 6: something in between is paid
    assert "short-incentive-period" not in rules(doc)


def test_one_finding_per_paid_side_naming_the_range_of_periods(doc):
    doc.element("sa-goal").horizon_months = 24
    doc.elements.append(Incentive(id="sa-month", title="Monthly commission", side=Side.SALES, period_months=1))
    doc.links.append(link("x1", "rewards", "sa-month", "sa-goal"))
    [finding] = of_rule(doc, "short-incentive-period")
    assert "Sales is paid every 1–3 months" in finding.explanation and "24 months" in finding.explanation
    assert {"sa-inc", "sa-month", "sa-goal"} <= set(finding.element_ids)


def test_the_period_ratio_comes_from_the_workshop(doc):
    doc.element("sa-goal").horizon_months = 12  # 4 × the 3-month commission
    assert "short-incentive-period" in rules(doc)
    doc.analysis.period_ratio = 6
    assert "short-incentive-period" not in rules(doc)
    doc.analysis.period_ratio = 2
    doc.element("sa-goal").horizon_months = 6
    sales = next(f for f in of_rule(doc, "short-incentive-period") if f.id.endswith(":sales"))
    assert "within 2 times" in sales.explanation


# -- incentives that never meet ------------------------------------------------------------------

def never_meet(doc):
    """Marketing's volume bonus and Sales' revenue commission both lead only to the strategy."""
    doc.elements += [Goal(id="vol", title="Lead volume", side=Side.MARKETING),
                     Goal(id="rev", title="Revenue", side=Side.SALES),
                     Incentive(id="vol-bonus", title="Volume bonus", side=Side.MARKETING, period_months=12),
                     Incentive(id="rev-comm", title="Revenue commission", side=Side.SALES, period_months=12)]
    doc.links += [link("v1", "contributes_to", "vol", "strat"), link("v2", "contributes_to", "rev", "strat"),
                  link("v3", "rewards", "vol-bonus", "vol"), link("v4", "rewards", "rev-comm", "rev")]
    # the healthy incentives go: only these two are left
    doc.links = [ln for ln in doc.links if ln.id not in ("r1", "r2", "r9")]
    return doc


def test_incentives_of_both_sides_that_reach_no_common_shared_goal(doc):
    finding = only(never_meet(doc), "incentives-never-meet")
    assert finding.id == "rule-incentives-never-meet:marketing:sales"
    assert "“Volume bonus”" in finding.explanation and "“Revenue commission”" in finding.explanation
    assert "only the company strategy" in finding.explanation


def test_one_incentive_that_meets_nothing_of_the_other_side(doc):
    doc = never_meet(doc)
    doc.links.append(link("r1", "rewards", "mk-inc", "mk-goal"))  # Marketing's campaign bonus reaches the shared goal
    doc.links.append(link("v5", "rewards", "rev-comm", "shared"))  # Sales now also paid on the shared goal
    doc.links.append(link("v6", "rewards", "vol-bonus", "shared"))
    assert "incentives-never-meet" not in rules(doc)
    doc.links = [ln for ln in doc.links if ln.id != "v6"]
    finding = only(doc, "incentives-never-meet")
    assert finding.id == "rule-incentives-never-meet:vol-bonus" and "No incentive of Sales" in finding.explanation


def test_an_incentive_on_one_goal_of_a_declared_conflict_while_the_other_goal_is_unpaid(doc):
    doc.elements.append(Goal(id="nurture", title="Nurture track", side=Side.MARKETING))
    doc.links += [link("n1", "contributes_to", "nurture", "shared"),
                  link("x1", "conflicts_with", "sa-goal", "nurture", "slows the quarter")]
    finding = only(doc, "unmatched-conflict-incentive")
    assert finding.id == "rule-unmatched-conflict-incentive:nurture:sa-goal"
    assert "nothing rewards “Nurture track”" in finding.explanation
    doc.links.append(link("n2", "rewards", "mk-inc", "nurture"))
    assert "unmatched-conflict-incentive" not in rules(doc)
    assert "incentives-in-conflict" in rules(doc)  # now both are paid against each other


# -- one pot, by money ------------------------------------------------------------------------

def split(doc, joint_amount=0.0, **joint):
    doc.element("pot").amount = joint_amount
    for name, value in joint.items():
        setattr(doc.element("pot"), name, value)
    doc.elements += [Budget(id="mk-b", title="Campaign budget", side=Side.MARKETING, amount=40000),
                     Budget(id="sa-b", title="Events budget", side=Side.SALES, amount=40000)]
    doc.links += [link("f2", "funds", "mk-b", "shared"), link("f3", "funds", "sa-b", "shared")]
    return doc


@pytest.mark.parametrize(("joint", "fires"), [(0, True), (10000, True), (80000, False), (100000, False)])
def test_a_joint_pot_beside_department_budgets_counts_by_its_money(doc, joint, fires):
    doc = split(doc, joint)
    assert ("split-budget" in rules(doc)) is fires
    if fires:
        finding = only(doc, "split-budget")
        assert "more than 50 %" in finding.explanation and "“Joint pot”" in finding.explanation


@pytest.mark.parametrize(("pot", "fires"), [(None, False), (80000, False), (60000, False), (10000, True)])
def test_pools_lines_count_only_the_money_the_pot_holds(doc, pot, fires):
    """Both department budgets go into the pot; a pot of its own size takes only that much of them."""
    doc = split(doc, pot)
    doc.links += [link("p1", "pools", "mk-b", "pot"), link("p2", "pools", "sa-b", "pot")]
    assert ("split-budget" in rules(doc)) is fires


def test_the_split_share_comes_from_the_workshop(doc):
    doc = split(doc, 60000)  # 80,000 of 140,000 = 57 %
    assert "split-budget" in rules(doc)
    doc.analysis.split_share_percent = 60
    assert "split-budget" not in rules(doc)


def test_a_pot_formed_from_the_two_department_budgets_is_one_pot(doc):
    doc = split(doc, None)
    doc.links += [link("p1", "pools", "mk-b", "pot"), link("p2", "pools", "sa-b", "pot")]
    assert "split-budget" not in rules(doc)
    assert "unfunded-shared-goal" not in rules(doc)  # the pot is worth what pools into it


def test_a_pot_that_starts_later_is_named_with_its_date(doc):
    doc.meta.date = date(2026, 11, 20)
    doc = split(doc, 1000, start_date=date(2027, 4, 1))
    assert "starts on 1 April 2027" in only(doc, "split-budget").explanation


def test_unknown_amounts_beside_a_joint_pot_are_said_to_be_unknown(doc):
    doc = split(doc, None)
    assert "cannot be judged" in only(doc, "split-budget").explanation


def test_a_shared_goal_funded_only_by_zero_is_unfunded(doc):
    doc.element("pot").amount = 0
    assert "which holds 0" in only(doc, "unfunded-shared-goal").explanation
    doc.element("pot").start_date = date(2027, 1, 1)
    doc.element("pot").amount = 1000
    assert "unfunded-shared-goal" not in rules(doc)  # a pot that starts later still funds it


def test_pools_in_a_cycle_or_a_long_chain_do_not_break_the_analysis(doc):
    chain = [Budget(id=f"b{n}", side=Side.JOINT) for n in range(3000)]
    doc.elements += chain
    doc.links += [link(f"p{n}", "pools", f"b{n + 1}", f"b{n}") for n in range(2999)]
    doc.links += [link("pc", "pools", "b0", "b2999"), link("fb", "funds", "b0", "shared")]
    rules(doc)  # no recursion error, no endless loop
    assert GoalLevel.SHARED  # the document is still analysable
