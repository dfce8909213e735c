"""Rules of the incentives lever: what each side is paid for, and whether the pay ever meets.

* ``misaligned-incentive`` — an incentive rewards a goal that serves no
  shared goal and no strategy. A ``contributes_to`` line drawn to a goal that
  itself serves nothing does not silence it: the whole chain is followed.
* ``incentives-in-conflict`` — two sides' incentives reward goals the room
  declared in conflict.
* ``unmatched-conflict-incentive`` — one goal of a declared conflict is
  rewarded and the other is rewarded by nothing: when the two collide, the
  pay plan decides, not the room.
* ``incentives-never-meet`` — Marketing's and Sales' incentives reward goals
  that reach no common *shared* goal (at most the company strategy). Checked
  per incentive against everything the other side's incentives reach; when
  no incentive of either side meets the other, one finding for the pair of
  sides says so instead of one per incentive. An incentive whose goals reach
  no shared goal *and* no strategy is already a misaligned incentive and is
  not reported twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import DEPARTMENTS, SIDE_ORDER, about, by_side, rule
from workshop_app.i18n import N_
from workshop_app.model import GoalLevel, LinkKind, Side
from workshop_app.vocabulary import Translator


def anchored_goals(idx: DocIndex) -> set[str]:
    """Goals that reach a shared goal or a strategy along ``contributes_to`` (shared goals included)."""
    return idx.down(idx.anchors())


@rule("misaligned-incentive", N_("Misaligned incentive"), "incentives")
def misaligned_incentive(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """An incentive rewards a goal that serves no shared goal and no strategy, however it is linked."""
    anchored = anchored_goals(idx)
    for inc in idx.incentives():
        for goal_id in dict.fromkeys(idx.targets(LinkKind.REWARDS, inc.id)):
            goal = idx.elements[goal_id]
            if goal_id in anchored or goal.kind != "goal":
                continue
            parents = [idx.elements[p] for p in dict.fromkeys(idx.targets(LinkKind.CONTRIBUTES_TO, goal_id))]
            if parents:
                why = tr("{goal} is linked to {parents}, but that chain reaches no shared goal and no company "
                         "strategy either.", goal=tr.name(goal), parents=tr.names(parents))
            else:
                why = tr("{goal} contributes to no shared goal and no company strategy.", goal=tr.name(goal))
            yield Finding(
                "misaligned-incentive", (inc.id, goal_id),
                about(tr, N_("Incentive rewards an unaligned goal"), goal),
                tr("Incentive {incentive} rewards {goal}. {why} People are paid for work the joint plan does "
                   "not need.", incentive=tr.name(inc), goal=tr.name(goal), why=why),
                tr("Align the incentive: reward a goal that feeds a shared goal, or link {goal} into the "
                   "goal breakdown.", goal=tr.name(goal)),
            )


@rule("incentives-in-conflict", N_("Incentives in conflict"), "incentives")
def incentives_in_conflict(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """Two sides' incentives reward goals that the room declared in conflict."""
    seen: set[frozenset[str]] = set()
    for link in idx.links.values():
        if link.kind != LinkKind.CONFLICTS_WITH:
            continue
        goal_a, goal_b = idx.elements[link.source], idx.elements[link.target]
        if goal_a.kind != "goal" or goal_b.kind != "goal":
            continue
        for inc_a_id in dict.fromkeys(idx.sources(LinkKind.REWARDS, goal_a.id)):
            for inc_b_id in dict.fromkeys(idx.sources(LinkKind.REWARDS, goal_b.id)):
                inc_a, inc_b = idx.elements[inc_a_id], idx.elements[inc_b_id]
                key = frozenset((inc_a.id, inc_b.id, goal_a.id, goal_b.id))
                if inc_a.side == inc_b.side or key in seen:
                    continue
                seen.add(key)
                pairs = sorted([(inc_a, goal_a), (inc_b, goal_b)], key=lambda p: (SIDE_ORDER[p[0].side], p[0].id))
                (i1, g1), (i2, g2) = pairs
                yield Finding(
                    "incentives-in-conflict", (i1.id, g1.id, i2.id, g2.id),
                    tr("Incentives pull against each other"),
                    tr("{inc_a} ({side_a}) rewards {goal_a} and {inc_b} ({side_b}) rewards {goal_b}, but these "
                       "goals are declared in conflict. Each side is paid to work against the other.",
                       inc_a=tr.name(i1), side_a=tr.side(i1.side), goal_a=tr.name(g1),
                       inc_b=tr.name(i2), side_b=tr.side(i2.side), goal_b=tr.name(g2)),
                    tr("Align the incentives: reward both sides for the shared goal above the conflict, or "
                       "agree who decides between {goal_a} and {goal_b}.", goal_a=tr.name(g1), goal_b=tr.name(g2)),
                )


