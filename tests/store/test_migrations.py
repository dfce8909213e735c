"""Version-1 files, the demo of that version included, open as version 2 with every value kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workshop_app.model import SCHEMA_VERSION, Triage
from workshop_app.store.document_file import load_workshop, to_json_bytes
from workshop_app.store.migrations import MIGRATIONS, migrate

V1 = Path(__file__).parent / "v1"


def _contained(old: Any, new: Any, where: str = "") -> list[str]:
    """Every place where ``old`` holds a value that ``new`` does not hold the same (new keys are allowed)."""
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return [where]
        return [p for key, value in old.items() for p in _contained(value, new.get(key, object()), f"{where}.{key}")]
    if isinstance(old, list):
        if not isinstance(new, list) or len(old) != len(new):
            return [where]
        return [p for n, (a, b) in enumerate(zip(old, new, strict=True)) for p in _contained(a, b, f"{where}[{n}]")]
    return [] if old == new else [where]


def test_the_chain_reaches_the_current_version():
    assert SCHEMA_VERSION == 3
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_a_v2_document_carries_over_as_it_is():
    v2 = {"format": "tandem-workshop", "schema_version": 2, "meta": {"title": "Kickoff"},
          "conflicts": [{"id": "c-1", "rule": "declared", "triage": "taken_up"}]}
    assert MIGRATIONS[2](v2) == v2
    assert MIGRATIONS[2](v2) is not v2  # the caller's dict is never changed in place


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_v1_demo_keeps_every_value(lang):
    path = V1 / f"demo.{lang}.workshop.json"
    old = json.loads(path.read_text(encoding="utf-8"))
    assert old["schema_version"] == 1
    doc = load_workshop(path)
    new = json.loads(to_json_bytes(doc))
    assert new["schema_version"] == SCHEMA_VERSION
    old.pop("schema_version")
    assert _contained(old, new) == []
    assert doc.analysis.period_ratio == 4 and doc.analysis.split_share_percent == 50


def _v1(conflicts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": "tandem-workshop", "schema_version": 1, "conflicts": conflicts}


def test_conflicts_the_room_worked_on_are_taken_up_and_the_rest_stay_new(tmp_path):
    raw = _v1([
        {"id": "declared:l1", "rule": "declared"},
        {"id": "rule-silo-goal:g1", "rule": "silo-goal", "status": "resolved"},
        {"id": "rule-silo-goal:g2", "rule": "silo-goal", "resolution": "We link it."},
        {"id": "rule-silo-goal:g3", "rule": "silo-goal", "votes": {"p1": 2}, "tally": 3},
        {"id": "rule-silo-goal:g4", "rule": "silo-goal"},
        {"id": "rule-silo-goal:g5", "rule": "silo-goal", "action_ids": ["a1"]},
    ])
    raw["actions"] = [{"id": "a1"}]
    raw["participants"] = [{"id": "p1"}]
    path = tmp_path / "old.workshop.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    doc = load_workshop(path)
    triage = {c.id: c.triage for c in doc.conflicts}
    assert triage == {
        "declared:l1": Triage.TAKEN_UP, "rule-silo-goal:g1": Triage.TAKEN_UP, "rule-silo-goal:g2": Triage.TAKEN_UP,
        "rule-silo-goal:g3": Triage.NEW, "rule-silo-goal:g4": Triage.NEW, "rule-silo-goal:g5": Triage.TAKEN_UP,
    }
    assert next(c for c in doc.conflicts if c.id == "rule-silo-goal:g3").total_votes == 5


def test_migration_leaves_odd_shapes_to_the_validator():
    raw = {"conflicts": ["not a record", {"id": "x", "triage": "set_aside"}], "analysis": {"period_ratio": 6}}
    out = migrate(raw, 1, 2)
    assert out["conflicts"] == ["not a record", {"id": "x", "triage": "set_aside"}]
    assert out["analysis"] == {"period_ratio": 6}
    assert raw == {"conflicts": ["not a record", {"id": "x", "triage": "set_aside"}], "analysis": {"period_ratio": 6}}


def test_a_file_of_a_newer_version_is_still_refused(tmp_path):
    from workshop_app.store.document_file import LoadError

    path = tmp_path / "new.workshop.json"
    path.write_text(json.dumps({"format": "tandem-workshop", "schema_version": SCHEMA_VERSION + 1}), encoding="utf-8")
    with pytest.raises(LoadError, match=f"schema version {SCHEMA_VERSION + 1}"):
        load_workshop(path)


def test_v1_horizon_records_move_to_their_side_and_keep_the_rooms_work(tmp_path):
    raw = _v1([
        {"id": "rule-short-incentive-period:i1:g1", "rule": "short-incentive-period", "element_ids": ["i1", "g1"],
         "tally": 2},
        {"id": "rule-short-incentive-period:g2:i2", "rule": "short-incentive-period", "element_ids": ["i2", "g2"],
         "status": "balanced", "resolution": "Half of the bonus pays on the brand goal.", "tally": 1},
        {"id": "rule-short-incentive-period:g3:i3", "rule": "short-incentive-period", "element_ids": ["i3", "g3"]},
    ])
    raw["elements"] = [
        {"id": "i1", "kind": "incentive", "side": "sales"}, {"id": "i2", "kind": "incentive", "side": "sales"},
        {"id": "i3", "kind": "incentive", "side": "marketing"},
        *({"id": g, "kind": "goal"} for g in ("g1", "g2", "g3")),
    ]
    path = tmp_path / "old.workshop.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    doc = load_workshop(path)
    by_id = {c.id: c for c in doc.conflicts}
    assert sorted(by_id) == ["rule-short-incentive-period:marketing", "rule-short-incentive-period:sales"]
    sales = by_id["rule-short-incentive-period:sales"]
    assert sales.status == "balanced" and sales.triage == Triage.TAKEN_UP
    assert sales.resolution == "Half of the bonus pays on the brand goal." and sales.tally == 3
    assert by_id["rule-short-incentive-period:marketing"].triage == Triage.NEW
