"""The detected-conflict rules of DESIGN §3, as pure functions of the indexed graph.

Each rule takes a :class:`DocIndex` and a :class:`Translator` and yields findings;
none looks at anything but the document, so the same document always gives
the same findings (in the same order: rules in ``RULES`` order, each rule's
findings sorted by id). Every rule is linear in elements + links.

Thresholds worth knowing:

* ``PERIOD_RATIO`` — an incentive is "much shorter" than its goal when the
  goal's horizon is at least 4 × the incentive's period: a quarterly
  commission on a one-year goal pays out four times before anyone can see
  whether the goal was reached.
* ``USELESS_RATING`` — a channel rated 0 or 1 (of 5) by its receiving side is
  useless to them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.i18n import N_
from workshop_app.model import ElementBase, Goal, GoalLevel, LinkKind, Origin, Side
from workshop_app.vocabulary import Translator

#: How much of an element's title a finding's title repeats.
SUBJECT_CHARS = 40

PERIOD_RATIO = 4
USELESS_RATING = 1
SIDE_ORDER = {Side.MARKETING: 0, Side.JOINT: 1, Side.SALES: 2}

Rule = Callable[[DocIndex, Translator], Iterator[Finding]]


@dataclass(frozen=True)
class RuleSpec:
    """One detected-conflict rule: registered once, everything else derives from it."""

    id: str  # what a finding and a ``Conflict.rule`` carry
    name: str  # the kind as lists name it (``N_``-marked, translated when shown)
    lever: str  # which lever of the system it concerns (a key of :data:`LEVERS`)
    detect: Rule


#: The levers of DESIGN §1 (and the structure they act through), as the rules name them.
LEVERS = {
    "horizons": N_("Time horizons"), "incentives": N_("Incentives"), "budget": N_("Budget"),
    "goals": N_("Goal breakdown"), "channels": N_("Communication channels"),
}

#: Every rule by id, in the order findings are listed; filled by :func:`rule` below.
REGISTRY: dict[str, RuleSpec] = {}


def rule(rule_id: str, name: str, lever: str) -> Callable[[Rule], Rule]:
    """Register a rule function under ``rule_id``; its findings must carry that id."""
    if lever not in LEVERS:
        raise ValueError(f"unknown lever {lever!r}")

    def register(function: Rule) -> Rule:
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id!r} is registered twice")
        REGISTRY[rule_id] = RuleSpec(rule_id, name, lever, function)
        return function

    return register


def about(tr: Translator, title: str, element: ElementBase) -> str:
    """A rule's title naming the element it is about, so two findings of one rule differ in a list.

    ``title`` is an ``N_``-marked message, translated here.
    """
    name = (element.title or element.id).strip()
    if len(name) > SUBJECT_CHARS:
        name = name[: SUBJECT_CHARS - 1].rstrip() + "…"
    return f"{tr(title)}: {name}"


def _goals(idx: DocIndex, *levels: GoalLevel) -> list[Goal]:
    return [goal for goal in idx.goals() if goal.level in levels]


def anchored_goals(idx: DocIndex) -> set[str]:
    """Goals that reach a shared goal or a strategy along ``contributes_to`` (shared goals included)."""
    roots = [el.id for el in idx.elements.values()
             if el.kind == "strategy" or (el.kind == "goal" and el.level == GoalLevel.SHARED)]
    seen = set(roots)
    queue = deque(roots)
    into = idx.into[LinkKind.CONTRIBUTES_TO]
    while queue:
        for source, _ in into.get(queue.popleft(), ()):
            if source not in seen:
                seen.add(source)
                queue.append(source)
    return seen


@rule("misaligned-incentive", N_("Misaligned incentive"), "incentives")
def misaligned_incentive(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(1) An incentive rewards a goal that serves no shared goal and no strategy."""
    anchored = anchored_goals(idx)
    for inc in idx.incentives():
        for goal_id in dict.fromkeys(idx.targets(LinkKind.REWARDS, inc.id)):
            goal = idx.elements[goal_id]
            if goal_id in anchored or goal.kind != "goal":
                continue
            yield Finding(
                "misaligned-incentive", (inc.id, goal_id),
                about(tr, N_("Incentive rewards an unaligned goal"), goal),
                tr("Incentive {incentive} rewards {goal}, but {goal} contributes to no shared goal and no "
                   "company strategy. People are paid for work the joint plan does not need.",
                   incentive=tr.name(inc), goal=tr.name(goal)),
                tr("Align the incentive: reward a goal that feeds a shared goal, or link {goal} into the "
                   "goal breakdown.", goal=tr.name(goal)),
            )


