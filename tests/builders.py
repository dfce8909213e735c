"""One set of builders for every test package and the benchmark generator.

Small, hand-made workshops whose every element a test can name, and the
``link()`` shorthand. Import as ``from tests.builders import …`` (the
checkout's root is on the path for pytest and for ``python -m benchmarks``).
"""

from __future__ import annotations

from datetime import date

from workshop_app.model import (
    ActionItem,
    Agreement,
    AgreementType,
    Budget,
    Channel,
    Conflict,
    ConflictStatus,
    Decision,
    Goal,
    GoalLevel,
    Incentive,
    Link,
    LinkKind,
    Origin,
    Participant,
    Pilot,
    Side,
    Strategy,
    Triage,
    Workshop,
)


def link(link_id: str, kind: str | LinkKind, source: str, target: str, reason: str = "") -> Link:
    """A link of ``kind`` (its stored value or the enum) from ``source`` to ``target``."""
    return Link(id=link_id, kind=LinkKind(kind), source=source, target=target, reason=reason)


def healthy_workshop() -> Workshop:
    """No rule fires on it, so each test breaks exactly one thing. Strategy ← shared goal ← one goal per side; incentives, one joint pot, one agreed channel."""
    return Workshop(
        participants=[Participant(id="pm", name="Mia", side=Side.MARKETING),
                      Participant(id="ps", name="Sam", side=Side.SALES)],
        elements=[
            Strategy(id="strat", title="Grow profitably", horizon_months=36),
            Goal(id="shared", title="Double the pipeline", level=GoalLevel.SHARED, horizon_months=12,
                 owners=["pm", "ps"]),
            Goal(id="mk-goal", title="Qualified leads", side=Side.MARKETING, horizon_months=12),
            Goal(id="sa-goal", title="Follow up in 48 h", side=Side.SALES, horizon_months=6),
            Incentive(id="mk-inc", title="Campaign bonus", side=Side.MARKETING, period_months=12),
            Incentive(id="sa-inc", title="Lead commission", side=Side.SALES, period_months=3),
            Budget(id="pot", title="Joint pot", amount=50000),
            Channel(id="standup", title="Weekly stand-up", side=Side.JOINT, to_side=Side.JOINT,
                    origin=Origin.AGREED, usefulness=4),
        ],
        links=[
            link("c1", "contributes_to", "shared", "strat"),
            link("c2", "contributes_to", "mk-goal", "shared"),
            link("c3", "contributes_to", "sa-goal", "shared"),
            link("r1", "rewards", "mk-inc", "mk-goal"),
            link("r2", "rewards", "sa-inc", "sa-goal"),
            link("f1", "funds", "pot", "shared"),
        ],
    )


def small_workshop(with_links: bool = False) -> Workshop:
    """A few participants and elements from both sides, enough for page tests.

    ``with_links``: the shared goal serves the strategy and the commission rewards the quarterly revenue.
    """
    doc = Workshop()
    doc.meta.title = "Spring workshop"
    doc.participants += [
        Participant(id="p-anna", name="Anna Berg", side=Side.MARKETING, role="Head of Marketing"),
        Participant(id="p-ben", name="Ben Cole", side=Side.SALES, role="Sales Director"),
    ]
    doc.elements += [
        Strategy(id="s-grow", title="Grow profitably", origin=Origin.AGREED),
        Goal(id="g-brand", title="Brand awareness", side=Side.MARKETING, metric="aided awareness", horizon_months=24),
        Goal(id="g-revenue", title="Quarterly revenue", side=Side.SALES, horizon_months=3),
        Goal(id="g-shared", title="Double the pipeline", side=Side.JOINT, level=GoalLevel.SHARED, origin=Origin.AGREED),
        Incentive(id="i-commission", title="Lead commission", side=Side.SALES, period_months=3),
    ]
    if with_links:
        doc.links += [link("l-1", LinkKind.CONTRIBUTES_TO, "g-shared", "s-grow"),
                      link("l-2", LinkKind.REWARDS, "i-commission", "g-revenue")]
    return doc


def titled_workshop(title: str = "Kick-off") -> Workshop:
    """A workshop with a title and one goal ("Leads", id ``g-1``): enough for files, saving and recovery."""
    doc = Workshop()
    doc.meta.title = title
    doc.elements.append(Goal(id="g-1", title="Leads"))
    return doc


