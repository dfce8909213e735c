"""The workshop document: pydantic models and the operations that change them.

No Qt, no I/O: everything here runs headless and in any layer above.
"""

from workshop_app.model.elements import (
    ELEMENT_CLASSES,
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
    ConflictStatus,
    ElementKind,
    GoalLevel,
    IncentiveType,
    Language,
    LinkKind,
    Origin,
    Phase,
    Side,
)
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
from workshop_app.model.workshop import (
    SCHEMA_VERSION,
    ActionItem,
    AgendaItem,
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
    "ELEMENT_CLASSES", "SCHEMA_VERSION", "ActionItem", "ActionStatus", "AddItem", "AgendaItem",
    "Batch", "Belief", "Budget", "Channel", "Conflict", "ConflictStatus", "Decision", "Element",
    "ElementBase", "ElementKind", "Goal", "GoalLevel", "Incentive", "IncentiveType", "Insight",
    "Language", "Link", "LinkKind", "Meta", "ModelError", "MoveItem", "Operation", "Origin",
    "ParkingItem", "Participant", "Phase", "Pilot", "Position", "Problem", "RemoveItem", "Side",
    "Strategy", "UpdateAgenda", "UpdateItem", "Workshop", "integrity_problems", "new_id",
]
