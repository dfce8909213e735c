"""The Conflicts page's group tabs show every tab's text in full on the facilitator's laptop.

Measured from the tab bar itself: each visible tab lies inside the bar (not
scrolled off) and its text, in the font it is drawn in (the selected tab is
semibold), fits the tab less the style's padding.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import demo_on_laptop
from workshop_app.model import Phase
from workshop_app.ui.pages.conflict_groups import GAP, PAD_X
from workshop_app.ui.pages.conflict_triage import Group


def cut_tabs(bar) -> list[str]:
    found = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect, text = bar.tabRect(index), bar.tabText(index)
        font = QFont(bar.font())
        if index == bar.currentIndex():
            font.setWeight(QFont.Weight.DemiBold)  # the window's style sheet: the selected tab is semibold
        room = rect.width() - 2 * PAD_X - GAP
        if rect.left() < 0 or rect.right() > bar.width() - 1:
            found.append(f"{text!r} lies outside the bar ({rect.left()}..{rect.right()} of {bar.width()} px)")
        elif QFontMetrics(font).horizontalAdvance(text) > room:
            found.append(f"{text!r} needs {QFontMetrics(font).horizontalAdvance(text)} px, has {room} px")
    return found


def _each_group(qtbot, page) -> list[str]:
    found = []
    for group in Group:
        page.show_group(group)
        for _round in range(3):
            QApplication.processEvents()
        found += [f"{group.value} selected: {fault}" for fault in cut_tabs(page.groups)]
    return found


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_every_group_tab_shows_its_whole_text_on_a_laptop(qtbot, window, language, size):
    page = demo_on_laptop(window, language, size, Phase.CONFLICTS)
    qtbot.waitUntil(lambda: page.groups.width() > 0)
    assert page.groups.isTabVisible(list(Group).index(Group.SET_ASIDE))  # the demo has a set-aside finding
    found = _each_group(qtbot, page)
    full = [page.groups.full_text(i) == page.groups.tabText(i) for i in range(page.groups.count())]
    assert found == []
    if size == (1366, 768) or language == "en":
        assert all(full)  # the full names fit; German at 1280×720 may show the short ones (full name in the tooltip)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_narrow_list_shortens_the_tabs_and_keeps_the_full_names_in_their_tooltips(qtbot, window, language):
    page = demo_on_laptop(window, language, (1280, 720), Phase.CONFLICTS)
    qtbot.waitUntil(lambda: page.groups.width() > 0)
    total = sum(page.splitter.sizes())
    page.splitter.setSizes([1, total - 1])  # the list as narrow as the page lets it be
    for _round in range(3):
        QApplication.processEvents()
    bar = page.groups
    assert bar.short
    new = list(Group).index(Group.NEW)
    assert bar.tabText(new) != bar.full_text(new)
    assert bar.full_text(new) in bar.tabToolTip(new)
    assert _each_group(qtbot, page) == []


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_conflicts_page_never_widens_a_1280_px_window(qtbot, window, language):
    """Shown for the first time, and in each of its groups, the page fits the width the window has:
    a page whose minimum is wider than the screen pushes the window past a laptop's edge for good."""
    page = demo_on_laptop(window, language, (1280, 720), Phase.CONFLICTS)
    widths = {}
    for group in Group:
        page.show_group(group)
        for _round in range(3):
            QApplication.processEvents()
        widths[group.value] = window.width()
    assert widths == {group.value: 1280 for group in Group}
