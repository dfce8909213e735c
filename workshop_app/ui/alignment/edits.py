"""The edits of the alignment check, as model operations the window pushes as single undoable commands.

Every answer typed in the grid is one ``UpdateItem`` of the response's
``scores``, so Undo takes back exactly one keystroke's worth of data, and
the recovery copy holds every answer the moment it is typed.
"""

from __future__ import annotations

from workshop_app.analysis.alignment import standard_statements
from workshop_app.i18n import _
from workshop_app.model import (
    AddItem,
    AlignmentResponse,
    AlignmentRound,
    Batch,
    Operation,
    Side,
    UpdateItem,
    Workshop,
    new_id,
)

#: The value that removes an answer again (as opposed to None, "don't know").
CLEAR = "clear"


def start_check(doc: Workshop) -> Batch:
    """Copy Tandem's standard statements into the workshop and open its first round, "Before"."""
    ops: list[Operation] = [AddItem("alignment_statements", st) for st in standard_statements()
                            if doc.alignment.statement(st.id) is None]
    if not doc.alignment.rounds:
        ops.append(new_round(doc, _("Before")))
    return Batch(ops, label=_("Start the alignment check"))


def new_round(doc: Workshop, name: str) -> AddItem:
    first = not doc.alignment.rounds
    round_ = AlignmentRound(id=new_id("round"), name=name, date=doc.meta.date if first else None)
    return AddItem("alignment_rounds", round_, label=_("Add round"))


def new_response(round_id: str, side: Side) -> AddItem:
    """An anonymous, empty response of ``side`` in the round."""
    response = AlignmentResponse(id=new_id("response"), round_id=round_id, side=side)
    return AddItem("alignment_responses", response, label=_("Add respondent"))


def set_score(response: AlignmentResponse, statement_id: str, value: int | str | None) -> UpdateItem | None:
    """Score 1–5, None for "don't know", :data:`CLEAR` to remove the answer; None when nothing changes."""
    scores = dict(response.scores)
    if value == CLEAR:
        if statement_id not in scores:
            return None
        del scores[statement_id]
    else:
        if statement_id in scores and scores[statement_id] == value:
            return None
        scores[statement_id] = value  # type: ignore[assignment]
    return UpdateItem("alignment_responses", response.id, {"scores": scores}, label=_("Enter score"))
