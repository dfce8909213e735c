"""The minutes' first section of a follow-up workshop: "Since the last workshop".

What moved since the workshop this one follows, before everything else the
minutes say: the action review, the shared goals' progress, whether the
agreements and agreed channels were kept, the pilot's result against its
hypothesis, and then vs now of the conflicts and of the alignment check.
A workshop that follows none has no such section (the builder returns []).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from workshop_app.analysis.alignment import SIDES, STAGE_NAMES
from workshop_app.analysis.then_now import alignment_then_now, compare_conflicts
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
    joined,
    labelled,
    plain,
    text_cell,
)
from workshop_app.export.minutes_content import Context, facts_table, figure, figure_field, status_run
from workshop_app.locale_format import format_number, with_unit
from workshop_app.model import FollowUp, GoalLevel, Origin
from workshop_app.vocabulary import (
    ACTION_OUTCOME_NAMES,
    CONFLICT_STATUS_NAMES,
    PILOT_DECISION_NAMES,
    PILOT_VERDICT_NAMES,
)

#: The outcomes' colours (those of the matching action and conflict statuses elsewhere in the minutes).
OUTCOME_COLOURS = {"done": "#007A5A", "in_progress": "#0B6E99", "blocked": "#C23B00", "dropped": "#5F6B73"}
VERDICT_COLOURS = {"confirmed": "#007A5A", "refuted": "#C23B00", "not_yet": "#8A6D00"}


def _columns(headings: tuple[Any, ...], widths: list[Width], roles: tuple[str, ...] = ()) -> tuple[Column, ...]:
    return tuple(Column(h, (roles[n] if n < len(roles) else "text"), w)  # type: ignore[arg-type]
                 for n, (h, w) in enumerate(zip(headings, widths, strict=True)))


def _coloured_name(ctx: Context, names: dict, colours: dict, value: object) -> tuple[Run, ...]:
    if value is None:
        return (Run(ctx.lang("not reviewed"), italic=True),)
    return (Run(ctx.lang.label(names, value), bold=True, colour=colours.get(str(value))),)


def since_last(ctx: Context) -> list[Block]:
    follow_up = ctx.doc.follow_up
    if follow_up is None:
        return []
    out: list[Block] = [_introduction(ctx, follow_up)]
    for part in (_actions, _goals, _kept, _pilot, _conflicts, _alignment):
        out += part(ctx, follow_up)
    return out


def _introduction(ctx: Context, follow_up: FollowUp) -> Paragraph:
    _ = ctx.lang
    earlier = follow_up.earlier
    text = _("This workshop follows “{title}” of {date}.").format(
        title=earlier.title or _("Untitled workshop"), date=_.date(earlier.date) or "–")
    source = joined([labelled(_("File"), plain(earlier.file_name)), labelled("SHA-256", plain(earlier.sha256))])
    return Paragraph(joined([plain(text), source], "\n"))


def _actions(ctx: Context, follow_up: FollowUp) -> list[Block]:
    actions = ctx.doc.actions
    if not actions:
        return []
    _ = ctx.lang
    reviews = follow_up.actions
    counts = Counter(str(reviews[a.id].outcome) if a.id in reviews and reviews[a.id].outcome else "" for a in actions)
    summary = ", ".join(part for part in (
        _.plural("{n} done", "{n} done", counts["done"]) if counts["done"] else "",
         _.plural("{n} in progress", "{n} in progress", counts["in_progress"]) if counts["in_progress"] else "",
         _.plural("{n} blocked", "{n} blocked", counts["blocked"]) if counts["blocked"] else "",
         _.plural("{n} dropped", "{n} dropped", counts["dropped"]) if counts["dropped"] else "",
         _.plural("{n} not reviewed", "{n} not reviewed", counts[""]) if counts[""] else "") if part)
    rows = []
    for n, action in enumerate(actions, start=1):
        review = reviews.get(action.id)
        late = review is not None and review.new_date is not None and action.due_date is not None \
            and review.new_date > action.due_date
        new_date = labelled(_("New date"), plain(_.date(review.new_date))) if review and review.new_date else ()
        rows.append((
            text_cell(plain(str(n))),
            cell(action.what, [plain(review.note) if review else ()], bold=False),
            text_cell(plain(ctx.name(action.owner))),
            text_cell(plain(_.date(action.due_date))),
            (Paragraph(_coloured_name(ctx, ACTION_OUTCOME_NAMES, OUTCOME_COLOURS, review.outcome if review else None),
                       "cell"),
             *((Paragraph(new_date, "cell_small"),) if new_date else ()),
             *((Paragraph(plain(_("later than planned")), "cell_small"),) if late else ())),
        ))
    columns = _columns(heading_row("#", _("Action and what happened"), _("Owner"), _("Due"), _("Outcome")),
                       [Width(points=24), Width(1.0, -324), Width(points=110), Width(points=80), Width(points=110)],
                       ("number", "text", "text", "date", "status"))
    return [Heading(_("Actions since the last workshop"), keep_with=2),
            Paragraph(plain(summary), "small"), Table(columns, tuple(rows))]


def _goals(ctx: Context, follow_up: FollowUp) -> list[Block]:
    goals = [e for e in ctx.doc.elements if e.kind == "goal" and e.level == GoalLevel.SHARED]
    if not goals:
        return []
    _ = ctx.lang
    rows = []
    for goal in goals:
        review = follow_up.goals.get(goal.id)
        reached = with_unit(review.reached.strip(), goal.unit, _.code) if review and review.reached.strip() else ""
        rows.append((
            cell(goal.title or goal.id, [labelled(_("Metric"), plain(goal.metric))]),
            text_cell(figure(ctx, goal.baseline, goal.target, goal.unit)),
            text_cell(plain(reached, bold=True) if reached else (Run(_("not reviewed"), italic=True),)),
            text_cell(plain(review.note) if review else ()),
        ))
    columns = _columns(heading_row(_("Shared goal"), _("Baseline → target"), _("Reached"), _("Note")),
                       [Width(0.34), Width(0.2), Width(0.14), Width(0.32)], ("text", "figure", "figure", "text"))
    return [Heading(_("Shared goals: how far they got")), Table(columns, tuple(rows))]


def _kept(ctx: Context, follow_up: FollowUp) -> list[Block]:
    items = [e for e in ctx.doc.elements
             if e.kind == "agreement" or (e.kind == "channel" and e.origin == Origin.AGREED)]
    if not items:
        return []
    _ = ctx.lang
    rows = []
    for element in items:
        review = follow_up.kept.get(element.id)
        kept = review.kept if review else None
        rows.append((
            cell(element.title or element.id, [plain(_.kind(element.kind))], bold=False),
            text_cell(plain(_("{n} of 5").format(n=kept), bold=True) if kept is not None
                      else (Run(_("not reviewed"), italic=True),)),
            text_cell(plain(review.why) if review else ()),
        ))
    columns = _columns(heading_row(_("Agreement or channel"), _("Kept"), _("Why")),
                       [Width(0.38), Width(points=80), Width(0.62, -80)], ("text", "number", "text"))
    return [Heading(_("Agreements and channels: were they kept?"), keep_with=2),
            Paragraph(plain(_("Kept: 1 not at all … 5 fully.")), "small"), Table(columns, tuple(rows))]


def _pilot(ctx: Context, follow_up: FollowUp) -> list[Block]:
    pilot, review = ctx.doc.pilot, follow_up.pilot
    _ = ctx.lang
    facts = facts_table([
        (_("Pilot"), plain(pilot.title, bold=True) if pilot.title.strip() else ()),
        (_("Hypothesis"), plain(pilot.hypothesis)),
        (_("Metric"), plain(pilot.metric)),
        figure_field(ctx, pilot.baseline, pilot.target),
        (_("Actual"), plain(review.actual, bold=True)),
        (_("Result"), _coloured_name(ctx, PILOT_VERDICT_NAMES, VERDICT_COLOURS, review.verdict)
         if review.verdict else ()),
        (_("Decision"), (Run(_.label(PILOT_DECISION_NAMES, review.decision), bold=True),) if review.decision else ()),
        (_("Note"), plain(review.note)),
    ], label_width=115)
    if facts is None or not (review.actual or review.verdict or review.decision or review.note):
        return []
    return [Heading(_("Pilot result")), facts]


def _conflicts(ctx: Context, follow_up: FollowUp) -> list[Block]:
    result = compare_conflicts(follow_up.then_conflicts, ctx.views)
    if not (result.gone or result.still or result.new):
        return []
    _ = ctx.lang
    gone_word = (Run(_("gone"), bold=True, colour="#007A5A"),)
    rows = []
    for old in result.gone:
        rows.append((text_cell(plain(old.title(_.code))), text_cell(status_run(ctx, CONFLICT_STATUS_NAMES, old.status)),
                     text_cell(gone_word)))
    for view in result.new:
        rows.append((text_cell(plain(view.title)), text_cell((Run(_("new"), bold=True, colour="#C23B00"),)),
                     text_cell(status_run(ctx, CONFLICT_STATUS_NAMES, view.status))))
    for still in result.still:
        rows.append((text_cell(plain(still.now.title)), text_cell(status_run(ctx, CONFLICT_STATUS_NAMES,
                                                                            still.then.status)),
                     text_cell(status_run(ctx, CONFLICT_STATUS_NAMES, still.now.status))))
    summary = _("Gone: {gone} · still there: {still} · new: {new}").format(
        gone=len(result.gone), still=len(result.still), new=len(result.new))
    columns = _columns(heading_row(_("Conflict"), _("Then"), _("Now")),
                       [Width(1.0, -190), Width(points=95), Width(points=95)], ("text", "status", "status"))
    return [Heading(_("Conflicts then and now"), keep_with=2), Paragraph(plain(summary), "small"),
            Table(columns, tuple(rows))]


def _number(value: float | None, lang: str, digits: int) -> str:
    return "–" if value is None else format_number(value, lang, digits)


def _alignment(ctx: Context, follow_up: FollowUp) -> list[Block]:
    comparison = alignment_then_now(ctx.doc)
    if comparison is None:
        return []
    _ = ctx.lang
    lang = _.code
    then_name = comparison.then.round.name or comparison.then.round.id
    now_name = comparison.now.round.name or comparison.now.round.id
    side_rows = []
    for side in SIDES:
        before, after = comparison.then.sides[side], comparison.now.sides[side]

        def stage(result: Any) -> str:
            return _.label(STAGE_NAMES, result.stage) if result.stage else _("too few to show")

        change = "" if before.score is None or after.score is None else \
            format_number(round(after.score) - round(before.score), lang, 0)
        side_rows.append((text_cell(ctx.side(side, bold=True)),
                          text_cell(plain(f"{_number(before.score, lang, 0)} · {stage(before)}")),
                          text_cell(plain(f"{_number(after.score, lang, 0)} · {stage(after)}")),
                          text_cell(plain(("+" if change and not change.startswith("-") and change != "0" else "")
                                          + change))))
    sides = Table(_columns(heading_row(_("Side"), then_name, now_name, _("Change")),
                           [Width(0.2), Width(0.31), Width(0.31), Width(0.18)], ("side", "text", "text", "number")),
                  tuple(side_rows))
    statement_rows = []
    for row in comparison.statements:
        cells = []
        for side in SIDES:
            moved = row.change(side)
            mark = "" if moved is None else f" ({'+' if moved > 0 else ''}{format_number(moved, lang, 1)})"
            cells.append(text_cell(plain(f"{_number(row.then[side], lang, 1)} → {_number(row.now[side], lang, 1)}"
                                         + mark)))
        statement_rows.append((text_cell(plain(row.statement.text(lang) or row.statement.id)), *cells))
    statements = Table(_columns(heading_row(_("Statement (mean of 1–5)"), _.side(SIDES[0]), _.side(SIDES[1])),
                                [Width(1.0, -260), Width(points=130), Width(points=130)], ("text", "figure", "figure")),
                       tuple(statement_rows))
    intro = _("Round “{then}” of the last workshop against round “{now}” of this one.").format(
        then=then_name, now=now_name)
    return [Heading(_("Alignment check then and now"), keep_with=2), Paragraph(plain(intro), "small"), sides,
            statements]
