"""ChoiceField keeps its entries in step with the document without refilling on every refresh."""

from __future__ import annotations

from workshop_app.ui.widgets.fields import ChoiceField


def entries(field: ChoiceField) -> list[tuple[object, str]]:
    return [(field.itemData(i), field.itemText(i)) for i in range(field.count())]


def test_set_choices_relabels_refills_and_keeps_the_current_value(qtbot):
    field = ChoiceField()
    qtbot.addWidget(field)
    field.set_choices([("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")])
    field.set_value("b")
    assert entries(field) == [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")]

    field.set_choices([("a", "Alpha"), ("b", "Beta renamed"), ("c", "Gamma")])  # a title edited
    assert entries(field) == [("a", "Alpha"), ("b", "Beta renamed"), ("c", "Gamma")]
    assert field.value() == "b"

    field.set_choices([("c", "Gamma"), ("b", "Beta renamed")])  # one removed, order changed
    assert entries(field) == [("c", "Gamma"), ("b", "Beta renamed")]
    assert field.value() == "b"

    field.set_choices([("c", "Gamma")])  # the current one removed
    assert entries(field) == [("c", "Gamma")] and field.value() is None


def test_set_choices_notices_entries_changed_behind_its_back(qtbot):
    field = ChoiceField()
    qtbot.addWidget(field)
    field.set_choices([("a", "Alpha"), ("b", "Beta")])
    field.addItem("Extra", "x")  # not through set_choices
    field.set_choices([("a", "Alpha"), ("b", "Beta")])
    assert entries(field) == [("a", "Alpha"), ("b", "Beta")]