@rule("incentives-in-conflict", N_("Incentives in conflict"), "incentives")
def incentives_in_conflict(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(2) Two sides' incentives reward goals that the room declared in conflict."""
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


@rule("short-incentive-period", N_("Short incentive period"), "horizons")
def short_incentive_period(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(3) An incentive pays out much more often than the rewarded goal can show results."""
    for inc in idx.incentives():
        period = inc.period_months
        if not period:
            continue
        for goal_id in dict.fromkeys(idx.targets(LinkKind.REWARDS, inc.id)):
            goal = idx.elements[goal_id]
            horizon = goal.horizon_months if goal.kind == "goal" else None
            if not horizon or horizon < PERIOD_RATIO * period:
                continue
            yield Finding(
                "short-incentive-period", (inc.id, goal_id),
                about(tr, N_("Incentive period much shorter than the goal's horizon"), inc),
                tr("Incentive {incentive} pays out every {period}, but {goal} has a horizon of {horizon}. "
                   "It pays {times} times before the goal can show results, so short-term wins beat the "
                   "long-term goal.", incentive=tr.name(inc), goal=tr.name(goal), period=tr.months(period),
                   horizon=tr.months(horizon), times=horizon // period),
                tr("Synchronise horizons: tie part of {incentive} to the long-term result of {goal}, or pay "
                   "it on milestones that lead there.", incentive=tr.name(inc), goal=tr.name(goal)),
            )


def _budgets_of(idx: DocIndex, goal: ElementBase) -> list[ElementBase]:
    return [idx.elements[b] for b in dict.fromkeys(idx.sources(LinkKind.FUNDS, goal.id))]


@rule("split-budget", N_("Split budget"), "budget")
def split_budget(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(4a) A shared goal funded from separate Marketing and Sales budgets and no joint one."""
    for goal in _goals(idx, GoalLevel.SHARED):
        budgets = _budgets_of(idx, goal)
        sides = {b.side for b in budgets}
        if {Side.MARKETING, Side.SALES} <= sides and Side.JOINT not in sides:
            split = sorted((b for b in budgets if b.side != Side.JOINT), key=lambda b: (SIDE_ORDER[b.side], b.id))
            yield Finding(
                "split-budget", (goal.id, *(b.id for b in split)),
                about(tr, N_("Shared goal funded from separate pots"), goal),
                tr("Shared goal {goal} is funded from separate Marketing and Sales budgets ({budgets}). Each "
                   "side spends its own pot on its own priorities, so the money never meets in one place.",
                   goal=tr.name(goal), budgets=tr.names(split)),
                tr("One pot: fund {goal} from one joint budget that both sides decide on together.",
                   goal=tr.name(goal)),
                key_ids=(goal.id,),
            )


@rule("unfunded-shared-goal", N_("Unfunded shared goal"), "budget")
def unfunded_shared_goal(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(4b) A shared goal that no budget funds."""
    for goal in _goals(idx, GoalLevel.SHARED):
        if not _budgets_of(idx, goal):
            yield Finding(
                "unfunded-shared-goal", (goal.id,),
                about(tr, N_("Shared goal without a budget"), goal),
                tr("Shared goal {goal} has no budget. A goal without money stays a wish, and each side "
                   "keeps funding its own priorities.", goal=tr.name(goal)),
                tr("One pot: give {goal} a joint budget that both sides decide on together.", goal=tr.name(goal)),
            )


@rule("silo-goal", N_("Silo goal"), "goals")
def silo_goal(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(5) A department or team goal that contributes to nothing."""
    out = idx.out[LinkKind.CONTRIBUTES_TO]
    for goal in _goals(idx, GoalLevel.DEPARTMENT, GoalLevel.TEAM):
        if out.get(goal.id):
            continue
        yield Finding(
            "silo-goal", (goal.id,),
            about(tr, N_("Goal in a silo"), goal),
            tr("{side} goal {goal} contributes to no shared goal, strategy or other goal. It is pursued in a "
               "silo, and the other side cannot see why it matters.", side=tr.side(goal.side), goal=tr.name(goal)),
            tr("Connect it: link {goal} to the shared goal it serves — or let it go.", goal=tr.name(goal)),
        )


@rule("shared-goal-owners", N_("Owners from one side"), "goals")
def shared_goal_owners(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(6) A shared goal without owners from both sides."""
    for goal in _goals(idx, GoalLevel.SHARED):
        sides = {idx.participant_side.get(p) for p in goal.owners}
        missing = [s for s in (Side.MARKETING, Side.SALES) if s not in sides]
        if not missing:
            continue
        who = tr.side(missing[0]) if len(missing) == 1 else tr("either side")
        yield Finding(
            "shared-goal-owners", (goal.id,),
            about(tr, N_("Shared goal not owned by both sides"), goal),
            tr("Shared goal {goal} has no owner from {who}. A shared goal that only one side owns is that "
               "side's goal.", goal=tr.name(goal), who=who),
            tr("Name owners from both Marketing and Sales for {goal}.", goal=tr.name(goal)),
        )


@rule("goal-cycle", N_("Goal cycle"), "goals")
def goal_cycle(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(7) Goals that contribute to or depend on each other in a circle."""
    import networkx as nx  # only this rule needs it; the registry loads without it

    graph = nx.DiGraph()
    for kind in (LinkKind.CONTRIBUTES_TO, LinkKind.DEPENDS_ON):
        graph.add_edges_from((s, t) for s, targets in idx.out[kind].items() for t, _ in targets)
    for component in nx.strongly_connected_components(graph):
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


@rule("useless-channel", N_("Useless channel"), "channels")
def useless_channel(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(8a) A channel its receiving side rates as useless."""
    for channel in idx.channels():
        if channel.usefulness is None or channel.usefulness > USELESS_RATING:
            continue
        yield Finding(
            "useless-channel", (channel.id,),
            about(tr, N_("Channel the receiving side finds useless"), channel),
            tr("Channel {channel} from {sender} to {receiver} is rated {rating} of 5 by {receiver}. It costs "
               "the sender effort and informs nobody.", channel=tr.name(channel), sender=tr.side(channel.side),
               receiver=tr.side(channel.to_side), rating=channel.usefulness),
            tr("Agree a channel: ask {receiver} which format and cadence they would actually use, and replace "
               "{channel} with it.", receiver=tr.side(channel.to_side), channel=tr.name(channel)),
        )


@rule("no-agreed-channel", N_("No agreed channel"), "channels")
def no_agreed_channel(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(8b) Both sides are in the room but no channel between them has been agreed.

    Any agreed channel counts unless it stays inside one department
    (Marketing → Marketing, Sales → Sales); a joint meeting counts.
    """
    sides = {el.side for el in idx.elements.values()}
    if not {Side.MARKETING, Side.SALES} <= sides:
        return
    for channel in idx.channels():
        if channel.origin == Origin.AGREED and not (channel.side == channel.to_side != Side.JOINT):
            return
    yield Finding(
        "no-agreed-channel", (),
        tr("No agreed channel between Marketing and Sales"),
        tr("Marketing and Sales have not agreed a single communication channel. Information is pushed over the "
           "fence, and nobody knows where the other side actually listens."),
        tr("Agree a channel: purpose, format, cadence and an owner, valued by the side that receives it."),
    )


#: Every detected-conflict rule function, in the order findings are listed (derived from the registry).
RULES: tuple[Rule, ...] = tuple(spec.detect for spec in REGISTRY.values())

#: The rule ids a finding (and a ``Conflict.rule``) can carry, besides ``declared``.
RULE_IDS: tuple[str, ...] = tuple(REGISTRY)


def rule_spec(rule_id: str) -> RuleSpec | None:
    """The registered rule of that id (None for ``declared`` and for ids of other versions)."""
    return REGISTRY.get(rule_id)


def detect(idx: DocIndex, tr: Translator) -> list[Finding]:
    """All detected conflicts: rules in order, each rule's findings sorted by id."""
    findings: list[Finding] = []
    for spec in REGISTRY.values():
        found = sorted(spec.detect(idx, tr), key=lambda f: f.id)
        assert all(f.rule == spec.id for f in found), f"rule {spec.id} yielded findings of another rule"
        findings.extend(found)
    return findings
