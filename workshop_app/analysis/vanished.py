"""Which change made a finding the room took up go away: recorded, so a drawn line cannot hide it.

When a taken-up finding vanishes, the room should see *why*: a real
agreement ("the pot was formed from both budgets") or a drawing trick ("a
line from the silo goal to another silo goal was drawn"). The UI folds
:func:`vanish_operation` into the same undoable command as the change, so
undoing the change also removes the note. Only detected records the room
took up (``triage == taken_up``) get a note; a finding that comes back has its
note cleared. Pure: both documents are read, neither is changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop_app.analysis.conflicts import DECLARED, find_conflicts
from workshop_app.analysis.findings import Finding
from workshop_app.analysis.rules import RULE_IDS
from workshop_app.i18n import N_
from workshop_app.model import (
    AddItem,
    Batch,
    Operation,
    RemoveItem,
    Triage,
    UpdateItem,
    Workshop,
)
from workshop_app.vocabulary import KIND_NAMES, LINK_NAMES, Translator

#: How many single changes a note names before it says "and N more".
MAX_NAMED = 3

#: The fields a note names in words; others by their stored name.
FIELD_NAMES = {
    "title": N_("title"), "side": N_("side"), "origin": N_("origin"), "level": N_("level"),
    "metric": N_("metric"), "baseline": N_("baseline"), "target": N_("target"), "how": N_("how"),
    "horizon_months": N_("horizon"), "owners": N_("owners"), "period_months": N_("period"),
    "amount": N_("amount"), "start_date": N_("start date"), "usefulness": N_("usefulness rating"),
    "purpose": N_("purpose"), "format": N_("format"), "cadence": N_("cadence"), "owner": N_("owner"),
    "resistance": N_("resistance"), "mitigation": N_("mitigation"), "parties": N_("parties"),
    "commitment": N_("commitment"), "review_date": N_("review date"), "team": N_("team"),
    "hypothesis": N_("hypothesis"), "problem": N_("problem"), "data_slice": N_("data slice"),
    "budget_amount": N_("budget"), "duration_weeks": N_("duration"), "restructuring": N_("restructuring"),
    "date": N_("date"), "period_ratio": N_("period ratio"), "poor_channel_rating": N_("poor channel rating"),
    "split_share_percent": N_("split share"), "triage": N_("triage"), "status": N_("status"),
}


def taken_up_detected(doc: Workshop) -> bool:
    """Whether ``doc`` has a detected record the room took up (only then is a note ever written)."""
    return any(c.triage == Triage.TAKEN_UP and c.rule != DECLARED for c in doc.conflicts)


def vanish_operation(before: Workshop, after: Workshop, change: Operation, lang: str = "en") -> Batch:
    """``UpdateItem``s writing ``vanished_by`` on taken-up records whose finding ``change`` made vanish.

    ``before`` is the document before ``change`` was applied, ``after`` the one after.
    """
    return vanish_operation_from({f.id for f in find_conflicts(before, lang)}, before, after, change, lang)


def vanish_operation_from(before_ids: set[str], before: Workshop, after: Workshop, change: Operation,
                          lang: str = "en", after_findings: list[Finding] | None = None) -> Batch:
    """:func:`vanish_operation` with the finding ids of ``before`` already known (the UI has them).

    ``after_findings``: the findings of ``after`` if the caller has them (so the UI analyses once per edit).
    """
    tr = Translator(lang)
    if not taken_up_detected(after):
        return Batch([], label=tr("Record why a finding vanished"))
    if after_findings is None:
        after_findings = find_conflicts(after, lang)
    after_ids = {f.id for f in after_findings}
    note = ""
    operations: list[Operation] = []
    for record in after.conflicts:
        if record.rule == DECLARED or record.rule not in RULE_IDS or record.triage != Triage.TAKEN_UP:
            continue
        if record.id in before_ids and record.id not in after_ids:
            note = note or describe(change, before, after, tr)
            if note and record.vanished_by != note:
                operations.append(UpdateItem("conflicts", record.id, {"vanished_by": note}))
        elif record.id in after_ids and record.vanished_by:
            operations.append(UpdateItem("conflicts", record.id, {"vanished_by": ""}))
    return Batch(operations, label=tr("Record why a finding vanished"))


def _flat(operation: Operation) -> Iterable[Operation]:
    if isinstance(operation, Batch):
        for op in operation.operations:
            yield from _flat(op)
    else:
        yield operation


def _element_name(tr: Translator, element_id: str, *docs: Workshop) -> str:
    for doc in docs:
        element = doc.element(element_id)
        if element is not None:
            return tr.name(element)
    return tr.quote(element_id)


def _one(op: Operation, before: Workshop, after: Workshop, tr: Translator) -> str:
    """One single change in words, or "" when it is not one the room would name (a record's refresh)."""
    collection = getattr(op, "collection", "")
    if isinstance(op, AddItem) and collection == "links":
        link = op.item
        return tr("link added: {source} {link} {target}", source=_element_name(tr, link.source, after, before),
                  link=tr.label(LINK_NAMES, link.kind), target=_element_name(tr, link.target, after, before))
    if isinstance(op, RemoveItem) and collection == "links":
        link = next((ln for ln in before.links if ln.id == op.item_id), None)
        if link is None:
            return tr("a link removed")
        return tr("link removed: {source} {link} {target}", source=_element_name(tr, link.source, before, after),
                  link=tr.label(LINK_NAMES, link.kind), target=_element_name(tr, link.target, before, after))
    if isinstance(op, AddItem) and collection == "elements":
        return tr("{kind} {name} added", kind=tr.label(KIND_NAMES, op.item.kind), name=tr.name(op.item))
    if isinstance(op, RemoveItem) and collection == "elements":
        element = before.element(op.item_id)
        kind = tr.label(KIND_NAMES, element.kind) if element is not None else tr("entry")
        return tr("{kind} {name} removed", kind=kind, name=_element_name(tr, op.item_id, before))
    if isinstance(op, UpdateItem) and collection != "conflicts":
        fields = ", ".join(tr(FIELD_NAMES[f]) if f in FIELD_NAMES else f for f in op.changes)
        if collection == "elements" and op.item_id:
            return tr("{fields} of {name} changed", fields=fields, name=_element_name(tr, op.item_id, after, before))
        if collection == "pilot":
            return tr("the pilot's {fields} changed", fields=fields)
        if collection == "analysis":
            return tr("the analysis thresholds changed ({fields})", fields=fields)
        return tr("{fields} changed", fields=fields)
    if isinstance(op, AddItem | RemoveItem) and collection not in ("conflicts",):
        return tr("{collection} changed", collection=collection)
    return ""


def describe(change: Operation, before: Workshop, after: Workshop, tr: Translator) -> str:
    """The change in words, as a note after "Went away after:": "link added: “A” contributes to “B”"."""
    parts = list(dict.fromkeys(p for p in (_one(op, before, after, tr) for op in _flat(change)) if p))
    if not parts:
        return ""
    shown = "; ".join(parts[:MAX_NAMED])
    if len(parts) > MAX_NAMED:
        shown = tr.plural("{items} and {n} more change", "{items} and {n} more changes", len(parts) - MAX_NAMED,
                          items=shown)
    return shown
