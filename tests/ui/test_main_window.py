"""The main window: phases, files, unsaved-changes prompt, undo labels, zoom, full screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from tests.builders import small_workshop
from workshop_app.model import Phase
from workshop_app.store import load_workshop, save_workshop

Button = QMessageBox.StandardButton


def type_into(qtbot, widget, text, enter=True):
    widget.setFocus()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_every_phase_has_a_page_and_the_navigator_follows(qtbot, window):
    for number, phase in enumerate(Phase, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_phase == phase
        assert window.navigator.currentRow() == number - 1
        assert window.stack.currentWidget() is window.pages[phase]
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_phase == Phase.CULTURE_PILOT
    window.navigator.setCurrentRow(0)
    assert window.current_phase == Phase.SETUP


def test_title_shows_name_and_unsaved_marker(qtbot, window):
    page = window.page(Phase.SETUP)
    type_into(qtbot, page.meta_form.editors["title"], "Kick-off")
    assert window.windowTitle().startswith("Kick-off[*]")
    assert window.isWindowModified()
    window.undo()
    assert not window.isWindowModified()


def test_typing_is_one_command_per_field_and_switching_phase_keeps_it(qtbot, window):
    page = window.page(Phase.SETUP)
    title = page.meta_form.editors["title"]
    type_into(qtbot, title, "Half typed", enter=False)
    assert window.doc.undo_stack.count() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_phase == Phase.INVENTORY
    assert window.doc.workshop.meta.title == "Half typed"
    assert window.doc.undo_stack.count() == 1
    assert window.commands.undo.text().endswith("Change Title")
    window.go_to_phase(Phase.SETUP)
    assert title.text() == "Half typed"


def test_ctrl_z_in_a_field_undoes_its_own_typing_first_then_the_document(qtbot, window):
    page = window.page(Phase.SETUP)
    venue = page.meta_form.editors["venue"]
    type_into(qtbot, venue, "Room A")
    assert window.doc.workshop.meta.venue == "Room A"
    qtbot.keyClick(venue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing local left: document undo
    assert window.doc.workshop.meta.venue == ""
    assert venue.text() == ""


def test_undo_and_redo_actions_name_the_command(qtbot, window):
    page = window.page(Phase.SETUP)
    type_into(qtbot, page.participants.add_edit, "Anna")
    assert "Add participant “Anna”" in window.commands.undo.text()
    window.commands.undo.trigger()
    assert window.doc.workshop.participants == []
    assert "Add participant “Anna”" in window.commands.redo.text()
    window.commands.redo.trigger()
    assert window.doc.workshop.participants[0].name == "Anna"


def test_quit_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, boxes):
    type_into(qtbot, window.page(Phase.SETUP).meta_form.editors["title"], "Kick-off")
    boxes.answers.append(Button.Cancel)
    window.commands.quit.trigger()
    assert window.isVisible()
    assert boxes.shown[-1][1] == "Unsaved changes"
    boxes.answers.append(Button.Discard)
    window.commands.quit.trigger()
    assert not window.isVisible()


def test_quit_with_unsaved_changes_can_save_first(qtbot, window, boxes, monkeypatch, tmp_path):
    target = tmp_path / "saved.workshop.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    type_into(qtbot, window.page(Phase.SETUP).meta_form.editors["title"], "Kick-off")
    boxes.answers.append(Button.Save)
    window.close()
    assert not window.isVisible()
    assert load_workshop(target).meta.title == "Kick-off"


def test_quit_without_changes_does_not_ask(qtbot, window, boxes):
    window.close()
    assert not window.isVisible() and boxes.shown == []


def test_open_and_save_round_trip_through_the_ui(qtbot, window, monkeypatch, tmp_path):
    source = tmp_path / "spring.workshop.json"
    save_workshop(small_workshop(), source)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.path == source
    assert "Spring workshop" in window.windowTitle()
    setup = window.page(Phase.SETUP)
    window.go_to_phase(Phase.SETUP)
    assert setup.participants.model.rowCount() == 2
    type_into(qtbot, setup.meta_form.editors["venue"], "Hamburg")
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    saved = Path(str(target) + ".workshop.json")
    assert window.doc.path == saved and not window.isWindowModified()
    reloaded = load_workshop(saved)
    assert reloaded.meta.venue == "Hamburg"
    assert reloaded.model_dump() == window.doc.workshop.model_dump()
    type_into(qtbot, setup.meta_form.editors["facilitator"], "Mia")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_workshop(saved).meta.facilitator == "Mia"
    window.fill_recent_menu()
    recent = [a.statusTip() for a in window.commands.recent_menu.actions()]
    assert recent[:2] == [str(saved.resolve()), str(source.resolve())]


def test_a_broken_file_shows_every_problem_and_is_never_written(qtbot, window, boxes, tmp_path):
    bad = tmp_path / "bad.workshop.json"
    bad.write_text('{"format": "tandem-workshop", "schema_version": 1, "participants": [{"id": ""}, 5]}')
    before = bad.read_bytes()
    assert not window.open_path(bad)
    _kind, title, text = boxes.shown[-1]
    assert title == "Cannot open workshop" and "participants[0].id" in text and "participants[1]" in text
    assert bad.read_bytes() == before
    assert window.doc.path is None


def test_save_failure_is_reported_and_keeps_changes(qtbot, window, boxes, tmp_path):
    type_into(qtbot, window.page(Phase.SETUP).meta_form.editors["title"], "X")
    assert not window._save_to(tmp_path / "missing-folder" / "x.workshop.json")
    assert boxes.shown[-1][1] == "Cannot save"
    assert window.isWindowModified()


def test_new_workshop_asks_then_starts_empty(qtbot, window, boxes):
    window.set_workshop(small_workshop(), None)
    type_into(qtbot, window.page(Phase.SETUP).meta_form.editors["venue"], "Berlin")
    boxes.answers.append(Button.Discard)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.workshop.participants == [] and window.doc.undo_stack.count() == 0


def test_zoom_scales_all_type_and_is_remembered(qtbot, window):
    base = QApplication.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    bigger = QApplication.font().pointSizeF()
    assert bigger > base
    assert window.settings.value("zoom_index") is not None
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() < base
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_full_screen_toggles_with_f11(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen() and window.commands.full_screen.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen()


def test_refused_edit_is_explained(qtbot, window, boxes):
    page = window.page(Phase.SETUP)
    type_into(qtbot, page.meta_form.editors["date"], "31.02.2026")
    assert window.doc.workshop.meta.date is None
    assert "needs a date" in window.message_bar.current_text()
    assert boxes.shown == []  # said in the bar above the page, not in a modal box mid-typing
    assert page.meta_form.editors["date"].text() == ""
    qtbot.mouseClick(window.message_bar.close_button, Qt.MouseButton.LeftButton)
    assert not window.message_bar.isVisible()


def test_read_only_document_refuses_typing(qtbot, window, boxes):
    from workshop_app.model import UpdateItem

    assert window.doc.push(UpdateItem("meta", None, {"title": "Before"}))
    window.doc.read_only = True
    assert "(read-only)" in window.windowTitle()
    title = window.page(Phase.SETUP).meta_form.editors["title"]
    assert title.isReadOnly()  # the fields look read-only, not just refuse
    assert "read-only" in window.message_bar.current_text()
    add_edit = window.page(Phase.SETUP).participants.add_edit
    assert add_edit.isReadOnly()
    type_into(qtbot, add_edit, "Anna")
    assert window.doc.workshop.participants == []
    window.doc.refused.emit("This workshop is open read-only; the change was not made.")  # e.g. a drag in the graph
    assert "change was not made" in window.message_bar.current_text()
    window.undo()  # undo changes the document too
    assert window.doc.workshop.meta.title == "Before"
    window.message_bar.dismiss()  # the refusal goes; the standing read-only notice stays
    assert "read-only" in window.message_bar.current_text()
    assert window.message_bar.action.isVisible()
    window.doc.read_only = False
    assert not window.message_bar.isVisible() and not title.isReadOnly()


def test_phase_done_and_help(qtbot, window, boxes):
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.workshop.agenda[0].done
    assert window.commands.phase_done.isChecked()
    window.commands.shortcuts_help.trigger()
    reference = window.findChild(QDialog, "shortcuts_dialog")
    qtbot.waitUntil(reference.isVisible, timeout=2000)
    assert "Undo / redo" in reference.text.toPlainText()
    room = window.screen().availableGeometry()  # a 1280×720 laptop: Close stays on screen
    assert reference.frameGeometry().height() <= room.height() and reference.width() <= room.width()
    qtbot.keyClick(reference, Qt.Key.Key_Escape)
    assert not reference.isVisible()
    window.commands.about.trigger()
    assert [kind for kind, *_ in boxes.shown] == ["about"]


def test_delete_key_edits_text_in_fields_and_deletes_entries_in_lists(qtbot, window):
    window.set_workshop(small_workshop(), None)
    page = window.page(Phase.SETUP)
    window.go_to_phase(Phase.SETUP)
    add = page.participants.add_edit
    type_into(qtbot, add, "xCara", enter=False)
    qtbot.keyClick(add, Qt.Key.Key_Home)
    qtbot.keyClick(add, Qt.Key.Key_Delete)
    assert add.text() == "Cara" and len(window.doc.workshop.participants) == 2
    page.participants.view.setFocus()
    page.participants.select_id("p-ben")
    qtbot.keyClick(page.participants.view, Qt.Key.Key_Delete)
    assert [p.name for p in window.doc.workshop.participants] == ["Anna Berg"]
    assert "Delete “Ben Cole”" in window.commands.undo.text()


def test_read_only_greys_the_pages_own_edit_buttons(qtbot, window):
    from workshop_app.store.demo import load_demo

    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.CONFLICTS)
    page = window.page(Phase.CONFLICTS)
    assert page.vote_plus.isEnabled()
    window.doc.read_only = True
    assert not any(w.isEnabled() for w in (page.vote_plus, page.vote_minus, page.declare_toggle, page.new_action))
    page.table.select_id(page.views[1].id)  # choosing another conflict does not bring them back
    assert not page.vote_plus.isEnabled()
    window.go_to_phase(Phase.GOALS)
    goals = window.page(Phase.GOALS)
    assert not goals.new_title.isEnabled() and not goals.links.add_button.isEnabled()
    window.doc.read_only = False
    assert goals.new_title.isEnabled()
