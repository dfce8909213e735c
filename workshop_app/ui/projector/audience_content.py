"""What the room sees of each phase, as plain data: lists of entries, with hidden ones left out.

Why a separate module: the audience window and presentation mode paint the
same content, and the one rule that must never break — *an entry marked
hidden is not shown to the room* — is easiest to keep (and to test) in one
place, away from painting. Nothing here imports Qt widgets; every function
reads the document and returns :class:`Entry` and :class:`Column` values.

Hidden rules (``hidden`` means "not yet revealed to the audience"):

* an element marked hidden is left out everywhere: lists, the goal tree
  (its children move up to its place), the graph and the agreements;
* a conflict is left out when it is hidden itself *or* when one of its
  elements is hidden, because its title names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workshop_app.analysis.counts import is_settled
from workshop_app.analysis.visibility import visible_conflicts, votable
from workshop_app.display_text import shown
from workshop_app.i18n import N_, _, current_language, ngettext
from workshop_app.locale_format import with_unit
from workshop_app.model import ActionStatus, ElementKind, GoalLevel, Origin, Phase, Side, Workshop
from workshop_app.ui.widgets.formats import format_long_date, format_money
from workshop_app.ui.widgets.labels import (
    CONFLICT_STATUS_NAMES,
    INCENTIVE_TYPE_NAMES,
    KIND_NAMES,
    LEVEL_NAMES,
    participant_label,
    phase_name,
    rating_stars,
    side_name,
)

if TYPE_CHECKING:  # the analysis (networkx) loads only when conflicts are shown
    from workshop_app.analysis import ConflictView
    from workshop_app.ui.document import Document

SIDES = (Side.MARKETING, Side.SALES)


@dataclass(frozen=True)
class Stage:
    """What the facilitator has on screen, which the room follows.

    ``category`` is the inventory category; ``selected`` the id of the entry
    selected in the editor (element, conflict view, participant, …);
    ``results`` shows the dot-vote chart instead of the conflicts list;
    ``alignment`` puts an alignment round on the wall (hidden until revealed);
    ``withheld`` are dots already recorded on conflicts (a Room link round,
    closed) that the room sees only once the facilitator reveals them.
    """

    phase: Phase = Phase.SETUP
    category: str = ""
    selected: str | None = None
    results: bool = False
    #: the alignment check's round on the wall instead of the phase (None: the phase), and whether
    #: its results are revealed: until then the room sees only that a check is on
    alignment: str | None = None
    alignment_revealed: bool = False
    #: (conflict id, dots) left out of what the wall shows until the reveal
    withheld: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Entry:
    """One line on the wall: a title, maybe a small caption above and a detail line below."""

    id: str
    title: str
    detail: str = ""
    caption: str = ""
    side: Side | None = None
    marker: str = ""
    level: int = 0
    badge: str = ""
    done: bool = False
    group: bool = False  # a sub-heading inside a list, not an entry

    def __post_init__(self) -> None:  # typed text goes on the wall with its control characters visible
        for name in ("title", "detail", "caption", "badge", "marker"):
            object.__setattr__(self, name, shown(getattr(self, name)))


@dataclass(frozen=True)
class Column:
    """A list with a heading; ``side`` colours the heading band."""

    title: str
    entries: list[Entry] = field(default_factory=list)
    side: Side | None = None
    empty: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", shown(self.title))


def _join(*parts: object) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, ""))


def together(text: str) -> str:
    """A short phrase that must not break across lines on the wall ("3 months", "target 60")."""
    return text.replace(" ", "\u00a0")


def months(n: int | None) -> str:
    return "" if n is None else together(ngettext("{n} month", "{n} months", n).format(n=n))


def setup_columns(doc: Workshop) -> tuple[Column, Column, list[Column]]:
    """(workshop facts, agenda, participants by side)."""
    meta = doc.meta
    facts = [(N_("Organisation"), meta.organisation), (N_("Date"), format_long_date(meta.date)),
             (N_("Venue"), meta.venue), (N_("Facilitator"), meta.facilitator)]
    facts.insert(0, (N_("Title"), meta.title.strip()))
    workshop = Column(_("Workshop"), [Entry(f"meta:{name}", value, caption=_(name)) for name, value in facts if value])
    agenda = []
    for phase in Phase:
        item = doc.agenda_item(phase)
        minutes = item.timebox_minutes if item else 0
        done = bool(item and item.done)
        agenda.append(Entry(str(phase), phase_name(phase), badge=_("{n} min").format(n=minutes),
                            marker="✓" if done else f"{list(Phase).index(phase) + 1}", done=done))
    sides = [side for side in (Side.MARKETING, Side.SALES, Side.JOINT)
             if side != Side.JOINT or any(p.side == Side.JOINT for p in doc.participants)]
    people = [Column(side_name(side), [Entry(p.id, p.name or _("(no name)"), p.role, side=side)
                                       for p in doc.participants if p.side == side], side, _("Nobody yet"))
              for side in sides]
    return workshop, Column(_("Agenda"), agenda), people


# -- inventory -----------------------------------------------------------------
def element_detail(el, category: str = "") -> str:
    """The few facts of an inventory entry worth reading from the back of the room."""
    kind = ElementKind(el.kind)
    if category == "horizons":
        span = el.horizon_months if kind == ElementKind.GOAL else el.period_months
        return _join(_(KIND_NAMES[kind]), months(span))
    if kind == ElementKind.GOAL:
        target = with_unit(el.target, el.unit, current_language())
        return _join(el.metric, target and together(_("target {value}").format(value=target)), months(el.horizon_months))
    if kind == ElementKind.INCENTIVE:
        return _join(_(INCENTIVE_TYPE_NAMES[el.incentive_type]), months(el.period_months), el.rewards_what)
    if kind == ElementKind.BUDGET:
        amount = format_money(el.amount, el.currency)
        return _join(amount, months(el.period_months))
    if kind == ElementKind.CHANNEL:
        return _join(el.format, el.cadence)
    if kind == ElementKind.INSIGHT:
        return el.source
    if kind == ElementKind.BELIEF:
        return _join(el.resistance and _("resistance: {text}").format(text=el.resistance),
                     el.mitigation and _("mitigation: {text}").format(text=el.mitigation))
    return ""


def inventory_columns(doc: Workshop, category_key: str) -> tuple[str, str, list[Column]]:
    """(category name, its question, Marketing and Sales columns) of the inventory category on screen."""
    from workshop_app.ui.widgets.categories import CATEGORIES

    category = next((c for c in CATEGORIES if c.key == category_key), CATEGORIES[0])
    columns = []
    for side in SIDES:
        entries = [Entry(el.id, el.title or _("(untitled)"), element_detail(el, category.key), side=side,
                         badge=rating_stars(el.usefulness) if el.kind == ElementKind.CHANNEL else "")
                   for el in category.rows(doc, side) if not el.hidden]
        columns.append(Column(side_name(side), entries, side, _("Nothing yet")))
    return _(category.name), _(category.hint), columns


# -- goals ---------------------------------------------------------------------
def goal_entries(doc: Workshop) -> list[Entry]:
    """The goal breakdown as indented lines; a hidden goal's children take its place."""
    from workshop_app.analysis.breakdown import breakdown

    roots, children, unlinked = breakdown(doc)
    elements = {el.id: el for el in doc.elements}
    lines: list[Entry] = []
    placed: set[str] = set()

    def walk(element_id: str, depth: int) -> None:
        if element_id in placed or element_id not in elements:
            return
        placed.add(element_id)
        el = elements[element_id]
        if not el.hidden:
            lines.append(goal_entry(doc, el, depth))
        for child in children.get(element_id, []):
            walk(child, depth + (0 if el.hidden else 1))

    for root in roots:
        walk(root, 0)
    rest = [g for g in unlinked if g not in placed and not elements[g].hidden]
    if rest:
        lines.append(Entry("", _("Not yet linked to a strategy or shared goal"), group=True))
        for goal_id in rest:
            walk(goal_id, 0)
    return lines


