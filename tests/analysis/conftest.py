"""A small, healthy workshop: no rule fires on it, so each test breaks exactly one thing.

Test modules cannot import this file (pytest runs with ``--import-mode=importlib``),
so they get the workshop through the ``doc`` fixture and define their own ``link``.
"""

import pytest

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


def link(link_id: str, kind: str, source: str, target: str, reason: str = "") -> Link:
    return Link(id=link_id, kind=LinkKind(kind), source=source, target=target, reason=reason)


def healthy_workshop() -> Workshop:
    """Strategy ← shared goal ← one goal per side; incentives, one joint pot, one agreed channel."""
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


@pytest.fixture
def doc() -> Workshop:
    return healthy_workshop()
