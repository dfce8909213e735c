"""A follow-up carries the earlier workshop over with its ids and values; the earlier file stays untouched."""

from __future__ import annotations

import hashlib
from datetime import date

from tests.builders import agreed_workshop
from workshop_app.analysis.then_now import conflict_snapshot
from workshop_app.model import (
    AlignmentResponse,
    AlignmentRound,
    AlignmentStatement,
    Conflict,
    Dimension,
    Side,
    integrity_problems,
)
from workshop_app.store import load_workshop, save_workshop
from workshop_app.store.follow_up import carry_over, read_earlier, reference_to


def _earlier():
    doc = agreed_workshop()
    doc.alignment.statements = [AlignmentStatement(id="st-1", dimension=Dimension.GOALS, text_en="We share goals")]
    doc.alignment.rounds = [AlignmentRound(id="r-1", name="Before", date=date(2026, 3, 12))]
    doc.alignment.responses = [AlignmentResponse(id="resp-1", round_id="r-1", side=Side.SALES, scores={"st-1": 2})]
    doc.parking_lot = []
    # a finding the room never triaged: not one of the room's conflicts
    doc.conflicts.append(Conflict(id="rule-silo-goal:mk-goal", rule="silo-goal", element_ids=["mk-goal"], tally=2))
    return doc


def test_carry_over_keeps_every_id_and_value_of_what_it_carries():
    earlier = _earlier()
    before = earlier.model_dump()
    new = carry_over(earlier, reference_to(earlier, b"{}", "old.workshop.json"), conflict_snapshot(earlier),
                     today=date(2026, 6, 12))
    assert earlier.model_dump() == before  # the earlier document in memory is not changed either
    for field in ("participants", "elements", "links", "decisions", "actions", "pilot", "parking_lot", "alignment",
                  "analysis"):
        assert getattr(new, field).__class__ is getattr(earlier, field).__class__
        assert new.model_dump()[field] == before[field], field
    for old, carried in zip(earlier.elements, new.elements, strict=True):  # field by field, with every kind's own
        assert carried.model_dump() == old.model_dump()
        assert carried is not old
    kept = [c.model_dump() for c in earlier.conflicts if c.id != "rule-silo-goal:mk-goal"]
    assert [c.model_dump() for c in new.conflicts] == kept
    assert new.meta.organisation == earlier.meta.organisation and new.meta.language == earlier.meta.language
    assert new.meta.date == date(2026, 6, 12) and "Closing the gap" in new.meta.title
    assert all(not item.done and item.actual_minutes is None for item in new.agenda)
    assert integrity_problems(new) == []


def test_the_follow_up_names_the_earlier_workshop_and_its_round():
    earlier = _earlier()
    new = carry_over(earlier, reference_to(earlier, b"abc", "old.workshop.json"), conflict_snapshot(earlier))
    fu = new.follow_up
    assert fu is not None
    assert (fu.earlier.title, fu.earlier.date, fu.earlier.file_name) == ("Closing the gap", date(2026, 3, 12),
                                                                         "old.workshop.json")
    assert fu.earlier.sha256 == hashlib.sha256(b"abc").hexdigest()
    assert fu.earlier_round_id == "r-1"
    assert {c.id for c in fu.then_conflicts} >= {"k-declared", "rule-short-incentive-period:sales"}
    assert not fu.actions and not fu.goals and not fu.kept


def test_the_earlier_file_is_byte_identical_afterwards_and_its_hash_is_of_its_bytes(tmp_path):
    old = tmp_path / "old.workshop.json"
    save_workshop(_earlier(), old)
    data, stat = old.read_bytes(), old.stat()
    earlier, reference = read_earlier(old)
    new = carry_over(earlier, reference, conflict_snapshot(earlier), today=date(2026, 6, 12))
    save_workshop(new, tmp_path / "new.workshop.json")
    assert old.read_bytes() == data
    assert old.stat().st_mtime_ns == stat.st_mtime_ns
    assert reference.sha256 == hashlib.sha256(data).hexdigest()
    again = load_workshop(tmp_path / "new.workshop.json")
    assert again.model_dump() == new.model_dump()


def test_a_follow_up_of_a_follow_up_names_only_the_workshop_it_follows():
    first = carry_over(_earlier(), reference_to(_earlier(), b"1"), [])
    second = carry_over(first, reference_to(first, b"2"), [])
    assert second.follow_up is not None and second.follow_up.earlier.title == first.meta.title
