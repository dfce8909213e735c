"""The workshop document: pydantic models and the operations that change them.

No Qt, no I/O: everything here runs headless and in any layer above.

The names below are loaded on first use (module ``__getattr__``): the window
paints before pydantic is imported, and ``workshop_app.model.enums`` (plain
``enum``) must not pull the schemas in through this package. ``from
workshop_app.model import X`` works as before; a name of a new submodule
only needs its line in the ``TYPE_CHECKING`` block and in ``__all__``.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_app.model.alignment import (
        Alignment,
        AlignmentResponse,
        AlignmentRound,
        AlignmentStatement,
        AlignmentTally,
        Dimension,
    )
    from workshop_app.model.elements import (
        ELEMENT_CLASSES,
        Agreement,
        AnyElement,
        Belief,
        Budget,
        Channel,
        Element,
        ElementBase,
        Goal,
        Incentive,
        Insight,
        Position,
        Strategy,
    )
    from workshop_app.model.enums import (
        ActionStatus,
        AgreementType,
        ConflictStatus,
        ElementKind,
        GoalLevel,
        IncentiveType,
        Language,
        LinkKind,
        Origin,
        Phase,
        Side,
        Triage,
    )
    from workshop_app.model.follow_up import (
        ActionOutcome,
        ActionReview,
        EarlierWorkshop,
        FollowUp,
        GoalReview,
        KeptReview,
        PilotDecision,
        PilotReview,
        PilotVerdict,
        ThenConflict,
    )
    from workshop_app.model.follow_up_edits import UpdateReview
    from workshop_app.model.ids import new_id
    from workshop_app.model.operations import (
        AddItem,
        Batch,
        MoveItem,
        Operation,
        RemoveItem,
        UpdateAgenda,
        UpdateItem,
    )
    from workshop_app.model.problems import ModelError, Problem
    from workshop_app.model.references import integrity_problems
    from workshop_app.model.scenario import FieldChange, Removal, Scenario
    from workshop_app.model.workshop import (
        SCHEMA_VERSION,
        ActionItem,
        AgendaItem,
        AnalysisSettings,
        Conflict,
        Decision,
        Link,
        Meta,
        ParkingItem,
        Participant,
        Pilot,
        Workshop,
    )

__all__ = [
    "ELEMENT_CLASSES",
    "SCHEMA_VERSION",
    "ActionItem",
    "ActionOutcome",
    "ActionReview",
    "ActionStatus",
    "AddItem",
    "AgendaItem",
    "Agreement",
    "AgreementType",
    "Alignment",
    "AlignmentResponse",
    "AlignmentRound",
    "AlignmentStatement",
    "AlignmentTally",
    "AnalysisSettings",
    "AnyElement",
    "Batch",
    "Belief",
    "Budget",
    "Channel",
    "Conflict",
    "ConflictStatus",
    "Decision",
    "Dimension",
    "EarlierWorkshop",
    "Element",
    "ElementBase",
    "ElementKind",
    "FieldChange",
    "FollowUp",
    "Goal",
    "GoalLevel",
    "GoalReview",
    "Incentive",
    "IncentiveType",
    "Insight",
    "KeptReview",
    "Language",
    "Link",
    "LinkKind",
    "Meta",
    "ModelError",
    "MoveItem",
    "Operation",
    "Origin",
    "ParkingItem",
    "Participant",
    "Phase",
    "Pilot",
    "PilotDecision",
    "PilotReview",
    "PilotVerdict",
    "Position",
    "Problem",
    "Removal",
    "RemoveItem",
    "Scenario",
    "Side",
    "Strategy",
    "ThenConflict",
    "Triage",
    "UpdateAgenda",
    "UpdateItem",
    "UpdateReview",
    "Workshop",
    "integrity_problems",
    "new_id",
]


#: Searched first: the enums are what a window shell needs, and they cost no pydantic.
_CHEAP_FIRST = ("enums", "ids", "problems")


def __getattr__(name: str):
    """A public name, found in its submodule the first time it is asked for (then a plain attribute)."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    import pkgutil

    later = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name not in _CHEAP_FIRST)
    for submodule in (*_CHEAP_FIRST, *later):
        module = importlib.import_module(f"{__name__}.{submodule}")
        if name in vars(module):
            value = vars(module)[name]
            globals()[name] = value
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
