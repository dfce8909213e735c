"""Saving is atomic and the save → load round trip is identical."""

import errno
import json
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.model import (
    ELEMENT_CLASSES,
    SCHEMA_VERSION,
    ActionItem,
    Conflict,
    Link,
    Participant,
    Workshop,
    integrity_problems,
)
from workshop_app.store import atomic_write_bytes, load_workshop, migrations, parse_bytes, save_workshop, to_json_bytes

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
months = st.none() | st.integers(min_value=0, max_value=240)
days = st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


@st.composite
def workshops(draw) -> Workshop:
    doc = Workshop()
    doc.meta.title = draw(text)
    doc.meta.date = draw(days)
    n_people = draw(st.integers(0, 5))
    for i in range(n_people):
        doc.participants.append(Participant(id=f"p-{i}", name=draw(text), side=draw(st.sampled_from(["marketing", "sales", "joint"]))))
    people = [p.id for p in doc.participants]
    for i in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(sorted(ELEMENT_CLASSES)))
        fields = {"id": f"e-{i}", "title": draw(text), "notes": draw(text)}
        cls = ELEMENT_CLASSES[kind]
        if "horizon_months" in cls.model_fields:
            fields["horizon_months"] = draw(months)
        if "period_months" in cls.model_fields:
            fields["period_months"] = draw(months)
        if "amount" in cls.model_fields:
            fields["amount"] = draw(st.none() | st.floats(0, 1e9, allow_nan=False))
        if "owners" in cls.model_fields and people:
            fields["owners"] = draw(st.lists(st.sampled_from(people), unique=True, max_size=3))
        if "due_date" in cls.model_fields:
            fields["due_date"] = draw(days)
        doc.elements.append(cls(**fields))
    goals = [e.id for e in doc.elements if e.kind == "goal"]
    targets = [e.id for e in doc.elements if e.kind in ("goal", "strategy")]
    for i in range(draw(st.integers(0, 6))):
        if len(goals) < 1 or len(targets) < 2:
            break
        src = draw(st.sampled_from(goals))
        dst = draw(st.sampled_from([t for t in targets if t != src]))
        doc.links.append(Link(id=f"l-{i}", kind="contributes_to", source=src, target=dst, reason=draw(text)))
    if doc.links:
        doc.conflicts.append(Conflict(id="c-0", element_ids=[doc.links[0].source], votes={p: 1 for p in people[:2]}, resolution=draw(text)))
    doc.actions.append(ActionItem(id="a-0", what=draw(text), owner=people[0] if people else None, due_date=draw(days)))
    assert integrity_problems(doc) == []
    return doc


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(workshops())
def test_round_trip_is_identical(doc):
    data = to_json_bytes(doc)
    again = parse_bytes(data)
    assert again == doc
    assert to_json_bytes(again) == data


def test_file_carries_format_and_version(tmp_path):
    path = tmp_path / "w.workshop.json"
    save_workshop(Workshop(), path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["schema_version"] == SCHEMA_VERSION
    assert raw["format"] == "tandem-workshop"
    assert load_workshop(path) == Workshop()


def test_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "w.workshop.json"
    path.write_bytes(b"old content")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError) as info:
        save_workshop(Workshop(), path)
    assert info.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["w.workshop.json"]  # no temp file left behind


def test_write_into_read_only_folder_fails_cleanly(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "w.workshop.json").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(PermissionError):
            save_workshop(Workshop(), folder / "w.workshop.json")
        assert (folder / "w.workshop.json").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


def test_atomic_write_keeps_permissions(tmp_path):
    path = tmp_path / "secret"
    atomic_write_bytes(path, b"one", mode=0o600)
    atomic_write_bytes(path, b"two")
    assert path.read_bytes() == b"two"
    assert path.stat().st_mode & 0o777 == 0o600


def test_migration_chain_runs_step_by_step(monkeypatch):
    """An older file is lifted one version at a time before validation."""
    monkeypatch.setattr("workshop_app.store.document_file.SCHEMA_VERSION", 3)
    monkeypatch.setattr("workshop_app.store.migrations.SCHEMA_VERSION", 3)
    calls = []

    def v1_to_v2(raw):
        calls.append(1)
        raw["meta"]["title"] = raw["meta"].pop("name")
        return raw

    def v2_to_v3(raw):
        calls.append(2)
        raw["meta"]["title"] += "!"
        return raw

    monkeypatch.setattr(migrations, "MIGRATIONS", {1: v1_to_v2, 2: v2_to_v3})
    raw = {"schema_version": 1, "meta": {"name": "Old"}}
    doc = parse_bytes(json.dumps(raw).encode())
    assert calls == [1, 2]
    assert doc.meta.title == "Old!"


def test_a_missing_migration_step_is_reported(monkeypatch):
    monkeypatch.setattr("workshop_app.store.document_file.SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    from workshop_app.store import LoadError

    with pytest.raises(LoadError, match="no migration from schema version 1 to 2"):
        parse_bytes(b'{"schema_version": 1}')