def agreed_workshop() -> Workshop:
    """A workshop at its end, for the minutes: what was agreed, and every kind of conflict record.

    On top of :func:`healthy_workshop`: a second shared goal with figures (the first keeps a unit
    but no figures, so nothing may print "→ €/quarter"); a pot formed from both sides' budgets,
    starting later; a lead-definition agreement; an agreed channel that replaces the deck; an agreed
    incentive; a pilot with a baseline but no target. Conflicts: a declared one, resolved, with a
    decision and an action linked; the short-period finding taken up and balanced; the silo taken up
    and parked; the unmeasurable shared goal set aside with a reason; the rest left new.
    """
    doc = healthy_workshop()
    doc.meta.title = "Closing the gap"
    doc.meta.date = date(2026, 3, 12)
    doc.participants.append(Participant(id="pc", name="Chris", side=Side.JOINT, role="CEO"))
    doc.elements[1].unit = "€/quarter"  # "Double the pipeline": a unit, no baseline or target
    doc.elements += [
        Goal(id="winrate", title="Raise the win rate", level=GoalLevel.SHARED, origin=Origin.AGREED, metric="win rate",
             baseline="18", target="35", unit="%", horizon_months=18, owners=["pm", "ps"]),
        Goal(id="silo", title="Trade-fair contacts", side=Side.SALES),
        Budget(id="mk-budget", title="Campaign budget", side=Side.MARKETING, amount=80000),
        Budget(id="sa-budget", title="Events budget", side=Side.SALES, amount=40000),
        Budget(id="one-pot", title="One pot for pipeline", origin=Origin.AGREED, amount=120000,
               start_date=date(2026, 4, 1), period_months=12),
        Agreement(id="sql", title="Qualified lead", agreement_type=AgreementType.DEFINITION,
                  parties=[Side.MARKETING, Side.SALES], commitment="A lead with budget and need counts as qualified",
                  within="48 h", metric="accepted leads", owner="ps", review_date=date(2026, 6, 30)),
        Channel(id="deck", title="Strategy deck by email", side=Side.MARKETING, to_side=Side.SALES, usefulness=1),
        Channel(id="brief", title="One-page brief", side=Side.MARKETING, to_side=Side.SALES, origin=Origin.AGREED,
                purpose="What each campaign wants", format="one page", cadence="per campaign", owner="pm"),
        Incentive(id="joint-bonus", title="Joint pipeline bonus", origin=Origin.AGREED, period_months=12),
    ]
    doc.links += [
        link("p1", "pools", "mk-budget", "one-pot"),
        link("p2", "pools", "sa-budget", "one-pot"),
        link("f2", "funds", "one-pot", "winrate"),
        link("c5", "contributes_to", "winrate", "strat"),
        link("rp1", "replaces", "brief", "deck"),
        link("x1", "conflicts_with", "mk-goal", "sa-goal", reason="Leads counted twice"),
    ]
    doc.decisions = [Decision(id="d1", text="One pot from April", decided_by="Chris", date=date(2026, 3, 12)),
                     Decision(id="d2", text="Lead definition applies from May")]
    doc.actions = [ActionItem(id="a1", what="Set up the pot in controlling", owner="pc", due_date=date(2026, 3, 31)),
                   ActionItem(id="a2", what="Write the lead definition into the CRM", owner="ps",
                              due_date=date(2026, 4, 15))]
    doc.conflicts = [
        Conflict(id="k-declared", link_id="x1", element_ids=["mk-goal", "sa-goal"], status=ConflictStatus.RESOLVED,
                 resolution="Leads are counted once, at handover", decision_ids=["d2"], action_ids=["a2"]),
        Conflict(id="rule-short-incentive-period:sales", rule="short-incentive-period", element_ids=["sa-inc"],
                 triage=Triage.TAKEN_UP, status=ConflictStatus.BALANCED, resolution="Half of the commission paid yearly",
                 decision_ids=["d1"]),
        Conflict(id="rule-silo-goal:silo", rule="silo-goal", element_ids=["silo"], triage=Triage.TAKEN_UP,
                 status=ConflictStatus.PARKED, resolution="Back in the autumn"),
        Conflict(id="rule-shared-goal-incomplete:shared", rule="shared-goal-incomplete", element_ids=["shared"],
                 triage=Triage.SET_ASIDE, set_aside_reason="The pipeline is measured in the CRM already"),
    ]
    doc.pilot = Pilot(title="Nurture first", team=["pm", "ps"], problem="Leads reach sales too early",
                      hypothesis="Closed deals rise when leads pass a nurturing track first", metric="win rate",
                      baseline="30", start_date=date(2026, 4, 13), review_date=date(2026, 7, 9), duration_weeks=12)
    return doc
