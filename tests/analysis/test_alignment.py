"""Scoring the alignment check: totals, stages, profiles, gaps, privacy, and the gap finding."""

from __future__ import annotations

import json

import pytest

from workshop_app.analysis import alignment as al
from workshop_app.analysis import find_conflicts
from workshop_app.model import (
    AlignmentResponse,
    AlignmentRound,
    AlignmentTally,
    RemoveItem,
    Side,
    Workshop,
)

M, S = Side.MARKETING, Side.SALES


def _doc(rounds=("before",)) -> Workshop:
    doc = Workshop()
    doc.alignment.statements = al.standard_statements()
    doc.alignment.rounds = [AlignmentRound(id="r-" + name.replace(" ", "-"), name=name) for name in rounds]
    return doc


def _respond(doc: Workshop, side: Side, scores: dict, round_id: str = "r-before") -> str:
    rid = f"resp-{len(doc.alignment.responses) + 1}"
    doc.alignment.responses.append(AlignmentResponse(id=rid, round_id=round_id, side=side, scores=scores))
    return rid


def _all(doc: Workshop, value, **overrides) -> dict:
    return {s.id: overrides.get(s.id, value) for s in doc.alignment.statements}


def test_the_standard_set_has_twenty_statements_in_both_languages_two_per_dimension():
    statements = al.standard_statements()
    assert len(statements) == al.STANDARD_COUNT == 20
    assert len({s.id for s in statements}) == 20
    assert all(s.text_de.strip() and s.text_en.strip() and s.text_de != s.text_en for s in statements)
    per_dimension = {d: sum(1 for s in statements if s.dimension == d) for d in al.DIMENSION_NAMES}
    assert set(per_dimension.values()) == {2}


@pytest.mark.parametrize(("score", "stage"), [(20, "undefined"), (39.9, "undefined"), (40, "defined"),
                                              (59.9, "defined"), (60, "aligned"), (79.9, "aligned"),
                                              (80, "integrated"), (100, "integrated")])
def test_stages_follow_the_score_ranges(score, stage):
    assert al.stage_of(score) == stage


def test_a_complete_round_scores_the_plain_total_and_its_stage():
    doc = _doc()
    for _ in range(3):
        _respond(doc, M, _all(doc, 4))  # 20 × 4 = 80
        _respond(doc, S, _all(doc, 2, **{"as-channels-1": 3}))  # 19 × 2 + 3 = 41
    result = al.score_round(doc.alignment, "r-before")
    assert result.sides[M].score == pytest.approx(80) and result.sides[M].stage == "integrated"
    assert result.sides[S].score == pytest.approx(41) and result.sides[S].stage == "defined"
    assert not result.sides[M].scaled and result.sides[S].respondents == 3
    assert result.sides[S].profile[al.Dimension.CHANNELS] == pytest.approx(2.5)


def test_dont_know_is_left_out_and_the_mean_is_scaled_and_says_so():
    doc = _doc()
    for _ in range(3):
        _respond(doc, M, _all(doc, 3, **{"as-budget-1": None, "as-budget-2": None}))
        _respond(doc, S, _all(doc, 3))
    result = al.score_round(doc.alignment, "r-before")
    assert result.sides[M].score == pytest.approx(60)  # mean 3 of the 18 answered, scaled: not 18 × 3 = 54
    assert result.sides[M].scaled and not result.sides[S].scaled
    assert al.Dimension.BUDGET not in result.sides[M].profile
    budget = next(r for r in result.statements if r.statement.id == "as-budget-1")
    assert budget.means[M] is None and budget.gap is None


def test_fewer_statements_scale_to_the_same_range():
    doc = _doc()
    doc.alignment.statements = doc.alignment.statements[:5]
    for _ in range(3):
        _respond(doc, M, _all(doc, 5))
        _respond(doc, S, _all(doc, 1))
    result = al.score_round(doc.alignment, "r-before")
    assert result.sides[M].score == pytest.approx(100) and result.sides[S].score == pytest.approx(20)
    assert result.sides[M].scaled


def test_too_few_respondents_on_a_side_show_nothing_of_that_side():
    doc = _doc()
    for _ in range(3):
        _respond(doc, M, _all(doc, 4))
    for _ in range(2):
        _respond(doc, S, _all(doc, 1))
    result = al.score_round(doc.alignment, "r-before")
    assert result.sides[S].too_few and result.sides[S].score is None and result.sides[S].profile == {}
    assert all(r.means[S] is None for r in result.statements) and result.gaps() == []
    assert not result.sides[M].too_few and not result.shown
    summary = al.alignment_summary(doc)["rounds"][0]["sides"]["sales"]
    assert summary == {"respondents": 2, "too_few": True, "score": None, "stage": None, "scaled": False,
                       "profile": {}}


