"""What differs between two versions of a workshop (e.g. recovery copy vs saved file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workshop_app.model.references import COLLECTIONS, items_of
from workshop_app.model.workshop import Workshop


@dataclass
class CollectionDiff:
    collection: str
    added: list[str] = field(default_factory=list)  # titles (or ids) of new entries
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def entry_label(item: Any) -> str:
    """What an entry is called in a report: its title, name, what or text, else its id."""
    for name in ("title", "name", "what", "text"):
        value = getattr(item, name, "")
        if value:
            return str(value)
    return str(getattr(item, "id", ""))


def differences(old: Workshop, new: Workshop) -> list[CollectionDiff]:
    """Per collection, what ``new`` added, removed and changed compared with ``old``.

    ``meta``, ``agenda``, ``pilot`` and the ``analysis`` settings count as one entry each.
    """
    result: list[CollectionDiff] = []
    for name in ("meta", "agenda", "pilot", "analysis"):
        if getattr(old, name) != getattr(new, name):
            result.append(CollectionDiff(name, changed=[name]))
    for collection in COLLECTIONS:
        before = {item.id: item for item in items_of(old, collection)}
        after = {item.id: item for item in items_of(new, collection)}
        diff = CollectionDiff(
            collection,
            added=[entry_label(after[i]) for i in after if i not in before],
            removed=[entry_label(before[i]) for i in before if i not in after],
            changed=[entry_label(after[i]) for i in after if i in before and after[i] != before[i]],
        )
        if diff:
            result.append(diff)
    return result
