"""The one document change the model's operations do not cover: agenda rows.

Agenda items have no id (one row per phase), so ``UpdateItem`` cannot reach
them. This operation follows the same contract as the model's: it checks
before it changes anything, raises :class:`ModelError` when refused and
reverts exactly. It is Qt-free and could move into ``model.operations``.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from workshop_app.model import ModelError, Operation, Phase, Workshop
from workshop_app.model.workshop import AgendaItem


def agenda_item(doc: Workshop, phase: Phase) -> AgendaItem | None:
    for item in doc.agenda:
        if item.phase == phase:
            return item
    return None


class UpdateAgenda(Operation):
    """Set fields of the agenda row of ``phase``; adds the row if the file lacked it."""

    def __init__(self, phase: Phase, changes: dict[str, Any], label: str = ""):
        if "phase" in changes:
            raise ModelError("an agenda row's phase cannot change")
        self.phase, self.changes, self.label = Phase(phase), dict(changes), label
        self._old: dict[str, Any] = {}
        self._added_at: int | None = None

    def apply(self, doc: Workshop) -> None:
        unknown = [f for f in self.changes if f not in AgendaItem.model_fields]
        if unknown:
            raise ModelError(f"unknown field '{unknown[0]}'")
        item = agenda_item(doc, self.phase)
        added_at = None
        if item is None:
            item = AgendaItem(phase=self.phase)
            order = list(Phase)
            added_at = sum(1 for a in doc.agenda if order.index(a.phase) < order.index(self.phase))
        old = {f: getattr(item, f) for f in self.changes}
        try:
            for field, value in self.changes.items():
                setattr(item, field, value)
        except ValidationError as exc:
            for field, value in old.items():
                setattr(item, field, value)
            raise ModelError(exc.errors()[0]["msg"]) from None
        if added_at is not None:
            doc.agenda.insert(added_at, item)
        self._old, self._added_at = old, added_at

    def revert(self, doc: Workshop) -> None:
        if self._added_at is not None:
            del doc.agenda[self._added_at]
            return
        item = agenda_item(doc, self.phase)
        if item is not None:
            for field, value in self._old.items():
                setattr(item, field, value)
