"""One set of builders for every test package and the benchmark generator.

Small, hand-made workshops whose every element a test can name, and the
``link()`` shorthand. Import as ``from tests.builders import …`` (the
checkout's root is on the path for pytest and for ``python -m benchmarks``).
"""

from __future__ import annotations

from workshop_app.model import (
    Budget,
    Channel,
    Goal,
    GoalLevel,
    Incentive,
    Link,
    LinkKind,
    Origin,
    Participant,
    Side,
    Strategy,
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
