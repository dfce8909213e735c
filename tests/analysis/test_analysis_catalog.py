"""Every message of the analysis, the pictures and the canvas has a German translation.

These modules translate with a language fixed per call (``Translator(lang)``, so a
German export works under an English UI); their messages are the first
arguments of ``tr(...)``, ``self(...)`` inside ``Translator`` and ``tr.plural(...)``, and the
title given to ``rules.about(tr, title, element)``.
"""

import ast
import re
from pathlib import Path

import pytest

import workshop_app
from tests.catalogs_tool import catalogs_tool

PACKAGE = Path(workshop_app.__file__).parent
MODULES = ["vocabulary.py", "analysis/findings.py", "analysis/rules.py", "analysis/registry.py",
           "analysis/rules_incentives.py", "analysis/rules_horizons.py", "analysis/rules_budget.py",
           "analysis/rules_goals.py", "analysis/rules_agreements.py", "analysis/rules_channels.py",
           "analysis/rules_culture.py", "analysis/vanished.py", "analysis/conflicts.py", "export/graph_style.py",
           "export/graph_legend.py", "export/graph_picture.py", "export/horizon_chart.py", "ui/graph/graph_canvas.py"]


def messages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        count = 2 if name == "plural" else 1 if name in ("tr", "self", "N_", "gettext") or isinstance(func, ast.Call) else 0
        args = node.args[1:2] if name == "about" else node.args[:count]  # rules.about(tr, title, element)
        found |= {a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def german() -> dict[str, str]:
    """msgid (each plural form too) → German, from every area's .po."""
    return catalogs_tool().memory("de")


@pytest.mark.parametrize("module", MODULES)
def test_every_message_has_german_with_the_same_placeholders(module):
    catalog = german()
    found = messages(PACKAGE / module)
    missing = sorted(m for m in found if m not in catalog)
    assert missing == []
    for message in found:
        assert set(re.findall(r"\{\w+\}", message)) == set(re.findall(r"\{\w+\}", catalog[message])), message


def test_the_extractor_sees_the_rule_texts():
    assert "Goal in a silo" in messages(PACKAGE / "analysis/rules_goals.py")
    assert "{n} months" in messages(PACKAGE / "vocabulary.py")
