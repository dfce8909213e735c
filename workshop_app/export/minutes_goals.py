"""The goal tree of the minutes: company strategy → shared goals → department goals.

The tree follows the ``contributes_to`` links (child → parent). A goal that
contributes to several parents is printed in full under the first and named
with "see above" under the others; cycles therefore end, too. Goals that
contribute to nothing come last, under their own sub-heading.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from workshop_app.export.content import Block, Heading, Item, Run, Text, joined, labelled, plain
from workshop_app.export.minutes_content import Context, figure_field
from workshop_app.model import ElementKind, Goal, GoalLevel, LinkKind, Origin, Strategy
from workshop_app.vocabulary import KIND_NAMES, LEVEL_NAMES

_LEVEL_ORDER = {GoalLevel.SHARED: 0, GoalLevel.DEPARTMENT: 1, GoalLevel.TEAM: 2}


def goal_tree(ctx: Context) -> list[Block]:
    doc = ctx.doc
    kinds = {e.id: e for e in doc.elements if e.kind in ("goal", "strategy")}
    children: dict[str, list[str]] = defaultdict(list)
    has_parent: set[str] = set()
    linked: set[str] = set()
    for link in doc.links:
        if link.kind == LinkKind.CONTRIBUTES_TO and link.source in kinds and link.target in kinds:
            children[link.target].append(link.source)
            has_parent.add(link.source)
            linked.update((link.source, link.target))
    shown = {i for i, e in kinds.items()
             if e.kind == "strategy" or i in linked or e.origin == Origin.AGREED or e.level == GoalLevel.SHARED}
    if not shown:
        return []
    strategies = [e.id for e in doc.elements if e.kind == "strategy"]
    order = {e.id: n for n, e in enumerate(doc.elements)}
    loose = sorted((i for i in shown if kinds[i].kind == "goal" and i not in has_parent),
                   key=lambda i: (_level_rank(kinds[i]), order[i]))
    seen: set[str] = set()
    out: list[Block] = []
    for root in strategies:
        out += _subtree(ctx, root, kinds, children, seen)
    if strategies and loose:
        out.append(Heading(ctx.lang("Goals not linked to the company strategy"), level=3, keep_with=0))
    for root in loose:
        out += _subtree(ctx, root, kinds, children, seen)
    # goals only reachable through a cycle
    for i in sorted(shown - seen, key=order.__getitem__):
        out += _subtree(ctx, i, kinds, children, seen)
    return out


def _level_rank(el: Goal | Strategy) -> int:
    return _LEVEL_ORDER.get(el.level, 3) if el.kind == "goal" else 3


def _subtree(ctx: Context, root: str, kinds: dict, children: dict, seen: set[str]) -> list[Block]:
    """Depth-first, without recursion (goal chains may be long)."""
    out: list[Block] = []
    stack: list[tuple[str, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node in seen:
            out.append(_see_above(ctx, kinds[node], depth))
            continue
        seen.add(node)
        out.append(_node(ctx, kinds[node], depth))
        stack += [(c, depth + 1) for c in reversed(children.get(node, ()))]
    return out


def _node(ctx: Context, e: Any, depth: int) -> Item:
    _ = ctx.lang
    marker = "◆" if e.kind == "strategy" else "●" if e.level == GoalLevel.SHARED else "○"
    kind: Text
    if e.kind == "strategy":
        kind = plain(_(KIND_NAMES[ElementKind.STRATEGY]))
        details = [labelled(_("Horizon"), plain(_.months(e.horizon_months)))]
    else:
        kind = joined([plain(_.label(LEVEL_NAMES, e.level)), ctx.side(e.side)])
        details = [
            joined([labelled(_("Metric"), plain(e.metric)), labelled(*figure_field(ctx, e.baseline, e.target, e.unit)),
                    labelled(_("Horizon"), plain(_.months(e.horizon_months))),
                    labelled(_("Due"), plain(_.date(e.due_date)))]),
            labelled(_("Owners"), plain(ctx.names(e.owners))),
            labelled(_("How"), plain(e.how)),
        ]
    colour = "#2F3E4E" if e.kind == "strategy" else "#1F2933"
    head = (Run(marker, colour=colour), Run("\u00a0"), *plain(e.title or e.id, bold=True), Run(" "),
            Run("(", small=True, colour="#5F6B7A"),
            *(Run(r.text, r.bold, r.italic, r.colour or "#5F6B7A", True) for r in kind),
            Run(")", small=True, colour="#5F6B7A"))
    lines = [d for d in details if d] + ([plain(e.notes)] if e.notes.strip() else [])
    return Item(head, tuple(lines), depth)


def _see_above(ctx: Context, e: Any, depth: int) -> Item:
    text = ctx.lang("{title} (see above)").format(title=e.title or e.id)
    return Item((Run("↑\u00a0"), *plain(text, italic=True)), (), depth, reference=True)
