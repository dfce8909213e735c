"""A follow-up workshop made from an earlier one: what it carries over, and the reference to the earlier file.

What is carried, with its ids and every value: the participants, the whole
graph (strategy, goals of every level, incentives, budgets and pots,
channels, insights, beliefs, agreements, and their links), the analysis
thresholds, the pilot, the decisions, the actions, the parking lot, the
alignment check (statements, rounds, answers: a new round is compared with
the earlier one) and the room's conflict records (declared ones and the
findings the room took up or set aside, with status, votes and resolution).

Why the whole graph and not only the agreed shared goals: the room's
conflicts name as-is elements (an incentive, a department goal). Without
them the conflicts could not be carried (their references would break),
and the analysis of the follow-up would call a conflict "gone" only
because its elements were left behind. With the same graph, "then vs now"
starts equal and changes only with what the room changes.

What starts afresh: the title ("Follow-up: …") and date, the agenda
(timeboxes and times), findings the room never triaged (the analysis finds
them again if they are still there), a scenario working copy, and the
review itself. The earlier workshop's own follow-up record is not carried:
this follow-up's record names the workshop it follows.

The earlier file is only read, never written: :func:`read_earlier` reads its
bytes once, hashes exactly those bytes and parses them.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

from workshop_app.model import (
    Alignment,
    AnalysisSettings,
    Conflict,
    EarlierWorkshop,
    FollowUp,
    Meta,
    Pilot,
    ThenConflict,
    Triage,
    Workshop,
)
from workshop_app.store.document_file import parse_bytes, read_bytes
from workshop_app.vocabulary import Translator

DECLARED = "declared"


def reference_to(doc: Workshop, data: bytes | None = None, file_name: str = "") -> EarlierWorkshop:
    """The follow-up's note of ``doc``: title, date, file name and the SHA-256 of ``data`` (its file bytes)."""
    return EarlierWorkshop(title=doc.meta.title, date=doc.meta.date, file_name=file_name,
                           sha256=hashlib.sha256(data).hexdigest() if data is not None else "")


def read_earlier(path: str | os.PathLike) -> tuple[Workshop, EarlierWorkshop]:
    """The earlier workshop in ``path`` and the reference to it; LoadError as for any file. Writes nothing."""
    data = read_bytes(path)
    doc = parse_bytes(data)
    return doc, reference_to(doc, data, Path(path).name)


def carried_conflict(record: Conflict) -> bool:
    """One of the room's conflict records: declared, or a finding the room took up or set aside."""
    return record.rule == DECLARED or record.triage != Triage.NEW


def carry_over(earlier: Workshop, reference: EarlierWorkshop, then_conflicts: list[ThenConflict] | None = None,
               today: date | None = None) -> Workshop:
    """A new follow-up workshop from ``earlier`` (which is not changed; the result shares nothing with it).

    ``then_conflicts`` is the earlier workshop's conflict analysis
    (``workshop_app.analysis.then_now.conflict_snapshot``), which this layer
    cannot compute itself; ``today`` the follow-up's date.
    """
    src = earlier.model_copy(deep=True)
    tr = Translator(src.meta.language.value)
    title = src.meta.title.strip()
    meta = Meta.model_validate({**src.meta.model_dump(), "date": today,
                                "title": tr("Follow-up: {title}", title=title) if title else tr("Follow-up")})
    rounds = src.alignment.rounds
    follow_up = FollowUp(earlier=reference, then_conflicts=list(then_conflicts or []),
                         earlier_round_id=rounds[-1].id if rounds else None)
    return Workshop(
        meta=meta,
        analysis=AnalysisSettings.model_validate(src.analysis.model_dump()),
        participants=src.participants,
        elements=src.elements,
        links=src.links,
        conflicts=[c for c in src.conflicts if carried_conflict(c)],
        decisions=src.decisions,
        actions=src.actions,
        pilot=Pilot.model_validate(src.pilot.model_dump()),
        parking_lot=src.parking_lot,
        alignment=Alignment.model_validate(src.alignment.model_dump()),
        follow_up=follow_up,
    )