def test_a_statement_with_too_few_answers_hides_its_mean():
    doc = _doc()
    for i in range(4):
        _respond(doc, M, _all(doc, 4, **({"as-goals-1": None} if i < 2 else {})))
        _respond(doc, S, _all(doc, 4))
    result = al.score_round(doc.alignment, "r-before")
    goals = next(r for r in result.statements if r.statement.id == "as-goals-1")
    assert goals.answers[M] == 2 and goals.means[M] is None


def test_gaps_are_marketing_minus_sales_sorted_by_size():
    doc = _doc()
    for _ in range(3):
        _respond(doc, M, _all(doc, 3, **{"as-channels-1": 5, "as-incentives-1": 1, "as-culture-1": 4}))
        _respond(doc, S, _all(doc, 3, **{"as-channels-1": 2, "as-incentives-1": 3}))
    gaps = al.score_round(doc.alignment, "r-before").gaps()
    assert [(g.statement.id, g.gap) for g in gaps[:3]] == [("as-channels-1", 3), ("as-incentives-1", -2),
                                                           ("as-culture-1", 1)]
    assert [g.statement.id for g in al.score_round(doc.alignment, "r-before").large_gaps()] == [
        "as-channels-1", "as-incentives-1"]


def test_a_tally_counts_like_individual_answers():
    doc = _doc()
    for side, counts in ((M, [0, 0, 0, 4, 0, 0]), (S, [2, 2, 0, 0, 0, 1])):
        for st in doc.alignment.statements:
            doc.alignment.tallies.append(AlignmentTally(id=f"t-{side}-{st.id}", round_id="r-before",
                                                        statement_id=st.id, side=side, counts=counts))
    result = al.score_round(doc.alignment, "r-before")
    assert result.sides[M].respondents == 4 and result.sides[M].score == pytest.approx(80)
    assert result.sides[S].respondents == 5 and result.sides[S].score == pytest.approx(30)
    assert result.sides[S].scaled  # one "don't know" per statement
    assert result.gaps()[0].gap == pytest.approx(2.5)


def _gap_findings(doc: Workshop) -> list:
    return [f for f in find_conflicts(doc, "en") if f.rule == al.RULE_ID]


def test_a_large_gap_becomes_a_finding_and_vanishes_with_the_responses():
    doc = _doc()
    assert _gap_findings(doc) == []
    for _ in range(3):
        _respond(doc, M, _all(doc, 3, **{"as-channels-1": 5}))
        _respond(doc, S, _all(doc, 3, **{"as-channels-1": 2}))
    found = _gap_findings(doc)
    assert len(found) == 1 and found[0].key_ids == ("as-channels-1",) and found[0].element_ids == ()
    assert "5" in found[0].explanation and "2" in found[0].explanation and "before" in found[0].explanation
    assert found[0].lever
    de = next(f for f in find_conflicts(doc, "de") if f.rule == al.RULE_ID)
    assert de.id == found[0].id and "Kommunikationskanal" not in de.title  # same id in every language
    # one Sales respondent withdrawn: too few on that side, nothing to show, the finding goes
    removal = RemoveItem("alignment_responses", doc.alignment.responses[-1].id)
    removal.apply(doc)
    assert _gap_findings(doc) == []
    removal.revert(doc)
    assert len(_gap_findings(doc)) == 1


def test_a_later_round_that_closes_the_gap_makes_the_finding_vanish():
    doc = _doc(rounds=("before", "end of day"))
    for _ in range(3):
        _respond(doc, M, _all(doc, 3, **{"as-channels-1": 5}))
        _respond(doc, S, _all(doc, 3, **{"as-channels-1": 2}))
    assert len(_gap_findings(doc)) == 1  # the empty second round does not hide the first
    for _ in range(3):
        _respond(doc, M, _all(doc, 4), round_id="r-end-of-day")
        _respond(doc, S, _all(doc, 4), round_id="r-end-of-day")
    assert _gap_findings(doc) == []
    summary = al.alignment_summary(doc)
    assert summary["rounds"][1]["change"] == {"marketing": 18.0, "sales": 21.0}
    assert summary["rounds"][1]["change_since"] == "r-before" and "change" not in summary["rounds"][0]


def test_the_summary_is_json_and_never_holds_a_single_respondents_answers():
    doc = _doc()
    for i in range(3):
        _respond(doc, M, _all(doc, 3, **{"as-channels-1": 5}))
        _respond(doc, S, _all(doc, 2 + (i == 0), **{"as-channels-1": 1}))
    summary = al.alignment_summary(doc)
    text = json.dumps(summary)
    assert "resp-" not in text and "scores" not in text
    rnd = summary["rounds"][0]
    assert rnd["sides"]["marketing"]["stage"] == "aligned" and rnd["sides"]["sales"]["respondents"] == 3
    assert rnd["largest_gaps"][0] == {"statement_id": "as-channels-1", "dimension": "channels",
                                      "marketing": 5.0, "sales": 1.0, "gap": 4.0}
