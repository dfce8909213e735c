"""What a newcomer tripped over: the message bar, the F1 reference, empty details, a new date, the Horizons count."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import type_into
from workshop_app.model import Phase


def _settle() -> None:
    for _round in range(3):
        QApplication.processEvents()


def _top(window, widget) -> int:
    return widget.mapTo(window, widget.rect().topLeft()).y()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_message_bar_pushes_the_page_down_by_its_height(window, qtbot, size):
    from workshop_app.store.demo import load_demo

    window.set_workshop(load_demo("de"), None)
    window.resize(*size)
    for phase in Phase:
        window.go_to_phase(phase)
        _settle()
        page = window.stack.currentWidget()
        before = _top(window, page)
        window.message_bar.show_refusal("The date must be a day of the calendar.")
        _settle()
        bar = window.message_bar
        assert bar.isVisible()
        assert _top(window, page) >= before + bar.height(), phase
        assert bar.geometry().bottom() < window.stack.geometry().top(), phase  # above the page, not over it
        bar.dismiss()
        _settle()
        assert _top(window, page) == before


def test_the_keyboard_reference_shows_its_last_line(window, qtbot):
    from workshop_app.ui.window.help import ShortcutsDialog

    window.move(1400, 20)  # the tall screen: the whole reference fits
    window.zoom_in()
    window.zoom_in()
    _settle()
    dialog = ShortcutsDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle()
    text = dialog.text
    assert not text.verticalScrollBar().isVisible()
    assert text.document().size().height() <= text.viewport().height()
    dialog.close()


def test_the_keyboard_reference_scrolls_to_its_last_line_on_a_small_screen(window, qtbot):
    from workshop_app.ui.window.help import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle()
    assert dialog.height() <= window.screen().availableGeometry().height()
    bar = dialog.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() + dialog.text.viewport().height() >= dialog.text.document().size().height()
    dialog.close()


@pytest.mark.parametrize("phase", [Phase.INVENTORY, Phase.GOALS, Phase.COMMUNICATION, Phase.CULTURE_PILOT])
def test_an_empty_details_panel_has_no_scrollbar(window, qtbot, phase):
    from workshop_app.store.demo import load_demo

    window.set_workshop(load_demo("de"), None)
    window.resize(1366, 768)
    window.go_to_phase(phase)
    page = window.page(phase)
    page.details.set_item(None)
    _settle()
    scroll = page.details.parentWidget().parentWidget()
    assert not scroll.verticalScrollBar().isVisible()
    assert not scroll.horizontalScrollBar().isVisible()


def test_a_new_workshop_is_dated_today(window, qtbot):
    window.new_workshop()
    assert window.doc.workshop.meta.date == date.today()
    assert window.doc.undo_stack.isClean()  # nothing to save yet


def test_a_file_without_a_date_stays_without_one(window, qtbot):
    from workshop_app.ui.document import blank_workshop

    window.set_workshop(blank_workshop(), None)
    assert window.doc.workshop.meta.date is None


def test_adding_a_goal_does_not_count_a_horizon_until_one_is_set(window, qtbot):
    from workshop_app.ui.widgets.categories import CATEGORIES

    window.go_to_phase(Phase.INVENTORY)
    page = window.page(Phase.INVENTORY)
    tabs = page.tabs
    horizons = next(i for i, c in enumerate(CATEGORIES) if c.key == "horizons")
    goals = next(i for i, c in enumerate(CATEGORIES) if c.key == "goals")
    tabs.setCurrentIndex(goals)
    _settle()
    table = page.table(page.category.sides[0])
    type_into(qtbot, table.add_edit, "Brand awareness 40 %")
    _settle()
    assert tabs.tabText(goals).endswith("1")
    assert tabs.tabText(horizons) == "Horizons"  # nothing set yet: no count
    assert "horizon" in tabs.tabToolTip(horizons)  # the tooltip says what the number counts
    goal = next(el for el in window.doc.workshop.elements if el.title == "Brand awareness 40 %")
    from workshop_app.model.operations import UpdateItem

    window.doc.push(UpdateItem("elements", goal.id, {"horizon_months": 24}))
    _settle()
    assert tabs.tabText(horizons).endswith("1")
    assert "1 horizon or period set" in tabs.tabToolTip(horizons)
