"""The workshop document: everything the facilitator records during the day."""

from __future__ import annotations

from pydantic import Field

from workshop_app.model.alignment import Alignment
from workshop_app.model.elements import Element, Record
from workshop_app.model.enums import (
    ActionStatus,
    ConflictStatus,
    Language,
    LinkKind,
    Phase,
    Side,
    Triage,
)
from workshop_app.model.follow_up import FollowUp
from workshop_app.model.scenario import Scenario
from workshop_app.model.types import Amount, Day, Dots, Id, LongText, Minutes, Percent, Rating, Ratio, ShortText, Weeks

#: Version of the document shape; the store migrates older files up to it.
SCHEMA_VERSION = 3

#: Default minutes per phase for a one-day workshop.
DEFAULT_TIMEBOX: dict[Phase, int] = {
    Phase.SETUP: 20,
    Phase.INVENTORY: 90,
    Phase.GOALS: 75,
    Phase.CONFLICTS: 90,
    Phase.COMMUNICATION: 45,
    Phase.CULTURE_PILOT: 60,
    Phase.WRAPUP: 30,
}


class Meta(Record):
    title: ShortText = ""
    organisation: ShortText = ""
    date: Day | None = None
    venue: ShortText = ""
    facilitator: ShortText = ""
    language: Language = Language.DE
    dots_per_participant: Dots = 3  # dot voting: how many dots each participant may place


class AnalysisSettings(Record):
    """The thresholds of the conflict rules, per workshop (horizons differ by brand and business model).

    The defaults are documented in ``docs/file-format.md`` and in the rules
    that read them (``workshop_app.analysis.rules``).
    """

    #: An incentive period is "much shorter" than a goal's horizon when the horizon is this many times longer.
    period_ratio: Ratio = 4
    #: A channel its receiving side rates at or below this (of 5) is poor.
    poor_channel_rating: Rating = 2
    #: A shared goal is funded from split pots when more than this share of its money comes from department budgets.
    split_share_percent: Percent = 50


class Participant(Record):
    id: Id
    name: ShortText = ""
    side: Side = Side.JOINT
    role: ShortText = ""


class AgendaItem(Record):
    phase: Phase
    timebox_minutes: Minutes = 0
    actual_minutes: Minutes | None = None
    done: bool = False


class Link(Record):
    """A typed, directed edge between two elements (``source`` → ``target``)."""

    id: Id
    kind: LinkKind
    source: Id
    target: Id
    reason: LongText = ""  # why, for conflicts_with


class Conflict(Record):
    """The workshop's record of one conflict: declared or detected.

    A declared conflict belongs to its ``conflicts_with`` link (``link_id``);
    a detected one is keyed by the analysis rule and the elements involved,
    so its status, votes and resolution survive re-analysis.
    """

    id: Id
    rule: ShortText = "declared"
    link_id: Id | None = None
    element_ids: list[Id] = Field(default_factory=list)
    title: LongText = ""
    explanation: LongText = ""
    status: ConflictStatus = ConflictStatus.OPEN
    votes: dict[Id, Dots] = Field(default_factory=dict)  # participant id → dots
    tally: Dots = 0  # dots typed in without naming who gave them
    resolution: LongText = ""
    decision_ids: list[Id] = Field(default_factory=list)
    action_ids: list[Id] = Field(default_factory=list)
    hidden: bool = False
    #: detected findings only: new until the room takes it up or sets it aside
    triage: Triage = Triage.NEW
    set_aside_reason: LongText = ""
    #: the change after which the finding vanished (a sentence naming the link or field), if it did
    vanished_by: LongText = ""
    #: the room reopened it after it vanished, so it stays open
    reopened: bool = False

    @property
    def total_votes(self) -> int:
        return self.tally + sum(self.votes.values())


class Decision(Record):
    id: Id
    text: LongText = ""
    rationale: LongText = ""
    decided_by: ShortText = ""
    date: Day | None = None
    #: the decision changes the organisation (teams, reporting lines, budgets for good), not just a practice
    restructuring: bool = False


class ActionItem(Record):
    id: Id
    what: LongText = ""
    owner: Id | None = None  # participant id
    due_date: Day | None = None
    element_id: Id | None = None
    status: ActionStatus = ActionStatus.OPEN


class Pilot(Record):
    """The protected-space pilot: a small cross-functional test of one hypothesis."""

    title: ShortText = ""
    team: list[Id] = Field(default_factory=list)  # participant ids
    problem: LongText = ""
    hypothesis: LongText = ""
    metric: ShortText = ""
    baseline: ShortText = ""
    target: ShortText = ""
    start_date: Day | None = None
    duration_weeks: Weeks | None = None
    budget_amount: Amount | None = None
    budget_currency: ShortText = "EUR"
    data_slice: LongText = ""
    review_date: Day | None = None


class ParkingItem(Record):
    id: Id
    text: LongText = ""
    raised_by: Id | None = None  # participant id


Scenario.model_rebuild(_types_namespace={"Link": Link, "Conflict": Conflict})  # its links and records


def default_agenda() -> list[AgendaItem]:
    return [AgendaItem(phase=p, timebox_minutes=DEFAULT_TIMEBOX[p]) for p in Phase]


class Workshop(Record):
    meta: Meta = Field(default_factory=Meta)
    analysis: AnalysisSettings = Field(default_factory=AnalysisSettings)
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=default_agenda)
    elements: list[Element] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[ActionItem] = Field(default_factory=list)
    pilot: Pilot = Field(default_factory=Pilot)
    parking_lot: list[ParkingItem] = Field(default_factory=list)
    alignment: Alignment = Field(default_factory=Alignment)
    follow_up: FollowUp | None = None
    scenarios: list[Scenario] = Field(default_factory=list)  # what-if scenarios (model/scenario.py)

    def element(self, element_id: str):
        """Return the element with this id, or None."""
        for el in self.elements:
            if el.id == element_id:
                return el
        return None

    def agenda_item(self, phase: Phase) -> AgendaItem | None:
        """The agenda row of ``phase``, or None if the file has none."""
        for item in self.agenda:
            if item.phase == phase:
                return item
        return None

    def participant(self, participant_id: str) -> Participant | None:
        for p in self.participants:
            if p.id == participant_id:
                return p
        return None
