"""A shared goal's subtree: the part of the graph that shows how one joint goal is pursued.

A large workshop's graph is too small to read on one page; the breakdown of one
shared goal — the goals contributing to it (transitively), the incentives that
reward them and the budgets that fund them — is a part the reader can follow.
"""

from __future__ import annotations

from workshop_app.model import LinkKind, Workshop


def goal_subtree(doc: Workshop, goal_id: str) -> set[str]:
    """``goal_id``, every goal contributing to it transitively, their incentives, and the budgets
    funding those goals (with the budgets pooled into them)."""
    known = {el.id for el in doc.elements}
    if goal_id not in known:
        return set()
    goals, todo = {goal_id}, [goal_id]
    contributors: dict[str, list[str]] = {}
    for ln in doc.links:
        if ln.kind == LinkKind.CONTRIBUTES_TO:
            contributors.setdefault(ln.target, []).append(ln.source)
    while todo:
        for source in contributors.get(todo.pop(), []):
            if source not in goals:
                goals.add(source)
                todo.append(source)
    keep = set(goals)
    for ln in doc.links:
        if ln.kind in (LinkKind.REWARDS, LinkKind.FUNDS) and ln.target in goals:
            keep.add(ln.source)
    pots = {ln.source for ln in doc.links if ln.kind == LinkKind.FUNDS and ln.target in goals}
    keep |= {ln.source for ln in doc.links if ln.kind == LinkKind.POOLS and ln.target in pots}
    return keep & known
