"""Nothing is lost in the window: recovery copies, crash restore, locks, safe saving."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.builders import small_workshop, titled_workshop
from workshop_app.atomic import atomic_write_bytes
from workshop_app.model import SCHEMA_VERSION, UpdateItem, Workshop
from workshop_app.store import load_workshop, save_workshop, to_json_bytes
from workshop_app.store.backup import backup_path
from workshop_app.store.recovery import read_recovery, recovery_dir

Button = QMessageBox.StandardButton


pytestmark = pytest.mark.usefixtures("empty_recovery_folder")


def rename_meta(window, title: str) -> None:
    assert window.doc.push(UpdateItem("meta", None, {"title": title}))


def saved_file(tmp_path: Path, title: str = "Saved") -> Path:
    doc = titled_workshop(title)
    path = tmp_path / "w.workshop.json"
    save_workshop(doc, path)
    return path


def test_every_edit_writes_the_recovery_copy_and_saving_removes_it(window, tmp_path, monkeypatch):
    writer = window.safekeeper.writer
    rename_meta(window, "First edit")
    assert read_recovery(writer.path).doc.meta.title == "First edit"
    rename_meta(window, "Second edit")
    assert read_recovery(writer.path).doc.meta.title == "Second edit"
    window.doc.undo_stack.undo()
    assert read_recovery(writer.path).doc.meta.title == "First edit"
    target = tmp_path / "w.workshop.json"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save()
    assert not writer.path.exists()
    assert load_workshop(target).meta.title == "First edit"


def test_clean_close_removes_recovery_copy_and_lock(qtbot, tmp_path):
    from workshop_app.ui.window.main_window import MainWindow

    path = saved_file(tmp_path)
    win = MainWindow()
    assert win.open_path(path)
    lock = win.safekeeper.lock
    assert lock is not None and lock.path.exists()
    rename_meta(win, "Changed")
    assert win.safekeeper.writer.path.exists()
    win.doc.undo_stack.undo()  # back to the saved state: nothing to recover
    assert not win.safekeeper.writer.path.exists()
    win.close()
    assert not lock.path.exists()


def crashed_session(tmp_path: Path, title: str, source: Path | None) -> Path:
    """A child process writes a recovery copy and dies without cleaning up."""
    code = (
        "import os, sys\n"
        "from workshop_app.model import Workshop, Goal\n"
        "from workshop_app.store.recovery import RecoveryWriter\n"
        "doc = Workshop(); doc.meta.title = sys.argv[1]\n"
        "doc.elements.append(Goal(id='g-1', title='Leads'))\n"
        "doc.elements.append(Goal(id='g-2', title='Agreed in the room'))\n"
        "w = RecoveryWriter(); w.write(doc, sys.argv[2] or None); print(w.path, flush=True)\n"
        "os._exit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, title, str(source or "")],
                            capture_output=True, text=True, timeout=60)
    return Path(result.stdout.strip())


def test_after_a_crash_the_copy_is_offered_and_restored_as_unsaved(window, boxes, tmp_path):
    source = saved_file(tmp_path)
    copy = crashed_session(tmp_path, "Crashed workshop", source)
    assert copy.exists()
    boxes.answers.append(Button.Yes)  # Restore
    assert window.safekeeper.offer_recoveries()
    text = boxes.shown[-1][2]
    assert "Crashed workshop" in text
    assert "added" in text and "Agreed in the room" in text  # how it differs from the saved file
    assert window.doc.workshop.meta.title == "Crashed workshop"
    assert window.doc.path == source
    assert window.doc.is_modified  # not saved yet
    assert not copy.exists()  # replaced by this session's own copy
    assert read_recovery(window.safekeeper.writer.path).doc.meta.title == "Crashed workshop"


def test_a_copy_is_never_discarded_silently(window, boxes, tmp_path):
    copy = crashed_session(tmp_path, "Keep me", None)
    boxes.answers.append(Button.No)  # ask again next time
    assert not window.safekeeper.offer_recoveries()
    assert copy.exists()
    boxes.answers += [Button.Discard, Button.No]  # discard … then think better of it
    window.safekeeper.offer_recoveries()
    assert copy.exists()
    boxes.answers += [Button.Discard, Button.Yes]
    window.safekeeper.offer_recoveries()
    assert not copy.exists()


def test_failed_save_keeps_everything_and_offers_save_as(window, boxes, tmp_path, monkeypatch):
    path = saved_file(tmp_path)
    assert window.open_path(path)
    rename_meta(window, "Unsaved work")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("workshop_app.store.saving.atomic_write_bytes", disk_full)
    boxes.answers.append(Button.Cancel)
    assert not window.save()
    assert "No space left on device" in boxes.texts()[-1]
    assert window.doc.is_modified and window.doc.workshop.meta.title == "Unsaved work"
    assert load_workshop(path).meta.title == "Saved"
    assert read_recovery(window.safekeeper.writer.path).doc.meta.title == "Unsaved work"

    elsewhere = tmp_path / "elsewhere.workshop.json"
    calls = []

    def failing_then_fine(target, data, mode=None):
        calls.append(target)
        if target == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        atomic_write_bytes(target, data, mode)

    monkeypatch.setattr("workshop_app.store.saving.atomic_write_bytes", failing_then_fine)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    boxes.answers.append(Button.Save)  # "Save as…"
    assert window.save()
    assert calls == [path, elsewhere]
    assert load_workshop(elsewhere).meta.title == "Unsaved work"
    assert not window.doc.is_modified


def test_saving_keeps_the_previous_version_as_a_private_backup(window, tmp_path):
    path = saved_file(tmp_path, "Version 1")
    assert window.open_path(path)
    rename_meta(window, "Version 2")
    assert window.save()
    assert load_workshop(backup_path(path)).meta.title == "Version 1"


def test_a_file_open_in_another_tandem_opens_read_only_or_as_a_copy(window, boxes, tmp_path):
    path = saved_file(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import sys; from workshop_app.store.lock import FileLock; FileLock({str(path)!r}).acquire(); "
         "print('locked', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        boxes.answers.append(Button.Yes)  # read-only
        assert window.open_path(path)
        assert "open in another Tandem" in boxes.texts()[-1]
        assert window.doc.read_only and window.doc.path == path
        assert not window.doc.push(UpdateItem("meta", None, {"title": "x"}))

        boxes.answers.append(Button.No)  # a copy
        assert window.open_path(path)
        assert not window.doc.read_only and window.doc.path is None
        assert window.doc.push(UpdateItem("meta", None, {"title": "My copy"}))

        boxes.answers.append(Button.Cancel)
        assert not window.open_path(path)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
        holder.stdin.close()
    assert load_workshop(path).meta.title == "Saved"


def test_a_newer_file_opens_read_only_and_is_never_saved_back(window, boxes, tmp_path, monkeypatch):
    path = tmp_path / "future.workshop.json"
    data = to_json_bytes(Workshop()).replace(
        f'"schema_version": {SCHEMA_VERSION}'.encode(), f'"schema_version": {SCHEMA_VERSION + 1}'.encode())
    path.write_bytes(data)
    assert window.open_path(path)
    assert window.doc.read_only
    assert f"version {SCHEMA_VERSION + 1}" in boxes.texts()[-1]
    elsewhere = tmp_path / "older.workshop.json"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    assert not window.save()
    assert not elsewhere.exists()
    assert path.read_bytes() == data


# -- saving over a file that is not what this window left there -------------------------

def test_a_file_changed_on_disk_offers_reload_save_as_or_overwrite(window, boxes, tmp_path, monkeypatch):
    path = saved_file(tmp_path)
    assert window.open_path(path)
    rename_meta(window, "Mine")
    theirs = Workshop()
    theirs.meta.title = "Theirs"
    save_workshop(theirs, path)  # another user saved the shared file meanwhile

    boxes.answers.append(Button.Cancel)
    assert not window.save()
    assert "changed on disk" in boxes.texts()[-1]
    assert load_workshop(path).meta.title == "Theirs" and window.doc.is_modified

    boxes.answers.append(Button.Yes)  # overwrite theirs, knowingly
    assert window.save()
    assert load_workshop(path).meta.title == "Mine" and not window.doc.is_modified

    save_workshop(theirs, path)
    rename_meta(window, "Mine again")
    boxes.answers.append(Button.Open)  # reload theirs
    assert not window.save()
    assert window.doc.workshop.meta.title == "Theirs" and not window.doc.is_modified

    rename_meta(window, "Mine, after theirs")  # the reloaded version is what this window read now
    assert window.save()
    assert load_workshop(path).meta.title == "Mine, after theirs"


def test_a_read_only_file_is_replaced_only_after_asking(window, boxes, tmp_path):
    path = saved_file(tmp_path)
    assert window.open_path(path)
    path.chmod(0o444)
    rename_meta(window, "Changed")
    boxes.answers.append(Button.Cancel)
    assert not window.save()
    assert "marked read-only" in boxes.texts()[-1]
    assert load_workshop(path).meta.title == "Saved"
    boxes.answers.append(Button.Yes)  # replace it
    assert window.save()
    assert load_workshop(path).meta.title == "Changed"


def test_a_failed_backup_is_said_apart_and_the_save_happens(window, tmp_path, monkeypatch):
    path = saved_file(tmp_path)
    assert window.open_path(path)
    rename_meta(window, "After")

    def no_room(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("workshop_app.store.backup.atomic_write_bytes", no_room)
    assert window.save()
    assert load_workshop(path).meta.title == "After"
    assert "could not be kept as a backup (No space left on device)" in window.message_bar.current_text()


def test_a_failed_save_without_a_recovery_copy_does_not_claim_one(window, boxes, tmp_path, monkeypatch):
    path = saved_file(tmp_path)
    assert window.open_path(path)

    def no_room(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("workshop_app.store.recovery.atomic_write_bytes", no_room)
    monkeypatch.setattr("workshop_app.store.saving.atomic_write_bytes", no_room)
    rename_meta(window, "Unsaved")
    boxes.answers.append(Button.Cancel)
    assert not window.save()
    text = boxes.texts()[-1]
    assert "No space left on device" in text and "no recovery copy could be written" in text
    assert "the recovery copy is kept" not in text


def test_text_that_cannot_be_saved_is_reported_not_swallowed(window, boxes, tmp_path):
    path = saved_file(tmp_path)
    assert window.open_path(path)
    rename_meta(window, "Fine")
    window.doc.workshop.elements[0].__dict__["title"] = "Leads \ud800"  # as a broken paste might leave it
    boxes.answers.append(Button.Cancel)
    assert not window.save()
    assert "elements[0].title" in boxes.texts()[-1]
    assert load_workshop(path).meta.title == "Saved"


# -- locks, folders and leftovers ---------------------------------------------------------

def test_a_lock_from_another_host_name_can_be_taken_over_after_asking(window, boxes, tmp_path):
    import json

    from workshop_app.store.lock import FileLock
    from workshop_app.store.owners import this_process

    path = saved_file(tmp_path)
    FileLock(path).path.write_text(json.dumps({**this_process().record(), "host": "laptop-before-rename",
                                               "since": "2026-11-30T09:00:00+01:00"}))
    boxes.answers += [Button.Yes]  # take it over
    assert window.open_path(path)
    assert "laptop-before-rename" in boxes.texts()[-1]
    assert not window.doc.read_only and window.doc.path == path
    rename_meta(window, "Edited here")
    assert window.save()


def test_leftovers_of_a_killed_save_go_when_the_file_is_opened(window, tmp_path):
    path = saved_file(tmp_path)
    leftover = tmp_path / ".w.workshop.json.a1b2c3d4.tmp"
    leftover.write_text('{"half": ')
    assert window.open_path(path)
    assert not leftover.exists()


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_opening_a_pipe_says_so_and_never_hangs(window, boxes, tmp_path):
    import os

    fifo = tmp_path / "trap.workshop.json"
    os.mkfifo(fifo)
    assert not window.open_path(fifo)
    assert "is a pipe, not a workshop file" in boxes.texts()[-1]


def test_an_unusable_data_folder_is_said_at_start_and_the_work_goes_on(window, boxes, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with monkeypatch.context() as patch:
        patch.setenv("TANDEM_DATA_DIR", str(blocker / "tandem"))
        assert not window.safekeeper.offer_recoveries()
        assert "cannot keep recovery copies" in boxes.texts()[-1] and "save often" in boxes.texts()[-1]
        rename_meta(window, "Still editable")  # the copy fails, said in the status bar; editing goes on
        assert window.doc.workshop.meta.title == "Still editable"
        assert "recovery copy cannot be written" in window.statusBar().currentMessage()
        assert not window.safekeeper.recovery_kept


def crash_while_editing(source: Path, title: str | None = None, pending: tuple = (), based_on_file: bool = True) -> None:
    """A child opens ``source``, edits it (a new title, typing not yet entered) and dies with its copy on disk."""
    code = (
        "import os, sys, json\n"
        "from workshop_app.store.document_file import open_workshop\n"
        "from workshop_app.store.recovery import PendingText, RecoveryWriter\n"
        "doc, stamp = open_workshop(sys.argv[1])\n"
        "if sys.argv[2]: doc.meta.title = sys.argv[2]\n"
        "pending = [PendingText(*p) for p in json.loads(sys.argv[3])]\n"
        "RecoveryWriter().write(doc, sys.argv[1], pending, stamp if sys.argv[4] == '1' else None)\n"
        "os._exit(1)\n"
    )
    import json

    subprocess.run([sys.executable, "-c", code, str(source), title or "", json.dumps([list(p) for p in pending]),
                    "1" if based_on_file else "0"], check=False, timeout=60)  # it dies on purpose


def test_typed_text_from_a_crash_is_entered_on_restore_as_one_undoable_change(window, boxes, tmp_path):
    source = saved_file(tmp_path)
    crash_while_editing(source, pending=[("elements", "g-1", "title", "Title", "Qualified leads, typed")])
    boxes.answers.append(Button.Yes)  # Restore
    assert window.safekeeper.offer_recoveries()
    assert "Typed but not yet entered" in boxes.texts()[-1]
    assert window.doc.workshop.elements[0].title == "Qualified leads, typed"
    assert window.doc.is_modified
    window.doc.undo_stack.undo()
    assert window.doc.workshop.elements[0].title == "Leads"


def test_typing_for_a_conflict_the_room_had_not_touched_lands_in_its_new_record(window, boxes, tmp_path):
    from workshop_app.analysis import find_conflicts

    doc = small_workshop()
    path = tmp_path / "w.workshop.json"
    save_workshop(doc, path)
    finding = find_conflicts(doc, "en")[0]  # detected, no record yet: the page shows a stand-in
    crash_while_editing(path, pending=[("conflicts", finding.id, "resolution", "Resolution", "Hours of typing"),
                                       ("conflicts", "gone-since", "resolution", "Resolution", "Nowhere to go")])
    boxes.answers.append(Button.Yes)
    assert window.safekeeper.offer_recoveries()
    record = next(c for c in window.doc.workshop.conflicts if c.id == finding.id)
    assert record.resolution == "Hours of typing"
    assert "Nowhere to go" in boxes.texts()[-1]  # what found no place is shown, never dropped


def test_a_restore_whose_new_copy_fails_keeps_the_old_one(window, boxes, tmp_path, monkeypatch):
    source = saved_file(tmp_path)
    crash_while_editing(source, title="Crash-only work")

    def no_room(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("workshop_app.store.recovery.atomic_write_bytes", no_room)
    boxes.answers.append(Button.Yes)
    assert window.safekeeper.offer_recoveries()
    assert window.doc.workshop.meta.title == "Crash-only work"
    assert len(list(recovery_dir().glob("*.recovery.json"))) == 1  # still the only protection of that work
    assert "the old one is kept" in window.message_bar.current_text()


def test_restored_work_is_not_saved_over_a_colleagues_later_save_without_asking(window, boxes, tmp_path):
    source = saved_file(tmp_path)
    for based_on_file in (True, False):  # a copy that says what it was based on, and one of an older version
        crash_while_editing(source, title="Mine, from before the crash", based_on_file=based_on_file)
        colleague = load_workshop(source)
        colleague.meta.title = "Colleague's title"
        save_workshop(colleague, source)
        boxes.answers.append(Button.Yes)  # Restore
        assert window.safekeeper.offer_recoveries()
        boxes.answers.append(Button.Cancel)
        assert not window.save()
        assert "changed on disk" in boxes.texts()[-1]
        assert load_workshop(source).meta.title == "Colleague's title"
        window.doc.undo_stack.setClean()
        save_workshop(load_workshop(saved_file(tmp_path)), source)


def test_a_restore_of_work_based_on_the_file_as_it_is_saves_without_a_question(window, boxes, tmp_path):
    source = saved_file(tmp_path)
    crash_while_editing(source, title="Mine, from before the crash")
    boxes.answers.append(Button.Yes)
    assert window.safekeeper.offer_recoveries()
    shown = len(boxes.shown)
    assert window.save()
    assert len(boxes.shown) == shown and load_workshop(source).meta.title == "Mine, from before the crash"


def test_shortcuts_while_typing_enter_the_typing_first(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    now = [1000.0]
    window.clock.now = lambda: now[0]
    window.toggle_timer()  # the timebox runs
    field = window.current_page().findChild(object, "field_title")
    field.setFocus()
    QTest.keyClicks(field, "Typed while the timer runs")
    now[0] += 120
    QTest.keyClick(window, Qt.Key.Key_F9)  # pause, without leaving the field
    assert window.doc.workshop.meta.title == "Typed while the timer runs"
    assert field.text() == "Typed while the timer runs"
    window.toggle_phase_done()
    assert window.doc.workshop.meta.title == "Typed while the timer runs"


def test_typing_without_enter_reaches_the_recovery_copy_after_a_pause(window, qtbot):
    from PySide6.QtTest import QTest

    from workshop_app.ui.window.safekeeping import PENDING_DELAY_MS

    field = window.current_page().findChild(object, "field_title")
    field.setFocus()
    QTest.keyClicks(field, "Typed, not entered")
    assert window.doc.pending and not window.doc.is_modified
    writer = window.safekeeper.writer
    qtbot.waitUntil(lambda: writer.written, timeout=PENDING_DELAY_MS + 2000)
    recovered = read_recovery(writer.path)
    assert [p.text for p in recovered.pending] == ["Typed, not entered"]
    QTest.keyClick(field, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Key.Key_Return)
    assert not window.doc.pending and window.doc.workshop.meta.title == "Typed, not entered"


def test_a_missing_file_opens_an_empty_workshop_and_says_why(window, boxes, tmp_path):
    assert not window.open_path(tmp_path / "gone.workshop.json")
    assert "does not exist" in boxes.texts()[-1]
    assert window.doc.path is None and window.isVisible()


def test_an_edit_from_elsewhere_leaves_the_typing_in_a_focused_field_alone(window):
    from PySide6.QtTest import QTest

    field = window.current_page().findChild(object, "field_title")
    field.setFocus()
    QTest.keyClicks(field, "Half a sentence")
    rename = UpdateItem("meta", None, {"venue": "Room 2"})  # as a card or a vote arriving from elsewhere would
    assert window.doc.push(rename)
    assert field.text() == "Half a sentence" and window.doc.pending
    window.doc.undo_stack.undo()
    assert field.text() == "Half a sentence"
    QTest.keyClick(field, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Key.Key_Return)
    assert window.doc.workshop.meta.title == "Half a sentence"
