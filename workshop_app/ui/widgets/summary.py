"""The wrap-up summary: what the room agreed, as HTML for a read-only text view.

All user text is escaped (control characters made visible): it is data, never markup.
The conflict numbers are :func:`~workshop_app.analysis.count_conflicts`'s, in
the words of :func:`~workshop_app.ui.progress.conflict_count_parts`, so the
summary says what the navigator, the projector and the minutes say: settled
means resolved, balanced or accepted; parked is not settled; new and
set-aside findings are counted apart from the room's conflicts.
:func:`pot_facts` and :func:`agreement_facts` describe agreed budget pots
and agreements for the projector.

What was agreed — the shared goals, budget pots, agreements, channels and the
pilot — is the minutes' own content (:func:`workshop_app.export.minutes_agreed.agreed_rows`,
rendered here as HTML), so the summary lists exactly the goals the minutes list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.display_text import escaped as escape
from workshop_app.i18n import _, current_language, ngettext
from workshop_app.model import ActionStatus, LinkKind, Workshop
from workshop_app.ui.progress import conflict_count_parts
from workshop_app.ui.widgets.formats import format_long_date, format_money
from workshop_app.ui.widgets.labels import (
    AGREEMENT_TYPE_NAMES,
    CONFLICT_STATUS_NAMES,
    element_label,
    participant_label,
    side_name,
)

if TYPE_CHECKING:  # the analysis loads with the Conflicts page, not with the window
    from workshop_app.analysis import ConflictView
    from workshop_app.export.content import Text


def _section(title: str, items: list[str], empty: str) -> str:
    body = "".join(f"<li>{item}</li>" for item in items) if items else f"<li><i>{escape(empty)}</i></li>"
    return f"<h3>{escape(title)}</h3><ul>{body}</ul>"


def pot_facts(doc: Workshop, pot) -> list[str]:
    """An agreed pot's amount, from when, and the budgets it is formed from (``pools`` links into it)."""
    facts = [format_money(pot.amount, pot.currency) if pot.amount is not None else ""]
    if pot.start_date:
        facts.append(_("from {date}").format(date=format_long_date(pot.start_date)))
    sources = [element_label(doc, lk.source, False) for lk in doc.links
               if lk.kind == LinkKind.POOLS and lk.target == pot.id and doc.element(lk.source) is not None]
    if sources:
        facts.append(_("formed from {budgets}").format(budgets=", ".join(sources)))
    return [f for f in facts if f]


def agreement_facts(doc: Workshop, agreement) -> list[str]:
    """Kind, parties, the commitment, within how long, measured how, who owns it, when it is reviewed."""
    facts = [_(AGREEMENT_TYPE_NAMES[agreement.agreement_type])]
    if agreement.parties:
        facts.append(" ⟷ ".join(side_name(side) for side in agreement.parties))
    facts += [agreement.commitment.strip(), agreement.within.strip() and _("within {time}").format(
        time=agreement.within.strip()), agreement.metric.strip() and _("measured by {metric}").format(
        metric=agreement.metric.strip())]
    if agreement.owner:
        facts.append(_("owner: {name}").format(name=participant_label(doc, agreement.owner)))
    if agreement.review_date:
        facts.append(_("review {date}").format(date=format_long_date(agreement.review_date)))
    return [f for f in facts if f]


def text_html(text: Text) -> str:
    """Inline text of the minutes' content model as rich text: escaped runs, bold, italic, colour."""
    out = []
    for r in text:
        s = escape(r.text).replace("\n", "<br>")
        if r.bold:
            s = f"<b>{s}</b>"
        if r.italic:
            s = f"<i>{s}</i>"
        if r.colour:
            s = f'<span style="color:{escape(r.colour)}">{s}</span>'
        out.append(s)
    return "".join(out)


def summary_html(doc: Workshop, views: list[ConflictView]) -> str:
    """The agreements as HTML; ``views`` is the document's conflict analysis (counted with
    ``count_conflicts``, as the navigator, the projector and the minutes count them)."""
    from workshop_app.analysis import count_conflicts, is_settled
    from workshop_app.export.minutes_agreed import agreed_rows
    from workshop_app.export.minutes_content import Context
    from workshop_app.vocabulary import Translator

    agreed = {key: [text_html(item) for item in items]
              for key, _label, items in agreed_rows(Context(doc, Translator(current_language())))}
    settled = [
        f"<b>{escape(v.title)}</b> ({escape(_(CONFLICT_STATUS_NAMES[v.status]))})"
        + (f": {escape(v.resolution)}" if v.resolution.strip() else "")
        for v in views if v.taken_up and is_settled(v)
    ]
    counts = count_conflicts(views)
    decisions = [escape(d.text) + (f" <i>({escape(d.decided_by)})</i>" if d.decided_by else "") for d in doc.decisions]
    actions = []
    for a in doc.actions:
        who = participant_label(doc, a.owner) if a.owner else _("no owner yet")
        when = format_long_date(a.due_date) if a.due_date else _("no date yet")
        mark = "✓ " if a.status == ActionStatus.DONE else ""
        actions.append(f"{mark}<b>{escape(a.what)}</b> – {escape(who)}, {escape(when)}")
    html = [_section(_("Shared goals"), agreed["goals"], _("No shared goals agreed yet."))]
    if agreed["pots"]:
        html.append(_section(_("Agreed budget pots"), agreed["pots"], ""))
    html.append(_section(_("Conflicts settled"), settled, _("No conflict settled yet.")))
    if counts.room or counts.new_findings or counts.set_aside:
        html.append(f"<p><i>{escape(' · '.join(conflict_count_parts(counts)))}.</i></p>")
    if agreed["agreements"]:
        html.append(_section(_("Agreements"), agreed["agreements"], ""))
    html += [
        _section(_("Agreed channels"), agreed["channels"], _("No channels agreed yet.")),
        _section(_("Pilot"), agreed["pilot"], _("No pilot defined yet.")),
    ]
    if agreed["incentives"]:
        html.append(_section(_("Incentives"), agreed["incentives"], ""))
    html += [
        _section(_("Decisions"), decisions, _("No decisions yet.")),
        _section(_("Actions"), actions, _("No actions yet.")),
    ]
    if doc.parking_lot:
        parked = ngettext("{n} topic in the parking lot.", "{n} topics in the parking lot.",
                          len(doc.parking_lot)).format(n=len(doc.parking_lot))
        html.append(f"<p>{escape(parked)}</p>")
    return "".join(html)
