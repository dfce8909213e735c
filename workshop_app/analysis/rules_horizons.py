"""The horizons lever: how often each side is paid against how long the goals it serves run.

``short-incentive-period`` compares every incentive's period with the
horizon of every goal *and* strategy its rewarded goal serves, transitively
along ``contributes_to`` — not only the goal it rewards: a monthly commission
on a three-month goal that feeds a two-year brand goal still pays 24 times
before anyone sees whether the brand goal moved.

Threshold (``AnalysisSettings.period_ratio``, default **4**): a goal of
horizon *h* is out of reach of a side's pay when even the longest period
among that side's incentives serving it, *p*, satisfies ``h ≥ ratio × p`` —
a quarterly commission on a one-year goal pays out four times before the goal
can show a result. "Nothing in between is rewarded" is exactly that: no
incentive of the side pays on a cadence closer to the goal's horizon.

One finding per paid side (Marketing, Sales, joint), keyed by the side, so
the room sees the gap between that side's pay and the goals it serves
(whose sides the explanation names) once, not once per incentive and goal.
The missing milestone it names lies between the two (the geometric mean of
the longest period and the goal's horizon, in whole months): a goal of that
horizon on the way to the long goal, with part of the pay tied to it.
Linear: periods are propagated up the breakdown with a work list (a node's
value only grows, and only to one of the few periods that exist).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import SIDE_ORDER, by_side, rule
from workshop_app.i18n import N_
from workshop_app.model import LinkKind, Side
from workshop_app.vocabulary import Translator


def _longest_period(idx: DocIndex, side: Side) -> tuple[dict[str, int], list]:
    """Per element: the longest period of ``side``'s incentives serving it; and those incentives."""
    longest: dict[str, int] = {}
    queue: deque[str] = deque()
    paid = []
    for inc in idx.incentives():
        if inc.side != side or not inc.period_months:
            continue
        paid.append(inc)
        for goal_id in idx.targets(LinkKind.REWARDS, inc.id):
            if longest.get(goal_id, 0) < inc.period_months:
                longest[goal_id] = inc.period_months
                queue.append(goal_id)
    parents = idx.out[LinkKind.CONTRIBUTES_TO]
    while queue:
        node = queue.popleft()
        for parent, _ in parents.get(node, ()):
            if longest.get(parent, 0) < longest[node]:
                longest[parent] = longest[node]
                queue.append(parent)
    return longest, paid


def _every(tr: Translator, values: list[int]) -> str:
    low, high = min(values), max(values)
    if low == high:
        return tr.plural("every month", "every {n} months", high)
    return tr.plural("every {low}–{n} month", "every {low}–{n} months", high, low=low)


def _span(tr: Translator, values: list[int]) -> str:
    low, high = min(values), max(values)
    if low == high:
        return tr.months(high)
    return tr.plural("{low}–{n} month", "{low}–{n} months", high, low=low)


@rule("short-incentive-period", N_("Horizon gap between pay and goals"), "horizons")
def short_incentive_period(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A side is paid much more often than the goals and strategy its rewarded goals serve can show results."""
    ratio = idx.settings.period_ratio
    sides = sorted({inc.side for inc in idx.incentives()}, key=SIDE_ORDER.__getitem__)
    for side in sides:
        longest, paid = _longest_period(idx, side)
        gaps = []
        for el_id, period in longest.items():
            el = idx.elements[el_id]
            horizon = getattr(el, "horizon_months", None)
            if el.kind in ("goal", "strategy") and horizon and horizon >= ratio * period:
                gaps.append(el)
        if not gaps:
            continue
        below = idx.down(g.id for g in gaps)
        involved = [inc for inc in paid if any(g in below for g in idx.targets(LinkKind.REWARDS, inc.id))]
        periods = [inc.period_months for inc in involved]
        horizons = [g.horizon_months or 0 for g in gaps]
        gaps.sort(key=lambda g: (-(g.horizon_months or 0), g.kind != "goal", g.id))
        goals = [g for g in gaps if g.kind == "goal"]
        focus = goals[0] if goals else gaps[0]
        milestone = max(max(periods) + 1, round(math.sqrt(max(periods) * (focus.horizon_months or 0))))
        yield Finding(
            "short-incentive-period", (*(i.id for i in by_side(involved)), *(g.id for g in gaps)),
            tr("{side} is paid far more often than its goals run", side=tr.side(side)),
            tr("{side} is paid {periods} ({incentives}); the goals it serves run {horizons} ({goals}). Nothing in between is rewarded: no {side} incentive pays on a cadence within "
               "{ratio} times those horizons, so each payout rewards short-term wins long before anyone can see "
               "whether the long-term goals moved.",
               side=tr.side(side), periods=_every(tr, periods), incentives=tr.names(by_side(involved)),
               horizons=_span(tr, horizons), goals=tr.names(gaps), ratio=ratio),
            tr("Synchronise horizons: the missing milestone is a goal of about {milestone} on the way to {goal}. "
               "Define it, and tie part of {incentive} to it.", milestone=tr.months(milestone),
               goal=tr.name(focus), incentive=tr.name(max(involved, key=lambda i: (i.period_months, i.id)))),
            key_ids=(side.value,),
        )
