"""The ``doc`` fixture: a workshop on which no rule fires, fresh for each test.

It is the healthy workshop of tests/builders.py, completed for the rules of
file format v2 (a measurable shared goal, a defined agreed channel, a
handover agreement, a yearly Sales bonus on the shared goal so the horizons
meet). Additions are appended, so ``doc.elements[n]`` keeps naming the
builder's elements.
"""

from datetime import date

import pytest

from tests.builders import healthy_workshop, link
from workshop_app.model import Agreement, Incentive, Side, Workshop


def complete(doc: Workshop) -> Workshop:
    shared = doc.element("shared")
    shared.metric, shared.target, shared.how = "qualified pipeline", "EUR 4 m", "one nurture track, weekly handover"
    standup = doc.element("standup")
    standup.purpose, standup.format, standup.cadence, standup.owner = "handover", "meeting", "weekly", "pm"
    doc.elements += [
        Incentive(id="sa-bonus", title="Sales annual bonus", side=Side.SALES, period_months=12),
        Agreement(id="sla", title="Lead handover", parties=[Side.MARKETING, Side.SALES], commitment="48 h follow-up",
                  metric="follow-up rate", owner="ps", review_date=date(2027, 3, 1)),
    ]
    doc.links += [link("r9", "rewards", "sa-bonus", "shared"), link("d9", "depends_on", "shared", "sla")]
    return doc


@pytest.fixture
def doc() -> Workshop:
    return complete(healthy_workshop())
