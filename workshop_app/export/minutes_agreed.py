"""The first section of the minutes: what the room agreed, on the first page.

Someone who was not in the room reads this page and knows what was agreed, by
whom and until when: the shared goals with their owners and targets, the budget
pot(s) with their amount, start and the budgets they were formed from, the
agreements (service levels, definitions, rules of engagement), the agreed
channels (who to whom, cadence, owner) and what they replace, other agreed entries (a new incentive), the
pilot in one paragraph, and how many decisions, actions and conflicts there
are. The conflict numbers come from :func:`workshop_app.analysis.count_conflicts`,
the one definition every view uses. Empty fields are left out.

:func:`agreed_rows` is also what the wrap-up summary in the app shows, so the
summary and the minutes list the same goals, pots, agreements and channels.
"""

from __future__ import annotations

from typing import Any

from workshop_app.export.content import Block, Run, Text, bold, joined, labelled, plain
from workshop_app.export.minutes_content import Context, facts_table, figure
from workshop_app.export.pdf_styles import MUTED
from workshop_app.model import AgreementType, GoalLevel, LinkKind, Origin, Side
from workshop_app.vocabulary import AGREEMENT_TYPE_NAMES, INCENTIVE_TYPE_NAMES

#: Items listed per row of the first page; more are counted ("… and 3 more") and printed in their sections.
MAX_ITEMS = 8
_TYPE_ORDER = {t: n for n, t in enumerate(AgreementType)}


def agreed(ctx: Context) -> list[Block]:
    """The rows of "What was agreed"; [] for a workshop that agreed nothing and counted nothing."""
    _ = ctx.lang
    numbers = joined([_decisions_and_actions(ctx), conflict_counts_text(ctx, ctx.counts)], "\n")
    rows = [(_("In numbers"), numbers)] + [
        (label, (items[0] if items else ()) if key == "pilot" else _items(ctx, items))  # the pilot: one paragraph
        for key, label, items in agreed_rows(ctx)]
    table = facts_table(rows, label_width=95, dense=True, style="agreed")
    return [] if table is None else [table]


def agreed_rows(ctx: Context) -> list[tuple[str, str, list[Text]]]:
    """(key, translated label, items) of what was agreed, in print order; the items are all of them
    (the first page shows :data:`MAX_ITEMS` of each). Keys: goals, pots, agreements, pilot, channels,
    incentives."""
    _ = ctx.lang
    pilot = pilot_paragraph(ctx)
    return [
        ("goals", _("Shared goals"), [_shared_goal(ctx, g) for g in shared_goals(ctx.doc)]),
        ("pots", _("Budget pot"), [_pot(ctx, b) for b in _agreed(ctx, "budget")]),
        ("agreements", _("Agreements"), [_agreement(ctx, a) for a in sorted(
            _agreed(ctx, "agreement"), key=lambda a: _TYPE_ORDER.get(a.agreement_type, 9))]),
        ("pilot", _("Pilot"), [pilot] if pilot else []),
        ("channels", _("Agreed channels"), [_channel(ctx, c) for c in _agreed(ctx, "channel")]),
        ("incentives", _("Incentives"), [_incentive(ctx, i) for i in _agreed(ctx, "incentive")]),
    ]


def _agreed(ctx: Context, kind: str) -> list[Any]:
    return [e for e in ctx.doc.elements if e.kind == kind and e.origin == Origin.AGREED]


def shared_goals(doc: Any) -> list[Any]:
    """The shared goals the minutes list as agreed: every goal of level shared (drafted in the room,
    whether or not it was also in the inventory)."""
    return [e for e in doc.elements if e.kind == "goal" and e.level == GoalLevel.SHARED]


def _items(ctx: Context, items: list[Text]) -> Text:
    """Bullet lines; beyond :data:`MAX_ITEMS` a count of the rest."""
    lines = [(Run("•\u00a0"), *item) for item in items[:MAX_ITEMS] if item]
    if len(items) > MAX_ITEMS:
        lines.append(plain(ctx.lang("… and {n} more").format(n=len(items) - MAX_ITEMS)))
    return joined(lines, "\n")


def _title(e: Any) -> Text:
    return bold(e.title.strip() or e.id)


def _shared_goal(ctx: Context, g: Any) -> Text:
    _ = ctx.lang
    measure = joined([plain(g.metric), figure(ctx, g.baseline, g.target, g.unit)], ": ")
    when = plain(_.date(g.due_date)) if g.due_date else plain(_.months(g.horizon_months))
    return joined([_title(g), joined([measure, when, labelled(_("Owners"), plain(ctx.names(g.owners)))])], " — ")


