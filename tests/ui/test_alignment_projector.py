"""The alignment check on the projector: put on the wall from its window, hidden until revealed, both sides then.

The session has a laptop and a projector screen (tests/ui/conftest.py); the
audience window on the projector mirrors what the facilitator chose.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import ensure_active, press
from workshop_app.model import Side
from workshop_app.store.demo import load_demo
from workshop_app.ui.projector.audience_alignment import AlignmentView


def _type(qtbot, grid, text: str) -> None:
    for char in text:
        qtbot.keyClick(grid, char)


@pytest.fixture
def wall(window, qtbot):
    """The demo with the audience window open on the projector and the alignment window open."""
    window.set_workshop(load_demo("en"), None)
    press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    audience = window.presenter.audience
    qtbot.waitUntil(audience.isVisible, timeout=3000)
    ensure_active(qtbot, window)
    window.commands.alignment.trigger()
    check = window.alignment_window
    qtbot.waitExposed(check)
    return window, audience.view, check


def _settle(qtbot) -> None:
    qtbot.wait(80)  # the audience refreshes a moment after a change
    QApplication.processEvents()


def test_a_round_goes_on_the_wall_with_its_results_hidden(wall, qtbot):
    _window, view, check = wall
    assert not isinstance(view.current_view(), AlignmentView)  # the phase, until the facilitator chooses
    qtbot.mouseClick(check.on_projector, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    shown = view.current_view()
    assert isinstance(shown, AlignmentView)
    texts = " ".join(shown.shown_texts())
    assert "Before the inventory" in texts
    assert "Marketing" not in texts and "Sales" not in texts  # no side's score before it is revealed
    assert not any(canvas.isVisibleTo(shown) for canvas in shown.canvases)
    assert check.reveal.isEnabled() and not check.reveal.isChecked()


def test_revealed_the_wall_shows_both_sides_score_stage_and_the_pictures(wall, qtbot):
    _window, view, check = wall
    qtbot.mouseClick(check.on_projector, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.reveal, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    shown = view.current_view()
    texts = shown.shown_texts()
    marketing = next(t for t in texts if t.startswith("Marketing"))
    sales = next(t for t in texts if t.startswith("Sales"))
    assert "48" in marketing and "Defined" in marketing and "5 respondents" in marketing
    assert "42" in sales and "Defined" in sales
    assert len(shown.canvases) == 2 and all(canvas.isVisibleTo(shown) for canvas in shown.canvases)
    assert shown.canvases[1].figure.axes  # the gap chart is drawn
    qtbot.mouseClick(check.reveal, Qt.MouseButton.LeftButton)  # hidden again
    _settle(qtbot)
    assert not any(t.startswith("Marketing") for t in view.current_view().shown_texts())


def test_taken_off_the_wall_the_phase_comes_back(wall, qtbot):
    _window, view, check = wall
    qtbot.mouseClick(check.on_projector, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    qtbot.mouseClick(check.on_projector, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert not isinstance(view.current_view(), AlignmentView)
    assert not check.reveal.isEnabled()


def test_a_side_with_too_few_respondents_shows_too_few_to_show(wall, qtbot):
    _window, view, check = wall
    check.add_round()
    for _ in range(3):
        check.add_respondent(Side.MARKETING)
        _type(qtbot, check.grid, "4" * 20)
    check.add_respondent(Side.SALES)
    _type(qtbot, check.grid, "2" * 20)
    qtbot.mouseClick(check.on_projector, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.reveal, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    texts = view.current_view().shown_texts()
    assert any(t.startswith("Marketing") and "Integrated" in t for t in texts)
    assert "Sales: too few to show" in texts
    assert not any("2" in t for t in texts if t.startswith("Sales"))  # the one Sales respondent's answers stay private


def _reveal_a_round_of_threes(qtbot, check) -> None:
    """A round where three people per side answered 3 everywhere, shown on the wall and revealed."""
    check.add_round()
    for side in (Side.MARKETING, Side.SALES):
        for _ in range(3):
            check.add_respondent(side)
            _type(qtbot, check.grid, "3" * 20)
    qtbot.mouseClick(check.on_projector, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.reveal, Qt.MouseButton.LeftButton)
    _settle(qtbot)


def test_an_answer_typed_while_revealed_reaches_the_wall(wall, qtbot):
    _window, view, check = wall
    _reveal_a_round_of_threes(qtbot, check)
    assert any(t.startswith("Sales") and "60" in t for t in view.current_view().shown_texts())
    check.add_respondent(Side.SALES)
    _type(qtbot, check.grid, "1" * 20)
    _settle(qtbot)
    sales = next(t for t in view.current_view().shown_texts() if t.startswith("Sales"))
    assert "4 respondents" in sales and "50" in sales


def test_the_pictures_follow_the_answers_once_the_typing_pauses(wall, qtbot):
    _window, view, check = wall
    _reveal_a_round_of_threes(qtbot, check)
    shown = view.current_view()
    gaps = shown.canvases[1].figure

    def gap_labels() -> list[str]:
        return [t.get_text() for ax in gaps.axes for t in ax.texts]

    before = gap_labels()
    check.add_respondent(Side.MARKETING)
    _type(qtbot, check.grid, "5" * 20)
    qtbot.waitUntil(lambda: gap_labels() != before, timeout=3000)  # redrawn once the typing paused
    assert any(t.startswith("Marketing") and "4 respondents" in t for t in shown.shown_texts())
