"""``tandem check FILE --scenario NAME`` prints what a stored scenario would change."""

from __future__ import annotations

import json

from tests.builders import healthy_workshop
from workshop_app.cli import main
from workshop_app.model import RemoveItem, UpdateItem
from workshop_app.model.scenario_edits import make_scenario
from workshop_app.store import to_json_bytes


def _file(tmp_path):
    doc = healthy_workshop()
    copy = doc.model_copy(deep=True)
    UpdateItem("elements", "sa-inc", {"period_months": 12}).apply(copy)
    doc.scenarios.append(make_scenario("s-year", "Yearly commission", doc, copy))
    gone = doc.model_copy(deep=True)
    RemoveItem("elements", "mk-goal").apply(gone)
    doc.scenarios.append(make_scenario("s-gone", "Less", doc, gone))
    path = tmp_path / "w.workshop.json"
    path.write_bytes(to_json_bytes(doc))
    return path


def test_check_with_a_scenario_prints_the_findings_it_makes_vanish(tmp_path, capsys):
    path = _file(tmp_path)
    before = path.read_bytes()
    assert main(["check", str(path), "--scenario", "yearly commission", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "scenario “Yearly commission” (1 edits)" in out
    vanish = out.split("Would vanish (1)", 1)[1].split("Would appear", 1)[0]
    assert "Sales is paid far more often than its goals run" in vanish
    assert "Would appear (0)" in out
    assert path.read_bytes() == before  # only read


def test_check_with_a_scenario_as_json(tmp_path, capsys):
    path = _file(tmp_path)
    assert main(["check", str(path), "--scenario", "s-year", "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"] == "Yearly commission"
    assert [f["id"] for f in data["vanished"]] == ["rule-short-incentive-period:sales"]
    assert data["appeared"] == [] and data["no_longer_fits"] == []


def test_an_unknown_scenario_names_the_ones_there_are(tmp_path, capsys):
    path = _file(tmp_path)
    assert main(["check", str(path), "--scenario", "one pot", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "no scenario called “one pot”" in err and "“Yearly commission”" in err and "“Less”" in err
