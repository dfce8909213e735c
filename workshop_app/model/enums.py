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


class LinkKind(StrEnum):
    CONTRIBUTES_TO = "contributes_to"
    REWARDS = "rewards"
    FUNDS = "funds"
    DEPENDS_ON = "depends_on"
    CONFLICTS_WITH = "conflicts_with"


class ConflictStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    BALANCED = "balanced"
    ACCEPTED = "accepted"
    PARKED = "parked"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Language(StrEnum):
    DE = "de"
    EN = "en"
