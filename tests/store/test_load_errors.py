"""Every bad input gives a clear message with its location; nothing escapes, nothing is written."""

import json
import os
from pathlib import Path

import pytest

from workshop_app.model import SCHEMA_VERSION, Goal, Workshop
from workshop_app.model import types as model_types
from workshop_app.model.elements import ELEMENT_CLASSES
from workshop_app.model.workshop import (
    ActionItem,
    Conflict,
    Decision,
    Link,
    Meta,
    ParkingItem,
    Participant,
    Pilot,
)
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
        (b"this is not json", "this is not a Tandem workshop file"),
        (b'{"schema_version": 1, "meta": {"title": "open', "a text is not closed by a double quote at line 1, column 41"),
        (b'{"schema_version": 1, "elements": [', "not valid JSON"),
        (b"[1, 2]", "must hold one JSON object"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        ("{\"meta\": {\"title\": \"Müller\"}}".encode("latin-1"), "not UTF-8 text"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        (b'{"elements": []}', "this is not a Tandem workshop file"),
        (b'{"format": "tandem-workshop"}', "schema_version: is required"),
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
        "elements[0].horizon_months: must be a whole number of months from 0 to 1,200",
        "elements[1].horizon_months: must be a whole number of months from 0 to 1,200",
        "elements[1].owners: must be a list",
        "elements[2].amount: must be a number from 0 to 1,000,000,000,000,000",
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
    assert "elements[0].horizon_months: muss eine ganze Zahl von Monaten von 0 bis 1.200 sein" in problems
    assert "meta.title: muss Text sein" in problems
    assert problems_of(b"") == ["die Datei ist leer"]
    assert problems_of(b'{"meta": {"title": "offen') == [
        "das ist kein gültiges JSON: ein Text ist nicht mit doppelten Anführungszeichen geschlossen in Zeile 1, Spalte 20"]
    raw = good_raw()
    raw["links"] = [{"id": "l-1", "kind": "rewards", "source": "g-1", "target": "ghost"}]
    assert "links[0].target: verweist auf das Element „ghost“, das es nicht gibt" in problems_of(raw_bytes(raw))
    raw["schema_version"] = SCHEMA_VERSION + 5
    assert f"Schemaversion {SCHEMA_VERSION + 5}" in problems_of(raw_bytes(raw))[0]


# --- text: broken characters, size caps, control characters -------------------------------------

def _text_fields(cls) -> list[str]:
    """The free-text fields of a record class: every field of type str that is not an id or a kind."""
    fields = [name for name, info in cls.model_fields.items() if info.annotation is str]
    texts = [name for name in fields if model_types.text_cap(cls.model_fields[name]) is not None]
    assert set(fields) - set(texts) <= {"id", "kind", "source", "target"}, "a str field without a cap"
    return texts


def _raw_with(cls, field: str, value) -> tuple[dict, str]:
    """A good file whose one ``cls`` object has ``field`` = ``value``, and that field's location."""
    raw = good_raw()
    singles = {Meta: "meta", Pilot: "pilot"}
    lists = {Participant: "participants", Conflict: "conflicts", Decision: "decisions",
             ActionItem: "actions", ParkingItem: "parking_lot", Link: "links"}
    if cls in singles:
        raw[singles[cls]][field] = value
        return raw, f"{singles[cls]}.{field}"
    if cls in lists:
        obj = {"id": "x-1", field: value}
        if cls is Link:
            raw["elements"].append({"kind": "goal", "id": "g-2"})
            obj.update(kind="depends_on", source="g-1", target="g-2")
        raw[lists[cls]].append(obj)
        return raw, f"{lists[cls]}[{len(raw[lists[cls]]) - 1}].{field}"
    raw["elements"].append({"kind": cls.model_fields["kind"].default, "id": "e-9", field: value})
    return raw, f"elements[{len(raw['elements']) - 1}].{field}"


TEXT_CLASSES = [Meta, Participant, Link, Conflict, Decision, ActionItem, Pilot, ParkingItem, *ELEMENT_CLASSES.values()]
TEXT_FIELDS = [(cls, field) for cls in TEXT_CLASSES for field in _text_fields(cls)]


def test_every_text_field_of_the_model_is_checked():
    assert len(TEXT_FIELDS) >= 40  # titles, notes, names, … in every record
    assert (Meta, "title") in TEXT_FIELDS and (Conflict, "resolution") in TEXT_FIELDS


def json_bytes(raw) -> bytes:
    """As JSON writes it: a lone surrogate becomes the escape ``\\ud800``, which is valid JSON."""
    return json.dumps(raw).encode("ascii")


@pytest.mark.parametrize(("cls", "field"), TEXT_FIELDS, ids=[f"{c.__name__}.{f}" for c, f in TEXT_FIELDS])
def test_a_lone_surrogate_in_any_text_field_is_refused_naming_the_field(cls, field):
    raw, where = _raw_with(cls, field, "café\ud800!")
    assert b"\\ud800" in json_bytes(raw)
    assert problems_of(json_bytes(raw)) == [
        f"{where}: holds a broken character (an unpaired UTF-16 surrogate at position 5), "
        "probably from a damaged copy and paste"]


def test_a_surrogate_pair_is_one_character_and_loads():
    raw = good_raw()
    raw["elements"][0]["title"] = "Leads \U0001f680"
    data = json_bytes(raw)
    assert b"\\ud83d\\ude80" in data  # written as a pair of escapes
    doc = parse_bytes(data)
    assert doc.elements[0].title == "Leads \U0001f680"
    assert parse_bytes(to_json_bytes(doc)).elements[0].title == "Leads \U0001f680"


def test_a_broken_field_name_is_refused_with_its_place():
    raw = good_raw()
    raw["meta"]["ti\udc00tle"] = "x"
    assert problems_of(json_bytes(raw)) == [
        "meta: holds a field name with a broken character (an unpaired UTF-16 surrogate), "
        "probably from a damaged copy and paste"]
    raw = good_raw()
    raw["\ud800"] = 1
    assert problems_of(json_bytes(raw)) == [
        "holds a field name with a broken character (an unpaired UTF-16 surrogate), "
        "probably from a damaged copy and paste"]


def test_a_broken_character_in_a_choice_is_refused_plainly():
    raw = good_raw()
    raw["participants"] = [{"id": "p-1", "side": "sales\ud800"}]
    assert problems_of(json_bytes(raw)) == [
        "participants[0].side: holds a broken character (an unpaired UTF-16 surrogate), "
        "probably from a damaged copy and paste"]


def test_control_characters_are_legal_text_and_survive_a_round_trip():
    raw = good_raw()
    raw["elements"][0]["title"] = "a\x00b\x1b[2Jc\x07\x7f\x9b"
    raw["elements"][0]["notes"] = "line\r\nnext\tcell"
    doc = parse_bytes(json_bytes(raw))
    again = parse_bytes(to_json_bytes(doc))
    assert again.elements[0].title == "a\x00b\x1b[2Jc\x07\x7f\x9b"
    assert again.elements[0].notes == "line\r\nnext\tcell"


@pytest.mark.parametrize(
    ("cls", "field", "limit"),
    [(Meta, "title", 10_000), (Participant, "name", 10_000), (ELEMENT_CLASSES["goal"], "unit", 10_000),
     (ELEMENT_CLASSES["goal"], "how", 1_000_000), (ELEMENT_CLASSES["belief"], "notes", 1_000_000),
     (Conflict, "resolution", 1_000_000), (Pilot, "hypothesis", 1_000_000)],
)
def test_text_length_is_capped(cls, field, limit):
    raw, _where = _raw_with(cls, field, "x" * limit)
    assert isinstance(parse_bytes(json_bytes(raw)), Workshop)
    raw, where = _raw_with(cls, field, "x" * (limit + 1))
    assert problems_of(json_bytes(raw)) == [f"{where}: is too long (at most {limit:,} characters)"]


def test_every_text_field_has_a_cap():
    for cls, field in TEXT_FIELDS:
        cap = model_types.text_cap(cls.model_fields[field])
        assert cap in (model_types.MAX_SHORT_TEXT, model_types.MAX_LONG_TEXT)
        raw, where = _raw_with(cls, field, "x" * (cap + 1))
        assert problems_of(json_bytes(raw)) == [f"{where}: is too long (at most {cap:,} characters)"]


def test_the_demo_and_the_templates_keep_within_the_caps():
    from workshop_app.store.demo import load_demo

    for lang in ("de", "en"):
        assert isinstance(parse_bytes(to_json_bytes(load_demo(lang))), Workshop)


# --- numbers: bounds and numbers far too large ----------------------------------------------------


def _element(kind: str, **fields) -> dict:
    raw = good_raw()
    raw["elements"] = [{"kind": kind, "id": "e-1", **fields}]
    return raw


BOUNDS = [
    # (a raw file with the value, its location, the largest allowed value, the message)
    ("goal", "horizon_months", 1200, "must be a whole number of months from 0 to 1,200"),
    ("strategy", "horizon_months", 1200, "must be a whole number of months from 0 to 1,200"),
    ("incentive", "period_months", 1200, "must be a whole number of months from 0 to 1,200"),
    ("budget", "period_months", 1200, "must be a whole number of months from 0 to 1,200"),
    ("budget", "amount", 10**15, "must be a number from 0 to 1,000,000,000,000,000"),
    ("channel", "usefulness", 5, "must be a whole number from 0 to 5"),
]


@pytest.mark.parametrize(("kind", "field", "top", "message"), BOUNDS)
def test_element_numbers_are_bounded(kind, field, top, message):
    assert isinstance(parse_bytes(json_bytes(_element(kind, **{field: top}))), Workshop)
    for bad in (top + 1, -1, 10**40, 1e300):
        assert problems_of(json_bytes(_element(kind, **{field: bad}))) == [f"elements[0].{field}: {message}"]


def _set(path: str, value):
    raw = good_raw()
    raw["participants"] = [{"id": "p-1"}]
    raw["conflicts"] = [{"id": "c-1"}]
    target = raw
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[last] = value
    return raw


OTHER_BOUNDS = [
    ("meta.dots_per_participant", "meta.dots_per_participant", 10**6, "must be a whole number of dots from 0 to 1,000,000"),
    ("conflicts.0.tally", "conflicts[0].tally", 10**6, "must be a whole number of dots from 0 to 1,000,000"),
    ("conflicts.0.votes", "conflicts[0].votes.p-1", 10**6, "must be a whole number of dots from 0 to 1,000,000"),
    ("agenda.0.timebox_minutes", "agenda[0].timebox_minutes", 10080,
     "must be a whole number of minutes from 0 to 10,080"),
    ("agenda.0.actual_minutes", "agenda[0].actual_minutes", 10080,
     "must be a whole number of minutes from 0 to 10,080"),
    ("pilot.duration_weeks", "pilot.duration_weeks", 5200, "must be a whole number of weeks from 0 to 5,200"),
    ("pilot.budget_amount", "pilot.budget_amount", 10**15, "must be a number from 0 to 1,000,000,000,000,000"),
]


@pytest.mark.parametrize(("path", "where", "top", "message"), OTHER_BOUNDS)
def test_counts_times_and_amounts_are_bounded(path, where, top, message):
    def value(n):
        return {"p-1": n} if path.endswith("votes") else n

    assert isinstance(parse_bytes(json_bytes(_set(path, value(top)))), Workshop)
    for bad in (top + 1, -1):
        assert problems_of(json_bytes(_set(path, value(bad)))) == [f"{where}: {message}"]


def test_positions_are_bounded():
    raw = _element("goal", position={"x": 100_000, "y": -100_000})
    assert parse_bytes(json_bytes(raw)).elements[0].position.y == -100_000
    raw = _element("goal", position={"x": 1e6, "y": 0})
    assert problems_of(json_bytes(raw)) == ["elements[0].position.x: must be a number from -100,000 to 100,000"]


def huge(digits: int = 5000) -> str:
    return "9" * digits


def test_a_number_of_thousands_of_digits_says_what_is_wrong_with_the_file():
    raw = _element("budget", amount=0, period_months=0)
    text = json.dumps(raw).replace('"amount": 0', f'"amount": {huge()}').replace(
        '"period_months": 0', f'"period_months": -{huge(200)}')
    problems = problems_of(text.encode())
    assert problems == ["elements[0].amount: the number is far too large for a workshop file",
                        "elements[0].period_months: must be a whole number of months from 0 to 1,200"]
    assert not any("sys.set_int_max_str_digits" in p for p in problems)


def test_a_huge_number_anywhere_is_named():
    for text, where in [
        (f'{{"format": "tandem-workshop", "schema_version": {huge()}}}', "schema_version"),
        (f'{{"format": "tandem-workshop", "schema_version": 1, "meta": {{"title": {huge()}}}}}', "meta.title"),
        (f'{{"format": "tandem-workshop", "schema_version": 1, "extra": [-{huge()}]}}', "extra[0]"),
    ]:
        assert f"{where}: the number is far too large for a workshop file" in problems_of(text.encode())


def test_python_refusing_a_long_number_is_a_plain_message(monkeypatch):
    """Should even the marking reader fail, json.loads' ValueError is still caught and said plainly."""
    monkeypatch.setattr("workshop_app.store.document_file._read_int", int)
    problems = problems_of(f'{{"schema_version": {huge()}}}'.encode())
    assert problems == ["the number is far too large for a workshop file"]


# --- what a file is and how it is written --------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n",
         "it holds no JSON object (a workshop file begins with '{')"),
        (b"# Title\n\nSome notes\n", "it holds no JSON object (a workshop file begins with '{')"),
        (b'{"name": "x", "version": "1.0.0"}',
         "it holds JSON, but neither 'format' nor 'schema_version', which every workshop file has"),
        (b"[1, 2]", "the file must hold one JSON object (a workshop); it holds a list"),
        (b'"just text"', "the file must hold one JSON object (a workshop); it holds a single value"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "it holds binary data, not text"),
        ("Müller, Jürgen\n".encode("latin-1"), "it is not UTF-8 text"),
        (b'{"format": "another-app", "schema_version": 1}', "format: must be 'tandem-workshop'"),
    ],
)
def test_a_file_that_is_no_workshop_says_so_first_then_why(data, detail):
    assert problems_of(data) == ["this is not a Tandem workshop file", detail]


