"""The migration chain: each step lifts a raw document one schema version up.

A change of the format adds ``MIGRATIONS[n] = _vn_to_vn1`` here, never edits
an old step, and bumps ``SCHEMA_VERSION`` in the model. Steps work on the raw
JSON (plain dicts and lists), before validation, so they must expect any
shape and leave what they do not understand for the validator to report.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from workshop_app.model.workshop import SCHEMA_VERSION

Raw = dict[str, Any]

#: The oldest version this build can read.
OLDEST_READABLE = 1

#: The room's marks on a version-1 conflict record that show it was discussed, not only detected.
_DISCUSSED_V1 = ("resolution", "decision_ids", "action_ids")


class MigrationError(ValueError):
    pass


def _v1_to_v2(raw: Raw) -> Raw:
    """Version 2 adds agreements, pools/replaces links, budget start dates, analysis settings and triage.

    Everything new has a default, so most of a version-1 file carries over
    as it is. What needs a decision is the triage of detected conflicts:
    version 1 knew no "taken up". A detected record the room worked on (a
    status other than open, a resolution, linked decisions or actions) is
    taken up, so the minutes keep it among the room's conflicts; one that
    only holds votes or nothing stays a new finding (dot voting is how a room
    chooses what to take up). Declared conflicts are the room's by nature.
    The version-1 thresholds are written out explicitly, except the poor
    channel rating: version 1 only flagged ratings of 0 and 1, and a rating
    of 2 of 5 is poor in every workshop, so the new default applies.
    """
    doc = copy.deepcopy(raw)
    settings = doc.get("analysis")
    if settings is None:
        doc["analysis"] = {"period_ratio": 4, "split_share_percent": 50}
    conflicts = doc.get("conflicts")
    if isinstance(conflicts, list):
        for record in conflicts:
            if not isinstance(record, dict) or "triage" in record:
                continue
            rule = record.get("rule", "declared")
            status = record.get("status", "open")
            worked_on = status not in ("open", None) or any(record.get(key) for key in _DISCUSSED_V1)
            record["triage"] = "taken_up" if rule == "declared" or worked_on else "new"
    return doc


#: from-version → function returning the document at from-version + 1
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2}


def migrate(raw: Raw, version: int, target: int = SCHEMA_VERSION) -> Raw:
    """Lift ``raw`` from ``version`` to ``target`` one step at a time."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no migration from schema version {version} to {version + 1}")
        raw = step(raw)
        version += 1
    return raw
