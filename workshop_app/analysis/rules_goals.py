"""The goal breakdown: strategy → shared goals → department goals, owned by both sides.

* ``silo-goal`` — a department or team goal that serves no shared goal and no
  strategy along ``contributes_to``. A line drawn to a goal that itself
  serves nothing does not connect it: the chain is followed to its top.
* ``shared-goal-owners`` — a shared goal without owners from both sides.
  Only an owner whose participant is on Marketing or Sales counts: an owner
  on the joint side, or one who is not (or no longer) a participant, names
  no side.
* ``shared-goal-incomplete`` — a shared goal without a metric, a target or the
  *how* (DESIGN §1: a number alone is no shared goal). Blank text counts as
  missing. Without it, any goal could be drawn in as a "shared goal" to
  anchor a silo.
* ``goal-cycle`` — goals that contribute to or depend on each other in a circle.
"""

from __future__ import annotations

from collections.abc import Iterator

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import DEPARTMENTS, about, blank, listing, rule
from workshop_app.analysis.rules_incentives import anchored_goals
from workshop_app.i18n import N_
from workshop_app.model import GoalLevel, LinkKind
from workshop_app.vocabulary import Translator


@rule("silo-goal", N_("Silo goal"), "goals")
def silo_goal(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A department or team goal that serves no shared goal and no strategy, however it is linked."""
    anchored = anchored_goals(idx)
    for goal in idx.goals():
        if goal.level == GoalLevel.SHARED or goal.id in anchored:
            continue
        parents = [idx.elements[p] for p in dict.fromkeys(idx.targets(LinkKind.CONTRIBUTES_TO, goal.id))]
        if parents:
            text = tr("{side} goal {goal} is linked to {parents}, but that chain reaches no shared goal and no "
                      "strategy. It is pursued in a silo, and the other side cannot see why it matters.",
                      side=tr.side(goal.side), goal=tr.name(goal), parents=tr.names(parents))
        else:
            text = tr("{side} goal {goal} contributes to no shared goal, strategy or other goal. It is pursued in a "
                      "silo, and the other side cannot see why it matters.", side=tr.side(goal.side),
                      goal=tr.name(goal))
        yield Finding(
            "silo-goal", (goal.id,),
            about(tr, N_("Goal in a silo"), goal),
            text,
            tr("Connect it: link {goal} to the shared goal it serves — or let it go.", goal=tr.name(goal)),
        )


@rule("shared-goal-owners", N_("Owners from one side"), "goals")
def shared_goal_owners(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A shared goal without owners from both sides."""
    for goal in idx.goals():
        if goal.level != GoalLevel.SHARED:
            continue
        sides = {idx.side_of(p) for p in goal.owners}
        missing = [s for s in DEPARTMENTS if s not in sides]
        if not missing:
            continue
        who = tr.side(missing[0]) if len(missing) == 1 else tr("either side")
        text = tr("Shared goal {goal} has no owner from {who}. A shared goal that only one side owns is that "
                  "side's goal.", goal=tr.name(goal), who=who)
        sideless = [p for p in goal.owners if idx.side_of(p) not in DEPARTMENTS]
        if sideless:
            text += " " + tr.plural("{n} owner belongs to neither Marketing nor Sales.",
                                    "{n} owners belong to neither Marketing nor Sales.", len(sideless))
        yield Finding(
            "shared-goal-owners", (goal.id,),
            about(tr, N_("Shared goal not owned by both sides"), goal),
            text,
            tr("Name owners from both Marketing and Sales for {goal}.", goal=tr.name(goal)),
        )


@rule("shared-goal-incomplete", N_("Shared goal without metric, target or how"), "goals")
def shared_goal_incomplete(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A shared goal lacking a metric, a target or the how."""
    for goal in idx.goals():
        if goal.level != GoalLevel.SHARED:
            continue
        missing = [tr(name) for name, value in ((N_("a metric"), goal.metric), (N_("a target"), goal.target),
                                                (N_("how the sides will reach it"), goal.how)) if blank(value)]
        if not missing:
            continue
        yield Finding(
            "shared-goal-incomplete", (goal.id,),
            about(tr, N_("Shared goal not yet measurable"), goal),
            tr("Shared goal {goal} lacks {missing}. Without them it is a heading, not a goal: nobody can tell "
               "whether it was reached, and every department goal linked to it looks aligned.",
               goal=tr.name(goal), missing=listing(tr, missing)),
            tr("Complete {goal}: a metric, a baseline and target, and how Marketing and Sales will reach it "
               "together.", goal=tr.name(goal)),
        )


def strongly_connected(successors: dict[str, list[str]]) -> Iterator[set[str]]:
    """The strongly connected components of a directed graph (Tarjan's algorithm, without recursion).

    Written out rather than taken from networkx: importing networkx costs about 200 ms, and this
    rule runs whenever the conflicts are counted, also while the window opens. Linear in nodes + edges.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    counter = 0
    for root in list(successors):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = successors.get(node, ())
            if child < len(children):
                work.append((node, child + 1))
                nxt = children[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                yield component
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])


@rule("goal-cycle", N_("Goal cycle"), "goals")
def goal_cycle(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """Goals that contribute to or depend on each other in a circle."""
    successors: dict[str, list[str]] = {}
    for kind in (LinkKind.CONTRIBUTES_TO, LinkKind.DEPENDS_ON):
        for source, targets in idx.out[kind].items():
            successors.setdefault(source, []).extend(t for t, _ in targets)
    for component in strongly_connected(successors):
        if len(component) < 2:
            continue
        goals = sorted((idx.elements[g] for g in component), key=lambda el: el.id)
        yield Finding(
            "goal-cycle", tuple(el.id for el in goals),
            tr("Circle in the goal breakdown"),
            tr("The goals {goals} contribute to or depend on each other in a circle. The breakdown has no "
               "top, so nobody can tell which goal serves which.", goals=tr.names(goals)),
            tr("Break the circle: decide which goal is the parent, then remove or reverse one link."),
        )
