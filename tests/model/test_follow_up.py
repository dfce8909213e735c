"""The follow-up's review: undoable edits, and the reference table covering what the review points at."""

from __future__ import annotations

from datetime import date

import pytest

from tests.builders import agreed_workshop
from workshop_app.model import (
    ActionOutcome,
    ActionReview,
    FollowUp,
    ModelError,
    PilotVerdict,
    RemoveItem,
    UpdateReview,
    integrity_problems,
)
from workshop_app.store import parse_bytes, to_json_bytes


def _follow_up():
    doc = agreed_workshop()
    doc.follow_up = FollowUp()
    return doc


def test_a_review_entry_is_made_on_the_first_change_and_gone_again_on_undo():
    doc = _follow_up()
    op = UpdateReview("actions", "a1", {"outcome": "done", "note": "Pot is live", "new_date": date(2026, 5, 1)})
    op.apply(doc)
    assert doc.follow_up.actions["a1"] == ActionReview(outcome=ActionOutcome.DONE, note="Pot is live",
                                                       new_date=date(2026, 5, 1))
    second = UpdateReview("actions", "a1", {"note": "Live since May"})
    second.apply(doc)
    second.revert(doc)
    assert doc.follow_up.actions["a1"].note == "Pot is live"
    op.revert(doc)
    assert doc.follow_up.actions == {}


def test_the_pilot_review_and_the_kept_ratings_validate_like_any_field():
    doc = _follow_up()
    UpdateReview("pilot", None, {"actual": "7 %", "verdict": "confirmed"}).apply(doc)
    assert doc.follow_up.pilot.verdict == PilotVerdict.CONFIRMED
    with pytest.raises(ModelError):
        UpdateReview("kept", "sql", {"kept": 6}).apply(doc)
    assert "sql" not in doc.follow_up.kept  # a refused change leaves no empty entry behind
    UpdateReview("kept", "sql", {"kept": 4, "why": "Kept in most weeks"}).apply(doc)
    assert doc.follow_up.kept["sql"].kept == 4


def test_a_review_of_something_that_does_not_exist_is_refused():
    doc = _follow_up()
    with pytest.raises(ModelError):
        UpdateReview("actions", "no-such-action", {"outcome": "done"}).apply(doc)
    with pytest.raises(ModelError):
        UpdateReview("actions", "a1", {"outcome": "done"}).apply(agreed_workshop())  # no follow-up


def test_removing_an_action_or_goal_removes_its_review_and_undo_brings_it_back():
    doc = _follow_up()
    UpdateReview("actions", "a1", {"outcome": "dropped"}).apply(doc)
    UpdateReview("goals", "winrate", {"reached": "27"}).apply(doc)
    remove = RemoveItem("actions", "a1")
    remove.apply(doc)
    assert "a1" not in doc.follow_up.actions
    remove.revert(doc)
    assert doc.follow_up.actions["a1"].outcome == ActionOutcome.DROPPED
    RemoveItem("elements", "winrate").apply(doc)
    assert doc.follow_up.goals == {}


def test_the_load_check_refuses_a_review_of_a_missing_action():
    doc = _follow_up()
    doc.follow_up.actions["ghost"] = ActionReview(outcome=ActionOutcome.DONE)
    doc.follow_up.earlier_round_id = "no-round"
    problems = {(p.location, p.message) for p in integrity_problems(doc)}
    assert ("follow_up.actions", "refers to action 'ghost', which does not exist") in problems
    assert any(location == "follow_up.earlier_round_id" for location, _ in problems)


def test_a_follow_up_survives_the_file_round_trip():
    doc = _follow_up()
    UpdateReview("actions", "a2", {"outcome": "blocked", "note": "CRM change waits for IT"}).apply(doc)
    UpdateReview("pilot", None, {"decision": "roll_out"}).apply(doc)
    assert parse_bytes(to_json_bytes(doc)).model_dump() == doc.model_dump()
    assert parse_bytes(to_json_bytes(agreed_workshop())).follow_up is None
