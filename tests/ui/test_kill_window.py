"""Kill -9 a real Tandem window at the moments that used to lose work.

A child process runs the main window offscreen on a saved file, does one
scripted scenario, says "ack" once the state is acknowledged to the user
(the edit is on screen; typed text has paused for the recovery delay) and
waits. The parent kills it and checks that what the next start would offer
holds exactly that state:

* save → undo → kill: the undone state (unsaved again) is in the copy;
* save → redo → kill: the redone state likewise;
* typing without Enter → kill: the typed text is in the copy's pending texts.

``TANDEM_WINDOW_KILL_RUNS`` repeats each scenario (default 2; the long run
behind the figures in the README uses more).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop_app.model import Goal, Workshop
from workshop_app.store import save_workshop
from workshop_app.store.recovery import orphaned_recoveries

CHILD = textwrap.dedent('''
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from workshop_app.model import UpdateItem
    from workshop_app.ui.window.main_window import MainWindow
    from workshop_app.ui.window.safekeeping import PENDING_DELAY_MS

    app = QApplication([])
    window = MainWindow()
    window.show()
    scenario, path = sys.argv[1], sys.argv[2]
    assert window.open_path(path)
    doc = window.doc

    def rename(title):
        assert doc.push(UpdateItem("meta", None, {"title": title}))

    if scenario == "undo":
        rename("Edited then saved")
        assert window.save()
        doc.undo_stack.undo()  # back to the title on disk before: unsaved again
    elif scenario == "redo":
        rename("Redone after save")
        doc.undo_stack.undo()
        assert window.save()  # the file holds the original title; the rename is on the redo side
        doc.undo_stack.redo()
    elif scenario == "typing":
        field = window.current_page().findChild(object, "field_title")
        field.setFocus()
        field.end(False)
        QTest.keyClicks(field, " and typed")  # no Enter: not committed
        QTest.qWait(PENDING_DELAY_MS + 300)
    app.processEvents()
    print("ack", window.safekeeper.writer.path, flush=True)
    sys.stdin.read()  # wait to be killed
''')

EXPECTED = {"undo": ("Original", None), "redo": ("Redone after save", None),
            "typing": ("Original", "Original and typed")}


pytestmark = pytest.mark.usefixtures("empty_recovery_folder")


def kill_window(scenario: str, path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, scenario, str(path)], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.startswith("ack"), line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stdin.close()


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_a_killed_window_leaves_what_was_acknowledged(scenario, tmp_path):
    doc = Workshop()
    doc.meta.title = "Original"
    doc.elements.append(Goal(id="g-1", title="Leads"))
    path = tmp_path / "w.workshop.json"
    title, typed = EXPECTED[scenario]
    for _run in range(int(os.environ.get("TANDEM_WINDOW_KILL_RUNS", "2"))):
        save_workshop(doc, path)  # every run starts from the original on disk
        kill_window(scenario, path)
        found = orphaned_recoveries()
        assert len(found) == 1, f"{scenario}: no recovery copy after the kill"
        recovered = found[0]
        assert recovered.doc is not None and recovered.doc.meta.title == title
        assert recovered.source_path == path
        pending = [p.text for p in recovered.pending if p.collection == "meta" and p.field == "title"]
        assert pending == ([typed] if typed else [])
        recovered.discard()
