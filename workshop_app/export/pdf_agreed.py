"""The first section of the minutes: what the room agreed, on the first page.

Someone who was not in the room reads this page and knows what was agreed, by
whom and until when: the shared goals with their owners and targets, the budget
pot(s) with their amount, start and the budgets they were formed from, the
agreements (service levels, definitions, rules of engagement), the agreed
channels (who to whom, cadence, owner) and what they replace, other agreed entries (a new incentive), the
pilot in one paragraph, and how many decisions, actions and conflicts there
are. The conflict numbers come from :func:`workshop_app.analysis.count_conflicts`,
the one definition every view uses. Empty fields are left out.
"""

from __future__ import annotations

from typing import Any

from workshop_app.export.pdf_blocks import Ctx, figure, joined, kv_table, labelled
from workshop_app.export.pdf_styles import MUTED
from workshop_app.export.pdf_text import esc
from workshop_app.model import AgreementType, GoalLevel, LinkKind, Origin, Side
from workshop_app.vocabulary import AGREEMENT_TYPE_NAMES, INCENTIVE_TYPE_NAMES

#: Items listed per row of the first page; more are counted ("… and 3 more") and printed in their sections.
MAX_ITEMS = 8
_TYPE_ORDER = {t: n for n, t in enumerate(AgreementType)}


