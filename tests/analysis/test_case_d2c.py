"""The D2C case of tests/cases/README.md: the findings written down before the rules ran, and nothing else.

Each expected finding E1–E15 of the README is one line here (E1 and E3 are
one finding: the rule reports the horizon gap once per paid side); the
expected silences follow from the equality: no other finding is raised.
"""

from pathlib import Path

from workshop_app.analysis import find_conflicts
from workshop_app.store import load_workshop

CASE = Path(__file__).parents[1] / "cases" / "d2c.workshop.json"

EXPECTED = {
    "rule-short-incentive-period:sales": {"i-sa-marketplace", "g-sa-marketplace", "s-growth"},  # E1, E3
    "rule-short-incentive-period:marketing": {"i-mk-roas", "g-sh-own-shop", "s-margin"},  # E2
    "rule-incentives-never-meet:marketing:sales": {"i-sa-marketplace", "i-mk-roas", "i-mk-brand"},  # E4
    "rule-unmatched-conflict-incentive:g-sa-marketplace:g-sh-own-shop": {
        "i-sa-marketplace", "g-sa-marketplace", "g-sh-own-shop"},  # E5
    "rule-split-budget:g-sh-repeat": {"g-sh-repeat", "b-mk-perf", "b-sa-ecom", "b-joint-crm"},  # E6
    "rule-shared-goal-owners:g-sh-repeat": {"g-sh-repeat"},  # E7
    "rule-shared-goal-without-agreement:g-sh-repeat": {"g-sh-repeat"},  # E8
    "rule-useless-channel:ch-roas-pdf": {"ch-roas-pdf"},  # E9
    "rule-agreed-channel-incomplete:ch-launch-cal": {"ch-launch-cal"},  # E10
    "rule-belief-without-mitigation:be-codes": {"be-codes"},  # E11
    "rule-pilot-incomplete:team": set(),  # E12
    "rule-pilot-incomplete:dates": set(),  # E13
    "rule-restructuring-before-pilot:d-merge": set(),  # E14
}


def test_the_d2c_case_finds_what_the_consultant_wrote_down_and_nothing_else():
    doc = load_workshop(CASE)
    found = find_conflicts(doc, "en")
    detected = {f.id: set(f.element_ids) for f in found if not f.declared}
    assert detected == EXPECTED
    assert [f.element_ids for f in found if f.declared] == [("g-sa-marketplace", "g-sh-own-shop")]  # E15


def test_the_d2c_case_reads_in_german_too():
    german = {f.id: f for f in find_conflicts(load_workshop(CASE), "de")}
    assert "Vertrieb wird jeden Monat vergütet" in german["rule-short-incentive-period:sales"].explanation
    assert "Teammitglieder der Seite Vertrieb" in german["rule-pilot-incomplete:team"].explanation
