"""What-if scenarios: a proposed change to the system, kept as edits against the state it was made from.

A scenario is stored as a *diff*, not as a second document: the elements
and links it adds or removes, and the fields it changes on elements, links,
conflict records and the analysis settings. So a scenario made before the
room edited on still replays onto the current workshop: what fits is applied,
what no longer fits is named (its element is gone, or the field was changed
since). ``base`` fingerprints the state it was made from, so the app can say
when it was made on another state.

Only what the conflict analysis reads is kept (elements, links, conflict
records, analysis settings): a scenario is a change to the system, not to the
day's participants, decisions or actions.

The diff, the replay and the operations on the list of scenarios are in
:mod:`workshop_app.model.scenario_edits`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from workshop_app.model.elements import Element, Record
from workshop_app.model.types import Id, LongText, ShortText

if TYPE_CHECKING:  # defined beside the workshop, which holds the scenarios: resolved by ``model_rebuild`` there
    from workshop_app.model.workshop import Conflict, Link

#: The collections a scenario's edits cover, in the order they are replayed.
ChangedCollection = Literal["elements", "links", "conflicts", "analysis"]


class Removal(Record):
    """An entry the scenario removes, by id, with the name it had (to report it once it is gone)."""

    id: Id
    label: LongText = ""


class FieldChange(Record):
    """One field the scenario sets: ``before`` is its value in the base, ``after`` in the scenario (JSON values)."""

    collection: ChangedCollection
    item_id: Id | None = None  # None for the analysis settings
    label: LongText = ""
    field: ShortText
    before: Any = None
    after: Any = None


class Scenario(Record):
    """A named what-if: edits against a base, kept until the room adopts or drops it."""

    id: Id
    name: ShortText = ""
    #: fingerprint of the elements, links, conflict records and settings it was made from (:func:`fingerprint`)
    base: ShortText = ""
    added_elements: list[Element] = Field(default_factory=list)
    removed_elements: list[Removal] = Field(default_factory=list)
    added_links: list[Link] = Field(default_factory=list)
    removed_links: list[Removal] = Field(default_factory=list)
    added_conflicts: list[Conflict] = Field(default_factory=list)
    changes: list[FieldChange] = Field(default_factory=list)
    #: set when the room adopted it: the finding titles that vanished and appeared then (for the minutes)
    adopted: bool = False
    vanished: list[LongText] = Field(default_factory=list)
    appeared: list[LongText] = Field(default_factory=list)

    @property
    def edit_count(self) -> int:
        return (len(self.added_elements) + len(self.removed_elements) + len(self.added_links)
                + len(self.removed_links) + len(self.added_conflicts) + len(self.changes))
