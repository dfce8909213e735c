"""Shorthands for the rule tests: which rules fire, and the one finding of a rule."""

from workshop_app.analysis import find_conflicts
from workshop_app.model import Workshop


def rules(doc: Workshop, lang: str = "en") -> list[str]:
    return [f.rule for f in find_conflicts(doc, lang)]


def only(doc: Workshop, rule: str, lang: str = "en"):
    found = [f for f in find_conflicts(doc, lang) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def of_rule(doc: Workshop, rule: str, lang: str = "en") -> list:
    return [f for f in find_conflicts(doc, lang) if f.rule == rule]
