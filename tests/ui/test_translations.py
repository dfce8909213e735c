"""A German facilitator sees German everywhere: every phase page, the menus, Qt's own buttons.

Every string marked for translation is checked against the catalogs in
tests/test_i18n.py (Babel extraction). This file checks what is actually on
screen: a German window is walked widget by widget (labels, buttons, tabs,
table headers, placeholders, tooltips, menu actions, combo boxes, lists),
and no visible text may be an English catalog message whose German differs,
which would mean a string was shown without going through the catalog (or
was translated once, at import time, in the wrong language).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.catalogs_tool import catalogs_tool
from workshop_app import i18n
from workshop_app.model import Phase
from workshop_app.store.demo import load_demo
from workshop_app.ui import app as app_module
from workshop_app.ui.window.settings import app_settings, language_choice


def english_with_other_german() -> dict[str, str]:
    """Catalog messages (each plural form too) whose German differs from the English source."""
    return {msgid: german for msgid, german in catalogs_tool().memory("de").items() if german != msgid}


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _pieces(text: str) -> set[str]:
    """The text whole, line by line and split at the separators the UI joins facts with."""
    text = _plain(text or "").strip()
    if not text:
        return set()
    out = {text}
    for line in text.splitlines():
        out.add(line.strip())
        out |= {p.strip() for p in re.split(r" · | – |: ", line)}
    return {p for p in out if p}


def _model_texts(view: QAbstractItemView) -> set[str]:
    model = view.model()
    if model is None:
        return set()
    texts: set[str] = set()
    root = QModelIndex()
    rows = model.rowCount(root)
    try:
        columns = model.columnCount(root)
    except TypeError:  # list models keep columnCount private: one column
        columns = 1
    for orientation, count in ((Qt.Orientation.Horizontal, columns),
                               (Qt.Orientation.Vertical, 0)):
        for section in range(count):
            texts.add(str(model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole) or ""))
    for row in range(min(rows, 50)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.add(value)
    return texts


def visible_texts(root: QWidget) -> dict[str, str]:
    """text → which widget shows it, for ``root`` and every visible widget below it."""
    found: dict[str, str] = {}

    def add(text: object, where: QWidget | str) -> None:
        label = where if isinstance(where, str) else (where.objectName() or type(where).__name__)
        for piece in _pieces(str(text or "")):
            found.setdefault(piece, label)

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        add(w.toolTip(), w)
        add(w.statusTip(), w)
        add(w.whatsThis(), w)
        if isinstance(w, QLabel | QAbstractButton):
            add(w.text(), w)
        elif isinstance(w, QLineEdit):
            add(w.placeholderText(), w)
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            add(w.placeholderText(), w)
            if w.isReadOnly():
                add(w.toPlainText(), w)
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w.tabText(i), w)
                add(w.tabToolTip(i), w)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w.itemText(i), w)
        elif isinstance(w, QGroupBox):
            add(w.title(), w)
        if isinstance(w, QAbstractItemView):
            for text in _model_texts(w):
                add(text, w)
        for action in w.actions():
            add(action.text(), f"action of {type(w).__name__}")
            add(action.toolTip() if action.toolTip() != action.text().replace("&", "") else "", "action tooltip")
            if action.menu() is not None:
                for sub in action.menu().actions():
                    add(sub.text(), f"menu {action.text()}")
    return found


def untranslated(texts: dict[str, str], catalog: dict[str, str]) -> dict[str, str]:
    return {f"{text!r} (German: {catalog[text]!r})": where for text, where in texts.items() if text in catalog}


@pytest.fixture
def german_window(qtbot, boxes):
    """The main window as a German facilitator starts it: German catalogs and Qt's German buttons."""
    from workshop_app.ui.window.main_window import MainWindow

    app = QApplication.instance()
    i18n.set_language("de")
    app_module.install_qt_translations(app, "de")
    win = MainWindow()
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.doc.undo_stack.setClean()
    win.clock.running = None
    win.close()
    win.deleteLater()
    app_module.install_qt_translations(app, "en")


def _walk_menus(window) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            for piece in _pieces(action.text()):
                found.setdefault(piece, path)
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {action.text()}")

    for action in window.menuBar().actions():
        found.setdefault(action.text(), "menu bar")
        if action.menu() is not None:
            walk(action.menu(), action.text())
    return found


@pytest.mark.parametrize("content", ["demo", "new"])
def test_every_phase_page_is_german(qtbot, german_window, content):
    catalog = english_with_other_german()
    if content == "demo":
        german_window.set_workshop(load_demo("de"), None)
    shown: dict[str, str] = {}
    for phase in Phase:
        german_window.go_to_phase(phase, focus=False)
        page = german_window.page(phase)
        page.select_initial()
        for _round in range(3):
            QApplication.processEvents()
        texts = visible_texts(german_window)
        assert len(texts) > 20, f"{phase.value}: the walk found almost nothing"
        shown |= {text: f"{phase.value}: {where}" for text, where in texts.items()}
    shown |= _walk_menus(german_window)
    assert untranslated(shown, catalog) == {}
    # the walk does see catalog messages, in German
    assert "&Datei" in shown and "Zielkonflikte" in shown


def test_the_walk_would_notice_english(qtbot, german_window):
    label = QLabel("Parking lot", german_window.centralWidget())
    label.show()
    assert "'Parking lot'" in " ".join(untranslated(visible_texts(german_window), english_with_other_german()))


def test_qt_own_buttons_are_german(qtbot, german_window):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    box = QMessageBox(QMessageBox.Icon.Question, "Tandem", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, german_window)
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Nein"
    box.deleteLater()


def test_language_menu_offers_system_german_and_english(qtbot, window, boxes):
    menu = window.commands.languages
    assert list(menu) == ["system", "de", "en"]
    assert [menu[c].text() for c in ("de", "en")] == ["Deutsch", "English"]
    assert menu["system"].text() == "System default"
    window.settings.remove("language")
    menu["de"].trigger()
    assert language_choice(window.settings) == "de"
    assert boxes.texts() == ["The new language is used the next time Tandem starts."]
    menu["system"].trigger()
    assert language_choice(window.settings) == "system"


def test_stored_choice_decides_the_language_at_start(qtbot, monkeypatch):
    from workshop_app.ui.window import settings as settings_module

    settings = app_settings()
    try:
        monkeypatch.setattr(settings_module, "system_language", lambda: "de")
        settings.setValue("language", "system")
        assert app_module.choose_language(None, settings) == "de"
        settings.setValue("language", "en")
        assert app_module.choose_language(None, settings) == "en"
        assert app_module.choose_language("de", settings) == "de"  # --lang wins
        settings.setValue("language", "klingon")
        assert language_choice(settings) == "system"
    finally:
        settings.remove("language")


def test_the_keyboard_reference_names_keys_as_a_german_keyboard_does(qtbot, german_window):
    from workshop_app.ui.window.help import key_names, shortcuts_text

    assert key_names("Ctrl+S / Ctrl+O / Ctrl+N") == "Strg+S / Strg+O / Strg+N"
    assert key_names("Ctrl+Plus / Ctrl+Minus / Ctrl+0") == "Strg++ / Strg+- / Strg+0"
    assert key_names("Ctrl+1 … Ctrl+7") == "Strg+1 … Strg+7"
    assert "Ctrl+" not in shortcuts_text() and "Entf" in shortcuts_text()
