"""UI tests: Qt's standard paths in test mode, so nothing real is touched.

Message boxes never block a test: their static helpers and ``exec`` are
replaced by recorders (``boxes``) that answer with the default button or
whatever a test queued in ``boxes.answers``.

Two screens for the whole session, like the facilitator's laptop with a
projector: the offscreen platform reads them from a JSON file (``SCREENS``:
a 1280×720 "laptop", primary, and a 1920×1080 "projector" to its right).
One QApplication serves the whole test process, so this is set before Qt
starts rather than per test; it lets the audience-window tests drive real
widgets with pytest-qt, and every other UI test runs on the laptop screen
as before (tests needing a single screen patch
``workshop_app.ui.projector.presentation.available_screens``).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

import pytest

SCREENS = {"screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96},
    {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
]}


def _two_screens() -> None:
    qt_started = "PySide6.QtWidgets" in sys.modules and sys.modules["PySide6.QtWidgets"].QApplication.instance()
    if qt_started or not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return
    sandbox = os.path.dirname(os.environ.get("TANDEM_CONFIG_DIR", "")) or None  # tests/conftest.py's folder
    handle, path = tempfile.mkstemp(prefix="tandem-screens-", suffix=".json", dir=sandbox)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(SCREENS, file)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


_two_screens()


@pytest.fixture(autouse=True, scope="session")
def _qt_test_paths():
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    yield


class BoxRecorder:
    """Every message box a test caused: (kind, title, text), and queued answers."""

    def __init__(self):
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list = []

    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.shown]

    def _answer(self, default):
        return self.answers.pop(0) if self.answers else default


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> BoxRecorder:
    from PySide6.QtWidgets import QMessageBox

    recorder = BoxRecorder()
    Button = QMessageBox.StandardButton

    def static(kind, default):
        def show(parent, title, text, buttons=None, default_button=None):
            recorder.shown.append((kind, title, text))
            return recorder._answer(default_button if default_button not in (None, Button.NoButton) else default)
        return show

    monkeypatch.setattr(QMessageBox, "warning", static("warning", Button.Ok))
    monkeypatch.setattr(QMessageBox, "critical", static("critical", Button.Ok))
    monkeypatch.setattr(QMessageBox, "information", static("information", Button.Ok))
    monkeypatch.setattr(QMessageBox, "question", static("question", Button.Yes))
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: recorder.shown.append(("about", title, text)))

    def exec_box(self):
        recorder.shown.append(("box", self.windowTitle(), self.text() + "\n" + self.informativeText()))
        return recorder._answer(Button.Ok)

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    # a file dialog must never open for real: tests that need one patch it with a path
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    return recorder


@pytest.fixture
def window(qtbot):
    """A shown main window on a new workshop; closed without prompting at the end.

    A test that leaves a top-level widget behind (a dialog without a parent,
    a window never closed) fails: in the app such a widget would stay open
    or pile up over a day's workshop.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui.window.main_window import MainWindow

    before = {id(w) for w in QApplication.topLevelWidgets()}
    win = MainWindow()
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    yield win
    win.doc.undo_stack.setClean()
    win.clock.running = None
    win.close()
    win.deleteLater()
    for _round in range(3):  # deleting one widget may post the deletion of others
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    # a popup (a combo box's list, a menu) is top-level but owned by its widget: only orphans leak
    leaked = [w for w in QApplication.topLevelWidgets()
              if id(w) not in before and w.parent() is None and not isinstance(w, _QT_INTERNAL)]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    assert not leaked, f"top-level widgets left behind: {[type(w).__name__ + ' ' + w.objectName() for w in leaked]}"


def _qt_internal_types() -> tuple[type, ...]:
    from PySide6.QtWidgets import QMenu

    return (QMenu,)  # menus and their tear-offs belong to the menu bar and live as long as the app


_QT_INTERNAL: tuple[type, ...] = ()


@pytest.fixture(autouse=True, scope="session")
def _internal_widget_types():
    global _QT_INTERNAL
    _QT_INTERNAL = _qt_internal_types()
    yield
