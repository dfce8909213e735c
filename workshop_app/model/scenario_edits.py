"""A scenario's diff against a workshop, its replay onto a changed base, and the operations on the list.

Pure model code (no Qt, no I/O): the UI wraps these operations in commands,
``tandem check --scenario`` replays a stored scenario headless.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from workshop_app.model.diff import entry_label
from workshop_app.model.operations import AddItem, Batch, Operation, RemoveItem, UpdateItem
from workshop_app.model.problems import N_, ModelError
from workshop_app.model.scenario import ChangedCollection, FieldChange, Removal, Scenario
from workshop_app.model.workshop import Link, Workshop

# -- the base and the diff ----------------------------------------------------------------------------------

def fingerprint(doc: Workshop) -> str:
    """A short hash of what a scenario's edits are made against (elements, links, conflicts, settings)."""
    data = {"elements": [e.model_dump(mode="json") for e in doc.elements],
            "links": [lk.model_dump(mode="json") for lk in doc.links],
            "conflicts": [c.model_dump(mode="json") for c in doc.conflicts],
            "analysis": doc.analysis.model_dump(mode="json")}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def link_label(doc: Workshop, link: Link) -> str:
    """"source → target (kind)" with the elements' titles, for reports."""
    def title(element_id: str) -> str:
        el = doc.element(element_id)
        return el.title if el is not None and el.title else element_id
    return f"{title(link.source)} → {title(link.target)} ({link.kind})"


def _field_changes(collection: ChangedCollection, before: dict[str, Any], after: dict[str, Any],
                   item_id: str | None, label: str) -> list[FieldChange]:
    return [FieldChange(collection=collection, item_id=item_id, label=label, field=name,
                        before=before.get(name), after=after[name])
            for name in after if name not in ("id", "kind") and before.get(name) != after[name]]


def scenario_edits(base: Workshop, copy: Workshop) -> dict[str, Any]:
    """The fields of a :class:`Scenario` that turn ``base`` into ``copy`` (elements, links, conflicts, settings).

    An element whose kind changed counts as removed and added again.
    """
    edits: dict[str, Any] = {"added_elements": [], "removed_elements": [], "added_links": [],
                             "removed_links": [], "added_conflicts": [], "changes": []}
    old_elements = {e.id: e for e in base.elements}
    new_elements = {e.id: e for e in copy.elements}
    for el in copy.elements:
        old = old_elements.get(el.id)
        if old is None or old.kind != el.kind:
            edits["added_elements"].append(el.model_copy(deep=True))
        elif old != el:
            edits["changes"] += _field_changes("elements", old.model_dump(mode="json"), el.model_dump(mode="json"),
                                               el.id, entry_label(el))
    for el in base.elements:
        new = new_elements.get(el.id)
        if new is None or new.kind != el.kind:
            edits["removed_elements"].append(Removal(id=el.id, label=entry_label(el)))

    old_links = {lk.id: lk for lk in base.links}
    new_links = {lk.id: lk for lk in copy.links}
    for lk in copy.links:
        old_link = old_links.get(lk.id)
        if old_link is None or (old_link.kind, old_link.source, old_link.target) != (lk.kind, lk.source, lk.target):
            edits["added_links"].append(lk.model_copy(deep=True))
        elif old_link != lk:
            edits["changes"] += _field_changes("links", old_link.model_dump(mode="json"), lk.model_dump(mode="json"),
                                               lk.id, link_label(copy, lk))
    for lk in base.links:
        new_link = new_links.get(lk.id)
        if new_link is None or (new_link.kind, new_link.source, new_link.target) != (lk.kind, lk.source, lk.target):
            edits["removed_links"].append(Removal(id=lk.id, label=link_label(base, lk)))

    old_conflicts = {c.id: c for c in base.conflicts}
    for c in copy.conflicts:
        old_conflict = old_conflicts.get(c.id)
        if old_conflict is None:
            edits["added_conflicts"].append(c.model_copy(deep=True))
        elif old_conflict != c:
            edits["changes"] += _field_changes("conflicts", old_conflict.model_dump(mode="json"),
                                               c.model_dump(mode="json"), c.id, c.title or c.id)
    if base.analysis != copy.analysis:
        edits["changes"] += _field_changes("analysis", base.analysis.model_dump(mode="json"),
                                           copy.analysis.model_dump(mode="json"), None, "analysis")
    return edits


def make_scenario(scenario_id: str, name: str, base: Workshop, copy: Workshop) -> Scenario:
    """The scenario ``name`` that turns ``base`` into ``copy``."""
    return Scenario(id=scenario_id, name=name, base=fingerprint(base), **scenario_edits(base, copy))


# -- replaying onto a (possibly changed) base ---------------------------------------------------------------

@dataclass(frozen=True)
class SkippedEdit:
    """An edit of a scenario that does not fit the current workshop; ``reason`` is an N_-marked template."""

    label: str
    reason: str
    field: str = ""


#: Why an edit no longer applies (translated where shown).
GONE = N_("its element is gone")
CHANGED_SINCE = N_("the field was changed since the scenario was made")
TAKEN = N_("its id is taken by another entry")
ENDS_GONE = N_("an element it joins is gone")


@dataclass
class Replay:
    """What applying a scenario to a workshop does: one operation, and the edits that did not fit."""

    operation: Batch
    skipped: list[SkippedEdit]