def goal_entry(doc: Workshop, el, depth: int) -> Entry:
    if el.kind == ElementKind.STRATEGY:
        return Entry(el.id, el.title or _("(untitled)"), _("Company strategy"), marker="◆", level=depth)
    target = with_unit(el.target, el.unit, current_language())
    measure = f"{el.metric} → {target}" if el.metric and target else (el.metric or target)
    return Entry(el.id, el.title or _("(untitled)"), _join(side_name(el.side), measure), side=el.side,
                 marker="●" if el.level == GoalLevel.SHARED else "○", level=depth)


def goal_facts(doc: Workshop, element_id: str | None) -> Column | None:
    """The selected goal in full, for the detail card beside the tree (None: nothing to show)."""
    el = doc.element(element_id) if element_id else None
    if el is None or el.hidden or el.kind not in (ElementKind.GOAL, ElementKind.STRATEGY):
        return None
    if el.kind == ElementKind.STRATEGY:
        facts = [(N_("Horizon"), months(el.horizon_months)), (N_("Notes"), el.notes)]
        return Column(el.title or _("(untitled)"), _facts(facts), None)
    owners = ", ".join(doc.participant(o).name for o in el.owners if doc.participant(o))
    baseline = f"{el.baseline} → " if el.baseline else ""
    target = with_unit(baseline + el.target, el.unit, current_language())
    facts = [(N_("Kind"), _join(_(LEVEL_NAMES[el.level]), side_name(el.side))), (N_("Metric"), el.metric),
             (N_("Target"), target), (N_("Horizon"), months(el.horizon_months)), (N_("Due"), format_long_date(el.due_date)),
             (N_("Owners"), owners), (N_("How"), el.how)]
    return Column(el.title or _("(untitled)"), _facts(facts), el.side)