@rule("unmatched-conflict-incentive", N_("Only one side of a conflict is paid"), "incentives")
def unmatched_conflict_incentive(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """One goal of a declared conflict is rewarded, the other by nothing."""
    seen: set[tuple[str, str]] = set()
    for link in idx.links.values():
        if link.kind != LinkKind.CONFLICTS_WITH:
            continue
        ends = (idx.elements[link.source], idx.elements[link.target])
        if any(el.kind != "goal" for el in ends):
            continue
        for paid, unpaid in (ends, ends[::-1]):
            incentives = [idx.elements[i] for i in dict.fromkeys(idx.sources(LinkKind.REWARDS, paid.id))]
            if not incentives or idx.sources(LinkKind.REWARDS, unpaid.id) or (paid.id, unpaid.id) in seen:
                continue
            seen.add((paid.id, unpaid.id))
            incentives = by_side(incentives)
            yield Finding(
                "unmatched-conflict-incentive", (*(i.id for i in incentives), paid.id, unpaid.id),
                about(tr, N_("Only one goal of a conflict is paid"), paid),
                tr("{goal} is declared in conflict with {other}. {incentives} rewards {goal}, while nothing "
                   "rewards {other}. When the two collide, the pay plan decides, not the room.",
                   goal=tr.name(paid), other=tr.name(unpaid), incentives=tr.names(incentives)),
                tr("Align the incentives: agree who decides between {goal} and {other}, and reward that decision "
                   "(or the shared goal above both), not one side of the conflict.",
                   goal=tr.name(paid), other=tr.name(unpaid)),
                key_ids=(paid.id, unpaid.id),
            )


def _shared_reached(idx: DocIndex, goal_ids: list[str], shared: set[str]) -> set[str]:
    return idx.up(goal_ids) & shared


@rule("incentives-never-meet", N_("Incentives that never meet"), "incentives")
def incentives_never_meet(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """Marketing's and Sales' incentives reward goals that reach no common shared goal."""
    shared = {g.id for g in idx.goals() if g.level == GoalLevel.SHARED}
    anchored = anchored_goals(idx)
    rewarded: dict[Side, dict[str, list[str]]] = {side: {} for side in DEPARTMENTS}
    for inc in idx.incentives():
        if inc.side in rewarded:
            goals = [g for g in dict.fromkeys(idx.targets(LinkKind.REWARDS, inc.id)) if idx.elements[g].kind == "goal"]
            if goals and any(g in anchored for g in goals):  # wholly unanchored: a misaligned incentive already
                rewarded[inc.side][inc.id] = goals
    if not all(rewarded.values()):
        return  # one side has no incentive on the goal breakdown: nothing to meet
    reach = {side: _shared_reached(idx, [g for gs in rewarded[side].values() for g in gs], shared)
             for side in DEPARTMENTS}
    # goals that serve a shared goal the other side's incentives reach (one walk down per side)
    meets = {side: idx.down(reach[other]) for side, other in zip(DEPARTMENTS, DEPARTMENTS[::-1], strict=True)}
    lonely = {side: [idx.elements[i] for i, goals in rewarded[side].items() if not any(g in meets[side] for g in goals)]
              for side in DEPARTMENTS}
    marketing, sales = DEPARTMENTS
    if len(lonely[marketing]) == len(rewarded[marketing]) and len(lonely[sales]) == len(rewarded[sales]):
        incentives = lonely[marketing] + lonely[sales]
        yield Finding(
            "incentives-never-meet", tuple(i.id for i in incentives),
            tr("The two sides' incentives never meet in a shared goal"),
            tr("Marketing's incentives ({mk}) lead to {mk_goals}; Sales' incentives ({sa}) lead to {sa_goals}. "
               "No shared goal is served by both: the pay plans meet at most in the company strategy. Each side "
               "can hit its targets while the other misses, and nobody is paid for the handover between them.",
               mk=tr.names(lonely[marketing]), sa=tr.names(lonely[sales]),
               mk_goals=_served(idx, tr, reach[marketing]), sa_goals=_served(idx, tr, reach[sales])),
            tr("Align the incentives: tie part of each side's pay to one shared goal both can move."),
            key_ids=(marketing.value, sales.value),
        )
        return
    for side, other in zip(DEPARTMENTS, DEPARTMENTS[::-1], strict=True):
        for inc in lonely[side]:
            mine = _shared_reached(idx, rewarded[side][inc.id], shared)
            yield Finding(
                "incentives-never-meet", (inc.id, *rewarded[side][inc.id]),
                about(tr, N_("Incentive meets no incentive of the other side"), inc),
                tr("{incentive} ({side}) rewards {goals}; the chain above it leads to {served}. No incentive of {other} rewards "
                   "anything on the way to the same shared goal, so the two pay plans pull apart even without a "
                   "declared conflict.", incentive=tr.name(inc), side=tr.side(side), other=tr.side(other),
                   goals=tr.names([idx.elements[g] for g in rewarded[side][inc.id]]),
                   served=_served(idx, tr, mine)),
                tr("Align the incentives: link {incentive} to a shared goal that {other} is paid for too, or "
                   "reward {other} for the shared goal {incentive} serves.", incentive=tr.name(inc),
                   other=tr.side(other)),
                key_ids=(inc.id,),
            )


def _served(idx: DocIndex, tr: Translator, shared: set[str]) -> str:
    if not shared:
        return tr("no shared goal, only the company strategy")
    return tr.names(sorted((idx.elements[g] for g in shared), key=lambda el: el.id))
