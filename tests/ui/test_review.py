"""The follow-up in the window: File ▸ New follow-up workshop…, and the review "What moved?" through its widgets."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from workshop_app.model import ActionOutcome
from workshop_app.store import save_workshop
from workshop_app.store.demo import load_demo
from workshop_app.store.recovery import read_recovery
from workshop_app.ui.pages.review import ReviewWindow
from workshop_app.ui.widgets.fields import ChoiceField, MultilineField, TextField

pytestmark = pytest.mark.usefixtures("empty_recovery_folder")


def _menu_action(window, text: str):
    for action in window.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no action {text!r}")


def _review(window) -> ReviewWindow:
    review = window.findChild(ReviewWindow, "review_window")
    assert review is not None
    return review


@pytest.fixture
def follow_up(window, tmp_path, monkeypatch, qtbot):
    """The demo saved as an earlier file, and its follow-up started from File ▸ New follow-up workshop…."""
    earlier = tmp_path / "march.workshop.json"
    save_workshop(load_demo("en"), earlier)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(earlier), ""))
    _menu_action(window, "New follow-up workshop…").trigger()
    qtbot.waitUntil(lambda: _review(window).isVisible(), timeout=2000)
    return earlier


def test_new_follow_up_opens_unsaved_with_its_review_and_leaves_the_earlier_file_alone(window, tmp_path, monkeypatch,
                                                                                        qtbot):
    earlier = tmp_path / "march.workshop.json"
    save_workshop(load_demo("en"), earlier)
    data = earlier.read_bytes()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(earlier), ""))
    _menu_action(window, "New follow-up workshop…").trigger()
    doc = window.doc
    assert doc.workshop.follow_up is not None and doc.workshop.follow_up.earlier.file_name == "march.workshop.json"
    assert doc.path is None and doc.is_modified  # a new document: closing asks to save it
    assert _review(window).isVisible()
    assert earlier.read_bytes() == data
    assert [a.id for a in doc.workshop.actions] == [a.id for a in load_demo("en").actions]


def test_an_action_is_reviewed_through_the_widgets_undone_and_kept_in_the_recovery_copy(window, follow_up, qtbot):
    review = _review(window)
    page = review.page
    page.tabs.setCurrentWidget(page.actions)
    first = window.doc.workshop.actions[0].id
    page.actions.select_key(first)
    outcome = page.actions.form.editors["outcome"]
    assert isinstance(outcome, ChoiceField)
    outcome.setCurrentIndex(outcome.findData(ActionOutcome.BLOCKED))
    outcome.activated.emit(outcome.currentIndex())
    note = page.actions.form.editors["note"]
    assert isinstance(note, MultilineField)
    note.setFocus()
    qtbot.keyClicks(note, "Waits for IT")
    note.committed.emit()
    new_date = page.actions.form.editors["new_date"]
    assert isinstance(new_date, TextField)
    new_date.setText("2026-07-31")
    new_date.committed.emit()
    entry = window.doc.workshop.follow_up.actions[first]
    assert (entry.outcome, entry.note, str(entry.new_date)) == (ActionOutcome.BLOCKED, "Waits for IT", "2026-07-31")
    assert page.actions.table.item(0, 3).text() == "Blocked"
    assert "(1/" in page.tabs.tabText(page.tabs.indexOf(page.actions))
    recovered = read_recovery(window.safekeeper.writer.path).doc
    assert recovered.follow_up.actions[first].note == "Waits for IT"
    assert window.doc.undo_stack.count() == 3  # one step per finished edit
    for _step in range(3):
        window.undo()
    assert first not in window.doc.workshop.follow_up.actions
    assert outcome.value() is None


def test_a_wrong_date_is_refused_with_a_sentence_and_changes_nothing(window, follow_up):
    refusals: list[str] = []
    window.doc.refused.connect(refusals.append)
    page = _review(window).page
    page.actions.select_key(window.doc.workshop.actions[0].id)
    field = page.actions.form.editors["new_date"]
    field.setText("soon")
    field.committed.emit()
    assert window.doc.workshop.follow_up.actions == {}
    assert refusals and "date" in refusals[-1]
    assert field.text() == ""  # the field shows the model again


def test_goals_agreements_and_the_pilot_are_reviewed_through_their_forms(window, follow_up):
    page = _review(window).page
    page.tabs.setCurrentWidget(page.goals)
    page.goals.select_key("g-sh-winrate")
    reached = page.goals.form.editors["reached"]
    reached.setText("4.8")
    reached.committed.emit()
    page.tabs.setCurrentWidget(page.kept)
    page.kept.select_key("ch-standup")
    kept = page.kept.form.editors["kept"]
    kept.setCurrentIndex(kept.findData(5))
    kept.activated.emit(kept.currentIndex())
    page.tabs.setCurrentWidget(page.pilot)
    verdict = page.pilot.form.editors["verdict"]
    verdict.setCurrentIndex(verdict.findData("confirmed"))
    verdict.activated.emit(verdict.currentIndex())
    fu = window.doc.workshop.follow_up
    assert fu.goals["g-sh-winrate"].reached == "4.8"
    assert fu.kept["ch-standup"].kept == 5
    assert fu.pilot.verdict == "confirmed"
    assert "Reached" in [page.goals.table.horizontalHeaderItem(c).text() for c in range(page.goals.table.columnCount())]


def test_then_vs_now_names_what_is_gone_and_what_is_new(window, qtbot):
    from workshop_app.store.demo_follow_up import load_follow_up_demo

    window.set_workshop(load_follow_up_demo("en"), None)
    review = _review(window)
    qtbot.waitUntil(review.isVisible, timeout=2000)
    review.page.tabs.setCurrentWidget(review.page.then_now)
    text = review.page.then_now.toPlainText()
    assert "Gone (1)" in text and "Be known as a PdM provider" in text
    assert "New (1)" in text and "Service-contract renewals" in text
    assert "Three months later" in text


def test_the_review_of_a_workshop_that_follows_none_says_how_to_start_one(window):
    _menu_action(window, "What moved? (follow-up review)…").trigger()
    review = _review(window)
    assert "New follow-up workshop" in review.page.earlier.text()
    assert not review.page.tabs.isEnabled()
    review.close()


def test_opening_a_saved_follow_up_brings_its_review_up(window, tmp_path, qtbot):
    from workshop_app.store.demo_follow_up import load_follow_up_demo

    path = tmp_path / "june.workshop.json"
    save_workshop(load_follow_up_demo("en"), path)
    assert window.open_path(path)
    qtbot.waitUntil(lambda: _review(window).isVisible(), timeout=2000)
    assert "(11/11)" in _review(window).page.tabs.tabText(0)
    assert not window.doc.is_modified  # opened from its file: nothing unsaved


def test_open_demo_follow_up_opens_it_unsaved_after_asking_about_unsaved_work(window, boxes):
    window.doc.workshop.meta.title = "Unsaved draft"
    window.doc.undo_stack.resetClean()  # as after an edit: the window must ask first
    boxes.answers.append(QMessageBox.StandardButton.Cancel)
    _menu_action(window, "Open demo follow-up").trigger()
    assert window.doc.workshop.follow_up is None  # cancelled: the draft stays
    window.doc.undo_stack.setClean()
    _menu_action(window, "Open demo follow-up").trigger()
    assert window.doc.workshop.follow_up is not None and window.doc.path is None


def test_ctrl_z_in_the_review_window_undoes_its_last_entry_and_redo_brings_it_back(window, follow_up, qtbot):
    from PySide6.QtCore import Qt

    review = _review(window)
    page = review.page
    first = window.doc.workshop.actions[0].id
    page.actions.select_key(first)
    new_date = page.actions.form.editors["new_date"]
    new_date.setText("2026-07-31")
    new_date.committed.emit()
    assert str(window.doc.workshop.follow_up.actions[first].new_date) == "2026-07-31"
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow, timeout=2000)
    qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first not in window.doc.workshop.follow_up.actions  # the main window's shortcuts do not reach here
    qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert str(window.doc.workshop.follow_up.actions[first].new_date) == "2026-07-31"
