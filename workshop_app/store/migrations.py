"""The migration chain: each step lifts a raw document one schema version up.

Version 1 is the first released format, so the chain is empty today. A
future change of the format adds ``MIGRATIONS[1] = _v1_to_v2`` here, never
edits an old step, and bumps ``SCHEMA_VERSION`` in the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop_app.model.workshop import SCHEMA_VERSION

Raw = dict[str, Any]

#: from-version → function returning the document at from-version + 1
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}

#: The oldest version this build can read.
OLDEST_READABLE = 1


class MigrationError(ValueError):
    pass


def migrate(raw: Raw, version: int, target: int = SCHEMA_VERSION) -> Raw:
    """Lift ``raw`` from ``version`` to ``target`` one step at a time."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no migration from schema version {version} to {version + 1}")
        raw = step(raw)
        version += 1
    return raw
