"""Sections of the minutes about the day and where the sides stood: title block, participants, agenda, inventory.

Each section function returns its blocks *without* the section heading, or
an empty list when the workshop has nothing to say there (the section is then
left out).
"""

from __future__ import annotations

from typing import Any

from workshop_app.export.content import (
    Block,
    Cell,
    Column,
    Heading,
    Paragraph,
    Run,
    Table,
    Text,
    Width,
    cell,
    coloured,
    joined,
    labelled,
    plain,
    text_cell,
)
from workshop_app.export.minutes_content import Context, figure
from workshop_app.export.pdf_styles import ACCENT, SIDE_COLOURS
from workshop_app.i18n import N_
from workshop_app.model import LinkKind, Origin, Side
from workshop_app.model.workshop import default_agenda
from workshop_app.vocabulary import INCENTIVE_TYPE_NAMES, PHASE_NAMES

SIDES = (Side.MARKETING, Side.SALES, Side.JOINT)


def title_block(ctx: Context) -> list[Block]:
    _, m = ctx.lang, ctx.doc.meta
    title = m.title.strip() or _("Untitled workshop")
    out: list[Block] = [Paragraph(coloured(_("Minutes").upper(), ACCENT), "small"), Paragraph(plain(title), "title")]
    if m.organisation.strip():
        out.append(Paragraph(plain(m.organisation), "subtitle"))
    facts = [plain(_.date(m.date)), plain(m.venue), labelled(_("Facilitator"), plain(m.facilitator))]
    if ctx.doc.participants:
        facts.append(plain(_.plural("{n} participant", "{n} participants", len(ctx.doc.participants))))
    line = joined(facts)  # the organisation is the subtitle above, not a second time here
    if line:
        out.append(Paragraph(line, "small"))
    return out


def _side_columns(ctx: Context, sides: list[Side], heads: list[Text]) -> tuple[Column, ...]:
    """One column per side, of equal width, headed in the side's colour."""
    return tuple(Column(h, "text", Width(1.0 / len(sides)), SIDE_COLOURS[s.value]) for s, h in zip(sides, heads, strict=True))


def participants(ctx: Context) -> list[Block]:
    by_side = {s: [p for p in ctx.doc.participants if p.side == s] for s in SIDES}
    sides = [s for s in SIDES if by_side[s] or s != Side.JOINT]
    if not ctx.doc.participants:
        return []
    heads = [(*ctx.side(s, coloured_=False), Run(f" ({len(by_side[s])})")) for s in sides]
    rows = side_by_side([[cell(p.name or p.id, [plain(p.role)]) for p in by_side[s]] for s in sides])
    return [Table(_side_columns(ctx, sides, heads), rows)]


