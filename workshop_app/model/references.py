"""Which fields refer to which objects, and what happens when a target goes.

One table drives both the integrity check of a loaded file and the cascade
when something is removed, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from workshop_app.model.enums import ElementKind, LinkKind
from workshop_app.model.problems import N_, Problem
from workshop_app.model.workshop import Workshop

#: A collection of id-carrying objects of a workshop.
Collection = Literal["participants", "elements", "links", "conflicts", "decisions", "actions", "parking_lot",
                     "alignment_statements", "alignment_rounds", "alignment_responses", "alignment_tallies"]
#: Collections of id-carrying objects, in document order.
COLLECTIONS: tuple[Collection, ...] = get_args(Collection)

#: Each collection's list, read without looking the name up as an attribute.
_LISTS: dict[str, Callable[[Workshop], list[Any]]] = {
    "participants": lambda d: d.participants, "elements": lambda d: d.elements, "links": lambda d: d.links,
    "conflicts": lambda d: d.conflicts, "decisions": lambda d: d.decisions, "actions": lambda d: d.actions,
    "parking_lot": lambda d: d.parking_lot,
    "alignment_statements": lambda d: d.alignment.statements, "alignment_rounds": lambda d: d.alignment.rounds,
    "alignment_responses": lambda d: d.alignment.responses, "alignment_tallies": lambda d: d.alignment.tallies,
}


def items_of(doc: Workshop, collection: str) -> list[Any]:
    """The (mutable) list of ``collection`` in ``doc``; KeyError for a name that is no collection."""
    return _LISTS[collection](doc)


@dataclass(frozen=True)
class Ref:
    owner: Collection | Literal["pilot", "follow_up"]  # collection holding the referring objects, or a singleton
    field: str
    target: Collection  # collection the ids point into
    shape: Literal["one", "list", "keys"]  # an id or None, a list of ids, a dict keyed by id
    on_delete: Literal["clear", "remove"]  # clear the reference, or remove the referring object


REFERENCES: tuple[Ref, ...] = (
    Ref("elements", "owners", "participants", "list", "clear"),
    Ref("elements", "owner", "participants", "one", "clear"),
    Ref("links", "source", "elements", "one", "remove"),
    Ref("links", "target", "elements", "one", "remove"),
    Ref("conflicts", "link_id", "links", "one", "remove"),
    Ref("conflicts", "element_ids", "elements", "list", "clear"),
    Ref("conflicts", "votes", "participants", "keys", "clear"),
    Ref("conflicts", "decision_ids", "decisions", "list", "clear"),
    Ref("conflicts", "action_ids", "actions", "list", "clear"),
    Ref("actions", "owner", "participants", "one", "clear"),
    Ref("actions", "element_id", "elements", "one", "clear"),
    Ref("pilot", "team", "participants", "list", "clear"),
    Ref("parking_lot", "raised_by", "participants", "one", "clear"),
    Ref("alignment_responses", "round_id", "alignment_rounds", "one", "remove"),
    Ref("alignment_responses", "participant", "participants", "one", "clear"),
    Ref("alignment_responses", "scores", "alignment_statements", "keys", "clear"),
    Ref("alignment_tallies", "round_id", "alignment_rounds", "one", "remove"),
    Ref("alignment_tallies", "statement_id", "alignment_statements", "one", "remove"),
    # a follow-up's review entries are keyed by what they review, and go with it
    Ref("follow_up", "actions", "actions", "keys", "clear"),
    Ref("follow_up", "goals", "elements", "keys", "clear"),
    Ref("follow_up", "kept", "elements", "keys", "clear"),
    Ref("follow_up", "earlier_round_id", "alignment_rounds", "one", "clear"),
)

#: Allowed (source kinds, target kinds) per link kind; None means any element.
LINK_ENDS: dict[LinkKind, tuple[set[str] | None, set[str] | None]] = {
    LinkKind.CONTRIBUTES_TO: ({ElementKind.GOAL}, {ElementKind.GOAL, ElementKind.STRATEGY}),
    LinkKind.REWARDS: ({ElementKind.INCENTIVE}, {ElementKind.GOAL}),
    LinkKind.FUNDS: ({ElementKind.BUDGET}, {ElementKind.GOAL}),
    LinkKind.DEPENDS_ON: ({ElementKind.GOAL}, {ElementKind.GOAL, ElementKind.AGREEMENT}),
    LinkKind.CONFLICTS_WITH: (None, None),
    LinkKind.POOLS: ({ElementKind.BUDGET}, {ElementKind.BUDGET}),
    LinkKind.REPLACES: ({ElementKind.CHANNEL}, {ElementKind.CHANNEL}),
}


def owners_of(doc: Workshop, owner: str) -> list[tuple[int | None, Any]]:
    """The objects that may hold a reference: (index, object) pairs."""
    if owner == "pilot":
        return [(None, doc.pilot)]
    if owner == "follow_up":
        return [] if doc.follow_up is None else [(None, doc.follow_up)]
    return list(enumerate(items_of(doc, owner)))


def referenced_ids(obj: Any, ref: Ref) -> list[str]:
    value = getattr(obj, ref.field, None)
    if value is None:
        return []
    if ref.shape == "one":
        return [value]
    return list(value)


def ids_in(doc: Workshop, collection: str) -> set[str]:
    return {item.id for item in items_of(doc, collection)}


def iter_references_to(doc: Workshop, collection: str, item_id: str) -> Iterator[tuple[Ref, Any]]:
    """Every (ref, referring object) that points at ``item_id`` in ``collection``."""
    for ref in REFERENCES:
        if ref.target != collection:
            continue
        for _, obj in owners_of(doc, ref.owner):
            if item_id in referenced_ids(obj, ref):
                yield ref, obj


#: "refers to … which does not exist", one sentence per target collection so each translates whole.
MISSING_TARGET = {
    "participants": N_("refers to participant '{id}', which does not exist"),
    "elements": N_("refers to element '{id}', which does not exist"),
    "links": N_("refers to link '{id}', which does not exist"),
    "decisions": N_("refers to decision '{id}', which does not exist"),
    "actions": N_("refers to action '{id}', which does not exist"),
    "alignment_rounds": N_("refers to alignment round '{id}', which does not exist"),
    "alignment_statements": N_("refers to alignment statement '{id}', which does not exist"),
}


def _where(owner: str, index: int | None, field: str) -> str:
    return f"{owner}.{field}" if index is None else f"{owner}[{index}].{field}"


def integrity_problems(doc: Workshop) -> list[Problem]:
    """Every broken promise of a structurally valid document, in document order."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for collection in COLLECTIONS:
        for index, item in enumerate(items_of(doc, collection)):
            where = f"{collection}[{index}].id"
            if item.id in seen:
                problems.append(Problem.of(where, N_("id '{id}' is used twice (first at {first})"), id=item.id,
                                           first=seen[item.id]))
            else:
                seen[item.id] = where

    known = {c: ids_in(doc, c) for c in COLLECTIONS}
    for ref in REFERENCES:
        for owner_index, obj in owners_of(doc, ref.owner):
            for target_id in referenced_ids(obj, ref):
                if target_id not in known[ref.target]:
                    problems.append(Problem.of(_where(ref.owner, owner_index, ref.field), MISSING_TARGET[ref.target],
                                               id=target_id))

    kinds = {el.id: el.kind for el in doc.elements}
    for link_index, link in enumerate(doc.links):
        problem = link_problem(kinds, link)
        if problem:
            field, template, params = problem
            problems.append(Problem.of(f"links[{link_index}].{field}", template, **params))

    link_kinds = {link.id: link.kind for link in doc.links}
    for index, conflict in enumerate(doc.conflicts):
        if conflict.link_id and link_kinds.get(conflict.link_id, LinkKind.CONFLICTS_WITH) != LinkKind.CONFLICTS_WITH:
            problems.append(Problem.of(f"conflicts[{index}].link_id", N_("must name a 'conflicts_with' link")))

    phases: set[str] = set()
    for index, item in enumerate(doc.agenda):
        if item.phase in phases:
            problems.append(Problem.of(f"agenda[{index}].phase", N_("phase '{phase}' is listed twice"), phase=item.phase))
        phases.add(item.phase)
    return problems


