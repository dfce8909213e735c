"""The operations that change a workshop document.

Each operation is an object with ``apply`` and ``revert``: the UI wraps one in
an undo command, tests and the command line call it directly. Operations
check before they change anything, so a refused operation leaves the document
exactly as it was (it raises :class:`ModelError`). Removing an object follows
the reference table: links to a removed element go with it, references to it
elsewhere are cleared, and ``revert`` puts all of it back in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from workshop_app.model.enums import Phase
from workshop_app.model.problems import N_, ModelError, Problem
from workshop_app.model.references import (
    COLLECTIONS,
    items_of,
    iter_references_to,
    reference_problems,
)
from workshop_app.model.types import MESSAGES
from workshop_app.model.workshop import AgendaItem, Workshop


class Operation:
    """One undoable change. ``label`` names it for the Undo/Redo menu."""

    label: str = ""

    def apply(self, doc: Workshop) -> None:
        raise NotImplementedError

    def revert(self, doc: Workshop) -> None:
        raise NotImplementedError


def _items(doc: Workshop, collection: str) -> list:
    if collection not in COLLECTIONS:
        raise ModelError(N_("unknown collection '{collection}'"), collection=collection)
    return items_of(doc, collection)


def find_index(doc: Workshop, collection: str, item_id: str) -> int:
    for index, item in enumerate(_items(doc, collection)):
        if item.id == item_id:
            return index
    raise ModelError(N_("no {collection} entry with id '{id}'"), collection=collection, id=item_id)


def all_ids(doc: Workshop) -> set[str]:
    return {item.id for c in COLLECTIONS for item in items_of(doc, c)}


def _raise_first(problems: list[Problem]) -> None:
    if problems:
        raise ModelError.of_problems(problems)


class AddItem(Operation):
    """Insert a new object (participant, element, link, …) at ``index`` or the end."""

    def __init__(self, collection: str, item: Any, index: int | None = None, label: str = ""):
        self.collection, self.item, self.index, self.label = collection, item, index, label

    def apply(self, doc: Workshop) -> None:
        items = _items(doc, self.collection)
        if self.item.id in all_ids(doc):
            raise ModelError(N_("id '{id}' is already in use"), id=self.item.id)
        _raise_first(reference_problems(doc, self.collection, self.item))
        items.insert(len(items) if self.index is None else self.index, self.item)

    def revert(self, doc: Workshop) -> None:
        items = _items(doc, self.collection)
        del items[find_index(doc, self.collection, self.item.id)]


class RemoveItem(Operation):
    """Remove an object and everything that cannot live without it."""

    def __init__(self, collection: str, item_id: str, label: str = ""):
        self.collection, self.item_id, self.label = collection, item_id, label
        self._steps: list[tuple] = []

    def apply(self, doc: Workshop) -> None:
        find_index(doc, self.collection, self.item_id)  # refuse unknown ids up front
        self._steps = []
        self._remove(doc, self.collection, self.item_id)

    def _remove(self, doc: Workshop, collection: str, item_id: str) -> None:
        for ref, obj in list(iter_references_to(doc, collection, item_id)):
            if ref.on_delete == "remove":
                if obj in _items(doc, ref.owner):  # may already be gone
                    self._remove(doc, ref.owner, obj.id)
                continue
            old = getattr(obj, ref.field)
            if ref.shape == "one":
                new: Any = None
            elif ref.shape == "list":
                new = [v for v in old if v != item_id]
            else:
                new = {k: v for k, v in old.items() if k != item_id}
            setattr(obj, ref.field, new)
            self._steps.append(("set", obj, ref.field, old))
        items = _items(doc, collection)
        index = find_index(doc, collection, item_id)
        self._steps.append(("removed", collection, index, items.pop(index)))

    def revert(self, doc: Workshop) -> None:
        for step in reversed(self._steps):
            if step[0] == "removed":
                _, collection, index, item = step
                _items(doc, collection).insert(index, item)
            else:
                _, obj, field, old = step
                setattr(obj, field, old)
        self._steps = []


def _target(doc: Workshop, collection: str, item_id: str | None) -> BaseModel:
    if collection == "meta":
        return doc.meta
    if collection == "pilot":
        return doc.pilot
    if collection == "analysis":
        return doc.analysis
    return _items(doc, collection)[find_index(doc, collection, item_id or "")]


def set_fields(obj: BaseModel, changes: dict[str, Any], check=None) -> dict[str, Any]:
    """Assign ``changes`` (validated), run ``check``; on any refusal restore and raise ModelError.

    Returns the old values, for ``revert``.
    """
    unknown = [f for f in changes if f not in type(obj).model_fields]
    if unknown:
        raise ModelError(N_("unknown field '{field}'"), field=unknown[0])
    old = {f: getattr(obj, f) for f in changes}
    try:
        for field, value in changes.items():
            setattr(obj, field, value)
        if check is not None:
            check()
    except (ValidationError, ModelError) as exc:
        for field, value in old.items():
            setattr(obj, field, value)
        if isinstance(exc, ValidationError):
            raise _refusal(exc) from None
        raise
    return old


def _refusal(exc: ValidationError) -> ModelError:
    """The first refusal of a field type as a ModelError that translates (the types' sentences are N_-marked)."""
    error = exc.errors(include_url=False)[0]
    template = MESSAGES.get(error["type"])
    if template is None:
        return ModelError(error["msg"])  # pydantic's own words: a type no field of ours refines
    return ModelError(template, **(error.get("ctx") or {}))


class UpdateItem(Operation):
    """Set fields of one object (``item_id`` is None for the singletons ``meta``, ``pilot`` and ``analysis``)."""

    def __init__(self, collection: str, item_id: str | None, changes: dict[str, Any], label: str = ""):
        if "id" in changes or "kind" in changes:
            raise ModelError(N_("an object's id and kind cannot change"))
        self.collection, self.item_id, self.changes, self.label = collection, item_id, dict(changes), label
        self._old: dict[str, Any] = {}

    def apply(self, doc: Workshop) -> None:
        obj = _target(doc, self.collection, self.item_id)
        self._old = set_fields(obj, self.changes, lambda: _raise_first(reference_problems(doc, self.collection, obj)))

    def revert(self, doc: Workshop) -> None:
        obj = _target(doc, self.collection, self.item_id)
        for field, value in self._old.items():
            setattr(obj, field, value)


class MoveItem(Operation):
    """Move an object to another position in its list (reordering)."""

    def __init__(self, collection: str, item_id: str, new_index: int, label: str = ""):
        self.collection, self.item_id, self.new_index, self.label = collection, item_id, new_index, label
        self._old_index = 0

    def apply(self, doc: Workshop) -> None:
        items = _items(doc, self.collection)
        self._old_index = find_index(doc, self.collection, self.item_id)
        if not 0 <= self.new_index < len(items):
            raise ModelError(N_("position {index} is outside the list"), index=self.new_index)
        items.insert(self.new_index, items.pop(self._old_index))

    def revert(self, doc: Workshop) -> None:
        items = _items(doc, self.collection)
        items.insert(self._old_index, items.pop(self.new_index))


class Batch(Operation):
    """Several operations that undo as one (e.g. declare a conflict: link + record)."""

    def __init__(self, operations: Iterable[Operation], label: str = ""):
        self.operations, self.label = list(operations), label

    def apply(self, doc: Workshop) -> None:
        done: list[Operation] = []
        try:
            for op in self.operations:
                op.apply(doc)
                done.append(op)
        except Exception:
            for op in reversed(done):
                op.revert(doc)
            raise

    def revert(self, doc: Workshop) -> None:
        for op in reversed(self.operations):
            op.revert(doc)


class UpdateAgenda(Operation):
    """Set fields of the agenda row of ``phase`` (rows have no id); adds the row if the file lacked it."""

    def __init__(self, phase: Phase, changes: dict[str, Any], label: str = ""):
        if "phase" in changes:
            raise ModelError(N_("an agenda row's phase cannot change"))
        self.phase, self.changes, self.label = Phase(phase), dict(changes), label
        self._old: dict[str, Any] = {}
        self._added_at: int | None = None

    def apply(self, doc: Workshop) -> None:
        item = doc.agenda_item(self.phase)
        added_at = None
        if item is None:
            item = AgendaItem(phase=self.phase)
            order = list(Phase)
            added_at = sum(1 for a in doc.agenda if order.index(a.phase) < order.index(self.phase))
        old = set_fields(item, self.changes)
        if added_at is not None:
            doc.agenda.insert(added_at, item)
        self._old, self._added_at = old, added_at

    def revert(self, doc: Workshop) -> None:
        if self._added_at is not None:
            del doc.agenda[self._added_at]
            return
        item = doc.agenda_item(self.phase)
        if item is not None:
            for field, value in self._old.items():
                setattr(item, field, value)
