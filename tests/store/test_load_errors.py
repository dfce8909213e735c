"""Every bad input gives a clear message with its location; nothing escapes, nothing is written."""

import json
import os
from pathlib import Path

import pytest

from workshop_app.model import SCHEMA_VERSION, Goal, Workshop
from workshop_app.store import LoadError, load_workshop, parse_bytes, to_json_bytes


def good_raw() -> dict:
    doc = Workshop()
    doc.elements.append(Goal(id="g-1", title="Leads", horizon_months=12))
    return json.loads(to_json_bytes(doc))


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(LoadError) as info:
        parse_bytes(data)
    assert info.value.problems, "a refusal always says why"
    return [str(p) for p in info.value.problems]


def raw_bytes(raw: dict) -> bytes:
    return json.dumps(raw).encode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"this is not json", "not valid JSON: a value is missing at line 1, column 1"),
        (b'{"schema_version": 1, "meta": {"title": "open', "a text is not closed by a double quote at line 1, column 41"),
        (b'{"schema_version": 1, "elements": [', "not valid JSON"),
        (b"[1, 2]", "must hold one JSON object"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        ("{\"meta\": {\"title\": \"Müller\"}}".encode("latin-1"), "not UTF-8 text"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        (b'{"elements": []}', "schema_version: is required"),
    ],
)
def test_unreadable_content(data, expected):
    assert any(expected in p for p in problems_of(data))


def test_wrong_types_missing_and_unknown_fields_are_all_reported():
    raw = good_raw()
    raw["elements"] = [
        {"kind": "goal", "id": "g-1", "horizon_months": -1},
        {"kind": "goal", "id": "g-2", "horizon_months": "soon", "owners": "p-1"},
        {"kind": "budget", "id": "b-1", "amount": "a lot"},
        {"kind": "rocket", "id": "r-1"},
        {"title": "no kind"},
    ]
    raw["participants"] = [{"name": "Anna", "side": "finance", "shoe_size": 42}]
    raw["meta"]["date"] = "26.11.2026"
    problems = problems_of(raw_bytes(raw))
    for expected in [
        "elements[0].horizon_months: must be a whole number ≥ 0",
        "elements[1].horizon_months: must be a whole number ≥ 0",
        "elements[1].owners: must be a list",
        "elements[2].amount: must be a number ≥ 0",
        "elements[3]: unknown kind 'rocket'",
        "elements[4]: needs a 'kind'",
        "participants[0].id: is required",
        "participants[0].side: must be one of: marketing, sales or joint",
        "participants[0].shoe_size: is not a known field",
        "meta.date: must be a date written YYYY-MM-DD",
    ]:
        assert any(p.startswith(expected) for p in problems), (expected, problems)


def test_unknown_top_level_field():
    raw = good_raw()
    raw["sneaky"] = 1
    assert "sneaky: is not a known field" in problems_of(raw_bytes(raw))


def test_duplicate_ids_and_dangling_references_are_all_reported():
    raw = good_raw()
    raw["elements"].append({"kind": "incentive", "id": "g-1"})
    raw["links"] = [
        {"id": "l-1", "kind": "rewards", "source": "g-1", "target": "ghost"},
        {"id": "l-2", "kind": "contributes_to", "source": "nobody", "target": "g-1"},
    ]
    raw["actions"] = [{"id": "a-1", "what": "x", "owner": "p-none"}]
    problems = problems_of(raw_bytes(raw))
    assert "elements[1].id: id 'g-1' is used twice (first at elements[0].id)" in problems
    assert "links[0].target: refers to element 'ghost', which does not exist" in problems
    assert "links[1].source: refers to element 'nobody', which does not exist" in problems
    assert "actions[0].owner: refers to participant 'p-none', which does not exist" in problems


def test_newer_schema_version_is_refused_naming_it():
    raw = good_raw()
    raw["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(LoadError) as info:
        parse_bytes(raw_bytes(raw))
    assert info.value.newer_version == SCHEMA_VERSION + 1
    assert f"schema version {SCHEMA_VERSION + 1}" in str(info.value)


@pytest.mark.parametrize("version", [0, -1, "1", 1.5, True, None])
def test_impossible_versions(version):
    raw = good_raw()
    raw["schema_version"] = version
    assert any(p.startswith("schema_version:") for p in problems_of(raw_bytes(raw)))


def test_folder_missing_file_and_unreadable_file(tmp_path):
    with pytest.raises(LoadError, match="is a folder"):
        load_workshop(tmp_path)
    with pytest.raises(LoadError, match="does not exist"):
        load_workshop(tmp_path / "nope.workshop.json")
    locked = tmp_path / "locked.workshop.json"
    locked.write_bytes(to_json_bytes(Workshop()))
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read anything")
        with pytest.raises(LoadError, match="permission denied"):
            load_workshop(locked)
    finally:
        locked.chmod(0o600)


def test_loading_a_bad_file_never_writes_it(tmp_path: Path):
    bad = tmp_path / "bad.workshop.json"
    bad.write_bytes(b'{"schema_version": 1, "elements": [{"kind": "goal"}]}')
    before = (bad.read_bytes(), bad.stat().st_mtime_ns)
    with pytest.raises(LoadError):
        load_workshop(bad)
    assert (bad.read_bytes(), bad.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.workshop.json"]


def test_utf8_bom_is_accepted():
    data = "\ufeff".encode() + to_json_bytes(Workshop())
    assert isinstance(parse_bytes(data), Workshop)


def test_newer_file_can_be_read_for_viewing_only_when_it_fits():
    raw = good_raw()
    raw["schema_version"] = SCHEMA_VERSION + 1
    doc = parse_bytes(raw_bytes(raw), allow_newer=True)
    assert doc.elements[0].title == "Leads"
    raw["elements"][0]["future_field"] = 1
    with pytest.raises(LoadError) as info:
        parse_bytes(raw_bytes(raw), allow_newer=True)
    assert info.value.newer_version == SCHEMA_VERSION + 1
    assert "does not know" in str(info.value)


def test_utf16_is_named():
    data = to_json_bytes(Workshop()).decode().encode("utf-16")
    assert any("UTF-16" in p for p in problems_of(data))


def test_a_german_facilitator_reads_every_problem_in_german():
    """The loader speaks the UI language: its own sentences, pydantic's and the model's integrity checks."""
    from workshop_app import i18n

    raw = good_raw()
    raw["elements"][0]["horizon_months"] = -3
    raw["links"] = [{"id": "l-1", "kind": "rewards", "source": "g-1", "target": "ghost"}]
    raw["meta"]["title"] = 7
    i18n.set_language("de")
    problems = problems_of(raw_bytes(raw))
    assert "elements[0].horizon_months: muss eine ganze Zahl ≥ 0 sein" in problems
    assert "meta.title: muss Text sein" in problems
    assert problems_of(b"") == ["die Datei ist leer"]
    assert problems_of(b'{"meta": {"title": "offen') == [
        "das ist kein gültiges JSON: ein Text ist nicht mit doppelten Anführungszeichen geschlossen in Zeile 1, Spalte 20"]
    raw = good_raw()
    raw["links"] = [{"id": "l-1", "kind": "rewards", "source": "g-1", "target": "ghost"}]
    assert "links[0].target: verweist auf das Element „ghost“, das es nicht gibt" in problems_of(raw_bytes(raw))
    raw["schema_version"] = SCHEMA_VERSION + 5
    assert f"Schemaversion {SCHEMA_VERSION + 5}" in problems_of(raw_bytes(raw))[0]