def _json_value(doc: Workshop, change: FieldChange) -> tuple[bool, Any]:
    """(found, current JSON value) of the field a change targets."""
    if change.collection == "analysis":
        return True, doc.analysis.model_dump(mode="json").get(change.field)
    items: list[Any] = (list(doc.elements) if change.collection == "elements"
                        else list(doc.links) if change.collection == "links" else list(doc.conflicts))
    for item in items:
        if item.id == change.item_id:
            return True, item.model_dump(mode="json").get(change.field)
    return False, None


def replay(scenario: Scenario, doc: Workshop, in_place: bool = False) -> Replay:
    """The operation that applies ``scenario`` to ``doc`` as it is now, and the edits that no longer fit.

    ``doc`` is left as it is, unless ``in_place``: then the operation is applied
    to it already (for a copy made to be changed; saves a second copy).

    Checks run on a scratch copy as the edits are applied in order (removals,
    additions, then field changes), so an edit that depends on an earlier one
    of the same scenario (a link to an added element) fits. A removal of what
    is already gone, or a change already made, is no edit and not reported.
    """
    scratch = doc if in_place else doc.model_copy(deep=True)
    operations: list[Operation] = []
    skipped: list[SkippedEdit] = []

    def attempt(op: Operation, label: str, reason: str, field: str = "") -> None:
        try:
            op.apply(scratch)
        except ModelError:
            skipped.append(SkippedEdit(label, reason, field))
            return
        operations.append(op)

    present_links = {lk.id for lk in scratch.links}
    for removal in scenario.removed_links:
        if removal.id in present_links:
            attempt(RemoveItem("links", removal.id), removal.label, GONE)
    present = {e.id for e in scratch.elements}
    for removal in scenario.removed_elements:
        if removal.id in present:
            attempt(RemoveItem("elements", removal.id), removal.label, GONE)
    for el in scenario.added_elements:
        existing = scratch.element(el.id)
        if existing is not None:
            if existing != el:
                skipped.append(SkippedEdit(entry_label(el), TAKEN))
            continue
        attempt(AddItem("elements", el.model_copy(deep=True)), entry_label(el), TAKEN)
    for lk in scenario.added_links:
        if any(other.id == lk.id for other in scratch.links):
            continue
        if scratch.element(lk.source) is None or scratch.element(lk.target) is None:
            skipped.append(SkippedEdit(f"{lk.source} → {lk.target} ({lk.kind})", ENDS_GONE))
            continue
        attempt(AddItem("links", lk.model_copy(deep=True)), link_label(scratch, lk), ENDS_GONE)
    for record in scenario.added_conflicts:
        if any(c.id == record.id for c in scratch.conflicts):
            continue
        attempt(AddItem("conflicts", record.model_copy(deep=True)), record.title or record.id, ENDS_GONE)
    for change in scenario.changes:
        found, current = _json_value(scratch, change)
        if not found:
            skipped.append(SkippedEdit(change.label, GONE, change.field))
        elif current == change.after:
            continue
        elif current != change.before:
            skipped.append(SkippedEdit(change.label, CHANGED_SINCE, change.field))
        else:
            attempt(UpdateItem(change.collection, change.item_id, {change.field: change.after}),
                    change.label, GONE, change.field)
    return Replay(Batch(operations), skipped)


def working_copy(scenario: Scenario, doc: Workshop) -> tuple[Workshop, list[SkippedEdit]]:
    """A deep copy of ``doc`` with the scenario applied (``doc`` is never touched), and what did not fit."""
    copy = doc.model_copy(deep=True)
    return copy, replay(scenario, copy, in_place=True).skipped


# -- operations on the workshop's list of scenarios ---------------------------------------------------------

def _index(doc: Workshop, scenario_id: str) -> int:
    for index, scenario in enumerate(doc.scenarios):
        if scenario.id == scenario_id:
            return index
    raise ModelError(N_("no scenario with id '{id}'"), id=scenario_id)


class AddScenario(Operation):
    def __init__(self, scenario: Scenario, label: str = ""):
        self.scenario, self.label = scenario, label

    def apply(self, doc: Workshop) -> None:
        if any(s.id == self.scenario.id for s in doc.scenarios):
            raise ModelError(N_("id '{id}' is already in use"), id=self.scenario.id)
        doc.scenarios.append(self.scenario)

    def revert(self, doc: Workshop) -> None:
        del doc.scenarios[_index(doc, self.scenario.id)]


class ReplaceScenario(Operation):
    """Put ``scenario`` in place of the stored one with its id (new edits, a new name, adopted)."""

    def __init__(self, scenario: Scenario, label: str = ""):
        self.scenario, self.label = scenario, label
        self._old: Scenario | None = None

    def apply(self, doc: Workshop) -> None:
        index = _index(doc, self.scenario.id)
        self._old = doc.scenarios[index]
        doc.scenarios[index] = self.scenario

    def revert(self, doc: Workshop) -> None:
        if self._old is not None:
            doc.scenarios[_index(doc, self.scenario.id)] = self._old


class RemoveScenario(Operation):
    def __init__(self, scenario_id: str, label: str = ""):
        self.scenario_id, self.label = scenario_id, label
        self._removed: tuple[int, Scenario] | None = None

    def apply(self, doc: Workshop) -> None:
        index = _index(doc, self.scenario_id)
        self._removed = (index, doc.scenarios.pop(index))

    def revert(self, doc: Workshop) -> None:
        if self._removed is not None:
            doc.scenarios.insert(*self._removed)
