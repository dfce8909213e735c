"""The alignment check: both sides score the same statements, round by round.

Why this shape: the statements a workshop used are stored in the document
(the facilitator may add, drop and reword them), so a file still means the
same thing when the standard set in ``resources/alignment`` changes. A
response is one respondent's answers in one round; an anonymous response
(the default) stores no participant id at all. A tally is the room's
show of hands for one statement and side, for when nobody types per person.
Responses and tallies refer to their round and statements by id, so the
reference table (``model/references.py``) removes them with their round,
and clears a removed participant or statement from them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from workshop_app.model.elements import Record
from workshop_app.model.enums import Side
from workshop_app.model.types import MESSAGES, Day, Dots, Id, LongText, Score, ShortText

#: The answers a tally counts, in order: scores 1 to 5, then "don't know".
TALLY_SLOTS = 6


class Dimension(StrEnum):
    """What a statement is about: the levers of DESIGN §1 and the ground they stand on."""

    GOALS = "goals"
    INCENTIVES = "incentives"
    HORIZONS = "horizons"
    BUDGET = "budget"
    CHANNELS = "channels"
    LEADS = "leads"
    CUSTOMER_KNOWLEDGE = "customer_knowledge"
    PLANNING = "planning"
    METRICS = "metrics"
    CULTURE = "culture"


def _one_of_two(side: Side) -> Side:
    if side not in (Side.MARKETING, Side.SALES):
        raise PydanticCustomError("response_side", MESSAGES["response_side"])
    return side


#: The side of a response or tally: the check compares the two departments, so "joint" is refused.
RespondingSide = Annotated[Side, AfterValidator(_one_of_two)]


def _six_counts(counts: list[int]) -> list[int]:
    if len(counts) != TALLY_SLOTS:
        raise PydanticCustomError("tally_counts", MESSAGES["tally_counts"])
    return counts


class AlignmentStatement(Record):
    id: Id
    dimension: Dimension
    text_de: LongText = ""
    text_en: LongText = ""

    def text(self, lang: str) -> str:
        """The statement in ``lang``, else in the other language (a facilitator may have written only one)."""
        first, second = (self.text_de, self.text_en) if lang == "de" else (self.text_en, self.text_de)
        return first.strip() or second.strip()


class AlignmentRound(Record):
    """One sitting of the check, e.g. "before", "end of day", "3 months later"."""

    id: Id
    name: ShortText = ""
    date: Day | None = None


class AlignmentResponse(Record):
    """One respondent's scores in one round: statement id → 1–5, or None for "don't know".

    A statement missing from ``scores`` was not answered (yet); it counts like
    "don't know" in the scoring. ``participant`` stays None for an anonymous
    response, the default.
    """

    id: Id
    round_id: Id
    side: RespondingSide
    participant: Id | None = None
    scores: dict[Id, Score | None] = Field(default_factory=dict)


class AlignmentTally(Record):
    """The room's count of answers to one statement from one side: how many said 1, 2, 3, 4, 5, don't know."""

    id: Id
    round_id: Id
    statement_id: Id
    side: RespondingSide
    counts: Annotated[list[Dots], AfterValidator(_six_counts)] = Field(default_factory=lambda: [0] * TALLY_SLOTS)


class Alignment(Record):
    """The check's statements, rounds and answers; empty until the facilitator starts it."""

    statements: list[AlignmentStatement] = Field(default_factory=list)
    rounds: list[AlignmentRound] = Field(default_factory=list)
    responses: list[AlignmentResponse] = Field(default_factory=list)
    tallies: list[AlignmentTally] = Field(default_factory=list)

    def round(self, round_id: str) -> AlignmentRound | None:
        return next((r for r in self.rounds if r.id == round_id), None)

    def statement(self, statement_id: str) -> AlignmentStatement | None:
        return next((s for s in self.statements if s.id == statement_id), None)
