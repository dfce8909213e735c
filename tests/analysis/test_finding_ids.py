"""Finding ids are the keys of the room's records: stable, valid, independent of order and language."""

import random
import re

from tests.builders import link
from workshop_app.analysis import find_conflicts, finding_id
from workshop_app.model import Channel, Goal, Incentive, Origin, Side, Workshop


def broken(doc: Workshop) -> Workshop:
    """Several rules at once: silo goal, misaligned and short-period incentive, conflict, useless channel."""
    doc.elements += [Goal(id="wp", title="Whitepaper", side=Side.SALES, horizon_months=24),
                     Channel(id="deck", side=Side.MARKETING, to_side=Side.SALES, usefulness=0)]
    doc.links += [link("r3", "rewards", "sa-inc", "wp"),
                  link("x1", "conflicts_with", "mk-goal", "sa-goal", "A vs B")]
    doc.elements[7].origin = Origin.AS_IS
    return doc


def test_ids_are_the_same_after_re_analysis(doc):
    doc = broken(doc)
    first = [f.id for f in find_conflicts(doc)]
    assert first == [f.id for f in find_conflicts(doc)]
    assert "rule-short-incentive-period:sales" in first
    assert "rule-silo-goal:wp" in first


def test_ids_and_order_do_not_depend_on_the_order_of_elements_or_links(doc):
    doc = broken(doc)
    expected = [(f.id, f.element_ids) for f in find_conflicts(doc) if not f.declared]
    shuffled = doc.model_copy(deep=True)
    rng = random.Random(7)
    rng.shuffle(shuffled.elements)
    rng.shuffle(shuffled.links)
    assert [(f.id, f.element_ids) for f in find_conflicts(shuffled) if not f.declared] == expected


def test_ids_do_not_depend_on_titles_or_language(doc):
    doc = broken(doc)
    ids = [f.id for f in find_conflicts(doc)]
    doc.elements[2].title = "Renamed"
    assert [f.id for f in find_conflicts(doc, lang="de")] == ids


def test_long_ids_are_hashed_to_a_valid_model_id():
    long_a, long_b = "goal-" + "a" * 55, "incentive-" + "b" * 50
    plain = finding_id("short-incentive-period", ["x", "y"])
    assert plain == "rule-short-incentive-period:x:y"
    hashed = finding_id("short-incentive-period", [long_b, long_a])
    assert len(hashed) <= 64 and re.match(r"^[A-Za-z0-9_.:-]+$", hashed)
    assert hashed == finding_id("short-incentive-period", [long_a, long_b])
    assert hashed != finding_id("short-incentive-period", [long_a, long_b + "c"])
    assert hashed.startswith("rule-short-incentive-period:")


def test_findings_with_long_element_ids_still_make_valid_records():
    from workshop_app.analysis import record_operation

    inc, goal = "incentive-" + "i" * 54, "goal-" + "g" * 59
    doc = Workshop(elements=[Incentive(id=inc, side=Side.SALES, period_months=1),
                             Goal(id=goal, side=Side.SALES, horizon_months=12)],
                   links=[link("r", "rewards", inc, goal)])
    record_operation(doc).apply(doc)  # pydantic validates every record id
    assert {c.id for c in doc.conflicts} == {f.id for f in find_conflicts(doc)}
