"""Graph nodes: the typed elements of a workshop (DESIGN §3)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from workshop_app.model.enums import GoalLevel, IncentiveType, Origin, Side
from workshop_app.model.types import Day, Id, NonNegFloat, NonNegInt, Rating


class Record(BaseModel):
    """Base of every stored object: unknown fields are errors, assignments validate."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Position(Record):
    """Where the facilitator dragged a node in the graph (layout units)."""

    x: float = Field(allow_inf_nan=False)
    y: float = Field(allow_inf_nan=False)


class ElementBase(Record):
    id: Id
    title: str = ""
    notes: str = ""
    side: Side = Side.JOINT
    origin: Origin = Origin.AS_IS
    position: Position | None = None
    hidden: bool = False  # not yet revealed to the audience


class Strategy(ElementBase):
    kind: Literal["strategy"] = "strategy"
    horizon_months: NonNegInt | None = None


class Goal(ElementBase):
    kind: Literal["goal"] = "goal"
    level: GoalLevel = GoalLevel.DEPARTMENT
    metric: str = ""
    baseline: str = ""
    target: str = ""
    unit: str = ""
    horizon_months: NonNegInt | None = None
    due_date: Day | None = None
    how: str = ""
    owners: list[Id] = Field(default_factory=list)  # participant ids


class Incentive(ElementBase):
    kind: Literal["incentive"] = "incentive"
    role: str = ""
    incentive_type: IncentiveType = IncentiveType.COMMISSION
    period_months: NonNegInt | None = None
    rewards_what: str = ""


class Budget(ElementBase):
    kind: Literal["budget"] = "budget"
    amount: NonNegFloat | None = None
    currency: str = "EUR"
    period_months: NonNegInt | None = None


class Channel(ElementBase):
    """A way information travels from one side to the other.

    ``side`` is the sending side; ``to_side`` the receiving one, whose
    ``usefulness`` rating (0 useless … 5 essential) is what counts.
    """

    kind: Literal["channel"] = "channel"
    to_side: Side = Side.JOINT
    purpose: str = ""
    format: str = ""
    cadence: str = ""
    owner: Id | None = None  # participant id
    usefulness: Rating | None = None


class Insight(ElementBase):
    kind: Literal["insight"] = "insight"
    source: str = ""


class Belief(ElementBase):
    kind: Literal["belief"] = "belief"
    resistance: str = ""
    mitigation: str = ""


Element = Annotated[
    Strategy | Goal | Incentive | Budget | Channel | Insight | Belief,
    Field(discriminator="kind"),
]

ELEMENT_CLASSES: dict[str, type[ElementBase]] = {
    cls.model_fields["kind"].default: cls
    for cls in (Strategy, Goal, Incentive, Budget, Channel, Insight, Belief)
}
