"""Channels, agreements, culture and the pilot; and the cheap silencers no single line may be."""

from datetime import date

import pytest

from tests.analysis.helpers import of_rule, only, rules
from tests.builders import link
from workshop_app.model import (
    Belief,
    Channel,
    Decision,
    Goal,
    Origin,
    Participant,
    Side,
)

# -- silencers --------------------------------------------------------------------------------

def test_a_line_to_a_goal_that_is_itself_a_silo_does_not_connect_a_silo(doc):
    doc.elements += [Goal(id="fair", title="Trade-fair contacts", side=Side.SALES),
                     Goal(id="island", title="Island goal", side=Side.SALES)]
    doc.links.append(link("c9", "contributes_to", "fair", "island"))
    silos = {f.id for f in of_rule(doc, "silo-goal")}
    assert silos == {"rule-silo-goal:fair", "rule-silo-goal:island"}
    fair = next(f for f in of_rule(doc, "silo-goal") if f.id == "rule-silo-goal:fair")
    assert "linked to “Island goal”, but that chain reaches no shared goal" in fair.explanation


def test_a_line_to_a_silo_does_not_align_an_incentive(doc):
    doc.elements += [Goal(id="wp", title="Whitepaper", side=Side.SALES), Goal(id="island", title="Island")]
    doc.links += [link("r3", "rewards", "sa-inc", "wp"), link("c9", "contributes_to", "wp", "island")]
    finding = only(doc, "misaligned-incentive")
    assert "linked to “Island”, but that chain reaches no shared goal" in finding.explanation


def test_a_hollow_shared_goal_as_anchor_is_a_finding_of_its_own(doc):
    doc.elements.append(Goal(id="wp", title="Whitepaper", side=Side.SALES))
    doc.links.append(link("r3", "rewards", "sa-inc", "wp"))
    assert "misaligned-incentive" in rules(doc)
    # drawing an empty "shared goal" in to anchor it: the emptiness is now the finding
    doc.elements.append(Goal(id="hollow", title="Hollow", level="shared", target="  "))
    doc.links.append(link("c9", "contributes_to", "wp", "hollow"))
    assert "misaligned-incentive" not in rules(doc)
    hollow = next(f for f in of_rule(doc, "shared-goal-incomplete") if f.id.endswith(":hollow"))
    assert "lacks a metric, a target and how the sides will reach it" in hollow.explanation


def test_owners_without_a_side_do_not_own_a_shared_goal(doc):
    doc.participants.append(Participant(id="pj", name="Jo", side=Side.JOINT))
    doc.element("shared").owners = ["pm", "pj", "gone"]
    finding = only(doc, "shared-goal-owners")
    assert "no owner from Sales" in finding.explanation and "2 owners belong to neither" in finding.explanation


def test_an_empty_agreed_channel_ends_no_agreed_channel_but_is_incomplete(doc):
    doc.element("standup").origin = Origin.AS_IS
    doc.elements.append(Channel(id="new", title="New channel", side=Side.MARKETING, to_side=Side.SALES,
                                origin=Origin.AGREED, purpose="handover", owner="nobody"))
    assert "no-agreed-channel" not in rules(doc)
    finding = only(doc, "agreed-channel-incomplete")
    assert "lacks a format, a cadence and an owner" in finding.explanation


# -- channels ---------------------------------------------------------------------------------

def deck(doc, rating=2):
    doc.elements.append(Channel(id="deck", title="Strategy deck", side=Side.MARKETING, to_side=Side.SALES,
                                usefulness=rating))
    return doc


def test_the_poor_channel_rating_comes_from_the_workshop(doc):
    doc = deck(doc, 2)
    assert "poor means 2 or less" in only(doc, "useless-channel").explanation
    doc.analysis.poor_channel_rating = 1
    assert "useless-channel" not in rules(doc)


def test_an_agreed_replacement_resolves_a_poor_channel(doc):
    doc = deck(doc)
    doc.elements.append(Channel(id="sync", title="Weekly sync", side=Side.MARKETING, to_side=Side.SALES,
                                origin=Origin.AGREED, purpose="p", format="f", cadence="weekly", owner="pm"))
    doc.links.append(link("rp", "replaces", "sync", "deck"))
    assert rules(doc) == []
    doc.element("sync").usefulness = 1  # a replacement as poor as the old channel replaces nothing
    assert {f.id for f in of_rule(doc, "useless-channel")} == {"rule-useless-channel:deck", "rule-useless-channel:sync"}


def test_an_as_is_channel_does_not_replace_anything(doc):
    doc = deck(doc)
    doc.elements.append(Channel(id="mail", side=Side.MARKETING, to_side=Side.SALES))
    doc.links.append(link("rp", "replaces", "mail", "deck"))
    assert "useless-channel" in rules(doc)


# -- agreements -------------------------------------------------------------------------------

def test_a_shared_goal_without_a_handover_agreement(doc):
    doc.links = [ln for ln in doc.links if ln.id != "d9"]
    doc.element("sla").parties = [Side.MARKETING]  # not a general agreement between the sides
    assert "shared-goal-without-agreement" in rules(doc)
    doc.element("sla").parties = [Side.MARKETING, Side.SALES]  # unlinked and between both: governs every handover
    assert "shared-goal-without-agreement" not in rules(doc)


