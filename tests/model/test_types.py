"""The field types hold for assignments too: broken characters, text caps and number bounds."""

import pytest
from pydantic import ValidationError

from workshop_app.model import Budget, Goal, ModelError, Position, UpdateItem, Workshop
from workshop_app.model.types import MAX_LONG_TEXT, MAX_SHORT_TEXT
from workshop_app.model.workshop import AgendaItem, Conflict, Meta, Pilot


@pytest.fixture
def doc() -> Workshop:
    d = Workshop()
    d.elements.append(Goal(id="g-1", title="Leads"))
    d.elements.append(Budget(id="b-1", amount=10))
    return d


def test_a_lone_surrogate_is_refused_on_assignment_and_the_document_still_saves(doc):
    from workshop_app.store import parse_bytes, to_json_bytes

    with pytest.raises(ModelError) as info:
        UpdateItem("elements", "g-1", {"title": "ok", "notes": "pasted \udc80 text"}).apply(doc)
    problem = info.value.problems[0]
    assert problem.message == ("holds a broken character (an unpaired UTF-16 surrogate at position 8), "
                               "probably from a damaged copy and paste")
    assert problem.params == {"position": 8}  # the template and values a catalog translates
    assert doc.element("g-1").title == "Leads"  # rolled back
    with pytest.raises(ValidationError):
        doc.meta.title = "\ud800"
    with pytest.raises(ValidationError):
        Meta(venue="\udfff")
    assert parse_bytes(to_json_bytes(doc)) == doc


def test_text_caps_hold_on_assignment(doc):
    doc.element("g-1").how = "x" * MAX_LONG_TEXT
    with pytest.raises(ModelError, match="is too long \\(at most 1000000 characters\\)"):
        UpdateItem("elements", "g-1", {"how": "x" * (MAX_LONG_TEXT + 1)}).apply(doc)
    with pytest.raises(ModelError, match="at most 10000 characters"):
        UpdateItem("meta", None, {"title": "x" * (MAX_SHORT_TEXT + 1)}).apply(doc)
    assert doc.meta.title == ""


@pytest.mark.parametrize(
    ("make", "field", "top"),
    [
        (lambda: Goal(id="g"), "horizon_months", 1200),
        (lambda: Budget(id="b"), "amount", 10**15),
        (lambda: Budget(id="b"), "period_months", 1200),
        (lambda: Pilot(), "duration_weeks", 5200),
        (lambda: Pilot(), "budget_amount", 10**15),
        (lambda: AgendaItem(phase="setup"), "timebox_minutes", 7 * 24 * 60),
        (lambda: AgendaItem(phase="setup"), "actual_minutes", 7 * 24 * 60),
        (lambda: Conflict(id="c"), "tally", 10**6),
        (lambda: Meta(), "dots_per_participant", 10**6),
        (lambda: Position(x=0, y=0), "x", 100_000),
    ],
)
def test_number_bounds_hold_on_assignment(make, field, top):
    obj = make()
    setattr(obj, field, top)
    assert getattr(obj, field) == top
    for bad in (top + 1, float("inf"), True):
        with pytest.raises(ValidationError):
            setattr(obj, field, bad)
    assert getattr(obj, field) == top


def test_a_refused_number_names_its_bound_in_a_translatable_message(doc):
    with pytest.raises(ModelError) as info:
        UpdateItem("elements", "b-1", {"amount": 1e16}).apply(doc)
    problem = info.value.problems[0]
    assert problem.template == "must be a number from 0 to {max}" and problem.params == {"max": 10**15}
    german = {"must be a number from 0 to {max}": "muss eine Zahl von 0 bis {max} sein"}
    assert info.value.translated(lambda s: german.get(s, s)) == f"muss eine Zahl von 0 bis {10**15} sein"
    assert doc.element("b-1").amount == 10


def test_control_characters_are_text_like_any_other(doc):
    UpdateItem("elements", "g-1", {"title": "a\x00b\x1bc\x7f"}).apply(doc)
    assert doc.element("g-1").title == "a\x00b\x1bc\x7f"
