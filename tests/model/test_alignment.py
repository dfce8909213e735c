"""The alignment check's data: rounds, responses and tallies follow the reference table like everything else."""

from __future__ import annotations

import json

import pytest

from workshop_app.model import (
    AddItem,
    AlignmentResponse,
    AlignmentRound,
    AlignmentStatement,
    AlignmentTally,
    ModelError,
    Participant,
    RemoveItem,
    Side,
    UpdateItem,
    Workshop,
    integrity_problems,
)
from workshop_app.model.diff import differences
from workshop_app.store.document_file import to_json_bytes


def _doc() -> Workshop:
    doc = Workshop(participants=[Participant(id="p-anna", name="Anna", side=Side.SALES)])
    doc.alignment.statements = [
        AlignmentStatement(id="as-a", dimension="channels", text_en="We talk.", text_de="Wir reden."),
        AlignmentStatement(id="as-b", dimension="incentives", text_en="Pay fits."),
    ]
    doc.alignment.rounds = [AlignmentRound(id="r-before", name="before")]
    return doc


def test_an_anonymous_response_stores_no_participant_id():
    doc = _doc()
    AddItem("alignment_responses", AlignmentResponse(id="resp-1", round_id="r-before", side=Side.SALES,
                                                      scores={"as-a": 2, "as-b": None})).apply(doc)
    stored = json.loads(to_json_bytes(doc))["alignment"]["responses"][0]
    assert stored["participant"] is None
    assert "p-anna" not in json.dumps(stored)
    assert stored["scores"] == {"as-a": 2, "as-b": None}  # None is "don't know"


def test_removing_a_participant_clears_them_from_responses_and_undo_brings_them_back():
    doc = _doc()
    AddItem("alignment_responses", AlignmentResponse(id="resp-1", round_id="r-before", side=Side.SALES,
                                                      participant="p-anna", scores={"as-a": 4})).apply(doc)
    remove = RemoveItem("participants", "p-anna")
    remove.apply(doc)
    assert doc.alignment.responses[0].participant is None
    assert doc.alignment.responses[0].scores == {"as-a": 4}  # the answers stay, now anonymous
    assert integrity_problems(doc) == []
    remove.revert(doc)
    assert doc.alignment.responses[0].participant == "p-anna"


def test_removing_a_round_takes_its_responses_and_tallies_along():
    doc = _doc()
    AddItem("alignment_responses", AlignmentResponse(id="resp-1", round_id="r-before", side=Side.SALES)).apply(doc)
    AddItem("alignment_tallies", AlignmentTally(id="t-1", round_id="r-before", statement_id="as-a",
                                                side=Side.MARKETING, counts=[0, 1, 2, 3, 0, 1])).apply(doc)
    remove = RemoveItem("alignment_rounds", "r-before")
    remove.apply(doc)
    assert doc.alignment.rounds == [] and doc.alignment.responses == [] and doc.alignment.tallies == []
    remove.revert(doc)
    assert [r.id for r in doc.alignment.responses] == ["resp-1"] and len(doc.alignment.tallies) == 1


def test_removing_a_statement_drops_its_answers():
    doc = _doc()
    AddItem("alignment_responses", AlignmentResponse(id="resp-1", round_id="r-before", side=Side.SALES,
                                                      scores={"as-a": 1, "as-b": 5})).apply(doc)
    RemoveItem("alignment_statements", "as-a").apply(doc)
    assert doc.alignment.responses[0].scores == {"as-b": 5}


def test_scores_are_one_to_five_and_responses_come_from_marketing_or_sales():
    doc = _doc()
    AddItem("alignment_responses", AlignmentResponse(id="resp-1", round_id="r-before", side=Side.SALES)).apply(doc)
    for bad in ({"as-a": 0}, {"as-a": 6}, {"as-a": 2.5}):
        with pytest.raises(ModelError):
            UpdateItem("alignment_responses", "resp-1", {"scores": bad}).apply(doc)
    with pytest.raises(ModelError, match="marketing or sales"):
        UpdateItem("alignment_responses", "resp-1", {"side": Side.JOINT}).apply(doc)
    assert doc.alignment.responses[0].scores == {} and doc.alignment.responses[0].side == Side.SALES
    UpdateItem("alignment_responses", "resp-1", {"scores": {"as-a": 5}}).apply(doc)
    assert doc.alignment.responses[0].scores == {"as-a": 5}


def test_a_response_to_an_unknown_round_or_participant_is_refused_and_reported():
    doc = _doc()
    with pytest.raises(ModelError, match="alignment round"):
        AddItem("alignment_responses", AlignmentResponse(id="resp-1", round_id="r-none", side=Side.SALES)).apply(doc)
    doc.alignment.responses.append(AlignmentResponse(id="resp-2", round_id="r-before", side=Side.MARKETING,
                                                     participant="p-gone", scores={"as-x": 3}))
    where = [p.location for p in integrity_problems(doc)]
    assert "alignment_responses[0].participant" in where and "alignment_responses[0].scores" in where


def test_a_tally_holds_six_counts():
    with pytest.raises(ValueError):
        AlignmentTally(id="t", round_id="r", statement_id="s", side=Side.SALES, counts=[1, 2, 3])


def test_an_older_file_without_the_check_loads_with_an_empty_one_and_differences_see_it():
    doc = Workshop.model_validate({})
    assert doc.alignment.statements == [] and doc.alignment.rounds == []
    changed = _doc()
    AddItem("alignment_responses", AlignmentResponse(id="resp-1", round_id="r-before", side=Side.SALES)).apply(changed)
    assert "alignment_responses" in [d.collection for d in differences(_doc(), changed)]
