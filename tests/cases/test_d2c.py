"""The D2C case (Nordlicht Naturkosmetik): the analysis finds what a consultant diagnoses, and nothing else.

The expectations E1–E15 and the expected silences were written down in
``tests/cases/README.md`` before any rule ran on the file. Each expectation
here names the rule and the elements the finding must involve; every
finding must answer exactly one expectation, so a new rule that makes noise
on this case fails here as surely as a rule that misses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop_app.analysis import Finding, find_conflicts
from workshop_app.model import Workshop
from workshop_app.model.workshop import SCHEMA_VERSION
from workshop_app.store.document_file import load_workshop, to_json_bytes

CASE = Path(__file__).with_name("d2c.workshop.json")


@dataclass(frozen=True)
class Expected:
    name: str
    rule: str
    elements: frozenset[str] = frozenset()  # ids the finding must involve (at least these)
    key: str = ""  # a text the finding's id must contain, for findings keyed by something else than elements

    def matches(self, finding: Finding) -> bool:
        return (finding.rule == self.rule and self.elements <= set(finding.element_ids)
                and self.key in finding.id)


def expect(name: str, rule: str, *elements: str, key: str = "") -> Expected:
    return Expected(name, rule, frozenset(elements), key)


EXPECTED = [
    # E1 and E3: the horizon rule reports one finding per paid side, so Sales' direct gap (a monthly commission
    # on a 12-month goal) and its gap along the chain (the 36-month strategy) are one finding, as the README allows
    expect("E1+E3 Sales paid monthly, its goals run 12-36 months", "short-incentive-period",
           "i-sa-marketplace", "g-sa-marketplace", "s-growth"),
    expect("E2 Marketing paid monthly, the shared goal it serves runs 24 months", "short-incentive-period",
           "i-mk-roas", "g-sh-own-shop"),
    expect("E4 the sides' incentives never meet in a shared goal", "incentives-never-meet",
           "i-sa-marketplace", "i-mk-roas"),
    expect("E5 only the marketplace side of the declared conflict is paid", "unmatched-conflict-incentive",
           "i-sa-marketplace", "g-sa-marketplace", "g-sh-own-shop"),
    expect("E6 repeat purchases live on department money beside a small joint budget", "split-budget",
           "g-sh-repeat", "b-mk-perf", "b-sa-ecom"),
    expect("E7 repeat purchases owned by Marketing alone", "shared-goal-owners", "g-sh-repeat"),
    expect("E8 repeat purchases rest on no hand-over agreement", "shared-goal-without-agreement", "g-sh-repeat"),
    expect("E9 the ROAS PDF rated 2 of 5", "useless-channel", "ch-roas-pdf"),
    expect("E10 the launch calendar has no owner", "agreed-channel-incomplete", "ch-launch-cal"),
    expect("E11 the discount-code belief has no mitigation", "belief-without-mitigation", "be-codes"),
    expect("E12 the pilot team is Marketing only", "pilot-incomplete", key=":team"),
    expect("E13 the pilot has no review date", "pilot-incomplete", key=":dates"),
    expect("E14 the merger is decided before the pilot is reviewed", "restructuring-before-pilot", key="d-merge"),
    expect("E15 the room's own conflict: marketplace vs own shop", "declared", "g-sa-marketplace", "g-sh-own-shop"),
]


@pytest.fixture(scope="module")
def doc() -> Workshop:
    return load_workshop(CASE)


@pytest.fixture(scope="module")
def findings(doc) -> list[Finding]:
    return find_conflicts(doc, "en")


def test_the_case_is_a_canonical_version_2_file(doc):
    assert f'"schema_version": {SCHEMA_VERSION}' in CASE.read_text(encoding="utf-8")
    assert to_json_bytes(doc) == CASE.read_bytes()
    assert doc.analysis.period_ratio == 6  # a D2C brand lives faster than the default assumes


@pytest.mark.parametrize("expected", EXPECTED, ids=[e.name.split()[0] for e in EXPECTED])
def test_each_expected_finding_is_found_once(findings, expected: Expected):
    hits = [f.id for f in findings if expected.matches(f)]
    assert len(hits) == 1, (expected.name, hits)


def test_nothing_is_found_that_was_not_expected(findings):
    extras = [(f.id, f.title) for f in findings if not any(e.matches(f) for e in EXPECTED)]
    assert not extras, extras


def _involving(findings: list[Finding], element_id: str, rules: Callable[[str], bool] = lambda rule: True):
    return [f.id for f in findings if element_id in f.element_ids and rules(f.rule)]


@pytest.mark.parametrize("element_id", [
    "ch-stock-mail",  # rated 1, but replaced by the agreed weekly sync
    "ch-sync", "ch-shop-chat", "be-amazon", "ag-price",
    "b-joint-shop", "b-mk-brand-old", "b-sa-promo-old",  # the pot formed from the two old budgets
    "g-mk-crm", "g-sa-conversion", "in-reviews",
])
def test_what_is_in_order_stays_silent(findings, element_id):
    assert not _involving(findings, element_id)


def test_a_yearly_brand_bonus_on_a_three_year_brand_goal_is_no_horizon_gap_at_ratio_6(findings):
    def horizon(rule: str) -> bool:
        return rule == "short-incentive-period"

    assert not _involving(findings, "i-mk-brand", horizon) and not _involving(findings, "s-brand", horizon)


def test_the_own_shop_goal_with_its_pot_and_its_agreement_raises_no_budget_or_agreement_finding(findings):
    quiet = {"split-budget", "unfunded-shared-goal", "shared-goal-without-agreement", "shared-goal-owners",
             "shared-goal-incomplete"}
    assert not _involving(findings, "g-sh-own-shop", lambda rule: rule in quiet)


def test_german_gives_the_same_findings(doc, findings):
    german = find_conflicts(doc, "de")
    assert [f.id for f in german] == [f.id for f in findings]
    assert all(f.explanation for f in german)


def test_two_pools_lines_into_a_small_pot_do_not_silence_the_split_budget(doc):
    from workshop_app.model import Link, LinkKind

    drawn = doc.model_copy(deep=True)
    drawn.links += [Link(id="l-trick-1", kind=LinkKind.POOLS, source="b-mk-perf", target="b-joint-crm"),
                    Link(id="l-trick-2", kind=LinkKind.POOLS, source="b-sa-ecom", target="b-joint-crm")]
    assert any(f.id == "rule-split-budget:g-sh-repeat" for f in find_conflicts(drawn, "en"))