def link_problem(kinds: Mapping[str, str], link: Any) -> tuple[str, str, dict[str, str]] | None:
    """(field, message template, values) if the link joins the wrong kinds of elements, else None."""
    if link.source == link.target:
        return "target", N_("a link must join two different elements"), {}
    sources, targets = LINK_ENDS[link.kind]
    src, dst = kinds.get(link.source), kinds.get(link.target)
    if src and sources is not None and src not in sources:
        return "source", N_("a '{link}' link cannot start at a {kind}"), {"link": str(link.kind), "kind": str(src)}
    if dst and targets is not None and dst not in targets:
        return "target", N_("a '{link}' link cannot end at a {kind}"), {"link": str(link.kind), "kind": str(dst)}
    return None


def reference_problems(doc: Workshop, owner: str, obj: Any) -> list[Problem]:
    """The references one object holds that do not resolve (and a link's wrong ends), located by field."""
    messages = []
    for ref in REFERENCES:
        if ref.owner != owner:
            continue
        known = ids_in(doc, ref.target)
        for target_id in referenced_ids(obj, ref):
            if target_id not in known:
                messages.append(Problem.of(ref.field, MISSING_TARGET[ref.target], id=target_id))
    if owner == "links":
        problem = link_problem({el.id: el.kind for el in doc.elements}, obj)
        if problem:
            messages.append(Problem.of(problem[0], problem[1], **problem[2]))
    return messages