def _pot(ctx: Context, b: Any) -> Text:
    _ = ctx.lang
    titles = {e.id: e.title.strip() or e.id for e in ctx.doc.elements}
    sources = [titles[k.source] for k in ctx.doc.links
               if k.kind == LinkKind.POOLS and k.target == b.id and k.source in titles]
    money = joined([plain(_.money(b.amount, b.currency)), plain(_.months(b.period_months))], " / ")
    return joined([_title(b), joined([
        money,
        plain(_("from {date}").format(date=_.date(b.start_date))) if b.start_date else (),
        labelled(_("Formed from"), plain(", ".join(sources))),
    ])], " — ")


def _agreement(ctx: Context, a: Any) -> Text:
    _ = ctx.lang
    kind = _.label(AGREEMENT_TYPE_NAMES, a.agreement_type)
    head = (*_title(a), Run(" "), Run(f"({kind})", colour=MUTED))
    within = plain(_("within {time}").format(time=a.within.strip())) if a.within.strip() else ()
    commitment = joined([plain(a.commitment.strip().rstrip(".;, ")), within], "; ")
    parties = joined([ctx.side(p) for p in a.parties], ", ")
    return joined([head, joined([
        commitment, labelled(_("Parties"), parties), labelled(_("Metric"), plain(a.metric)),
        labelled(_("Owner"), plain(ctx.name(a.owner))), labelled(_("Review date"), plain(_.date(a.review_date))),
    ])], " — ")


def replaced_titles(ctx: Context, channel_id: str) -> list[str]:
    """Titles of the as-is channels an agreed channel replaces (``replaces`` links)."""
    titles = {e.id: e.title.strip() or e.id for e in ctx.doc.elements}
    return [titles[k.target] for k in ctx.doc.links
            if k.kind == LinkKind.REPLACES and k.source == channel_id and k.target in titles]


def _channel(ctx: Context, c: Any) -> Text:
    _ = ctx.lang
    both_joint = c.side == c.to_side == Side.JOINT  # "Joint → Joint" says nothing
    return joined([_title(c), joined([
        () if both_joint else (*ctx.side(c.side), Run("\u00a0→ "), *ctx.side(c.to_side)), plain(c.cadence),
        labelled(_("Owner"), plain(ctx.name(c.owner))),
        labelled(_("Replaces"), plain(", ".join(_.quote(t) for t in replaced_titles(ctx, c.id)))),
    ])], " — ")


def _incentive(ctx: Context, i: Any) -> Text:
    _ = ctx.lang
    return joined([_title(i), joined([
        plain(_.label(INCENTIVE_TYPE_NAMES, i.incentive_type)), ctx.side(i.side), plain(_.months(i.period_months)),
        labelled(_("Rewards"), plain(i.rewards_what)),
    ])], " — ")


def pilot_paragraph(ctx: Context) -> Text:
    """The pilot in one paragraph: title, hypothesis, metric from baseline to target, team, dates, means."""
    _, p = ctx.lang, ctx.doc.pilot
    measure = joined([plain(p.metric), figure(ctx, p.baseline, p.target)], ": ")
    dates = joined([plain(_.date(p.start_date)), plain(_.date(p.review_date))], "\u00a0– ")
    if p.start_date and p.review_date:
        dates = plain(_("{start} to review on {review}").format(start=_.date(p.start_date), review=_.date(p.review_date)))
    elif p.review_date:
        dates = labelled(_("Review date"), plain(_.date(p.review_date)))
    elif p.start_date:
        dates = plain(_("from {date}").format(date=_.date(p.start_date)))
    parts = [
        bold(p.title) if p.title.strip() else (),
        labelled(_("Hypothesis"), plain(p.hypothesis)),
        labelled(_("Metric"), measure),
        labelled(_("Team"), plain(ctx.names(p.team))),
        joined([dates, plain(_.weeks(p.duration_weeks))], ", "),
        labelled(_("Budget"), plain(_.money(p.budget_amount, p.budget_currency))),
        labelled(_("Data slice"), plain(p.data_slice)),
    ]
    if not any(parts[1:4]) and not p.problem.strip():
        return ()  # a pilot with only a date or a budget is no pilot yet
    out: list[Run] = []
    for part in (x for x in parts if x):
        if out:
            # ". " between the parts, but never ".. " after a part that ends with a full stop
            out.append(Run(" " if out[-1].text.endswith(".") else ". "))
        out.extend(part)
    return tuple(out)


def _decisions_and_actions(ctx: Context) -> Text:
    _, doc = ctx.lang, ctx.doc
    if not doc.decisions and not doc.actions:
        return ()
    n_open = sum(1 for a in doc.actions if a.status != "done")
    decisions = _.plural("{n} decision", "{n} decisions", len(doc.decisions))
    actions = _.plural("{n} action, {open} of them not done yet", "{n} actions, {open} of them not done yet",
                       len(doc.actions), open=n_open)
    return plain(" · ".join(p for p in (decisions, actions) if p) + ".")


def conflict_counts_text(ctx: Context, counts: Any) -> Text:
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
    return joined([plain(line) for line in lines], "\n")
