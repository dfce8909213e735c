"""The closed vocabularies of a workshop document.

Values are the strings stored in the file, so they never change once released;
what the user reads comes from the translation function, not from these.
"""

from enum import StrEnum


class Side(StrEnum):
    MARKETING = "marketing"
    SALES = "sales"
    JOINT = "joint"


class Phase(StrEnum):
    SETUP = "setup"
    INVENTORY = "inventory"
    GOALS = "goals"
    CONFLICTS = "conflicts"
    COMMUNICATION = "communication"
    CULTURE_PILOT = "culture_pilot"
    WRAPUP = "wrapup"


class ElementKind(StrEnum):
    STRATEGY = "strategy"
    GOAL = "goal"
    INCENTIVE = "incentive"
    BUDGET = "budget"
    CHANNEL = "channel"
    INSIGHT = "insight"
    BELIEF = "belief"
    AGREEMENT = "agreement"


class GoalLevel(StrEnum):
    SHARED = "shared"
    DEPARTMENT = "department"
    TEAM = "team"


class Origin(StrEnum):
    """Whether an entry describes today (inventory) or what the room agreed."""

    AS_IS = "as_is"
    AGREED = "agreed"


class IncentiveType(StrEnum):
    COMMISSION = "commission"
    BONUS = "bonus"
    TARGET_AGREEMENT = "target_agreement"


class AgreementType(StrEnum):
    """What the sides promise each other (DESIGN §3)."""

    SERVICE_LEVEL = "service_level"  # who does what within how long, measured how
    DEFINITION = "definition"  # e.g. what counts as a qualified lead and when it is handed over
    RULE_OF_ENGAGEMENT = "rule_of_engagement"  # how the sides work together and who decides


class LinkKind(StrEnum):
    CONTRIBUTES_TO = "contributes_to"
    REWARDS = "rewards"
    FUNDS = "funds"
    DEPENDS_ON = "depends_on"
    CONFLICTS_WITH = "conflicts_with"
    POOLS = "pools"  # budget → budget: the source's money goes into the target pot
    REPLACES = "replaces"  # agreed channel → the as-is channel it replaces


class ConflictStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    BALANCED = "balanced"
    ACCEPTED = "accepted"
    PARKED = "parked"


class Triage(StrEnum):
    """Where a detected finding stands with the room (declared conflicts are always taken up)."""

    NEW = "new"  # detected, not yet discussed
    TAKEN_UP = "taken_up"  # one of the room's conflicts, with the usual statuses
    SET_ASIDE = "set_aside"  # not relevant here, with an optional reason


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Language(StrEnum):
    DE = "de"
    EN = "en"
