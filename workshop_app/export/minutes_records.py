"""The later sections of the minutes: conflicts, communication, culture and pilot,
decisions, actions, parking lot. Each returns [] when there is nothing to print.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workshop_app.export.content import (
    Block,
    Column,
    Heading,
    Paragraph,
    Run,
    Table,
    Width,
    cell,
    heading_row,
    italic,
    joined,
    labelled,
    plain,
    text_cell,
)
from workshop_app.export.minutes_content import Context, facts_table, figure_field, status_run
from workshop_app.model import Origin
from workshop_app.vocabulary import ACTION_STATUS_NAMES, CONFLICT_STATUS_NAMES


def _columns(headings: tuple[Any, ...], widths: list[Width], roles: tuple[str, ...] = ()) -> tuple[Column, ...]:
    return tuple(Column(h, (roles[n] if n < len(roles) else "text"), w)  # type: ignore[arg-type]
                 for n, (h, w) in enumerate(zip(headings, widths, strict=True)))


def conflicts(ctx: Context) -> list[Block]:
    """The room's conflicts (declared and taken up: ``ConflictView.taken_up``), in the app's order.

    Each with its resolution and the decisions and actions linked to it (by their numbers in
    those sections); the lever is only printed for a conflict that is not settled yet. Findings
    the room did not take up are in the appendix (:mod:`workshop_app.export.minutes_findings`).
    """
    from workshop_app.analysis.counts import is_settled

    room = [v for v in ctx.views if v.taken_up]
    if not room:
        return []
    _ = ctx.lang
    titles = {e.id: e.title or e.id for e in ctx.doc.elements}
    decision_no = {d.id: n for n, d in enumerate(ctx.doc.decisions, start=1)}
    action_no = {a.id: n for n, a in enumerate(sorted_actions(ctx.doc.actions), start=1)}
    rows = []
    for n, r in enumerate(room, start=1):
        involved = ", ".join(titles[i] for i in r.element_ids if i in titles)
        origin = _("declared by the participants") if r.declared else _("detected in the graph, taken up by the room")
        if r.resolved_by_change:
            origin += " · " + (_("resolved by a later change: {change}").format(change=r.vanished_by)
                               if r.vanished_by else _("resolved by a later change"))
        settled = is_settled(r)
        record = r.record
        linked = [
            labelled(_("Decisions"), plain(", ".join(str(decision_no[i]) for i in (record.decision_ids if record else [])
                                                     if i in decision_no))),
            labelled(_("Actions"), plain(", ".join(str(action_no[i]) for i in (record.action_ids if record else [])
                                                   if i in action_no))),
        ]
        rows.append((
            text_cell(plain(str(n))),
            cell(r.title, [plain(r.explanation), () if settled else labelled(_("Lever"), plain(r.lever)),
                           labelled(_("Elements"), plain(involved)), italic(origin)]),
            text_cell(plain(str(r.votes) if r.votes else "–")),
            text_cell(status_run(ctx, CONFLICT_STATUS_NAMES, "resolved" if r.resolved_by_change and settled else r.status)),
            (Paragraph(plain(r.resolution), "cell"), *(Paragraph(x, "cell_small") for x in linked if x)),
        ))
    columns = _columns(heading_row("#", _("Conflict"), _("Votes"), _("Status"), _("Resolution")),
                       [Width(points=22), Width(0.41), Width(points=48), Width(points=82), Width(0.59, -152)],
                       ("number", "text", "number", "status", "text"))
    return [Table(columns, tuple(rows))]


def communication(ctx: Context) -> list[Block]:
    agreed = [e for e in ctx.doc.elements if e.kind == "channel" and e.origin == Origin.AGREED]
    if not agreed:
        return []
    from workshop_app.export.minutes_agreed import replaced_titles

    _ = ctx.lang
    rows = []
    for e in agreed:
        replaced = ", ".join(_.quote(t) for t in replaced_titles(ctx, e.id))
        rows.append((
            cell(e.title, [labelled(_("Replaces"), plain(replaced)), plain(e.notes)]),
            text_cell((*ctx.side(e.side), Run(" → "), *ctx.side(e.to_side))),
            text_cell(plain(e.purpose)),
            text_cell(joined([plain(e.format), plain(e.cadence)], "\n")),
            text_cell(plain(ctx.name(e.owner))),
        ))
    columns = _columns(heading_row(_("Channel"), _("From → to"), _("Purpose"), _("Format and cadence"), _("Owner")),
                       [Width(0.245), Width(0.165), Width(0.225), Width(0.195), Width(0.17)],
                       ("text", "side", "text", "text", "text"))
    return [Table(columns, tuple(rows))]


def culture_and_pilot(ctx: Context) -> list[Block]:
    _ = ctx.lang
    out: list[Block] = []
    beliefs = [e for e in ctx.doc.elements if e.kind == "belief"]
    if beliefs:
        rows = [(text_cell(ctx.side(e.side)), cell(e.title, [plain(e.notes)], bold=False),
                 text_cell(plain(e.resistance)), text_cell(plain(e.mitigation))) for e in beliefs]
        columns = _columns(heading_row(_("Side"), _("Belief"), _("Expected resistance"), _("Mitigation")),
                           [Width(0.13), Width(0.33), Width(0.27), Width(0.27)], ("side",))
        out += [Heading(_("Beliefs")), Table(columns, tuple(rows))]
    p = ctx.doc.pilot
    pilot = facts_table([
        (_("Pilot"), plain(p.title, bold=True) if p.title.strip() else ()),
        (_("Problem"), plain(p.problem)),
        (_("Hypothesis"), plain(p.hypothesis)),
        (_("Metric"), plain(p.metric)),
        figure_field(ctx, p.baseline, p.target),
        (_("Team"), plain(ctx.names(p.team))),
        (_("Start"), plain(_.date(p.start_date))),
        (_("Duration"), plain(_.weeks(p.duration_weeks))),
        (_("Budget"), plain(_.money(p.budget_amount, p.budget_currency))),
        (_("Data slice"), plain(p.data_slice)),
        (_("Review date"), plain(_.date(p.review_date))),
    ], label_width=115)
    if pilot is not None:
        out += [Heading(_("Pilot (protected space)")), pilot]
    return out


def decisions(ctx: Context) -> list[Block]:
    if not ctx.doc.decisions:
        return []
    _ = ctx.lang
    rows = [(text_cell(plain(str(n))), cell(d.text, [labelled(_("Rationale"), plain(d.rationale))]),
             text_cell(plain(d.decided_by)), text_cell(plain(_.date(d.date))))
            for n, d in enumerate(ctx.doc.decisions, start=1)]
    columns = _columns(heading_row("#", _("Decision"), _("Decided by"), _("Date")),
                       [Width(points=24), Width(1.0, -214), Width(points=110), Width(points=80)],
                       ("number", "text", "text", "date"))
    return [Table(columns, tuple(rows))]


def sorted_actions(actions: list[Any]) -> list[Any]:
    """By due date; actions without a date last; otherwise in document order."""
    return sorted(actions, key=lambda a: (a.due_date is None, a.due_date or date.min))


def actions(ctx: Context) -> list[Block]:
    if not ctx.doc.actions:
        return []
    _ = ctx.lang
    rows = [(text_cell(plain(str(n))), text_cell(plain(a.what)), text_cell(plain(ctx.name(a.owner))),
             text_cell(plain(_.date(a.due_date))), text_cell(status_run(ctx, ACTION_STATUS_NAMES, a.status)))
            for n, a in enumerate(sorted_actions(ctx.doc.actions), start=1)]
    columns = _columns(heading_row("#", _("What"), _("Owner"), _("Due"), _("Status")),
                       [Width(points=24), Width(1.0, -294), Width(points=120), Width(points=80), Width(points=70)],
                       ("number", "text", "text", "date", "status"))
    return [Table(columns, tuple(rows))]


def parking_lot(ctx: Context) -> list[Block]:
    if not ctx.doc.parking_lot:
        return []
    _ = ctx.lang
    rows = [(text_cell(plain(str(n))), text_cell(plain(item.text)), text_cell(plain(ctx.name(item.raised_by))))
            for n, item in enumerate(ctx.doc.parking_lot, start=1)]
    columns = _columns(heading_row("#", _("Topic"), _("Raised by")),
                       [Width(points=24), Width(1.0, -154), Width(points=130)], ("number",))
    return [Table(columns, tuple(rows))]
