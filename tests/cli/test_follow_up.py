"""``tandem follow-up`` and ``tandem demo --follow-up``: a follow-up file, the earlier one untouched."""

from __future__ import annotations

import hashlib

from workshop_app.cli import main
from workshop_app.store import load_workshop, save_workshop
from workshop_app.store.demo import load_demo


def test_follow_up_writes_a_follow_up_and_leaves_the_earlier_file_byte_identical(tmp_path, capsys):
    old, new = tmp_path / "march.workshop.json", tmp_path / "june.workshop.json"
    save_workshop(load_demo("en"), old)
    data = old.read_bytes()
    assert main(["follow-up", str(old), "-o", str(new), "--date", "2026-06-12"]) == 0
    assert "june.workshop.json" in capsys.readouterr().out
    assert old.read_bytes() == data
    doc = load_workshop(new)
    assert doc.follow_up is not None
    assert doc.follow_up.earlier.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.follow_up.earlier.file_name == "march.workshop.json"
    assert str(doc.meta.date) == "2026-06-12"
    assert [a.id for a in doc.actions] == [a.id for a in load_demo("en").actions]


def test_follow_up_never_writes_over_the_earlier_file_nor_silently_over_another(tmp_path, capsys):
    old, other = tmp_path / "march.workshop.json", tmp_path / "other.workshop.json"
    save_workshop(load_demo("en"), old)
    save_workshop(load_demo("en"), other)
    data, other_data = old.read_bytes(), other.read_bytes()
    assert main(["follow-up", str(old), "-o", str(old), "--force"]) == 1
    assert "earlier workshop" in capsys.readouterr().err
    assert main(["follow-up", str(old), "-o", str(other)]) == 1
    assert "--force" in capsys.readouterr().err
    assert (old.read_bytes(), other.read_bytes()) == (data, other_data)
    assert main(["follow-up", str(old), "-o", str(other), "--force"]) == 0


def test_follow_up_of_a_missing_or_broken_file_lists_its_problems(tmp_path, capsys):
    assert main(["follow-up", str(tmp_path / "nope.workshop.json"), "-o", str(tmp_path / "x.workshop.json")]) == 2
    captured = capsys.readouterr()
    assert "does not exist" in captured.err + captured.out
    assert not (tmp_path / "x.workshop.json").exists()


def test_demo_follow_up_writes_the_reviewed_follow_up_demo(tmp_path):
    out = tmp_path / "demo-follow-up.workshop.json"
    assert main(["demo", "--follow-up", "--lang", "en", "-o", str(out)]) == 0
    doc = load_workshop(out)
    assert doc.follow_up is not None and doc.follow_up.actions and doc.follow_up.pilot.verdict == "confirmed"
