"""The seven phases, each declared once: its page, its projector view, its hint and its progress line.

A new phase is its page, its view, its progress function and one entry here
(plus the model's ``Phase`` member with its default timebox, and its name in
:mod:`workshop_app.vocabulary`). The window, the navigator and the projector
read this table; nobody lists the phases anywhere else. Pages and views are
named as ``module:Class`` and imported when first shown, so start-up loads
only the page on screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.i18n import N_, _
from workshop_app.model import Phase, Workshop
from workshop_app.model.workshop import DEFAULT_TIMEBOX
from workshop_app.ui import progress
from workshop_app.vocabulary import PHASE_NAMES

if TYPE_CHECKING:
    from workshop_app.ui.pages.base import PhasePage
    from workshop_app.ui.projector.audience_views import PhaseView


@dataclass(frozen=True)
class PhaseEntry:
    phase: Phase
    page: str  # "module:Class" of its editor page (a PhasePage)
    view: str  # "module:Class" of its projector view (a PhaseView)
    hint: str  # N_-marked: what the phase is for, under its title
    progress: Callable[[Workshop, progress.Counts], str]  # the navigator's and projector's progress line

    @property
    def label(self) -> str:
        return _(PHASE_NAMES[self.phase])

    @property
    def default_timebox(self) -> int:
        return DEFAULT_TIMEBOX[self.phase]

    def page_class(self) -> type[PhasePage]:
        return _load(self.page)

    def view_class(self) -> type[PhaseView]:
        return _load(self.view)


def _load(spec: str):
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


_PAGES, _VIEWS = "workshop_app.ui.pages.", "workshop_app.ui.projector.audience_views:"

PHASES: dict[Phase, PhaseEntry] = {entry.phase: entry for entry in (
    PhaseEntry(Phase.SETUP, _PAGES + "setup:SetupPage", _VIEWS + "SetupView",
               N_("Who is in the room, what the day looks like, how much time each phase gets."),
               progress.setup_progress),
    PhaseEntry(Phase.INVENTORY, _PAGES + "inventory:InventoryPage", _VIEWS + "InventoryView",
               N_("What each side has today: goals, incentives, horizons, budgets, channels, what customers say."),
               progress.inventory_progress),
    PhaseEntry(Phase.GOALS, _PAGES + "goals:GoalsPage", _VIEWS + "GoalsView",
               N_("From the company strategy to shared goals to department goals, each with a metric, a target "
                  "and the how."),
               progress.goals_progress),
    PhaseEntry(Phase.CONFLICTS, _PAGES + "conflicts:ConflictsPage", _VIEWS + "ConflictsView",
               N_("Where goals and incentives pull against each other: prioritise by dot vote and record a "
                  "resolution."),
               progress.conflicts_progress),
    PhaseEntry(Phase.COMMUNICATION, _PAGES + "communication:CommunicationPage", _VIEWS + "CommunicationView",
               N_("Which channels work today, which ones both sides agree to use from now on, and what they promise "
                  "each other."),
               progress.communication_progress),
    PhaseEntry(Phase.CULTURE_PILOT, _PAGES + "culture_pilot:CulturePilotPage", _VIEWS + "CulturePilotView",
               N_("Beliefs that will cause resistance, and a small protected-space pilot to test one hypothesis."),
               progress.culture_pilot_progress),
    PhaseEntry(Phase.WRAPUP, _PAGES + "wrapup:WrapupPage", _VIEWS + "WrapupView",
               N_("Decisions, action items with owners and dates, the parking lot, and what was agreed."),
               progress.wrapup_progress),
)}
