"""The audience window on the second screen: it mirrors the facilitator, blanks, freezes, and keeps hidden entries off the wall.

The session runs with two offscreen screens (tests/ui/conftest.py): a 1280×720
"laptop" where the main window lives and a 1920×1080 "projector".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import ensure_active, press, type_into
from workshop_app.model import Phase, Side, UpdateItem
from workshop_app.store.demo import load_demo
from workshop_app.ui.features import graph_available
from workshop_app.ui.projector.presentation import SCREEN_KEY

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def demo(window):
    window.set_workshop(load_demo("en"), None)
    return window


def open_audience(qtbot, window):
    press(qtbot, window, Key.Key_F5, Mod.ShiftModifier)
    audience = window.presenter.audience
    assert audience is not None
    qtbot.waitUntil(audience.isVisible, timeout=3000)
    ensure_active(qtbot, window)
    return audience


def settle(qtbot):
    qtbot.wait(80)  # the audience refreshes a moment after an edit (edits coalesce)


def focus_navigator(qtbot, window) -> None:
    """Somewhere a typed letter means nothing, so B, F and R reach the projector."""
    ensure_active(qtbot, window)
    window.navigator.setFocus()
    qtbot.waitUntil(window.navigator.hasFocus, timeout=2000)


def test_the_session_has_a_laptop_and_a_projector_screen(qapp):
    assert [s.name() for s in QApplication.screens()] == ["laptop", "projector"]
    assert QApplication.primaryScreen().name() == "laptop"


def test_the_audience_window_opens_full_screen_on_the_other_screen(qtbot, window):
    assert window.screen().name() == "laptop"
    audience = open_audience(qtbot, window)
    projector = QApplication.screens()[1]
    assert audience.screen() is projector
    assert audience.isFullScreen() and audience.geometry() == projector.geometry()
    assert window.presenter.actions.audience.isChecked()
    assert window.isActiveWindow()  # the keyboard stays with the facilitator
    assert window.settings.value(SCREEN_KEY) == "projector"  # remembered for next time
    assert window.presenter.status.text() == "Projector: live"
    # read-only: no input widgets on the wall
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit

    assert not audience.findChildren(QLineEdit) and not audience.findChildren(QAbstractButton)
    assert not audience.findChildren(QAbstractItemView)
    press(qtbot, window, Key.Key_F5, Mod.ShiftModifier)
    assert not audience.isVisible() and not window.presenter.actions.audience.isChecked()


def test_the_audience_follows_the_phase_the_category_and_the_selection(qtbot, demo):
    window = demo
    audience = open_audience(qtbot, window)
    view = audience.view
    assert view.stage.phase == Phase(window.current_phase)

    press(qtbot, window, Key.Key_4, Mod.ControlModifier)  # Conflicts
    settle(qtbot)
    assert view.stage.phase == Phase.CONFLICTS
    assert view.header.data.title == "Conflicts" and view.header.data.number == 4
    page = window.page(Phase.CONFLICTS)
    second = page.table.model.ids[1]
    page.table.select_id(second)
    settle(qtbot)
    conflicts = view.current_view()
    assert view.stage.selected == second and conflicts.list.selected == second
    assert second in conflicts.list.shown_ids()
    if graph_available():
        assert conflicts.graph.highlight == second

    press(qtbot, window, Key.Key_2, Mod.ControlModifier)  # Inventory
    inventory = window.page(Phase.INVENTORY)
    inventory.set_category("incentives")
    settle(qtbot)
    assert view.stage.phase == Phase.INVENTORY and view.stage.category == "incentives"
    shown = view.current_view()
    expected = {el.id for el in window.doc.workshop.elements if el.kind == "incentive" and el.side in (Side.MARKETING, Side.SALES)}
    assert shown.shown_ids() == expected
    sales = inventory.table(Side.SALES)
    sales.select_id(sales.model.ids[-1])
    settle(qtbot)
    assert view.stage.selected == sales.model.ids[-1]
    assert shown.sides[1].selected == sales.model.ids[-1]

    press(qtbot, window, Key.Key_3, Mod.ControlModifier)  # Goals: the selected goal in full beside the tree
    goals = window.page(Phase.GOALS)
    goal_id = goals.tree.current_id()
    settle(qtbot)
    tree_view = view.current_view()
    assert tree_view.tree.selected == goal_id and tree_view.facts.isVisible()
    assert tree_view.facts.column.title == window.doc.workshop.element(goal_id).title


def test_blank_and_freeze_and_letters_typed_into_a_field_stay_letters(qtbot, window):
    audience = open_audience(qtbot, window)
    view = audience.view
    title = window.page(Phase.SETUP).meta_form.editors["title"]
    type_into(qtbot, title, "Budget Freeze Review")  # B, F and R typed into a field are text
    assert window.doc.workshop.meta.title == "Budget Freeze Review"
    assert view.showing() == "live"

    # nor into a list cell that starts editing when typed into
    window.go_to_phase(Phase.INVENTORY)
    table = window.page(Phase.INVENTORY).table(Side.MARKETING)
    table.view.setFocus()
    type_into(qtbot, table.add_edit, "Brand reach")
    table.select_id(table.model.ids[0])
    table.view.setFocus()
    press(qtbot, window, Key.Key_B)
    assert view.showing() == "live" and table.view.state() == table.view.State.EditingState
    press(qtbot, window, Key.Key_Escape)

    focus_navigator(qtbot, window)
    press(qtbot, window, Key.Key_B)
    assert view.showing() == "blank" and view.layers.currentWidget() is view.blank_layer
    assert window.presenter.status.text() == "Projector: BLANK"
    press(qtbot, window, Key.Key_B)
    assert view.showing() == "live"

    press(qtbot, window, Key.Key_F)
    assert view.showing() == "frozen" and not view.frozen_layer.pixmap().isNull()
    assert window.presenter.status.text() == "Projector: FROZEN"
    window.go_to_phase(Phase.GOALS)
    settle(qtbot)
    assert view.stage.phase == Phase.GOALS  # it knows where the facilitator is …
    assert view.current_view().phase == Phase.INVENTORY  # … but the room still sees the frozen picture
    assert view.layers.currentWidget() is view.frozen_layer
    focus_navigator(qtbot, window)
    press(qtbot, window, Key.Key_F)
    settle(qtbot)
    assert view.showing() == "live" and view.current_view().phase == Phase.GOALS


def test_hidden_inventory_entries_appear_only_when_revealed(qtbot, demo):
    window = demo
    audience = open_audience(qtbot, window)
    press(qtbot, window, Key.Key_2, Mod.ControlModifier)
    page = window.page(Phase.INVENTORY)
    table = page.table(Side.MARKETING)
    first = table.model.ids[0]
    table.select_id(first)
    table.view.setFocus()
    steps = window.doc.undo_stack.count()
    press(qtbot, window, Key.Key_H, Mod.ControlModifier)
    settle(qtbot)
    assert window.doc.workshop.element(first).hidden
    assert window.doc.undo_stack.count() == steps + 1
    inventory = audience.view.current_view()
    assert first not in inventory.shown_ids()
    # the facilitator still sees it, greyed with the eye-slash mark
    index = table.model.index(0, 0)
    assert table.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert "Hidden from the audience" in table.model.data(index, Qt.ItemDataRole.ToolTipRole)

    window.presenter.actions.hide_all.trigger()  # prepare the whole category: one step
    settle(qtbot)
    category = [i for side in (Side.MARKETING, Side.SALES) for i in page.table(side).model.ids]
    assert all(window.doc.workshop.element(i).hidden for i in category)
    assert inventory.shown_ids() == set()

    focus_navigator(qtbot, window)
    press(qtbot, window, Key.Key_R)  # the selected entry first
    settle(qtbot)
    assert inventory.shown_ids() == {first}
    press(qtbot, window, Key.Key_R)  # then the next hidden one in reading order
    settle(qtbot)
    assert inventory.shown_ids() == {first, table.model.ids[1]}

    steps = window.doc.undo_stack.count()
    press(qtbot, window, Key.Key_R, Mod.ShiftModifier)  # all at once, as one command
    settle(qtbot)
    assert inventory.shown_ids() == set(category)
    assert window.doc.undo_stack.count() == steps + 1
    window.undo()
    settle(qtbot)
    assert inventory.shown_ids() == {first, table.model.ids[1]}


def test_hidden_conflicts_and_elements_stay_off_the_list_and_the_graph(qtbot, demo):
    window = demo
    audience = open_audience(qtbot, window)
    press(qtbot, window, Key.Key_4, Mod.ControlModifier)
    page = window.page(Phase.CONFLICTS)
    detected = next(v for v in page.views if v.record is None)
    page.show_conflict(detected.id)  # a new finding: the room sees those too, offered to take up
    steps, records = window.doc.undo_stack.count(), len(window.doc.workshop.conflicts)
    press(qtbot, window, Key.Key_H, Mod.ControlModifier)
    settle(qtbot)
    record = next(c for c in window.doc.workshop.conflicts if c.id == detected.id)
    assert record.hidden and len(window.doc.workshop.conflicts) == records + 1
    assert window.doc.undo_stack.count() == steps + 1  # record and hiding are one step
    view = audience.view.current_view()
    assert detected.id not in view.shown_ids()
    if graph_available():
        assert detected.id not in {v.id for v in view.graph.visible_views}
    window.undo()
    settle(qtbot)
    assert all(c.id != detected.id for c in window.doc.workshop.conflicts)
    assert detected.id in view.shown_ids()

    # hiding an element hides every conflict that names it, on the list and in the graph
    top = page.views[0]
    element_id = top.element_ids[0]
    window.doc.push(UpdateItem("elements", element_id, {"hidden": True}), "hide")
    settle(qtbot)
    assert top.id not in view.shown_ids()
    page.show_conflict(top.id)
    row = page.table.model.row_of(top.id)
    assert page.table.model.data(page.table.model.index(row, 1), Qt.ItemDataRole.DecorationRole) is None
    assert page.table.model.data(page.table.model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None
    if graph_available():
        view.graph.refresh()
        assert element_id not in view.graph.drawn.ids
    # revealing the conflict reveals the entries it names
    page.table.select_id(top.id)
    focus_navigator(qtbot, window)
    press(qtbot, window, Key.Key_R)
    settle(qtbot)
    assert not window.doc.workshop.element(element_id).hidden
    assert top.id in view.shown_ids()


def test_unplugging_the_projector_closes_the_audience_window(qtbot, window, monkeypatch):
    from workshop_app.ui.projector import presentation

    audience = open_audience(qtbot, window)
    laptop = QApplication.primaryScreen()
    monkeypatch.setattr(presentation, "available_screens", lambda: [laptop])
    window.presenter._screens_changed()  # what QGuiApplication.screenRemoved triggers
    assert not audience.isVisible() and not window.presenter.actions.audience.isChecked()
    assert not window.presenter.actions.audience.isEnabled()
    assert "disconnected" in window.statusBar().currentMessage()
    assert not window.presenter.status.isVisible()


def test_the_wall_shows_a_goal_target_with_its_unit():
    from workshop_app.model import Goal
    from workshop_app.ui.projector.audience_content import element_detail

    goal = Goal(id="g", title="Brand awareness", metric="aided awareness", target="30", unit="%", horizon_months=24)
    assert "target\u00a030%" in element_detail(goal)  # "together": never broken at a line end
