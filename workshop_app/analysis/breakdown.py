"""The goal breakdown as the room reads it: strategy → shared goals → department goals.

The ``contributes_to`` links form a graph (a goal may serve two parents, a
cycle may exist), shown as a tree: the editor's goal tree and the
projector's goal view read the same breakdown. Qt-free.
"""

from __future__ import annotations

from workshop_app.model import ElementKind, LinkKind, Origin, Workshop


def breakdown(doc: Workshop) -> tuple[list[str], dict[str, list[str]], list[str]]:
    """(roots, children by parent id, unlinked goals) of the goal breakdown (a graph, maybe with cycles)."""
    goals = {el.id: el for el in doc.elements if el.kind in (ElementKind.GOAL, ElementKind.STRATEGY)}
    parents: dict[str, list[str]] = {}
    children: dict[str, list[str]] = {}
    linked: set[str] = set()
    for link in doc.links:
        if link.kind == LinkKind.CONTRIBUTES_TO and link.source in goals and link.target in goals:
            children.setdefault(link.target, []).append(link.source)
            parents.setdefault(link.source, []).append(link.target)
            linked.update((link.source, link.target))
    members = [el_id for el_id, el in goals.items()
               if el.kind == ElementKind.STRATEGY or el.origin == Origin.AGREED or el_id in linked]
    roots = [m for m in members if goals[m].kind == ElementKind.STRATEGY]
    unlinked = [m for m in members if goals[m].kind != ElementKind.STRATEGY and m not in parents]
    order = {el_id: i for i, el_id in enumerate(goals)}
    for kids in children.values():
        kids.sort(key=order.__getitem__)
    return roots, children, unlinked