def _facts(pairs: list[tuple[str, str]]) -> list[Entry]:
    return [Entry(f"fact:{label}", value, caption=_(label)) for label, value in pairs if value]


# -- conflicts -----------------------------------------------------------------
def _conflict_entry(view: ConflictView, rank: int | None) -> Entry:
    from workshop_app.ui.widgets.labels import rule_name

    status = _(CONFLICT_STATUS_NAMES[view.status]) if view.taken_up else ""
    detail = _join(status, rule_name(view.rule), view.resolution)
    badge = ngettext("{n} dot", "{n} dots", view.votes).format(n=view.votes) if view.votes else ""
    return Entry(view.id, view.title, detail, marker=f"{rank}." if rank else "◇", badge=badge,
                 done=view.taken_up and is_settled(view))


def conflict_entries(doc: Workshop, views: list[ConflictView]) -> list[Entry]:
    """The room's visible conflicts (declared and taken up) in vote order: rank, title, status, dots."""
    room = [v for v in visible_conflicts(doc, views) if v.taken_up]
    return [_conflict_entry(view, rank) for rank, view in enumerate(room, start=1)]


def finding_entries(doc: Workshop, views: list[ConflictView]) -> list[Entry]:
    """New findings still present, offered for the room to take up (dot voting often decides which)."""
    return [_conflict_entry(v, None) for v in visible_conflicts(doc, views) if v.new_finding and not v.resolved_by_change]


@dataclass(frozen=True)
class VoteResults:
    """The dot-vote chart: (id, title, dots) most first, and how many dots were placed of how many."""

    bars: list[tuple[str, str, int]]
    placed: int
    possible: int


def wall_conflicts(doc: Document, stage: Stage) -> list[ConflictView] | None:
    """The conflicts the wall lists and counts on ``stage`` (the conflicts and "what we agreed"; None on other
    phases), a closed round's dots withheld: the projector and the phones see the same."""
    if stage.phase not in (Phase.CONFLICTS, Phase.WRAPUP):
        return None
    return without_withheld(doc.conflict_views(current_language()), stage.withheld)


