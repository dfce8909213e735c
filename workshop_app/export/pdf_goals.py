"""The goal tree of the minutes: company strategy → shared goals → department goals.

The tree follows the ``contributes_to`` links (child → parent). A goal that
contributes to several parents is printed in full under the first and named
with "see above" under the others; cycles therefore end, too. Goals that
contribute to nothing come last, under their own sub-heading.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.platypus import Spacer

from workshop_app.export.pdf_blocks import Ctx, figure_field, joined, labelled, para
from workshop_app.export.pdf_text import esc
from workshop_app.model import ElementKind, Goal, GoalLevel, LinkKind, Origin, Strategy
from workshop_app.vocabulary import KIND_NAMES, LEVEL_NAMES

INDENT = 16.0
MAX_DEPTH = 6
_LEVEL_ORDER = {GoalLevel.SHARED: 0, GoalLevel.DEPARTMENT: 1, GoalLevel.TEAM: 2}


def goal_tree(ctx: Ctx) -> list[Any]:
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
    out: list[Any] = []
    for root in strategies:
        out += _subtree(ctx, root, kinds, children, seen)
    if strategies and loose:
        out.append(para(esc(ctx.lang("Goals not linked to the company strategy")), ctx.st.h3))
    for root in loose:
        out += _subtree(ctx, root, kinds, children, seen)
    # goals only reachable through a cycle
    for i in sorted(shown - seen, key=order.__getitem__):
        out += _subtree(ctx, i, kinds, children, seen)
    return out


def _level_rank(el: Goal | Strategy) -> int:
    return _LEVEL_ORDER.get(el.level, 3) if el.kind == "goal" else 3


def _subtree(ctx: Ctx, root: str, kinds: dict, children: dict, seen: set[str]) -> list[Any]:
    """Depth-first, without recursion (goal chains may be long)."""
    out: list[Any] = []
    stack: list[tuple[str, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node in seen:
            out.append(_see_above(ctx, kinds[node], depth))
            continue
        seen.add(node)
        out += _node(ctx, kinds[node], depth)
        stack += [(c, depth + 1) for c in reversed(children.get(node, ()))]
    return out


def _style(ctx: Ctx, base: Any, depth: int, name: str) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    indent = INDENT * min(depth, MAX_DEPTH)
    return ParagraphStyle(f"{name}{depth}", parent=base, leftIndent=indent + (10 if name in ("d", "dk") else 0))


def _node(ctx: Ctx, e: Any, depth: int) -> list[Any]:
    _ = ctx.lang
    st = ctx.st
    head_style = _cached_style(ctx, st.body, depth, "h")
    detail_style = _cached_style(ctx, st.small, depth, "d")
    keep_style = _cached_style(ctx, st.small, depth, "dk")
    marker = "◆" if e.kind == "strategy" else "●" if e.level == GoalLevel.SHARED else "○"
    if e.kind == "strategy":
        kind = esc(_(KIND_NAMES[ElementKind.STRATEGY]))
        details = [labelled(_("Horizon"), esc(_.months(e.horizon_months)))]
    else:
        kind = joined([esc(_.label(LEVEL_NAMES, e.level)), ctx.side(e.side)])
        details = [
            joined([labelled(_("Metric"), esc(e.metric)), labelled(*figure_field(ctx, e.baseline, e.target, e.unit)),
                    labelled(_("Horizon"), esc(_.months(e.horizon_months))),
                    labelled(_("Due"), esc(_.date(e.due_date)))]),
            labelled(_("Owners"), esc(ctx.names(e.owners))),
            labelled(_("How"), esc(e.how)),
        ]
    colour = "#2F3E4E" if e.kind == "strategy" else "#1F2933"
    out = [para(f'<font color="{colour}">{marker}</font>\u00a0<b>{esc(e.title or e.id)}</b> '
                f'<font size="8" color="#5F6B7A">({kind})</font>', head_style)]
    lines = [d for d in details if d] + ([esc(e.notes)] if e.notes.strip() else [])
    # a goal's lines stay on one page (its owners never continue overleaf): every line but the
    # last keeps with the next, which reportlab lays out as one block
    out += [para(d, keep_style if n < len(lines) - 1 else detail_style) for n, d in enumerate(lines)]
    out.append(Spacer(1, 4))
    return out


def _see_above(ctx: Ctx, e: Any, depth: int) -> Any:
    text = ctx.lang("{title} (see above)").format(title=e.title or e.id)
    return para(f"↑\u00a0<i>{esc(text)}</i>", _cached_style(ctx, ctx.st.small, depth, "s"))


_STYLE_CACHE: dict[tuple, Any] = {}


def _cached_style(ctx: Ctx, base: Any, depth: int, name: str) -> Any:
    key = (id(base), min(depth, MAX_DEPTH), name)
    style = _STYLE_CACHE.get(key)
    if style is None:
        style = _STYLE_CACHE[key] = _style(ctx, base, depth, name)
        if name == "h":
            style.spaceBefore = 3
            style.spaceAfter = 1
            style.keepWithNext = 1
        elif name == "dk":
            style.keepWithNext = 1
    return style