def agreed(ctx: Ctx, counts: Any) -> list[Any]:
    """The rows of "What was agreed"; [] for a workshop that agreed nothing and counted nothing."""
    _ = ctx.lang
    rows: list[tuple[str, str]] = [
        (_("In numbers"), joined([_decisions_and_actions(ctx), conflict_counts_text(ctx, counts)], "<br/>")),
        (_("Shared goals"), _items(ctx, [_shared_goal(ctx, g) for g in _shared_goals(ctx)])),
        (_("Budget pot"), _items(ctx, [_pot(ctx, b) for b in _agreed(ctx, "budget")])),
        (_("Agreements"), _items(ctx, [_agreement(ctx, a) for a in sorted(
            _agreed(ctx, "agreement"), key=lambda a: _TYPE_ORDER.get(a.agreement_type, 9))])),
        (_("Pilot"), pilot_paragraph(ctx)),
        (_("Agreed channels"), _items(ctx, [_channel(ctx, c) for c in _agreed(ctx, "channel")])),
        (_("Incentives"), _items(ctx, [_incentive(ctx, i) for i in _agreed(ctx, "incentive")])),
    ]
    table = kv_table(ctx, rows, label_width=95, dense=True)
    if table is None:
        return []
    from workshop_app.export.pdf_sections import _colour

    table.setStyle([("BACKGROUND", (0, 0), (-1, -1), _colour("#EEF4FA")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, _colour("#FFFFFF")),
                    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    return [table]


def _agreed(ctx: Ctx, kind: str) -> list[Any]:
    return [e for e in ctx.doc.elements if e.kind == kind and e.origin == Origin.AGREED]


def _shared_goals(ctx: Ctx) -> list[Any]:
    return [e for e in ctx.doc.elements if e.kind == "goal" and e.level == GoalLevel.SHARED]


def _items(ctx: Ctx, items: list[str]) -> str:
    """Bullet lines (markup); beyond :data:`MAX_ITEMS` a count of the rest."""
    lines = [f"•\u00a0{item}" for item in items[:MAX_ITEMS] if item]
    if len(items) > MAX_ITEMS:
        lines.append(esc(ctx.lang("… and {n} more").format(n=len(items) - MAX_ITEMS)))
    return "<br/>".join(lines)


def _title(e: Any) -> str:
    return f"<b>{esc(e.title.strip() or e.id)}</b>"


def _shared_goal(ctx: Ctx, g: Any) -> str:
    _ = ctx.lang
    measure = joined([esc(g.metric), figure(ctx, g.baseline, g.target, g.unit)], ": ")
    when = esc(_.date(g.due_date)) if g.due_date else esc(_.months(g.horizon_months))
    return joined([_title(g), joined([measure, when, labelled(_("Owners"), esc(ctx.names(g.owners)))])], " — ")


def _pot(ctx: Ctx, b: Any) -> str:
    _ = ctx.lang
    titles = {e.id: e.title.strip() or e.id for e in ctx.doc.elements}
    sources = [titles[k.source] for k in ctx.doc.links
               if k.kind == LinkKind.POOLS and k.target == b.id and k.source in titles]
    money = joined([esc(_.money(b.amount, b.currency)), esc(_.months(b.period_months))], " / ")
    return joined([_title(b), joined([
        money,
        esc(_("from {date}").format(date=_.date(b.start_date))) if b.start_date else "",
        labelled(_("Formed from"), esc(", ".join(sources))),
    ])], " — ")


def _agreement(ctx: Ctx, a: Any) -> str:
    _ = ctx.lang
    kind = esc(_.label(AGREEMENT_TYPE_NAMES, a.agreement_type))
    head = f'{_title(a)} <font color="{MUTED}">({kind})</font>'
    within = esc(_("within {time}").format(time=a.within.strip())) if a.within.strip() else ""
    commitment = joined([esc(a.commitment.strip().rstrip(".;, ")), within], "; ")
    parties = ", ".join(ctx.side(p) for p in a.parties)
    return joined([head, joined([
        commitment, labelled(_("Parties"), parties), labelled(_("Metric"), esc(a.metric)),
        labelled(_("Owner"), esc(ctx.name(a.owner))), labelled(_("Review date"), esc(_.date(a.review_date))),
    ])], " — ")


def replaced_titles(ctx: Ctx, channel_id: str) -> list[str]:
    """Titles of the as-is channels an agreed channel replaces (``replaces`` links)."""
    titles = {e.id: e.title.strip() or e.id for e in ctx.doc.elements}
    return [titles[k.target] for k in ctx.doc.links
            if k.kind == LinkKind.REPLACES and k.source == channel_id and k.target in titles]


def _channel(ctx: Ctx, c: Any) -> str:
    _ = ctx.lang
    both_joint = c.side == c.to_side == Side.JOINT  # "Joint → Joint" says nothing
    return joined([_title(c), joined([
        "" if both_joint else f"{ctx.side(c.side)}\u00a0→ {ctx.side(c.to_side)}", esc(c.cadence),
        labelled(_("Owner"), esc(ctx.name(c.owner))),
        labelled(_("Replaces"), esc(", ".join(_.quote(t) for t in replaced_titles(ctx, c.id)))),
    ])], " — ")


def _incentive(ctx: Ctx, i: Any) -> str:
    _ = ctx.lang
    return joined([_title(i), joined([
        esc(_.label(INCENTIVE_TYPE_NAMES, i.incentive_type)), ctx.side(i.side), esc(_.months(i.period_months)),
        labelled(_("Rewards"), esc(i.rewards_what)),
    ])], " — ")


def pilot_paragraph(ctx: Ctx) -> str:
    """The pilot in one paragraph: title, hypothesis, metric from baseline to target, team, dates, means."""
    _, p = ctx.lang, ctx.doc.pilot
    measure = joined([esc(p.metric), figure(ctx, p.baseline, p.target)], ": ")
    dates = joined([esc(_.date(p.start_date)), esc(_.date(p.review_date))], "\u00a0– ")
    if p.start_date and p.review_date:
        dates = esc(_("{start} to review on {review}").format(start=_.date(p.start_date), review=_.date(p.review_date)))
    elif p.review_date:
        dates = labelled(_("Review date"), esc(_.date(p.review_date)))
    elif p.start_date:
        dates = esc(_("from {date}").format(date=_.date(p.start_date)))
    parts = [
        f"<b>{esc(p.title)}</b>" if p.title.strip() else "",
        labelled(_("Hypothesis"), esc(p.hypothesis)),
        labelled(_("Metric"), measure),
        labelled(_("Team"), esc(ctx.names(p.team))),
        joined([dates, esc(_.weeks(p.duration_weeks))], ", "),
        labelled(_("Budget"), esc(_.money(p.budget_amount, p.budget_currency))),
        labelled(_("Data slice"), esc(p.data_slice)),
    ]
    if not any(parts[1:4]) and not p.problem.strip():
        return ""  # a pilot with only a date or a budget is no pilot yet
    return joined(parts, ". ").replace(".. ", ". ")


def _decisions_and_actions(ctx: Ctx) -> str:
    _, doc = ctx.lang, ctx.doc
    if not doc.decisions and not doc.actions:
        return ""
    n_open = sum(1 for a in doc.actions if a.status != "done")
    decisions = _.plural("{n} decision", "{n} decisions", len(doc.decisions))
    actions = _.plural("{n} action, {open} of them not done yet", "{n} actions, {open} of them not done yet",
                       len(doc.actions), open=n_open)
    return esc(joined([decisions, actions], " · ") + ".")


def conflict_counts_text(ctx: Ctx, counts: Any) -> str:
    """The room's conflicts and the findings, counted by ``count_conflicts`` (parked is never settled)."""
    _ = ctx.lang
    lines = []
    if counts.room:
        lines.append(_.plural("{n} conflict taken up by the room: {settled} settled, {parked} parked, {open} still open.",
                              "{n} conflicts taken up by the room: {settled} settled, {parked} parked, {open} still open.",
                              counts.room, settled=counts.settled, parked=counts.parked, open=counts.open))
    if counts.new_findings:
        lines.append(_.plural("{n} further finding for follow-up (appendix).",
                              "{n} further findings for follow-up (appendix).", counts.new_findings))
    if counts.set_aside:
        lines.append(_.plural("{n} finding set aside as not relevant here.",
                              "{n} findings set aside as not relevant here.", counts.set_aside))
    return "<br/>".join(esc(line) for line in lines)