def test_an_agreement_linked_to_one_goal_covers_that_goal_only(doc):
    doc.elements.append(Goal(id="shared2", title="Second shared goal", level="shared", metric="m", target="t",
                             how="h", owners=["pm", "ps"]))
    doc.links += [link("c8", "contributes_to", "shared2", "strat"), link("f8", "funds", "pot", "shared2")]
    finding = only(doc, "shared-goal-without-agreement")
    assert finding.id == "rule-shared-goal-without-agreement:shared2"


@pytest.mark.parametrize(("field", "value", "missing"), [
    ("owner", None, "an owner"), ("owner", "stranger", "an owner"), ("metric", " ", "a metric"),
    ("review_date", None, "a review date"), ("parties", [Side.SALES], "both Marketing and Sales as parties"),
    ("commitment", "", "what is promised")])
def test_an_agreement_needs_owner_metric_review_parties_and_a_promise(doc, field, value, missing):
    setattr(doc.element("sla"), field, value)
    finding = only(doc, "agreement-incomplete")
    assert f"lacks {missing}" in finding.explanation and "(Service level)" in finding.explanation


# -- culture and pilot ------------------------------------------------------------------------

def test_a_belief_with_resistance_needs_a_mitigation(doc):
    doc.elements.append(Belief(id="b1", title="Leads from Marketing are junk", side=Side.SALES,
                               resistance="Sales ignores the nurture leads"))
    assert "“Sales ignores the nurture leads”" in only(doc, "belief-without-mitigation").explanation
    doc.element("b1").mitigation = "Show the closed deals of the pilot"
    assert rules(doc) == []
    doc.element("b1").resistance, doc.element("b1").mitigation = "", ""
    assert rules(doc) == []  # no resistance expected: nothing to mitigate


def complete_pilot(doc):
    p = doc.pilot
    p.title, p.team, p.problem, p.hypothesis = "Nurture pilot", ["pm", "ps"], "Leads go cold", "Nurtured leads close"
    p.metric, p.baseline, p.target, p.duration_weeks = "win rate", "12 %", "18 %", 12
    p.budget_amount, p.data_slice = 20000, "region north"
    p.start_date, p.review_date = date(2027, 1, 11), date(2027, 4, 5)
    return doc


def test_an_empty_pilot_is_no_noise_a_complete_one_neither(doc):
    assert rules(doc) == []
    assert rules(complete_pilot(doc)) == []


@pytest.mark.parametrize(("change", "gap", "text"), [
    ({"team": ["pm"]}, "team", "team members from Sales"),
    ({"problem": " "}, "problem", "the problem it addresses"),
    ({"baseline": "", "duration_weeks": None}, "hypothesis", "a baseline and a time frame"),
    ({"budget_amount": 0}, "slice", "its own budget"),
    ({"data_slice": ""}, "slice", "a data slice"),
    ({"review_date": None}, "dates", "a review date after the start"),
    ({"review_date": date(2026, 12, 1)}, "dates", "a review date after the start"),
])
def test_each_gap_of_a_started_pilot_is_one_finding(doc, change, gap, text):
    doc = complete_pilot(doc)
    for field, value in change.items():
        setattr(doc.pilot, field, value)
    finding = only(doc, "pilot-incomplete")
    assert finding.id == f"rule-pilot-incomplete:{gap}" and text in finding.explanation
    assert finding.lever


def test_a_pilot_with_only_a_title_is_started(doc):
    doc.pilot.title = "Nurture pilot"
    assert {f.id.split(":")[1] for f in of_rule(doc, "pilot-incomplete")} == {
        "team", "problem", "hypothesis", "slice", "dates"}


def test_restructuring_before_the_pilot_is_reviewed(doc):
    doc = complete_pilot(doc)
    doc.decisions.append(Decision(id="d1", text="Merge the teams", restructuring=True, date=date(2027, 2, 1)))
    finding = only(doc, "restructuring-before-pilot")
    assert finding.id == "rule-restructuring-before-pilot:d1" and "5 April 2027" in finding.explanation
    doc.decisions[0].date = date(2027, 4, 5)
    assert rules(doc) == []
    doc.decisions[0].restructuring = False
    doc.decisions[0].date = None
    assert rules(doc) == []


def test_restructuring_without_any_pilot_review(doc):
    doc.decisions.append(Decision(id="d1", text="Merge the teams", restructuring=True))
    assert "No pilot review is planned" in only(doc, "restructuring-before-pilot").explanation


# -- every lever speaks German ------------------------------------------------------------------

def test_the_new_rules_speak_german(doc):
    doc = complete_pilot(doc)
    doc.pilot.team = ["pm"]
    doc.element("sla").owner = None
    doc.element("sa-goal").horizon_months = 24
    doc.elements.append(Belief(id="b1", side=Side.SALES, resistance="no"))
    doc.decisions.append(Decision(id="d1", text="Merge", restructuring=True))
    english = {f.id: f for f in rules_with_text(doc, "en")}
    german = {f.id: f for f in rules_with_text(doc, "de")}
    assert english.keys() == german.keys() and len(english) == 5
    for fid, en in english.items():
        de = german[fid]
        assert de.title != en.title and de.explanation != en.explanation and de.lever != en.lever, fid
    assert "Vertrieb wird alle 3 Monate vergütet" in german["rule-short-incentive-period:sales"].explanation


def rules_with_text(doc, lang):
    from workshop_app.analysis import find_conflicts

    return find_conflicts(doc, lang)


def test_a_pilot_with_only_blank_text_or_zeros_is_not_started(doc):
    doc.pilot.title, doc.pilot.problem, doc.pilot.budget_amount = "   ", "\n", 0
    assert rules(doc) == []
