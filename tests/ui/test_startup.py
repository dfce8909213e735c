"""Start-up in two steps: the shell paints before the model is imported, then the workshop comes in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workshop_app.i18n import _
from workshop_app.model import Phase
from workshop_app.ui import app as app_module
from workshop_app.ui.window.main_window import SHELL_MENUS, MainWindow
from workshop_app.vocabulary import PHASE_NAMES

ROOT = Path(__file__).resolve().parents[2]


def _fresh_interpreter(code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_window_shell_imports_neither_pydantic_nor_the_model_nor_a_page():
    """What the first paint needs is Qt and the phase names: the schemas and the pages come after it."""
    proc = _fresh_interpreter(
        "import sys\n"
        "import workshop_app.cli, workshop_app.ui.app\n"
        "from workshop_app.ui.window.main_window import MainWindow\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "window = MainWindow(shell_only=True)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' or m.startswith(\n"
        "    ('workshop_app.model.workshop', 'workshop_app.store', 'workshop_app.ui.pages', 'workshop_app.analysis')))\n"
        "print('HEAVY', heavy)\n")
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stdout, proc.stdout


def test_the_shell_shows_the_seven_phases_and_the_menu_titles_of_the_finished_window(qtbot):
    window = MainWindow(shell_only=True)
    qtbot.addWidget(window)
    assert not window.is_ready()
    names = [window.navigator.item(row).text() for row in range(window.navigator.count())]
    assert names == [_(PHASE_NAMES[phase]) for phase in Phase]
    shell_titles = [action.text() for action in window.menuBar().actions()]
    assert shell_titles == [_(title) for title in SHELL_MENUS]
    window.finish_start()
    assert window.is_ready()
    # the real menus replace the shell's titles one for one: the bar does not change under the eye
    assert [action.text() for action in window.menuBar().actions()] == shell_titles
    window.doc.undo_stack.setClean()


def test_tandem_demo_paints_the_shell_first_then_opens_the_demo_and_takes_input(qtbot, monkeypatch, boxes):
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    windows: list[MainWindow] = []
    for name in ("show", "showMaximized"):  # a stored geometry is restored and shown, else maximized
        original = getattr(MainWindow, name)
        monkeypatch.setattr(MainWindow, name, lambda self, original=original: (windows.append(self), original(self)))
    assert app_module.run_gui(None, True, "en", None) == 0
    window = windows[0]
    with qtbot.waitSignal(window.ready, timeout=5000):
        pass  # the start finishes after the shell's first paint, from the event loop
    assert window.doc.workshop.participants, "the demo is in"
    page = window.current_page()
    assert page is not None and window.stack.currentWidget() is page
    assert window.windowTitle().startswith(window.doc.display_name())
    assert window.commands.undo.isEnabled() is False and window.commands.save.isEnabled()
    window.go_to_phase(Phase.SETUP)  # other pages are built when visited
    assert window.current_phase == Phase.SETUP and Phase.SETUP in window.pages
    window.doc.undo_stack.setClean()
    window.close()
    assert boxes.shown == []


def test_closing_the_shell_before_the_workshop_is_in_closes_without_questions(qtbot, boxes):
    window = MainWindow(shell_only=True)
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert boxes.shown == []
