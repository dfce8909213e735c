"""Detected and declared conflicts, reconciled with the workshop's ``Conflict`` records.

Design
------
Detected conflicts are *computed*: every edit may make some appear and others
vanish. What the room says about a conflict — status, dot votes, resolution,
linked decisions and actions — is *data* and lives in the document as a
``Conflict`` record. The two meet by id:

* a detected finding's id is ``rule-<rule>:<element ids…>`` (see
  :func:`~workshop_app.analysis.findings.finding_id`), and its record carries
  the same id, so the record is found again after any re-analysis, element
  reordering or language switch;
* a declared conflict belongs to its ``conflicts_with`` link: a record with
  that ``link_id`` (whatever its own id), else the id ``declared:<link id>``
  for a record still to be made.

Records are not written by analysis. :func:`record_operation` returns a model
operation (a ``Batch`` of ``AddItem``/``UpdateItem``) that the UI folds into
the same undoable command as the vote or edit that needs the record, so
"record made" and "vote given" undo together and nothing changes behind the
undo stack.

:func:`conflict_views` merges findings and records into one list:

* a finding with a record shows the record's status, votes and resolution;
* a finding without one shows status ``open`` and no votes;
* a detected record whose finding has vanished (the change solved it) is kept
  and shown as ``resolved`` with ``resolved_by_change=True``, its stored
  title and explanation and the change it went with (``vanished_by``, see
  :mod:`~workshop_app.analysis.vanished`) — the room sees that its work paid
  off (or that a line was drawn) instead of watching an item silently
  disappear; a record the room *reopened* (``reopened``) keeps its own status,
  so it stays open although its finding is gone;
* records of unknown rules and declared records without a link stay as they are.

The list is ordered by votes (most first), then open before settled, then
the analysis order (declared first, then detected by rule), which is stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from workshop_app.analysis.findings import MAX_ID, Finding, finding_id
from workshop_app.analysis.index import DocIndex, index_document
from workshop_app.analysis.rules import RULE_IDS, detect
from workshop_app.i18n import N_
from workshop_app.model import (
    AddItem,
    Batch,
    Conflict,
    ConflictStatus,
    Link,
    LinkKind,
    ModelError,
    Operation,
    Triage,
    UpdateItem,
    Workshop,
    new_id,
)
from workshop_app.vocabulary import Translator

DECLARED = "declared"


def declared_id(link_id: str) -> str:
    """The record id for a declared conflict whose link has no record yet."""
    plain = f"{DECLARED}:{link_id}"
    return plain if len(plain) <= MAX_ID else finding_id(DECLARED, [link_id])


def declared_findings(doc: Workshop, idx: DocIndex, tr: Translator) -> list[Finding]:
    """One finding per ``conflicts_with`` link, in document order."""
    records = {c.link_id: c for c in doc.conflicts if c.link_id}
    findings = []
    for link in idx.links.values():
        if link.kind != LinkKind.CONFLICTS_WITH:
            continue
        a, b = idx.elements[link.source], idx.elements[link.target]
        record = records.get(link.id)
        findings.append(Finding(
            DECLARED, (a.id, b.id),
            (record.title if record and record.title else tr("{a} conflicts with {b}", a=tr.name(a), b=tr.name(b))),
            (record.explanation if record and record.explanation
             else link.reason.strip() or tr("Declared by the participants.")),
            tr("Balance or remove the conflict, and agree who decides when the two goals collide."),
            link_id=link.id,
            id=record.id if record else declared_id(link.id),
        ))
    return findings


def declare_conflict(doc: Workshop, source: str, target: str, reason: str = "") -> tuple[Batch, str]:
    """The operation by which the room declares two entries in conflict, and the new conflict's id.

    One ``conflicts_with`` link carries the reason (stored once); the
    ``Conflict`` record holds what the room adds later (votes, status,
    resolution). The record has no title of its own, so the conflict is
    named after its entries as they are called now — renaming an entry
    renames the conflict — until the room gives it a title. Raises
    ModelError for a missing entry or an entry declared against itself.
    """
    for element_id in (source, target):
        if doc.element(element_id) is None:
            raise ModelError(N_("there is no entry {id}"), id=element_id)
    if source == target:
        raise ModelError(N_("an entry cannot conflict with itself"))
    link = Link(id=new_id("link"), kind=LinkKind.CONFLICTS_WITH, source=source, target=target, reason=reason.strip())
    conflict = Conflict(id=new_id("conflict"), rule=DECLARED, link_id=link.id, element_ids=[source, target])
    return Batch([AddItem("links", link), AddItem("conflicts", conflict)]), conflict.id


def find_conflicts(doc: Workshop, lang: str = "en") -> list[Finding]:
    """Every current conflict of ``doc``: declared ones first, then detected ones by rule."""
    tr = Translator(lang)
    idx = index_document(doc)
    return declared_findings(doc, idx, tr) + detect(idx, tr)


@dataclass(frozen=True)
class ConflictView:
    """One line of the conflicts list: a finding, its record, or both."""

    id: str
    rule: str
    element_ids: tuple[str, ...]
    title: str
    explanation: str
    lever: str
    status: ConflictStatus
    votes: int
    resolution: str = ""
    link_id: str | None = None
    record: Conflict | None = field(default=None, compare=False, repr=False)
    resolved_by_change: bool = False
    hidden: bool = False
    #: declared conflicts are always taken up; a detected finding is new until the room triages it
    triage: Triage = Triage.NEW
    set_aside_reason: str = ""
    #: the change after which a vanished finding went (empty when unknown or still present)
    vanished_by: str = ""
    #: where the analysis listed it (findings, then records): the order among equal votes
    position: int = field(default=0, compare=False, repr=False)

    @property
    def declared(self) -> bool:
        return self.rule == DECLARED

    @property
    def taken_up(self) -> bool:
        """One of the room's conflicts: declared, or a finding the room took up."""
        return self.declared or self.triage == Triage.TAKEN_UP

    @property
    def set_aside(self) -> bool:
        return not self.declared and self.triage == Triage.SET_ASIDE

    @property
    def new_finding(self) -> bool:
        """Detected and not yet triaged: offered to the room, listed in the minutes' appendix."""
        return not self.declared and self.triage == Triage.NEW

    @property
    def is_open(self) -> bool:
        return self.status == ConflictStatus.OPEN

    @property
    def settled(self) -> bool:
        """Resolved, balanced or accepted: nothing left for the room to do."""
        return self.status in (ConflictStatus.RESOLVED, ConflictStatus.BALANCED, ConflictStatus.ACCEPTED)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (``tandem check --json``)."""
        return {
            "id": self.id, "rule": self.rule, "declared": self.declared, "element_ids": list(self.element_ids),
            "title": self.title, "explanation": self.explanation, "lever": self.lever,
            "status": self.status.value, "votes": self.votes, "resolution": self.resolution,
            "link_id": self.link_id, "has_record": self.record is not None,
            "resolved_by_change": self.resolved_by_change,
            "triage": "taken_up" if self.taken_up else self.triage.value, "set_aside_reason": self.set_aside_reason,
            "vanished_by": self.vanished_by,
        }


def _from_finding(finding: Finding, record: Conflict | None, position: int) -> ConflictView:
    return ConflictView(
        id=finding.id, rule=finding.rule, element_ids=finding.element_ids, title=finding.title,
        explanation=finding.explanation, lever=finding.lever,
        status=record.status if record else ConflictStatus.OPEN,
        votes=record.total_votes if record else 0,
        resolution=record.resolution if record else "", link_id=finding.link_id, record=record,
        hidden=record.hidden if record else False,
        triage=Triage.TAKEN_UP if finding.declared else (record.triage if record else Triage.NEW),
        set_aside_reason=record.set_aside_reason if record else "", position=position,
    )


def _from_record(record: Conflict, vanished: bool, position: int) -> ConflictView:
    return ConflictView(
        id=record.id, rule=record.rule, element_ids=tuple(record.element_ids), title=record.title,
        explanation=record.explanation, lever="",
        status=ConflictStatus.RESOLVED if vanished and not record.reopened else record.status,
        votes=record.total_votes,
        resolution=record.resolution, link_id=record.link_id, record=record,
        resolved_by_change=vanished, hidden=record.hidden,
        triage=Triage.TAKEN_UP if record.rule == DECLARED else record.triage,
        set_aside_reason=record.set_aside_reason, vanished_by=record.vanished_by, position=position,
    )


def conflict_views(doc: Workshop, lang: str = "en", findings: list[Finding] | None = None) -> list[ConflictView]:
    """Findings and records merged and ordered for the conflicts list (see module docstring).

    Pass ``findings`` from :func:`find_conflicts` to avoid analysing twice.
    """
    if findings is None:
        findings = find_conflicts(doc, lang)
    records = {c.id: c for c in doc.conflicts}
    views = [_from_finding(f, records.get(f.id), n) for n, f in enumerate(findings)]
    shown = {f.id for f in findings}
    for record in doc.conflicts:
        if record.id in shown:
            continue
        vanished = record.rule in RULE_IDS or (record.rule == DECLARED and record.link_id is not None)
        views.append(_from_record(record, vanished, len(views)))
    return in_vote_order(views)


def in_vote_order(views: list[ConflictView]) -> list[ConflictView]:
    """Most dots first, open before settled; among equals where the analysis listed them (findings, records)."""
    return sorted(views, key=lambda v: (-v.votes, not v.is_open, v.position))


def record_operation(
    doc: Workshop, ids: Iterable[str] | None = None, lang: str = "en", findings: list[Finding] | None = None
) -> Batch:
    """The operation that makes or refreshes the ``Conflict`` records of current findings.

    ``ids`` limits it to those findings (e.g. the one being voted on); unknown
    ids are ignored, so a view of a vanished conflict needs no special case.
    Detected records are refreshed when their elements or texts changed;
    declared records are the room's own words and are never overwritten. The
    result may be an empty ``Batch`` (applying it changes nothing); compose it
    with the edit in one ``Batch`` so both undo together::

        Batch([record_operation(doc, [view.id]), UpdateItem("conflicts", view.id, {"tally": 3})])
    """
    tr = Translator(lang)
    if findings is None:
        findings = find_conflicts(doc, lang)
    wanted = None if ids is None else set(ids)
    records = {c.id: c for c in doc.conflicts}
    operations: list[Operation] = []
    for f in findings:
        if wanted is not None and f.id not in wanted:
            continue
        record = records.get(f.id)
        if f.declared:
            if record is None:
                operations.append(AddItem("conflicts", Conflict(
                    id=f.id, rule=DECLARED, link_id=f.link_id, element_ids=list(f.element_ids))))
            continue
        fields: dict[str, Any] = {"element_ids": list(f.element_ids), "title": f.title, "explanation": f.explanation}
        if record is None:
            operations.append(AddItem("conflicts", Conflict(id=f.id, rule=f.rule, **fields)))
        else:
            changes = {k: v for k, v in fields.items() if getattr(record, k) != v}
            if changes:
                operations.append(UpdateItem("conflicts", f.id, changes))
    return Batch(operations, label=tr("Record conflict"))
