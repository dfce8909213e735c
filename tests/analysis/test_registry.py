"""Each conflict rule is registered once; ids, names, levers and the rule list all come from there."""

from __future__ import annotations

import pytest

from workshop_app.analysis import registry
from workshop_app.analysis.rules import LEVERS, REGISTRY, RULE_IDS, RULES, rule
from workshop_app.i18n import translator


def test_the_rule_list_and_ids_are_the_registry():
    assert tuple(REGISTRY) == RULE_IDS
    assert tuple(spec.detect for spec in REGISTRY.values()) == RULES
    assert len(set(RULE_IDS)) == len(RULE_IDS) >= 19
    assert {spec.lever for spec in REGISTRY.values()} <= set(LEVERS)


def test_every_rule_has_a_name_in_both_languages():
    de = translator("de")
    for spec in REGISTRY.values():
        assert spec.name and de(spec.name) != spec.name, spec.id


def test_a_rule_is_registered_once_and_with_a_known_lever():
    with pytest.raises(ValueError, match="registered twice"):
        rule("goal-cycle", "Goal cycle", "goals")(lambda idx, tr: iter(()))
    with pytest.raises(ValueError, match="unknown lever"):
        rule("new-rule", "New rule", "luck")


def test_a_new_rule_is_one_function(monkeypatch):
    from tests.builders import small_workshop
    from workshop_app.analysis import find_conflicts
    from workshop_app.analysis.findings import Finding

    monkeypatch.setattr(registry, "REGISTRY", dict(REGISTRY))

    @rule("untitled-goal", "Untitled goal", "goals")
    def untitled(idx, tr):
        yield Finding("untitled-goal", ("g-brand",), "t", "e", "l")

    assert untitled is not None
    found = [f.rule for f in find_conflicts(small_workshop(), "en")]
    assert found[-1] == "untitled-goal"  # listed after the built-in rules, with nothing else to change