def without_withheld(views: list[ConflictView], withheld: tuple[tuple[str, int], ...]) -> list[ConflictView]:
    """The conflicts as the room saw them before the withheld dots were recorded, in that vote order."""
    if not withheld:
        return views
    from dataclasses import replace

    from workshop_app.analysis.conflicts import in_vote_order

    held = dict(withheld)
    return in_vote_order([replace(v, votes=max(0, v.votes - held[v.id])) if v.id in held else v for v in views])


def vote_results(doc: Workshop, views: list[ConflictView]) -> VoteResults:
    voted = [v for v in visible_conflicts(doc, views) if votable(v)]
    bars = sorted(((v.id, shown(v.title), v.votes) for v in voted), key=lambda bar: -bar[2])
    per_person = doc.meta.dots_per_participant
    return VoteResults(bars, sum(v.votes for v in voted), per_person * len(doc.participants))


# -- communication, culture & pilot ----------------------------------------------
def agreement_entry(doc: Workshop, el) -> Entry:
    from workshop_app.ui.widgets.summary import agreement_facts

    return Entry(el.id, el.title or _("(untitled)"), _join(*agreement_facts(doc, el)), marker="§")


def pot_entry(doc: Workshop, el) -> Entry:
    from workshop_app.ui.widgets.summary import pot_facts

    return Entry(el.id, el.title or _("(untitled)"), _join(*pot_facts(doc, el)), side=el.side, marker="€")


def shown_agreements(doc: Workshop) -> list:
    return [el for el in doc.elements if el.kind == ElementKind.AGREEMENT and not el.hidden]


def channel_columns(doc: Workshop) -> list[Column]:
    """Today's channels (with the receivers' rating), and the agreed ones with the agreements beside them."""
    today, agreed = [], []
    for el in doc.elements:
        if el.kind != ElementKind.CHANNEL or el.hidden:
            continue
        route = f"{side_name(el.side)} → {side_name(el.to_side)}"
        if el.origin == Origin.AS_IS:
            useless = el.usefulness is not None and el.usefulness <= doc.analysis.poor_channel_rating
            today.append(Entry(el.id, el.title or _("(untitled)"), _join(route, el.format, el.cadence), side=el.side,
                               badge=rating_stars(el.usefulness), marker="✕" if useless else ""))
        else:
            owner = participant_label(doc, el.owner)
            agreed.append(Entry(el.id, el.title or _("(untitled)"), _join(el.purpose, el.format, el.cadence, owner),
                                side=el.side, marker="✓"))
    promises = shown_agreements(doc)
    if promises:
        if agreed:
            agreed.append(Entry("", _("Agreements"), group=True))
        agreed += [agreement_entry(doc, el) for el in promises]
    return [Column(_("Channels today"), today, None, _("Nothing yet")),
            Column(_("Agreed channels and agreements") if promises else _("Agreed channels"), agreed, None,
                   _("Nothing agreed yet"))]


def belief_columns(doc: Workshop) -> list[Column]:
    columns = []
    for side in SIDES:
        entries = [Entry(el.id, el.title or _("(untitled)"), element_detail(el), side=side) for el in doc.elements
                   if el.kind == ElementKind.BELIEF and el.side == side and not el.hidden]
        columns.append(Column(_("Beliefs in {side}").format(side=side_name(side)), entries, side, _("Nothing yet")))
    return columns


def pilot_column(doc: Workshop) -> Column:
    pilot = doc.pilot
    baseline = f"{pilot.baseline} → " if pilot.baseline else ""
    team = ", ".join(p.name for p in doc.participants if p.id in pilot.team)
    budget = format_money(pilot.budget_amount, pilot.budget_currency)
    weeks = ngettext("{n} week", "{n} weeks", pilot.duration_weeks).format(n=pilot.duration_weeks) \
        if pilot.duration_weeks else ""
    facts = [(N_("Hypothesis"), pilot.hypothesis), (N_("Problem"), pilot.problem),
             (N_("Metric"), _join(pilot.metric, (baseline + pilot.target).strip())), (N_("Team"), team),
             (N_("Duration"), _join(weeks, pilot.start_date and _("from {date}").format(date=format_long_date(pilot.start_date)))),
             (N_("Budget and data"), _join(budget, pilot.data_slice)),
             (N_("Review"), format_long_date(pilot.review_date))]
    return Column(pilot.title.strip() or _("Protected-space pilot"), _facts(facts), None, _("No pilot defined yet."))


