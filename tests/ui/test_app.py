"""Starting the GUI: language choice, Qt translations, opening a file or the demo, bad files."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from workshop_app import i18n
from workshop_app.ui import app as app_module
from workshop_app.ui.window.settings import app_settings


@pytest.fixture
def no_event_loop(monkeypatch):
    """run_gui shows the window and returns at once; the window is kept for inspection."""
    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    from workshop_app.ui.window.main_window import MainWindow

    for name in ("show", "showMaximized"):
        original = getattr(MainWindow, name)

        def show(self, original=original):
            shown.append(self)
            original(self)

        monkeypatch.setattr(MainWindow, name, show)
    yield shown
    for win in shown:
        if not win.is_ready():
            continue
        win.doc.undo_stack.setClean()
        win.close()
        win.deleteLater()


def test_language_from_argument_then_settings_then_system(qtbot):
    settings = app_settings()
    settings.setValue("language", "de")
    assert app_module.choose_language("en", settings) == "en"
    assert app_module.choose_language(None, settings) == "de"
    settings.remove("language")
    assert app_module.choose_language(None, settings) in ("de", "en")


def test_bad_file_on_start_shows_problems_and_starts_new(qtbot, boxes, tmp_path, no_event_loop):
    bad = tmp_path / "broken.workshop.json"
    bad.write_text("{ not json")
    before = bad.read_bytes()
    assert app_module.run_gui(str(bad), False, "en", None) == 0
    window = no_event_loop[0]
    qtbot.waitUntil(window.is_ready)  # the file is opened once the window's shell has painted
    assert window.doc.path is None and window.doc.workshop.participants == []
    assert any("broken.workshop.json" in text and "not valid JSON" in text for text in boxes.texts())
    assert bad.read_bytes() == before


def test_demo_opens_in_german_with_qt_translations(qtbot, boxes, no_event_loop):
    app_module.run_gui(None, True, "de", None)
    window = no_event_loop[0]
    qtbot.waitUntil(window.is_ready)
    assert i18n.current_language() == "de"
    assert window.doc.workshop.participants, "the demo has participants"
    assert window.current_phase is not None
    assert getattr(QApplication.instance(), "_tandem_translators", [])
    assert window.commands.undo.text() == "&Rückgängig"
    assert boxes.shown == []
