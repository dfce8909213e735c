"""Sections of the minutes about the day and where the sides stood: title block, participants, agenda, inventory.

Each section function returns its flowables *without* the section heading, or
an empty list when the workshop has nothing to say there (the section is then
left out).
"""

from __future__ import annotations

from typing import Any

from workshop_app.export.pdf_blocks import Ctx, cell, figure, joined, labelled, para, sub_heading
from workshop_app.export.pdf_styles import ACCENT, SIDE_COLOURS, table
from workshop_app.export.pdf_text import esc
from workshop_app.i18n import N_
from workshop_app.model import LinkKind, Origin, Side
from workshop_app.model.workshop import default_agenda
from workshop_app.vocabulary import INCENTIVE_TYPE_NAMES, PHASE_NAMES

SIDES = (Side.MARKETING, Side.SALES, Side.JOINT)


def title_block(ctx: Ctx) -> list[Any]:
    _, m = ctx.lang, ctx.doc.meta
    title = m.title.strip() or _("Untitled workshop")
    minutes = _("Minutes")
    out = [
        para(f'<font color="{ACCENT}">{esc(minutes.upper())}</font>', ctx.st.small),
        para(esc(title), ctx.st.title),
    ]
    if m.organisation.strip():
        out.append(para(esc(m.organisation), ctx.st.subtitle))
    facts = [esc(_.date(m.date)), esc(m.venue), labelled(_("Facilitator"), esc(m.facilitator))]
    if ctx.doc.participants:
        facts.append(esc(_.plural("{n} participant", "{n} participants", len(ctx.doc.participants))))
    line = joined(facts)  # the organisation is the subtitle above, not a second time here
    if line:
        out.append(para(line, ctx.st.small))
    return out


def participants(ctx: Ctx) -> list[Any]:
    _ = ctx.lang
    by_side = {s: [p for p in ctx.doc.participants if p.side == s] for s in SIDES}
    sides = [s for s in SIDES if by_side[s] or s != Side.JOINT]
    if not ctx.doc.participants:
        return []
    rows: list[list[Any]] = [[para(f"{ctx.side(s, coloured=False)} ({len(by_side[s])})", ctx.st.th) for s in sides]]
    rows += side_by_side([[cell(ctx, p.name or p.id, [esc(p.role)]) for p in by_side[s]] for s in sides])
    w = ctx.width / len(sides)
    colours = [("BACKGROUND", (i, 0), (i, 0), _colour(SIDE_COLOURS[s.value])) for i, s in enumerate(sides)]
    return [table(rows, [w] * len(sides), extra=colours)]


def side_by_side(columns: list[list[Any]]) -> list[list[Any]]:
    """Rows that put the i-th entry of every column next to each other."""
    return [[col[i] if i < len(col) else "" for col in columns] for i in range(max(map(len, columns), default=0))]


def _colour(hex_code: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_code)


def _goal_figure(ctx: Ctx, g: Any) -> str:
    """``metric: baseline → target unit (horizon)`` as markup; "" if nothing is set."""
    _ = ctx.lang
    text = joined([esc(g.metric), figure(ctx, g.baseline, g.target, g.unit)], ": ")
    horizon = esc(_.months(g.horizon_months))
    return f"{text} ({horizon})" if text and horizon else text or horizon


def agenda(ctx: Ctx) -> list[Any]:
    _, items = ctx.lang, ctx.doc.agenda
    if not items or (items == default_agenda() and not any(i.done for i in items)):
        return []
    st = ctx.st
    rows: list[list[Any]] = [[para(esc(h), st.th) for h in (_("Phase"), _("Planned"), _("Actual"), _("Difference"))]]
    planned = actual = planned_done = 0
    for item in items:
        planned += item.timebox_minutes
        diff = ""
        if item.actual_minutes is not None:
            actual += item.actual_minutes
            planned_done += item.timebox_minutes
            diff = _signed(item.actual_minutes - item.timebox_minutes, _)
        rows.append([para(esc(_.label(PHASE_NAMES, item.phase)) + (" ✓" if item.done else ""), st.cell),
                     para(_minutes(item.timebox_minutes, _), st.cell),
                     para(_minutes(item.actual_minutes, _), st.cell), para(diff, st.cell)])
    has_actual = any(i.actual_minutes is not None for i in items)
    rows.append([para(esc(_("Total")), st.cell_bold), para(_minutes(planned, _), st.cell_bold),
                 para(_minutes(actual, _) if has_actual else "", st.cell_bold),
                 para(_signed(actual - planned_done, _) if has_actual else "", st.cell_bold)])
    w = ctx.width
    return [table(rows, [w * 0.46, w * 0.18, w * 0.18, w * 0.18], extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, _colour("#2F3E4E"))])]