# -- wrap-up -------------------------------------------------------------------
def agreement_columns(doc: Workshop, views: list[ConflictView] | None = None) -> list[Column]:
    """What was agreed: decisions, actions, and the shared goals, pots, agreements, channels and settled conflicts.

    The conflicts are counted by ``count_conflicts`` (``views`` is the
    document's analysis; without it the conflicts are left out rather than
    counted another way).
    """
    decisions = [Entry(d.id, d.text or _("(no text)"), _join(d.decided_by, format_long_date(d.date))) for d in doc.decisions]
    actions = [Entry(a.id, a.what or _("(no text)"),
                     _join(participant_label(doc, a.owner) or _("no owner yet"), format_long_date(a.due_date) or _("no date yet")),
                     done=a.status == ActionStatus.DONE, marker="✓" if a.status == ActionStatus.DONE else "")
               for a in doc.actions]
    counts_line, settled = settled_entries(doc, views) if views is not None else (None, [])
    agreed: list[Entry] = [counts_line] if counts_line else []  # first: the room reads it before the list scrolls
    goals = [el for el in doc.elements if el.kind == ElementKind.GOAL and el.level == GoalLevel.SHARED
             and el.origin == Origin.AGREED and not el.hidden]
    if goals:
        agreed.append(Entry("", _("Shared goals"), group=True))
        agreed += [goal_entry(doc, el, 0) for el in goals]
    pots = [el for el in doc.elements if el.kind == ElementKind.BUDGET and el.origin == Origin.AGREED and not el.hidden]
    if pots:
        agreed.append(Entry("", _("Agreed budget pots"), group=True))
        agreed += [pot_entry(doc, el) for el in pots]
    promises = shown_agreements(doc)
    if promises:
        agreed.append(Entry("", _("Agreements"), group=True))
        agreed += [agreement_entry(doc, el) for el in promises]
    channels = [el for el in doc.elements if el.kind == ElementKind.CHANNEL and el.origin == Origin.AGREED and not el.hidden]
    if channels:
        agreed.append(Entry("", _("Agreed channels"), group=True))
        agreed += [Entry(el.id, el.title or _("(untitled)"), _join(el.format, el.cadence), side=el.side, marker="✓")
                   for el in channels]
    agreed += settled
    return [Column(_("Decisions"), decisions, None, _("No decisions yet.")),
            Column(_("Actions"), actions, None, _("No actions yet.")),
            Column(_("What we agreed"), agreed, None, _("Nothing agreed yet"))]


def settled_entries(doc: Workshop, views: list[ConflictView]) -> tuple[Entry | None, list[Entry]]:
    """The counts of every conflict in one line, and the settled conflicts the room may see under a heading."""
    from workshop_app.analysis import count_conflicts, is_settled
    from workshop_app.ui.progress import conflict_count_parts

    counts = count_conflicts(views)
    if not (counts.room or counts.new_findings or counts.set_aside):
        return None, []
    parts = conflict_count_parts(counts)  # the settled share large, parked and the findings below it
    line = Entry("conflict-counts", parts[0], " · ".join(parts[1:]), marker="Σ")
    settled = [v for v in visible_conflicts(doc, views) if v.taken_up and is_settled(v)]
    if not settled:
        return line, []
    return line, [Entry("", _("Conflicts settled"), group=True)] + [
        Entry(v.id, v.title, _join(_(CONFLICT_STATUS_NAMES[v.status]), v.resolution), marker="✓") for v in settled]
