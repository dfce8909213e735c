"""The one operation that changes a follow-up's review ("What moved?").

The review entries are keyed by the id of what they review, so the general
``UpdateItem`` (which finds objects by their own id) does not reach them. An
entry is made on the first change and removed again when that change is
undone, so undoing a review leaves the file exactly as it was.
"""

from __future__ import annotations

from typing import Any

from workshop_app.model.follow_up import REVIEW_ENTRIES, FollowUp
from workshop_app.model.operations import Operation, set_fields
from workshop_app.model.problems import N_, ModelError
from workshop_app.model.references import REFERENCES, ids_in
from workshop_app.model.workshop import Workshop

#: The collection each keyed review part reviews (from the reference table, so the two agree).
REVIEWED: dict[str, str] = {ref.field: ref.target for ref in REFERENCES if ref.owner == "follow_up"
                            and ref.field in REVIEW_ENTRIES}


def _entries(follow_up: FollowUp, part: str) -> dict[str, Any]:
    entries: dict[str, dict[str, Any]] = {"actions": follow_up.actions, "goals": follow_up.goals,
                                          "kept": follow_up.kept}
    return entries[part]


class UpdateReview(Operation):
    """Set fields of one review entry: ``part`` is actions, goals, kept (with ``key``) or pilot (``key`` None)."""

    def __init__(self, part: str, key: str | None, changes: dict[str, Any], label: str = ""):
        if part not in (*REVIEW_ENTRIES, "pilot"):
            raise ModelError(N_("unknown collection '{collection}'"), collection=part)
        self.part, self.key, self.changes, self.label = part, key, dict(changes), label
        self._old: dict[str, Any] = {}
        self._made = False

    def _follow_up(self, doc: Workshop) -> FollowUp:
        if doc.follow_up is None:
            raise ModelError(N_("this workshop is no follow-up"))
        return doc.follow_up

    def apply(self, doc: Workshop) -> None:
        follow_up = self._follow_up(doc)
        if self.part == "pilot":
            self._old, self._made = set_fields(follow_up.pilot, self.changes), False
            return
        key = self.key or ""
        if key not in ids_in(doc, REVIEWED[self.part]):
            raise ModelError(N_("no {collection} entry with id '{id}'"), collection=REVIEWED[self.part], id=key)
        entries = _entries(follow_up, self.part)
        entry = entries.get(key)
        made = entry is None
        if entry is None:
            entry = REVIEW_ENTRIES[self.part]()
        old = set_fields(entry, self.changes)
        if made:
            entries[key] = entry
        self._old, self._made = old, made

    def revert(self, doc: Workshop) -> None:
        follow_up = self._follow_up(doc)
        if self.part == "pilot":
            target: Any = follow_up.pilot
        else:
            entries = _entries(follow_up, self.part)
            if self._made:
                entries.pop(self.key or "", None)
                return
            target = entries[self.key or ""]
        for field, value in self._old.items():
            setattr(target, field, value)
