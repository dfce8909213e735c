"""Then vs now on hand-built pairs: which conflicts are gone, still there or new; the alignment per side."""

from __future__ import annotations

from tests.builders import agreed_workshop, healthy_workshop, link
from workshop_app.analysis import conflict_views
from workshop_app.analysis.alignment import standard_statements
from workshop_app.analysis.then_now import alignment_then_now, compare_conflicts, conflict_snapshot, conflicts_then_now
from workshop_app.model import AlignmentResponse, AlignmentRound, Incentive, Side, ThenConflict
from workshop_app.store.follow_up import carry_over, reference_to


def _follow_up(earlier):
    return carry_over(earlier, reference_to(earlier), conflict_snapshot(earlier))


def test_an_untouched_follow_up_has_every_conflict_still_there():
    new = _follow_up(agreed_workshop())
    result = conflicts_then_now(new, "en")
    assert result is not None and not result.gone and not result.new
    assert {s.then.id for s in result.still} == {c.id for c in new.follow_up.then_conflicts}


def test_removing_a_cause_makes_its_conflict_gone_and_a_new_cause_a_new_one():
    new = _follow_up(agreed_workshop())
    new.elements = [e for e in new.elements if e.id != "silo"]  # the silo goal was dropped
    new.links = [x for x in new.links if "silo" not in (x.source, x.target)]
    new.elements.append(Incentive(id="mk-quarter", title="Quarterly MQL bonus", side=Side.MARKETING, period_months=3))
    new.links.append(link("r9", "rewards", "mk-quarter", "winrate"))
    result = conflicts_then_now(new, "en")
    assert "rule-silo-goal:silo" in {c.id for c in result.gone}
    assert any("mk-quarter" in v.element_ids for v in result.new)
    assert "k-declared" in {s.then.id for s in result.still}


def test_conflicts_match_by_rule_and_elements_when_their_ids_differ():
    now = [v for v in conflict_views(agreed_workshop(), "en") if v.rule == "short-incentive-period"]
    then = [ThenConflict(id="old-id", rule="short-incentive-period", element_ids=list(now[0].element_ids))]
    result = compare_conflicts(then, now)
    assert [s.then.id for s in result.still] == ["old-id"] and not result.gone and not result.new


def test_the_snapshot_titles_each_conflict_in_both_languages():
    snapshot = conflict_snapshot(agreed_workshop())
    short = next(c for c in snapshot if c.rule == "short-incentive-period")
    assert short.title_en and short.title_de and short.title_en != short.title_de
    assert short.title("de") == short.title_de


def _answers(doc, round_id, side, value, n=3):
    for i in range(n):
        doc.alignment.responses.append(AlignmentResponse(
            id=f"{round_id}-{side}-{i}", round_id=round_id, side=side,
            scores={s.id: value for s in doc.alignment.statements}))


def test_the_new_round_is_compared_with_the_earlier_per_side_and_statement():
    earlier = healthy_workshop()
    earlier.alignment.statements = standard_statements()
    earlier.alignment.rounds = [AlignmentRound(id="r-then", name="Before")]
    _answers(earlier, "r-then", Side.MARKETING, 4)
    _answers(earlier, "r-then", Side.SALES, 2)
    new = _follow_up(earlier)
    assert alignment_then_now(new) is None  # no new round yet
    new.alignment.rounds.append(AlignmentRound(id="r-now", name="Three months later"))
    _answers(new, "r-now", Side.MARKETING, 4)
    _answers(new, "r-now", Side.SALES, 4)
    result = alignment_then_now(new)
    assert result is not None and result.then.round.id == "r-then" and result.now.round.id == "r-now"
    assert result.score_change(Side.SALES) == 40 and result.score_change(Side.MARKETING) == 0
    assert len(result.statements) == 20
    assert all(row.change(Side.SALES) == 2 for row in result.statements)


def test_a_workshop_without_an_earlier_round_has_no_alignment_comparison():
    assert alignment_then_now(_follow_up(healthy_workshop())) is None
    assert alignment_then_now(healthy_workshop()) is None
