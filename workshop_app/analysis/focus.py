"""A conflict's neighbourhood: the part of the graph that explains it.

On a large workshop the whole graph is too small to read, on the wall and on
the laptop alike. A conflict is explained by its own elements and whatever
they are linked to (the goal an incentive rewards, the budget that funds it),
so that neighbourhood, laid out afresh, is what both the audience window and
the editor's "selected conflict only" view draw. The editor can also focus on
one selected element (its neighbours) or one shared goal (its subtree).
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop_app.model import Workshop


def neighbourhood(doc: Workshop, element_ids: Iterable[str], include_hidden: bool = False) -> set[str]:
    """The elements of a conflict and every element linked to one of them (hidden ones left out unless asked)."""
    core = set(element_ids)
    keep = set(core)
    for link in doc.links:
        if link.source in core:
            keep.add(link.target)
        if link.target in core:
            keep.add(link.source)
    return {el.id for el in doc.elements if el.id in keep and (include_hidden or not el.hidden)}


def focus_document(doc: Workshop, keep: set[str]) -> Workshop:
    """A copy of ``doc`` with only ``keep``, placed afresh: dragged positions belong to the whole graph."""
    elements = [el.model_copy(update={"position": None}) for el in doc.elements if el.id in keep]
    links = [ln for ln in doc.links if ln.source in keep and ln.target in keep]
    return doc.model_copy(update={"elements": elements, "links": links})


def subtree(doc: Workshop, goal_id: str, include_hidden: bool = False) -> set[str]:
    """A shared goal with every goal that contributes to it (at any depth), and what is linked to those.

    What the room needs to talk about one shared goal: the department and team
    goals below it and the incentives, budgets and agreements they hang on,
    not the rest of the company.
    """
    below: dict[str, list[str]] = {}
    for link in doc.links:
        if link.kind.value == "contributes_to":
            below.setdefault(link.target, []).append(link.source)
    tree, todo = {goal_id}, [goal_id]
    while todo:
        for child in below.get(todo.pop(), []):
            if child not in tree:
                tree.add(child)
                todo.append(child)
    return neighbourhood(doc, tree, include_hidden)


def selection_neighbourhood(doc: Workshop, element_id: str, include_hidden: bool = False) -> set[str]:
    """What the editor's focus shows for one selected element: a shared goal's subtree, else its neighbours."""
    el = next((e for e in doc.elements if e.id == element_id), None)
    if el is None:
        return set()
    if el.kind == "goal" and getattr(el, "level", None) is not None and el.level.value == "shared":
        return subtree(doc, element_id, include_hidden)
    return neighbourhood(doc, [element_id], include_hidden)
