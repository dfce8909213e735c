"""Graph nodes: the typed elements of a workshop (DESIGN §3)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from workshop_app.model.enums import AgreementType, GoalLevel, IncentiveType, Origin, Side
from workshop_app.model.types import Amount, Coordinate, Day, Id, LongText, Months, Rating, ShortText


class Record(BaseModel):
    """Base of every stored object: unknown fields are errors, assignments validate."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Position(Record):
    """Where the facilitator dragged a node in the graph (layout units)."""

    x: Coordinate
    y: Coordinate


class ElementBase(Record):
    id: Id
    title: ShortText = ""
    notes: LongText = ""
    side: Side = Side.JOINT
    origin: Origin = Origin.AS_IS
    position: Position | None = None
    hidden: bool = False  # not yet revealed to the audience


class Strategy(ElementBase):
    kind: Literal["strategy"] = "strategy"
    horizon_months: Months | None = None


class Goal(ElementBase):
    kind: Literal["goal"] = "goal"
    level: GoalLevel = GoalLevel.DEPARTMENT
    metric: ShortText = ""
    baseline: ShortText = ""
    target: ShortText = ""
    unit: ShortText = ""
    horizon_months: Months | None = None
    due_date: Day | None = None
    how: LongText = ""
    owners: list[Id] = Field(default_factory=list)  # participant ids


class Incentive(ElementBase):
    kind: Literal["incentive"] = "incentive"
    role: ShortText = ""
    incentive_type: IncentiveType = IncentiveType.COMMISSION
    period_months: Months | None = None
    rewards_what: LongText = ""


class Budget(ElementBase):
    kind: Literal["budget"] = "budget"
    amount: Amount | None = None
    currency: ShortText = "EUR"
    period_months: Months | None = None
    start_date: Day | None = None  # a pot agreed today may start later ("one pot from Q2")


class Channel(ElementBase):
    """A way information travels from one side to the other.

    ``side`` is the sending side; ``to_side`` the receiving one, whose
    ``usefulness`` rating (0 useless … 5 essential) is what counts.
    """

    kind: Literal["channel"] = "channel"
    to_side: Side = Side.JOINT
    purpose: LongText = ""
    format: ShortText = ""
    cadence: ShortText = ""
    owner: Id | None = None  # participant id
    usefulness: Rating | None = None


class Insight(ElementBase):
    kind: Literal["insight"] = "insight"
    source: ShortText = ""


class Belief(ElementBase):
    kind: Literal["belief"] = "belief"
    resistance: LongText = ""
    mitigation: LongText = ""


class Agreement(ElementBase):
    """What the sides promise each other: a service level, a definition or a rule of engagement.

    ``parties`` are the sides bound by it; ``commitment`` says who does what
    (or what counts as, e.g., a qualified lead), ``within`` how fast, and
    ``metric`` how keeping it is measured. Agreements are agreed by nature,
    so ``origin`` defaults to agreed.
    """

    kind: Literal["agreement"] = "agreement"
    origin: Origin = Origin.AGREED
    agreement_type: AgreementType = AgreementType.SERVICE_LEVEL
    parties: list[Side] = Field(default_factory=list)
    commitment: LongText = ""
    within: ShortText = ""
    metric: ShortText = ""
    owner: Id | None = None  # participant id
    review_date: Day | None = None


#: Any element, as a plain union: code narrows it by ``kind`` (``if el.kind == "goal": el.level …``).
AnyElement = Strategy | Goal | Incentive | Budget | Channel | Insight | Belief | Agreement
#: The same union as the document stores it: pydantic picks the class by ``kind``.
Element = Annotated[AnyElement, Field(discriminator="kind")]

ELEMENT_CLASSES: dict[str, type[ElementBase]] = {
    cls.model_fields["kind"].default: cls
    for cls in (Strategy, Goal, Incentive, Budget, Channel, Insight, Belief, Agreement)
}
