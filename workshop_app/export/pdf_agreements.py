"""The later sections of the minutes: conflicts, communication, culture and pilot,
decisions, actions, parking lot. Each returns [] when there is nothing to print.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from workshop_app.export.pdf_blocks import Ctx, cell, figure_field, joined, kv_table, labelled, para, sub_heading
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
    """The room's conflicts (declared and taken up: ``ConflictView.taken_up``), in the app's order.

    Each with its resolution and the decisions and actions linked to it (by their numbers in
    those sections); the lever is only printed for a conflict that is not settled yet. Findings
    the room did not take up are in the appendix (:mod:`workshop_app.export.pdf_findings`).
    """
    from workshop_app.analysis.counts import is_settled

    room = [v for v in views if v.taken_up]
    if not room:
        return []
    _, st = ctx.lang, ctx.st
    titles = {e.id: e.title or e.id for e in ctx.doc.elements}
    decision_no = {d.id: n for n, d in enumerate(ctx.doc.decisions, start=1)}
    action_no = {a.id: n for n, a in enumerate(sorted_actions(ctx.doc.actions), start=1)}
    data: list[list[Any]] = [[para(esc(h), st.th) for h in ("#", _("Conflict"), _("Votes"), _("Status"), _("Resolution"))]]
    for n, r in enumerate(room, start=1):
        involved = ", ".join(titles[i] for i in r.element_ids if i in titles)
        origin = _("declared by the participants") if r.declared else _("detected in the graph, taken up by the room")
        if r.resolved_by_change:
            origin += " · " + (_("resolved by a later change: {change}").format(change=r.vanished_by)
                               if r.vanished_by else _("resolved by a later change"))
        settled = is_settled(r)
        record = r.record
        linked = [
            labelled(_("Decisions"), esc(", ".join(str(decision_no[i]) for i in (record.decision_ids if record else [])
                                                   if i in decision_no))),
            labelled(_("Actions"), esc(", ".join(str(action_no[i]) for i in (record.action_ids if record else [])
                                                 if i in action_no))),
        ]
        data.append([
            para(str(n), st.cell),
            cell(ctx, r.title, [esc(r.explanation), "" if settled else labelled(_("Lever"), esc(r.lever)),
                                labelled(_("Elements"), esc(involved)), f"<i>{esc(origin)}</i>"]),
            para(str(r.votes) if r.votes else "–", st.cell),
            para(_status(ctx, CONFLICT_STATUS_NAMES, "resolved" if r.resolved_by_change and settled else r.status), st.cell),
            [para(esc(r.resolution), st.cell), *(para(x, st.cell_small) for x in linked if x)],
        ])
    w = ctx.width
    return [table(data, [22, w * 0.41, 48, 82, w - 152 - w * 0.41])]


def communication(ctx: Ctx) -> list[Any]:
    agreed = [e for e in ctx.doc.elements if e.kind == "channel" and e.origin == Origin.AGREED]
    if not agreed:
        return []
    _, st = ctx.lang, ctx.st
    data: list[list[Any]] = [[para(esc(h), st.th) for h in (
        _("Channel"), _("From → to"), _("Purpose"), _("Format and cadence"), _("Owner"))]]
    from workshop_app.export.pdf_agreed import replaced_titles

    for e in agreed:
        replaced = ", ".join(_.quote(t) for t in replaced_titles(ctx, e.id))
        data.append([
            cell(ctx, e.title, [labelled(_("Replaces"), esc(replaced)), esc(e.notes)]),
            para(f"{ctx.side(e.side)} → {ctx.side(e.to_side)}", st.cell),
            para(esc(e.purpose), st.cell),
            para(joined([esc(e.format), esc(e.cadence)], "<br/>"), st.cell),
            para(esc(ctx.name(e.owner)), st.cell),
        ])
    w = ctx.width
    return [table(data, [w * 0.245, w * 0.165, w * 0.225, w * 0.195, w * 0.17])]


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
        t = table(data, [w * 0.13, w * 0.33, w * 0.27, w * 0.27])
        out += [*sub_heading(ctx, _("Beliefs"), t), t]
    p = ctx.doc.pilot
    rows = [
        (_("Pilot"), f"<b>{esc(p.title)}</b>" if p.title.strip() else ""),
        (_("Problem"), esc(p.problem)),
        (_("Hypothesis"), esc(p.hypothesis)),
        (_("Metric"), esc(p.metric)),
        figure_field(ctx, p.baseline, p.target),
        (_("Team"), esc(ctx.names(p.team))),
        (_("Start"), esc(_.date(p.start_date))),
        (_("Duration"), esc(_.weeks(p.duration_weeks))),
        (_("Budget"), esc(_.money(p.budget_amount, p.budget_currency))),
        (_("Data slice"), esc(p.data_slice)),
        (_("Review date"), esc(_.date(p.review_date))),
    ]
    pilot = kv_table(ctx, rows, label_width=115)
    if pilot is not None:
        out += [*sub_heading(ctx, _("Pilot (protected space)"), pilot), pilot]
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
    return [table(data, [24, w - 24 - 110 - 80, 110, 80])]


def sorted_actions(actions: list[Any]) -> list[Any]:
    """By due date; actions without a date last; otherwise in document order."""
    return sorted(actions, key=lambda a: (a.due_date is None, a.due_date or date.min))


def actions(ctx: Ctx) -> list[Any]:
    if not ctx.doc.actions:
        return []
    _, st = ctx.lang, ctx.st
    data: list[list[Any]] = [[para(esc(h), st.th) for h in ("#", _("What"), _("Owner"), _("Due"), _("Status"))]]
    for n, a in enumerate(sorted_actions(ctx.doc.actions), start=1):
        data.append([para(str(n), st.cell), para(esc(a.what), st.cell), para(esc(ctx.name(a.owner)), st.cell),
                     para(esc(_.date(a.due_date)), st.cell), para(_status(ctx, ACTION_STATUS_NAMES, a.status), st.cell)])
    w = ctx.width
    return [table(data, [24, w - 24 - 120 - 80 - 70, 120, 80, 70])]


def parking_lot(ctx: Ctx) -> list[Any]:
    if not ctx.doc.parking_lot:
        return []
    _, st = ctx.lang, ctx.st
    data: list[list[Any]] = [[para(esc(h), st.th) for h in ("#", _("Topic"), _("Raised by"))]]
    for n, item in enumerate(ctx.doc.parking_lot, start=1):
        data.append([para(str(n), st.cell), para(esc(item.text), st.cell), para(esc(ctx.name(item.raised_by)), st.cell)])
    w = ctx.width
    return [table(data, [24, w - 24 - 130, 130])]
