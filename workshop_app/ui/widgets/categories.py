"""The inventory's categories: what each shows, its columns, and how a new entry is made.

The Inventory page edits them and the projector's inventory view shows
them, so they live below both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workshop_app.i18n import N_, _
from workshop_app.model import (
    Budget,
    Channel,
    ElementKind,
    Goal,
    GoalLevel,
    Incentive,
    Insight,
    Origin,
    Side,
    Workshop,
    new_id,
)
from workshop_app.ui.widgets.labels import INCENTIVE_TYPE_NAMES, KIND_NAMES
from workshop_app.ui.widgets.record_table import Column

#: The side a channel of each side goes to by default.
OTHER_SIDE = {Side.MARKETING: Side.SALES, Side.SALES: Side.MARKETING}


@dataclass
class Category:
    key: str
    name: str  # N_
    hint: str  # N_
    noun: str  # N_, for the add line ("Add a Marketing {noun}")
    kinds: tuple[str, ...]
    columns: list[Column]
    make: Callable[[str, Side], object]
    as_is_only: bool = False
    #: a third table for what belongs to both sides (the joint budget pot, agreed in the workshop)
    joint: bool = False

    @property
    def sides(self) -> tuple[Side, ...]:
        return (Side.MARKETING, Side.SALES, Side.JOINT) if self.joint else (Side.MARKETING, Side.SALES)

    def rows(self, doc: Workshop, side: Side) -> list:
        return [el for el in doc.elements
                if el.kind in self.kinds and el.side == side and (not self.as_is_only or el.origin == Origin.AS_IS)]


TITLE = Column("title", N_("Entry"), stretch=True)


def _horizon_field(el) -> str | None:
    return {"goal": "horizon_months", "strategy": "horizon_months"}.get(el.kind, "period_months")


CATEGORIES = [
    Category("goals", N_("Goals & KPIs"), N_("Which goals and KPIs is each side measured on today?"), N_("goal or KPI"),
             (ElementKind.GOAL,),
             [Column("title", N_("Goal / KPI"), stretch=True), Column("metric", N_("Metric"), stretch=True, secondary=True),
              Column("target", N_("Target")), Column("horizon_months", N_("Months"), "int")],
             lambda t, s: Goal(id=new_id("goal"), title=t, side=s, origin=Origin.AS_IS, level=GoalLevel.DEPARTMENT),
             as_is_only=True),
    Category("incentives", N_("Incentives"), N_("What is each side paid or rewarded for, and how often?"), N_("incentive"),
             (ElementKind.INCENTIVE,),
             [Column("title", N_("Incentive"), stretch=True),
              Column("incentive_type", N_("Type"), "enum", choices=INCENTIVE_TYPE_NAMES),
              Column("period_months", N_("Months"), "int"), Column("rewards_what", N_("Rewards"), stretch=True, secondary=True)],
             lambda t, s: Incentive(id=new_id("incentive"), title=t, side=s)),
    Category("horizons", N_("Horizons"), N_("How far ahead does each side plan, and how often is it measured and paid? "
                                            "Set the horizon of each goal and the period of each incentive."),
             N_("planning horizon"), (ElementKind.GOAL, ElementKind.INCENTIVE, ElementKind.BUDGET),
             [Column("title", N_("Goal, incentive or budget"), stretch=True),
              Column("kind", N_("Kind"), "label", display=lambda _d, el: _(KIND_NAMES[ElementKind(el.kind)]),
                     secondary=True),
              Column("horizon_months", N_("Months"), "int", field_for=_horizon_field)],
             lambda t, s: Goal(id=new_id("goal"), title=t, side=s, origin=Origin.AS_IS, level=GoalLevel.DEPARTMENT),
             as_is_only=True),
    Category("budgets", N_("Budgets"), N_("Which budgets does each side control, over which period? "
                                          "A joint pot can be formed from them."), N_("budget"),
             (ElementKind.BUDGET,),
             [Column("title", N_("Budget"), stretch=True), Column("amount", N_("Amount"), "float"),
              Column("period_months", N_("Months"), "int")],  # the start date and the pot's sources: in the details
             # a joint pot is agreed in the workshop; the sides' budgets are what they have today
             lambda t, s: Budget(id=new_id("budget"), title=t, side=s,
                                 origin=Origin.AGREED if s == Side.JOINT else Origin.AS_IS),
             joint=True),
    Category("channels", N_("Channels today"), N_("How does information reach the other side today, and is it of any use there?"),
             N_("channel"), (ElementKind.CHANNEL,),
             [Column("title", N_("Channel"), stretch=True), Column("format", N_("Format"), stretch=True, secondary=True),
              Column("cadence", N_("Cadence"), secondary=True), Column("usefulness", N_("Usefulness"), "rating")],
             lambda t, s: Channel(id=new_id("channel"), title=t, side=s, to_side=OTHER_SIDE.get(s, Side.JOINT),
                                  origin=Origin.AS_IS),
             as_is_only=True),
    Category("insights", N_("Insights"), N_("What do customers tell each side? What does Sales hear that Marketing should know?"),
             N_("customer insight"), (ElementKind.INSIGHT,),
             [Column("title", N_("Insight"), stretch=True), Column("source", N_("Source"))],
             lambda t, s: Insight(id=new_id("insight"), title=t, side=s)),
]
