"""Presentation mode on the laptop's own screen: F5, large type, no editing chrome, keys, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import ensure_active, press
from workshop_app.model import Phase, Side
from workshop_app.store.demo import load_demo
from workshop_app.ui.projector import presentation
from workshop_app.ui.projector.audience_views import ConflictsView
from workshop_app.ui.projector.entry_list import EntryList
from workshop_app.ui.widgets.style import DEFAULT_POINT_SIZE
from workshop_app.ui.widgets.theme import DEFAULT_SCALE
from workshop_app.ui.window.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def demo(window):
    window.set_workshop(load_demo("en"), None)
    return window


def present(qtbot, window):
    press(qtbot, window, Key.Key_F5)
    surface = window.presenter.surface
    qtbot.waitUntil(lambda: surface.isVisible() and surface.hasFocus(), timeout=3000)
    return surface


def key(qtbot, surface, k, modifiers=Mod.NoModifier):
    qtbot.keyClick(surface, k, modifiers)
    qtbot.wait(60)


def test_f5_presents_full_screen_in_large_type_and_esc_brings_the_editor_back(qtbot, window):
    editor = window.centralWidget()
    surface = present(qtbot, window)
    assert window.isFullScreen() and window.presenter.actions.present.isChecked()
    assert window.centralWidget() is surface
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not window.navigator.isVisible() and not window.stack.isVisible()  # no editing chrome
    assert surface.font().pointSizeF() == pytest.approx(DEFAULT_POINT_SIZE * DEFAULT_SCALE)  # about 1.6×
    header = surface.header.data
    assert header.title == "Setup" and header.number == 1 and header.count == len(Phase)
    assert header.clock and "left of" in header.caption and header.progress  # timebox and progress
    assert surface.views[Phase.SETUP].isVisible()

    key(qtbot, surface, Key.Key_Escape)
    assert window.centralWidget() is editor and not window.isFullScreen()
    assert window.menuBar().isVisible() and window.statusBar().isVisible() and window.navigator.isVisible()
    assert not window.presenter.actions.present.isChecked()
    press(qtbot, window, Key.Key_F5)  # and again: the same surface, on the same screen
    assert window.centralWidget() is surface and window.screen().name() == "laptop"
    press(qtbot, window, Key.Key_F5)
    assert window.centralWidget() is editor


def test_type_scale_is_adjustable_and_remembered(qtbot, window):
    surface = present(qtbot, window)
    key(qtbot, surface, Key.Key_Plus, Mod.ControlModifier)
    assert window.presenter.scale == pytest.approx(1.8)
    assert surface.font().pointSizeF() == pytest.approx(DEFAULT_POINT_SIZE * 1.8)
    lists = [w for w in surface.findChildren(EntryList) if w.isVisible()]
    assert lists and all(w.font().pointSizeF() == pytest.approx(DEFAULT_POINT_SIZE * 1.8) for w in lists)
    fresh = MainWindow(window.settings)
    assert window.zoom_index == fresh.zoom_index  # the editor's zoom is untouched
    fresh.deleteLater()
    key(qtbot, surface, Key.Key_Minus, Mod.ControlModifier)
    key(qtbot, surface, Key.Key_Minus, Mod.ControlModifier)
    assert window.presenter.scale == pytest.approx(1.4)
    again = MainWindow(window.settings)
    assert again.presenter.scale == pytest.approx(1.4)  # remembered
    key(qtbot, surface, Key.Key_0, Mod.ControlModifier)
    assert window.presenter.scale == pytest.approx(DEFAULT_SCALE)
    key(qtbot, surface, Key.Key_Escape)
    assert window.commands.zoom_in.isEnabled()
    again.close()
    again.deleteLater()


def test_keys_in_presentation_mode_move_the_selection_the_room_follows(qtbot, demo):
    window = demo
    surface = present(qtbot, window)
    key(qtbot, surface, Key.Key_1, Mod.ControlModifier)
    key(qtbot, surface, Key.Key_PageDown)  # a clicker's "next"
    assert window.current_phase == Phase.INVENTORY and surface.stage.phase == Phase.INVENTORY
    page = window.page(Phase.INVENTORY)
    marketing, sales = page.table(Side.MARKETING), page.table(Side.SALES)
    marketing.select_id(marketing.model.ids[0])
    key(qtbot, surface, Key.Key_Down)
    assert marketing.current_id() == marketing.model.ids[1] == surface.stage.selected
    key(qtbot, surface, Key.Key_Right)
    assert surface.stage.selected in sales.model.ids
    assert surface.views[Phase.INVENTORY].sides[1].selected == surface.stage.selected
    key(qtbot, surface, Key.Key_Tab)
    assert surface.stage.category == "incentives"

    key(qtbot, surface, Key.Key_4, Mod.ControlModifier)
    assert window.current_phase == Phase.CONFLICTS
    conflicts = window.page(Phase.CONFLICTS)
    selected = conflicts.table.current_id()
    before = conflicts.current().votes
    key(qtbot, surface, Key.Key_Up, Mod.ControlModifier)  # one dot more, live
    assert conflicts._by_id[selected].votes == before + 1
    key(qtbot, surface, Key.Key_V)  # the results chart
    view = surface.current_view()
    assert isinstance(view, ConflictsView) and view.stack.currentWidget() is view.chart
    key(qtbot, surface, Key.Key_B)
    assert surface.showing() == "blank"
    key(qtbot, surface, Key.Key_B)
    assert surface.showing() == "live"


def test_with_one_screen_there_is_no_audience_window_but_presentation_mode_works(qtbot, window, monkeypatch):
    monkeypatch.setattr(presentation, "available_screens", lambda: [QApplication.primaryScreen()])
    window.presenter._screens_changed()
    assert not window.presenter.actions.audience.isEnabled()
    assert not window.presenter.open_audience()
    assert "Only one screen" in window.statusBar().currentMessage()
    surface = present(qtbot, window)
    assert window.isFullScreen() and window.screen() is QApplication.primaryScreen()
    key(qtbot, surface, Key.Key_Escape)
    ensure_active(qtbot, window)


def test_the_chosen_audience_screen_is_remembered(qtbot, window):
    projector = QApplication.screens()[1]
    window.presenter.choose_screen(projector)
    assert window.settings.value(presentation.SCREEN_KEY) == "projector"
    window.presenter.fill_screen_menu()
    entries = {a.text(): (a.isEnabled(), a.isChecked()) for a in window.presenter.actions.screens.actions()}
    assert entries["projector — 1920 × 1080"] == (True, True)
    assert entries["laptop — 1280 × 720  (this window)"] == (False, False)  # never over the editor
    again = MainWindow(window.settings)
    assert again.presenter.audience_screen() is projector
    again.close()
    again.deleteLater()


def test_help_lists_the_projector_keys(qtbot, window):
    from workshop_app.ui.window.help import shortcuts_text

    text = shortcuts_text()
    assert "F5 / Esc" in text and "Shift+F5" in text and "B / F" in text
