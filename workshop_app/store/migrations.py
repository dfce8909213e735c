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
    _rekey_horizon_records(doc)
    settings = doc.get("analysis")
    if settings is None:
        doc["analysis"] = {"period_ratio": 4, "split_share_percent": 50}
    conflicts = doc.get("conflicts")
    if isinstance(conflicts, list):
        for record in conflicts:
            if not isinstance(record, dict) or "triage" in record:
                continue
            rule = record.get("rule", "declared")
            record["triage"] = "taken_up" if rule == "declared" or _worked_on(record) else "new"
    return doc


def _rekey_horizon_records(doc: Raw) -> None:
    """Version 1 found one horizon gap per incentive and goal; version 2 finds one per paid side.

    A version-1 record ``rule-short-incentive-period:<incentive>:<goal>`` is
    given the id of its side's finding (``rule-short-incentive-period:sales``),
    so what the room said about it stays with the gap instead of showing as
    "resolved by change". Several records of one side become one: the first
    the room worked on (else the first) keeps its fields, the others' dots
    and resolutions are added to it.
    """
    conflicts, elements = doc.get("conflicts"), doc.get("elements")
    if not isinstance(conflicts, list) or not isinstance(elements, list):
        return
    sides = {el.get("id"): el.get("side", "joint") for el in elements
             if isinstance(el, dict) and el.get("kind") == "incentive"}
    groups: dict[str, list[dict[str, Any]]] = {}
    slots: list[Any] = []  # a record, or the new id whose merged record goes here
    for record in conflicts:
        ids = record.get("element_ids") if isinstance(record, dict) else None
        side = sides.get(ids[0]) if isinstance(ids, list) and ids and isinstance(ids[0], str) else None
        if not isinstance(record, dict) or record.get("rule") != "short-incentive-period" or not isinstance(side, str):
            slots.append(record)
            continue
        new_id = f"rule-short-incentive-period:{side}"
        if new_id not in groups:
            groups[new_id] = []
            slots.append(new_id)
        groups[new_id].append(record)
    kept: list[Any] = []
    for slot in slots:
        if not isinstance(slot, str):
            kept.append(slot)
            continue
        group = groups[slot]
        primary = next((r for r in group if _worked_on(r)), group[0])
        for other in group:
            if other is not primary:
                _add_into(primary, other)
        primary["id"] = slot
        kept.append(primary)
    doc["conflicts"] = kept


def _worked_on(record: dict[str, Any]) -> bool:
    return record.get("status", "open") not in ("open", None) or any(record.get(key) for key in _DISCUSSED_V1)


def _add_into(into: dict[str, Any], other: dict[str, Any]) -> None:
    """Fold ``other``'s dots, resolution and links into ``into`` (values the validator checks later)."""
    votes = into.setdefault("votes", {})
    if isinstance(votes, dict) and isinstance(other.get("votes"), dict):
        for who, dots in other["votes"].items():
            if isinstance(dots, int) and isinstance(votes.get(who, 0), int):
                votes[who] = votes.get(who, 0) + dots
    if isinstance(other.get("tally"), int) and isinstance(into.get("tally", 0), int):
        into["tally"] = into.get("tally", 0) + other["tally"]
    extra = other.get("resolution")
    if isinstance(extra, str) and extra.strip() and extra not in str(into.get("resolution", "")):
        into["resolution"] = "\n\n".join(t for t in (str(into.get("resolution") or ""), extra) if t)
    for key in ("decision_ids", "action_ids"):
        if isinstance(other.get(key), list) and isinstance(into.get(key, []), list):
            into[key] = list(dict.fromkeys([*into.get(key, []), *other[key]]))


def _v2_to_v3(raw: Raw) -> Raw:
    """Version 3 adds the follow-up record (``follow_up``) and the what-if ``scenarios``.

    Both default to empty and nothing of version 2 changes meaning, so a
    version-2 document carries over as it is; the step exists so that an
    older Tandem refuses a version-3 file by its number instead of stumbling
    over fields it does not know.
    """
    return copy.deepcopy(raw)


#: from-version → function returning the document at from-version + 1
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(raw: Raw, version: int, target: int = SCHEMA_VERSION) -> Raw:
    """Lift ``raw`` from ``version`` to ``target`` one step at a time."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no migration from schema version {version} to {version + 1}")
        raw = step(raw)
        version += 1
    return raw
