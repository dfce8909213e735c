"""The follow-up demo: the demo three months later, made by the carry-over, with a realistic review."""

from __future__ import annotations

import pytest

from workshop_app.analysis.then_now import alignment_then_now, conflicts_then_now
from workshop_app.model import ActionOutcome, GoalLevel, Origin, PilotDecision, PilotVerdict, Side
from workshop_app.store.demo import load_demo
from workshop_app.store.demo_follow_up import follow_up_demo_path, load_follow_up_demo
from workshop_app.store.document_file import to_json_bytes

LANGS = ("de", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_follow_up_demo_is_canonical_and_follows_the_demo(lang):
    doc = load_follow_up_demo(lang)
    assert to_json_bytes(doc) == follow_up_demo_path(lang).read_bytes()
    demo = load_demo(lang)
    assert doc.follow_up is not None
    assert (doc.follow_up.earlier.title, doc.follow_up.earlier.date) == (demo.meta.title, demo.meta.date)
    assert len(doc.follow_up.earlier.sha256) == 64
    assert (doc.meta.date - demo.meta.date).days in range(85, 100)  # three months later
    assert {a.id for a in doc.actions} == {a.id for a in demo.actions}
    assert {p.id for p in doc.participants} == {p.id for p in demo.participants}


def test_both_languages_have_the_same_ids_and_review_values():
    de, en = (load_follow_up_demo(lang) for lang in LANGS)
    assert [e.id for e in de.elements] == [e.id for e in en.elements]
    assert de.follow_up.actions.keys() == en.follow_up.actions.keys()
    assert [(r.outcome, r.new_date) for r in de.follow_up.actions.values()] == \
        [(r.outcome, r.new_date) for r in en.follow_up.actions.values()]
    assert [r.kept for r in de.follow_up.kept.values()] == [r.kept for r in en.follow_up.kept.values()]
    assert de.follow_up.actions["a-lead-queue"].note != en.follow_up.actions["a-lead-queue"].note


def test_the_review_is_a_realistic_mix():
    doc = load_follow_up_demo("en")
    fu = doc.follow_up
    outcomes = [r.outcome for r in fu.actions.values()]
    assert set(outcomes) == set(ActionOutcome)
    assert set(fu.actions) == {a.id for a in doc.actions}  # every action reviewed
    late = [a for a in doc.actions if fu.actions[a.id].new_date and a.due_date and fu.actions[a.id].new_date > a.due_date]
    assert late
    shared = {e.id for e in doc.elements if e.kind == "goal" and e.level == GoalLevel.SHARED}
    assert set(fu.goals) == shared and all(r.reached for r in fu.goals.values())
    agreed = {e.id for e in doc.elements if e.kind == "agreement" or (e.kind == "channel" and e.origin == Origin.AGREED)}
    assert set(fu.kept) == agreed
    ratings = [r.kept for r in fu.kept.values()]
    assert max(ratings) == 5 and min(ratings) <= 2  # one kept well, one poorly
    assert fu.pilot.verdict == PilotVerdict.CONFIRMED and fu.pilot.decision == PilotDecision.ROLL_OUT


def test_then_vs_now_shows_a_conflict_gone_one_new_and_a_new_alignment_round():
    doc = load_follow_up_demo("en")
    result = conflicts_then_now(doc, "en")
    assert result.gone and result.new and result.still
    alignment = alignment_then_now(doc)
    assert alignment is not None
    assert all(alignment.score_change(side) > 0 for side in (Side.MARKETING, Side.SALES))