def side_by_side(columns: list[list[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    """Rows that put the i-th entry of every column next to each other."""
    return tuple(tuple(col[i] if i < len(col) else () for col in columns)
                 for i in range(max(map(len, columns), default=0)))


def _goal_figure(ctx: Context, g: Any) -> Text:
    """``metric: baseline → target unit (horizon)``; () if nothing is set."""
    _ = ctx.lang
    text = joined([plain(g.metric), figure(ctx, g.baseline, g.target, g.unit)], ": ")
    horizon = plain(_.months(g.horizon_months))
    return (*text, Run(" ("), *horizon, Run(")")) if text and horizon else text or horizon


def agenda(ctx: Context) -> list[Block]:
    _, items = ctx.lang, ctx.doc.agenda
    if not items or (items == default_agenda() and not any(i.done for i in items)):
        return []
    rows: list[tuple[Cell, ...]] = []
    planned = actual = planned_done = 0
    for item in items:
        planned += item.timebox_minutes
        diff: Text = ()
        if item.actual_minutes is not None:
            actual += item.actual_minutes
            planned_done += item.timebox_minutes
            diff = _signed(item.actual_minutes - item.timebox_minutes, _)
        rows.append((text_cell(plain(_.label(PHASE_NAMES, item.phase) + (" ✓" if item.done else ""))),
                     text_cell(_minutes(item.timebox_minutes, _)), text_cell(_minutes(item.actual_minutes, _)),
                     text_cell(diff)))
    has_actual = any(i.actual_minutes is not None for i in items)
    total = [plain(_("Total")), _minutes(planned, _), _minutes(actual, _) if has_actual else (),
             _signed(actual - planned_done, _) if has_actual else ()]
    rows.append(tuple(text_cell(t, "cell_bold") for t in total))
    columns = (Column(plain(_("Phase")), "text", Width(0.46)), Column(plain(_("Planned")), "figure", Width(0.18)),
               Column(plain(_("Actual")), "figure", Width(0.18)), Column(plain(_("Difference")), "figure", Width(0.18)))
    return [Table(columns, tuple(rows), total_row=True)]


def _minutes(n: int | None, _: Any) -> Text:
    return () if n is None else plain(_("{n} min").format(n=n))


def _signed(n: int, _: Any) -> Text:
    text = _("{n} min").format(n=f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "±0")
    return coloured(text, "#B03A2E" if n > 0 else "#1E7B4F")


INVENTORY_CATEGORIES = (
    ("goals", N_("Goals and KPIs")),
    ("incentives", N_("Incentives")),
    ("horizons", N_("Planning horizons")),
    ("budgets", N_("Budgets")),
    ("channels", N_("Communication channels")),
    ("insights", N_("Customer insights")),
)


def inventory(ctx: Context) -> list[Block]:
    """Marketing and Sales side by side, one category at a time (as-is elements only)."""
    _ = ctx.lang
    as_is = [e for e in ctx.doc.elements if e.origin == Origin.AS_IS and e.kind != "strategy"]
    out: list[Block] = []
    for key, label in INVENTORY_CATEGORIES:
        cells = {s: [c for e in as_is if e.side == s and (c := _inventory_cell(ctx, key, e))] for s in SIDES}
        if not any(cells.values()):
            continue
        sides = [s for s in SIDES if cells[s] or s != Side.JOINT]
        heads = [ctx.side(s, coloured_=False) for s in sides]
        out += [Heading(_(label)), Table(_side_columns(ctx, sides, heads), side_by_side([cells[s] for s in sides]))]
    return out


def _inventory_cell(ctx: Context, key: str, e: Any) -> Cell | None:
    _ = ctx.lang
    notes = plain(e.notes)
    if key == "goals" and e.kind == "goal":
        return cell(e.title, [_goal_figure(ctx, e), notes])
    if key == "incentives" and e.kind == "incentive":
        what = joined([plain(_.label(INCENTIVE_TYPE_NAMES, e.incentive_type)), plain(e.role), plain(_.months(e.period_months))])
        return cell(e.title, [what, labelled(_("Rewards"), plain(e.rewards_what)), notes])
    if key == "horizons":
        months = getattr(e, "horizon_months", None) if e.kind == "goal" else getattr(e, "period_months", None)
        if months is None:
            return None
        return cell(e.title, [plain(_.months(months))], bold=False)
    if key == "budgets" and e.kind == "budget":
        return cell(e.title, [joined([plain(_.money(e.amount, e.currency)), plain(_.months(e.period_months))]), notes])
    if key == "channels" and e.kind == "channel":
        return cell(e.title, [_channel_line(ctx, e), labelled(_("Replaced by"), plain(_replaced_by(ctx, e.id))), notes])
    if key == "insights" and e.kind == "insight":
        return cell(e.title, [labelled(_("Source"), plain(e.source)), notes])
    return None


def _replaced_by(ctx: Context, channel_id: str) -> str:
    """The agreed channels that replace this one (``replaces`` links), quoted: the inventory keeps it as history."""
    titles = {e.id: e.title.strip() or e.id for e in ctx.doc.elements}
    return ", ".join(ctx.lang.quote(titles[k.source]) for k in ctx.doc.links
                     if k.kind == LinkKind.REPLACES and k.target == channel_id and k.source in titles)


def _channel_line(ctx: Context, e: Any) -> Text:
    _ = ctx.lang
    rating: Text = ()
    if e.usefulness is not None:
        rating = labelled(_("Usefulness"), plain(f"{'★' * e.usefulness}{'☆' * (5 - e.usefulness)}\u00a0({e.usefulness}/5)"))
    return joined([(Run("→ "), *ctx.side(e.to_side)), plain(e.format), plain(e.cadence), rating])