def _minutes(n: int | None, _: Any) -> str:
    return "" if n is None else esc(_("{n} min").format(n=n))


def _signed(n: int, _: Any) -> str:
    text = _("{n} min").format(n=f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "±0")
    colour = "#B03A2E" if n > 0 else "#1E7B4F"
    return f'<font color="{colour}">{esc(text)}</font>'


INVENTORY_CATEGORIES = (
    ("goals", N_("Goals and KPIs")),
    ("incentives", N_("Incentives")),
    ("horizons", N_("Planning horizons")),
    ("budgets", N_("Budgets")),
    ("channels", N_("Communication channels")),
    ("insights", N_("Customer insights")),
)


def inventory(ctx: Ctx) -> list[Any]:
    """Marketing and Sales side by side, one category at a time (as-is elements only)."""
    _ = ctx.lang
    as_is = [e for e in ctx.doc.elements if e.origin == Origin.AS_IS and e.kind != "strategy"]
    out: list[Any] = []
    for key, label in INVENTORY_CATEGORIES:
        cells = {s: [c for e in as_is if e.side == s and (c := _inventory_cell(ctx, key, e))] for s in SIDES}
        if not any(cells.values()):
            continue
        sides = [s for s in SIDES if cells[s] or s != Side.JOINT]
        rows: list[list[Any]] = [[para(ctx.side(s, coloured=False), ctx.st.th) for s in sides]]
        rows += side_by_side([cells[s] for s in sides])
        w = ctx.width / len(sides)
        colours = [("BACKGROUND", (i, 0), (i, 0), _colour(SIDE_COLOURS[s.value])) for i, s in enumerate(sides)]
        t = table(rows, [w] * len(sides), extra=colours)
        out += [*sub_heading(ctx, _(label), t), t]
    return out


def _inventory_cell(ctx: Ctx, key: str, e: Any) -> list[Any] | None:
    _ = ctx.lang
    notes = esc(e.notes)
    if key == "goals" and e.kind == "goal":
        return cell(ctx, e.title, [_goal_figure(ctx, e), notes])
    if key == "incentives" and e.kind == "incentive":
        what = joined([esc(_.label(INCENTIVE_TYPE_NAMES, e.incentive_type)), esc(e.role), esc(_.months(e.period_months))])
        return cell(ctx, e.title, [what, labelled(_("Rewards"), esc(e.rewards_what)), notes])
    if key == "horizons":
        months = getattr(e, "horizon_months", None) if e.kind == "goal" else getattr(e, "period_months", None)
        if months is None:
            return None
        return cell(ctx, e.title, [esc(_.months(months))], bold=False)
    if key == "budgets" and e.kind == "budget":
        return cell(ctx, e.title, [joined([esc(_.money(e.amount, e.currency)), esc(_.months(e.period_months))]), notes])
    if key == "channels" and e.kind == "channel":
        return cell(ctx, e.title, [_channel_line(ctx, e), labelled(_("Replaced by"), esc(_replaced_by(ctx, e.id))), notes])
    if key == "insights" and e.kind == "insight":
        return cell(ctx, e.title, [labelled(_("Source"), esc(e.source)), notes])
    return None


def _replaced_by(ctx: Ctx, channel_id: str) -> str:
    """The agreed channels that replace this one (``replaces`` links), quoted: the inventory keeps it as history."""
    titles = {e.id: e.title.strip() or e.id for e in ctx.doc.elements}
    return ", ".join(ctx.lang.quote(titles[k.source]) for k in ctx.doc.links
                     if k.kind == LinkKind.REPLACES and k.target == channel_id and k.source in titles)


def _channel_line(ctx: Ctx, e: Any) -> str:
    _ = ctx.lang
    rating = ""
    if e.usefulness is not None:
        rating = labelled(_("Usefulness"), f"{'★' * e.usefulness}{'☆' * (5 - e.usefulness)}\u00a0({e.usefulness}/5)")
    return joined([f"→ {ctx.side(e.to_side)}", esc(e.format), esc(e.cadence), rating])