def test_a_damaged_workshop_is_still_called_broken_json():
    assert problems_of(b'{"format": "tandem-workshop", "schema_version": 1, "meta": {') == [
        "this is not valid JSON: a name in double quotes is missing at line 1, column 61"]


@pytest.mark.parametrize(("encoding", "name"), [
    ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
])
def test_wide_encodings_are_named_with_and_without_a_byte_order_mark(encoding, name):
    data = to_json_bytes(Workshop()).decode().encode(encoding)
    if encoding == "utf-32-be":  # and its byte order mark, written by hand
        assert problems_of(b"\x00\x00\xfe\xff" + data) == [f"the file is {name} text; workshop files are UTF-8"]
    assert problems_of(data) == [f"the file is {name} text; workshop files are UTF-8"]


def test_utf32_little_endian_is_not_taken_for_utf16():
    data = "\ufeff".encode("utf-32-le") + to_json_bytes(Workshop()).decode().encode("utf-32-le")
    assert data.startswith(b"\xff\xfe\x00\x00")
    assert problems_of(data) == ["the file is UTF-32 text; workshop files are UTF-8"]


def test_a_repeated_field_name_is_refused_with_its_place_and_line():
    good = to_json_bytes(Workshop()).decode()
    text = good.replace('"elements": []', '"elements": [\n    {"kind": "goal", "id": "g-1"},\n'
                        '    {"kind": "goal", "id": "g-2",\n     "title": "first", "title": "second"}\n  ]')
    line = text.splitlines().index('    {"kind": "goal", "id": "g-2",') + 1
    assert problems_of(text.encode()) == [
        f"elements[1]: the field 'title' is given twice (in the object that begins on line {line}); "
        "remove one of them"]


def test_repeated_names_at_the_top_and_deep_inside_are_all_reported():
    text = ('{"format": "tandem-workshop", "schema_version": 1, "schema_version": 1,\n'
            ' "participants": [{"id": "p-1"}],\n'
            ' "conflicts": [{"id": "c-1", "votes": {"p-1": 1, "p-1": 2}}]}')
    assert problems_of(text.encode()) == [
        "the field 'schema_version' is given twice (in the object that begins on line 1); remove one of them",
        "conflicts[0].votes: the field 'p-1' is given twice (in the object that begins on line 3); "
        "remove one of them"]


def test_load_problems_speak_german_with_german_numbers():
    from workshop_app import i18n

    i18n.set_language("de")
    raw = _element("budget", amount=10**16)
    raw["meta"]["title"] = "x" * 10_001
    problems = problems_of(json_bytes(raw))
    assert "elements[0].amount: muss eine Zahl von 0 bis 1.000.000.000.000.000 sein" in problems
    assert "meta.title: ist zu lang (höchstens 10.000 Zeichen)" in problems
    assert problems_of(b"[]")[0] == "das ist keine Tandem-Workshop-Datei"
