"""What the user reads for the model's closed vocabularies (DESIGN §1 glossary).

Stored enum values never change; their names come from the translation
function at display time, so everything here is marked with ``N_`` and
translated where shown.
"""

from __future__ import annotations

from workshop_app.i18n import N_, _
from workshop_app.model import (
    ActionStatus,
    ConflictStatus,
    ElementKind,
    GoalLevel,
    IncentiveType,
    Language,
    LinkKind,
    Origin,
    Phase,
    Side,
    Workshop,
)
from workshop_app.ui.theme import SIDE_TEXT

PHASE_NAMES = {
    Phase.SETUP: N_("Setup"),
    Phase.INVENTORY: N_("Inventory"),
    Phase.GOALS: N_("Goal drafting"),
    Phase.CONFLICTS: N_("Conflicts"),
    Phase.COMMUNICATION: N_("Communication"),
    Phase.CULTURE_PILOT: N_("Culture & pilot"),
    Phase.WRAPUP: N_("Wrap-up"),
}

PHASE_HINTS = {
    Phase.SETUP: N_("Who is in the room, what the day looks like, how much time each phase gets."),
    Phase.INVENTORY: N_("What each side has today: goals, incentives, horizons, budgets, channels, what customers say."),
    Phase.GOALS: N_("From the company strategy to shared goals to department goals, each with a metric, a target and the how."),
    Phase.CONFLICTS: N_("Where goals and incentives pull against each other: prioritise by dot vote and record a resolution."),
    Phase.COMMUNICATION: N_("Which channels work today, and which ones both sides agree to use from now on."),
    Phase.CULTURE_PILOT: N_("Beliefs that will cause resistance, and a small protected-space pilot to test one hypothesis."),
    Phase.WRAPUP: N_("Decisions, action items with owners and dates, the parking lot, and what was agreed."),
}

SIDE_NAMES = {Side.MARKETING: N_("Marketing"), Side.SALES: N_("Sales"), Side.JOINT: N_("Joint")}

#: A side's colour as *text* (headings, side columns): the graph's Okabe–Ito hues (DESIGN §6), with
#: Sales orange and joint green darkened to keep 4.5:1 on white (see ui/theme.py for the fills).
SIDE_COLOURS = SIDE_TEXT

KIND_NAMES = {
    ElementKind.STRATEGY: N_("Company strategy"),
    ElementKind.GOAL: N_("Goal"),
    ElementKind.INCENTIVE: N_("Incentive"),
    ElementKind.BUDGET: N_("Budget"),
    ElementKind.CHANNEL: N_("Channel"),
    ElementKind.INSIGHT: N_("Customer insight"),
    ElementKind.BELIEF: N_("Belief"),
}

LEVEL_NAMES = {GoalLevel.SHARED: N_("Shared goal"), GoalLevel.DEPARTMENT: N_("Department goal"), GoalLevel.TEAM: N_("Team goal")}

INCENTIVE_TYPE_NAMES = {
    IncentiveType.COMMISSION: N_("Commission"),
    IncentiveType.BONUS: N_("Bonus"),
    IncentiveType.TARGET_AGREEMENT: N_("Target agreement"),
}

LINK_NAMES = {
    LinkKind.CONTRIBUTES_TO: N_("contributes to"),
    LinkKind.REWARDS: N_("rewards"),
    LinkKind.FUNDS: N_("funds"),
    LinkKind.DEPENDS_ON: N_("depends on"),
    LinkKind.CONFLICTS_WITH: N_("conflicts with"),
}

CONFLICT_STATUS_NAMES = {
    ConflictStatus.OPEN: N_("Open"),
    ConflictStatus.RESOLVED: N_("Resolved"),
    ConflictStatus.BALANCED: N_("Balanced"),
    ConflictStatus.ACCEPTED: N_("Accepted"),
    ConflictStatus.PARKED: N_("Parked"),
}

ACTION_STATUS_NAMES = {ActionStatus.OPEN: N_("Open"), ActionStatus.IN_PROGRESS: N_("In progress"), ActionStatus.DONE: N_("Done")}

ORIGIN_NAMES = {Origin.AS_IS: N_("As is (inventory)"), Origin.AGREED: N_("Agreed")}

LANGUAGE_NAMES = {Language.DE: "Deutsch", Language.EN: "English"}

RATING_NAMES = {
    0: N_("0 – useless"),
    1: N_("1 – rarely useful"),
    2: N_("2 – sometimes useful"),
    3: N_("3 – useful"),
    4: N_("4 – very useful"),
    5: N_("5 – essential"),
}


def choices(names: dict) -> list[tuple[object, str]]:
    """(value, translated name) pairs in declaration order, for combo boxes."""
    return [(value, _(name)) for value, name in names.items()]


def phase_name(phase: Phase) -> str:
    return _(PHASE_NAMES[Phase(phase)])


def side_name(side: Side) -> str:
    return _(SIDE_NAMES[Side(side)])


def rating_stars(rating: int | None) -> str:
    """★★★☆☆ for 3 of 5; a dash for no rating yet."""
    if rating is None:
        return "–"
    return "★" * rating + "☆" * (5 - rating)


def participant_label(doc: Workshop, participant_id: str | None) -> str:
    """A participant's name with side, e.g. 'Anna Berg (Marketing)'; '' for none."""
    if not participant_id:
        return ""
    person = doc.participant(participant_id)
    if person is None:
        return ""
    name = person.name or _("(no name)")
    return f"{name} ({side_name(person.side)})"


def element_label(doc: Workshop, element_id: str | None, with_kind: bool = True) -> str:
    """An element's title with kind and side, for pickers and link lists."""
    if not element_id:
        return ""
    el = doc.element(element_id)
    if el is None:
        return ""
    return describe_element(el, with_kind)


def describe_element(el, with_kind: bool = True) -> str:
    """Like :func:`element_label` for an element already at hand (no lookup: cheap in long lists)."""
    title = el.title or _("(untitled)")
    if not with_kind:
        return title
    if el.kind == ElementKind.STRATEGY:
        return f"{title} · {_(KIND_NAMES[ElementKind.STRATEGY])}"
    return f"{title} · {_(KIND_NAMES[ElementKind(el.kind)])}, {side_name(el.side)}"
