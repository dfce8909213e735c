"""The wrap-up summary: what the room agreed, as HTML for a read-only text view.

All user text is escaped (control characters made visible): it is data, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.display_text import escaped as escape
from workshop_app.i18n import _, current_language, ngettext
from workshop_app.locale_format import with_unit
from workshop_app.model import ActionStatus, ConflictStatus, ElementKind, GoalLevel, Origin, Workshop
from workshop_app.ui.widgets.formats import format_long_date, format_money
from workshop_app.ui.widgets.labels import CONFLICT_STATUS_NAMES, participant_label

if TYPE_CHECKING:  # the analysis loads with the Conflicts page, not with the window
    from workshop_app.analysis import ConflictView


def _section(title: str, items: list[str], empty: str) -> str:
    body = "".join(f"<li>{item}</li>" for item in items) if items else f"<li><i>{escape(empty)}</i></li>"
    return f"<h3>{escape(title)}</h3><ul>{body}</ul>"


def _names(doc: Workshop, ids: list[str]) -> str:
    return ", ".join(escape(doc.participant(i).name) for i in ids if doc.participant(i))


def summary_html(doc: Workshop, views: list[ConflictView]) -> str:
    """The agreements as HTML; ``views`` is the document's conflict analysis (the open ones are counted
    from it, detected and declared alike, as the minutes count them)."""
    goals = []
    for el in doc.elements:
        if el.kind == ElementKind.GOAL and el.level == GoalLevel.SHARED and el.origin == Origin.AGREED:
            figure = with_unit((f"{el.baseline} → " if el.baseline else "") + el.target, el.unit, current_language())
            measure = " ".join(p for p in (el.metric, figure) if p)
            parts = [f"<b>{escape(el.title)}</b>"]
            if measure.strip():
                parts.append(escape(measure))
            if el.due_date:
                parts.append(escape(_("by {date}").format(date=format_long_date(el.due_date))))
            if el.owners:
                parts.append(escape(_("owners: {names}")).format(names=_names(doc, el.owners)))
            goals.append(" – ".join(parts))
    settled = [
        f"<b>{escape(c.title)}</b> ({escape(_(CONFLICT_STATUS_NAMES[c.status]))})"
        + (f": {escape(c.resolution)}" if c.resolution.strip() else "")
        for c in doc.conflicts if c.status != ConflictStatus.OPEN
    ]
    still_open = sum(1 for v in views if v.is_open)
    channels = [
        f"<b>{escape(el.title)}</b>" + "".join(f" · {escape(p)}" for p in (el.purpose, el.format, el.cadence) if p)
        + (f" · {escape(participant_label(doc, el.owner))}" if el.owner else "")
        for el in doc.elements if el.kind == ElementKind.CHANNEL and el.origin == Origin.AGREED
    ]
    pilot = doc.pilot
    pilot_items = []
    if pilot.hypothesis.strip() or pilot.title.strip():
        pilot_items.append(f"<b>{escape(pilot.title or _('Pilot'))}</b>: {escape(pilot.hypothesis)}")
        facts = [p for p in (pilot.metric, (f"{pilot.baseline} → " if pilot.baseline else "") + pilot.target) if p.strip()]
        if pilot.duration_weeks:
            facts.append(ngettext("{n} week", "{n} weeks", pilot.duration_weeks).format(n=pilot.duration_weeks))
        if pilot.budget_amount is not None:
            facts.append(format_money(pilot.budget_amount, pilot.budget_currency))
        if pilot.team:
            facts.append(_("team: {names}").format(names=", ".join(p.name for p in doc.participants if p.id in pilot.team)))
        if facts:
            pilot_items.append(escape(" · ".join(facts)))
    decisions = [escape(d.text) + (f" <i>({escape(d.decided_by)})</i>" if d.decided_by else "") for d in doc.decisions]
    actions = []
    for a in doc.actions:
        who = participant_label(doc, a.owner) if a.owner else _("no owner yet")
        when = format_long_date(a.due_date) if a.due_date else _("no date yet")
        mark = "✓ " if a.status == ActionStatus.DONE else ""
        actions.append(f"{mark}<b>{escape(a.what)}</b> – {escape(who)}, {escape(when)}")
    html = [
        _section(_("Shared goals"), goals, _("No shared goals agreed yet.")),
        _section(_("Conflicts settled"), settled, _("No conflict settled yet.")),
    ]
    if still_open:
        still = ngettext("{open} of {n} conflict is still open.", "{open} of {n} conflicts are still open.",
                         len(views)).format(open=still_open, n=len(views))
        html.append(f"<p><i>{escape(still)}</i></p>")
    html += [
        _section(_("Agreed channels"), channels, _("No channels agreed yet.")),
        _section(_("Pilot"), pilot_items, _("No pilot defined yet.")),
        _section(_("Decisions"), decisions, _("No decisions yet.")),
        _section(_("Actions"), actions, _("No actions yet.")),
    ]
    if doc.parking_lot:
        parked = ngettext("{n} topic in the parking lot.", "{n} topics in the parking lot.",
                          len(doc.parking_lot)).format(n=len(doc.parking_lot))
        html.append(f"<p>{escape(parked)}</p>")
    return "".join(html)
