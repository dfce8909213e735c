"""Fuzz the loader with mutated demo files: no exception escapes, no file is written."""

import contextlib
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.model import Workshop
from workshop_app.store import LoadError, load_workshop, parse_bytes, to_json_bytes
from workshop_app.store.demo import load_demo

DEMO = to_json_bytes(load_demo("de"))
DEMO_RAW = json.loads(DEMO)
FUZZ_CASES = int(os.environ.get("TANDEM_FUZZ_CASES", "300"))

#: text as a damaged file may hold it: lone surrogates, control characters, any other character
damaged_text = st.text(st.characters(codec=None, categories=None), max_size=30) | st.sampled_from(
    ["\ud800", "a\udfffb", "\x00\x1b[2J\x07", "\U0001f680", "x" * 10_001])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.integers() | st.floats() | damaged_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def load_or_refuse(data: bytes) -> None:
    """Refused with reasons, or loaded into a document that saves and reads back the same."""
    try:
        result = parse_bytes(data)
    except LoadError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        for problem in exc.problems:  # every message can be printed, also to a strict UTF-8 terminal
            str(problem).encode("utf-8")
        return
    assert isinstance(result, Workshop)
    assert parse_bytes(to_json_bytes(result)) == result


@st.composite
def byte_mutations(draw) -> bytes:
    data = bytearray(DEMO)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        else:
            del data[pos:]
    return bytes(data)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


ALL_PATHS = [p for p in _paths(DEMO_RAW) if p]


@st.composite
def structural_mutations(draw) -> bytes:
    raw = json.loads(DEMO)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = raw
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()):
                parent[path[-1]] = draw(json_values)
            elif isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif isinstance(parent, list) and path[-1] < len(parent):
                parent.append(parent[path[-1]])  # duplicates ids and the like
        except (KeyError, IndexError, TypeError):
            continue
    return json.dumps(raw, allow_nan=True).encode("utf-8", "surrogatepass")


#: What damage to the JSON text itself looks like: repeated names, lone surrogate escapes, endless numbers.
TEXT_DAMAGE = ['"title": "again", "title"', '"\\ud800"', '"\\udc00x"', "9" * 5000, "-" + "1" * 4400,
               "1e999", '"\\u0000\\u001b"']


@st.composite
def text_mutations(draw) -> bytes:
    text = DEMO.decode()
    for _ in range(draw(st.integers(1, 3))):
        damage = draw(st.sampled_from(TEXT_DAMAGE))
        anchor = draw(st.sampled_from(['"title"', '"notes"', '"horizon_months"', '"amount"', '"id"', '"votes"']))
        positions = [i for i in range(len(text)) if text.startswith(anchor, i)]
        pos = draw(st.sampled_from(positions))
        end = text.index(",", pos) if "," in text[pos:] else len(text)
        if damage.startswith('"title": "again"'):
            text = text[:pos] + damage + text[pos + len('"title"'):] if anchor == '"title"' else text
        else:
            text = text[:pos] + anchor + ": " + damage + text[end:]
    return text.encode("utf-8")


@settings(max_examples=FUZZ_CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(byte_mutations())
def test_byte_mutations_never_escape(data):
    load_or_refuse(data)


@settings(max_examples=FUZZ_CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(structural_mutations())
def test_structural_mutations_never_escape(data):
    load_or_refuse(data)


@settings(max_examples=FUZZ_CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text_mutations())
def test_damaged_json_text_never_escapes(data):
    load_or_refuse(data)


@settings(max_examples=25, deadline=None)
@given(byte_mutations())
def test_loading_from_disk_never_writes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "w.workshop.json"
    path.write_bytes(data)
    stamp = path.stat().st_mtime_ns
    with contextlib.suppress(LoadError):
        load_workshop(path)
    assert path.read_bytes() == data and path.stat().st_mtime_ns == stamp
    assert [p.name for p in folder.iterdir()] == ["w.workshop.json"]


def test_huge_file_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    monkeypatch.setattr("workshop_app.store.document_file.MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.workshop.json"
    path.write_bytes(DEMO)
    try:
        load_workshop(path)
    except LoadError as exc:
        assert "at most" in str(exc)
    else:
        raise AssertionError("a file above the limit must be refused")
