"""The later sections of the minutes: conflicts, communication, culture and pilot,
decisions, actions, parking lot. Each returns [] when there is nothing to print.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from workshop_app.export.pdf_blocks import Ctx, cell, joined, kv_table, labelled, para, sub_heading
from workshop_app.export.pdf_styles import table
from workshop_app.export.pdf_text import esc
from workshop_app.model import Origin
from workshop_app.vocabulary import (
    ACTION_STATUS_COLOURS,
    ACTION_STATUS_NAMES,
    CONFLICT_STATUS_COLOURS,
    CONFLICT_STATUS_NAMES,
)

#: The same colour per status as on the Conflicts and Wrap-up pages; an open action is plain text.
_STATUS_COLOURS: dict[Any, str | None] = {**CONFLICT_STATUS_COLOURS, **ACTION_STATUS_COLOURS}


def _status(ctx: Ctx, table_: Mapping[Any, str], value: object) -> str:
    colour = _STATUS_COLOURS.get(str(value)) or "#1F2933"
    return f'<font color="{colour}"><b>{esc(ctx.lang.label(table_, value))}</b></font>'


def conflicts(ctx: Ctx, views: list[Any]) -> list[Any]:
    """Detected and declared conflicts (``ConflictView`` of the analysis), in the app's order."""
    if not views:
        return []
    _, st = ctx.lang, ctx.st
    titles = {e.id: e.title or e.id for e in ctx.doc.elements}
    data: list[list[Any]] = [[para(esc(h), st.th) for h in ("#", _("Conflict"), _("Votes"), _("Status"), _("Resolution"))]]
    for n, r in enumerate(views, start=1):
        involved = ", ".join(titles[i] for i in r.element_ids if i in titles)
        origin = _("declared by the participants") if r.declared else _("detected in the graph")
        if getattr(r, "resolved_by_change", False):
            origin += " · " + _("resolved by a later change")
        data.append([
            para(str(n), st.cell),
            cell(ctx, r.title, [esc(r.explanation), labelled(_("Lever"), esc(r.lever)),
                                labelled(_("Elements"), esc(involved)), f"<i>{esc(origin)}</i>"]),
            para(str(r.votes) if r.votes else "–", st.cell),
            para(_status(ctx, CONFLICT_STATUS_NAMES, r.status), st.cell),
            para(esc(r.resolution), st.cell),
        ])
    w = ctx.width
    return [table(data, [22, w * 0.43, 44, 76, w - 142 - w * 0.43])]


def communication(ctx: Ctx) -> list[Any]:
    agreed = [e for e in ctx.doc.elements if e.kind == "channel" and e.origin == Origin.AGREED]
    if not agreed:
        return []
    _, st = ctx.lang, ctx.st
    data: list[list[Any]] = [[para(esc(h), st.th) for h in (
        _("Channel"), _("From → to"), _("Purpose"), _("Format and cadence"), _("Owner"))]]
    for e in agreed:
        data.append([
            cell(ctx, e.title, [esc(e.notes)]),
            para(f"{ctx.side(e.side)} → {ctx.side(e.to_side)}", st.cell),
            para(esc(e.purpose), st.cell),
            para(joined([esc(e.format), esc(e.cadence)], "<br/>"), st.cell),
            para(esc(ctx.name(e.owner)), st.cell),
        ])
    w = ctx.width
    return [table(data, [w * 0.25, w * 0.14, w * 0.24, w * 0.20, w * 0.17])]


def culture_and_pilot(ctx: Ctx) -> list[Any]:
    _, st = ctx.lang, ctx.st
    out: list[Any] = []
    beliefs = [e for e in ctx.doc.elements if e.kind == "belief"]
    if beliefs:
        data: list[list[Any]] = [[para(esc(h), st.th) for h in (
            _("Side"), _("Belief"), _("Expected resistance"), _("Mitigation"))]]
        for e in beliefs:
            data.append([para(ctx.side(e.side), st.cell), cell(ctx, e.title, [esc(e.notes)], bold=False),
                         para(esc(e.resistance), st.cell), para(esc(e.mitigation), st.cell)])
        w = ctx.width
        out += [*sub_heading(ctx, _("Beliefs")), table(data, [w * 0.13, w * 0.33, w * 0.27, w * 0.27])]
    p = ctx.doc.pilot
    figure = joined([esc(p.baseline), esc(p.target)], " → ")
    rows = [
        (_("Pilot"), f"<b>{esc(p.title)}</b>" if p.title.strip() else ""),
        (_("Problem"), esc(p.problem)),
        (_("Hypothesis"), esc(p.hypothesis)),
        (_("Metric"), esc(p.metric)),
        (_("Baseline → target"), figure),
        (_("Team"), esc(ctx.names(p.team))),
        (_("Start"), esc(_.date(p.start_date))),
        (_("Duration"), esc(_.weeks(p.duration_weeks))),
        (_("Budget"), esc(_.money(p.budget_amount, p.budget_currency))),
        (_("Data slice"), esc(p.data_slice)),
        (_("Review date"), esc(_.date(p.review_date))),
    ]
    pilot = kv_table(ctx, rows, label_width=115)
    if pilot is not None:
        out += [*sub_heading(ctx, _("Pilot (protected space)")), pilot]
    return out


def decisions(ctx: Ctx) -> list[Any]:
    if not ctx.doc.decisions:
        return []
    _, st = ctx.lang, ctx.st
    data: list[list[Any]] = [[para(esc(h), st.th) for h in ("#", _("Decision"), _("Decided by"), _("Date"))]]
    for n, d in enumerate(ctx.doc.decisions, start=1):
        data.append([para(str(n), st.cell), cell(ctx, d.text, [labelled(_("Rationale"), esc(d.rationale))]),
                     para(esc(d.decided_by), st.cell), para(esc(_.date(d.date)), st.cell)])
    w = ctx.width
    return [table(data, [20, w - 20 - 110 - 80, 110, 80])]


def sorted_actions(actions: list[Any]) -> list[Any]:
    """By due date; actions without a date last; otherwise in document order."""
    return sorted(actions, key=lambda a: (a.due_date is None, a.due_date or date.min))


def actions(ctx: Ctx) -> list[Any]:
    if not ctx.doc.actions:
        return []
    _, st = ctx.lang, ctx.st
    data: list[list[Any]] = [[para(esc(h), st.th) for h in (_("What"), _("Owner"), _("Due"), _("Status"))]]
    for a in sorted_actions(ctx.doc.actions):
        data.append([para(esc(a.what), st.cell), para(esc(ctx.name(a.owner)), st.cell),
                     para(esc(_.date(a.due_date)), st.cell), para(_status(ctx, ACTION_STATUS_NAMES, a.status), st.cell)])
    w = ctx.width
    return [table(data, [w - 120 - 80 - 70, 120, 80, 70])]


def parking_lot(ctx: Ctx) -> list[Any]:
    if not ctx.doc.parking_lot:
        return []
    _, st = ctx.lang, ctx.st
    data: list[list[Any]] = [[para(esc(h), st.th) for h in ("#", _("Topic"), _("Raised by"))]]
    for n, item in enumerate(ctx.doc.parking_lot, start=1):
        data.append([para(str(n), st.cell), para(esc(item.text), st.cell), para(esc(ctx.name(item.raised_by)), st.cell)])
    w = ctx.width
    return [table(data, [20, w - 20 - 130, 130])]
