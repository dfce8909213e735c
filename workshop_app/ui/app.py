"""Starting the GUI: the QApplication, the language, the first workshop, screenshots.

``run_gui`` is what ``tandem`` calls (workshop_app/cli.py). A file that
cannot be opened is reported with all its problems and the app starts with a
new workshop instead; the file is never written to.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workshop_app import i18n


def choose_language(lang: str | None, settings) -> str:
    """The ``--lang`` argument, else the stored choice (View ▸ Language), else the system's language."""
    if lang in i18n.LANGUAGES:
        return lang
    from workshop_app.ui.window.settings import language_choice, resolve_language

    return resolve_language(language_choice(settings))


def install_qt_translations(app, lang: str) -> None:
    """Qt's own dialogs (file dialog, message box buttons) in the UI language."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    for old in getattr(app, "_tandem_translators", []):
        app.removeTranslator(old)
    app._tandem_translators = []
    if lang == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(f"{name}_{lang}", folder):
            app.installTranslator(translator)
            app._tandem_translators.append(translator)
            break


def create_application():
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui.widgets.style import apply_palette

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Tandem")
    app.setOrganizationName("Tandem")
    app.setApplicationDisplayName("Tandem")
    apply_palette(app)
    return app


def scratch_copy(settings):
    """A copy of ``settings`` in a temporary folder (and that folder): what it changes goes nowhere."""
    import tempfile

    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="tandem-settings-")
    copy = QSettings(str(Path(folder) / "tandem.ini"), QSettings.Format.IniFormat)
    for key in settings.allKeys():
        copy.setValue(key, settings.value(key))
    return copy, folder


def _no_display() -> bool:
    """True on Linux/BSD without X11 or Wayland and no platform chosen: Qt would abort."""
    import os

    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(path: str | None, demo: bool, lang: str | None, screenshots: str | None, debug: bool = False,
            size: tuple[int, int] | None = None) -> int:
    """Start the window (or render screenshots and exit); returns the exit code.

    ``size`` (width, height) is the window size of the screenshots (default 1600×900).

    ``debug`` logs everything, not only warnings and errors (see :mod:`workshop_app.ui.window.crash_report`).
    """
    if _no_display():
        if not screenshots:
            print(i18n._("tandem: no display found. Start Tandem in a desktop session, or use the headless "
                         "commands (see 'tandem --help')."), file=sys.stderr)
            return 1
        import os

        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # screenshots need no screen
    import gc

    # The start makes many objects that live on (Qt's wrappers, the schemas, the pages) and little
    # garbage: the ~130 collections it would trigger, one of them full, cost a tenth of the time to a
    # usable window. Once the window is ready, what is there is frozen (else the first collection
    # would walk all of it at once) and collections resume; settle() collects it a moment later.
    gc.disable()
    try:
        return _start(path, demo, lang, screenshots, debug, size)
    finally:
        gc.enable()


def _start(path: str | None, demo: bool, lang: str | None, screenshots: str | None, debug: bool,
           size: tuple[int, int] | None) -> int:
    import gc

    app = create_application()
    from PySide6.QtCore import QTimer

    from workshop_app.ui.window.main_window import MainWindow
    from workshop_app.ui.window.settings import app_settings

    settings = app_settings()
    scratch = None
    if screenshots:  # a headless run reads the user's settings but never changes them (size, zoom, recent files)
        settings, scratch = scratch_copy(settings)
    language = choose_language(lang, settings)
    i18n.set_language(language)
    install_qt_translations(app, language)
    if screenshots:
        return _render_screenshots(MainWindow(settings), path, demo, language, Path(screenshots), size, scratch)

    # The shell (title, navigator, an empty page) paints first; then the model is imported, the
    # workshop opened and its page filled (MainWindow.finish_start), and the window takes input.
    # Opened before the page is first filled, so no page is built twice. Work left by a crash is
    # offered once the window is ready.
    window = MainWindow(settings, shell_only=True)
    from workshop_app.ui.window.crash_report import CrashReporter, start_logging

    reporter = CrashReporter(window, None)
    reporter.install()

    def finish() -> None:
        reporter.path = start_logging(debug)  # the log's folder is the store's: after the first paint
        opened = window.open_demo if demo else (lambda: window.open_path(path)) if path else None
        window.finish_start(opened)  # a file's problems are shown; the new workshop stays
        gc.freeze()  # what the start made lives on: collections from now on need not walk it
        gc.enable()
        QTimer.singleShot(0, window.safekeeper.offer_recoveries)

    window.after_first_paint(finish)
    geometry = settings.value("geometry")
    if geometry is not None and window.restoreGeometry(geometry):
        window.show()
    else:
        screen = app.primaryScreen()
        if screen is not None:  # also right without a window manager that maximizes
            window.setGeometry(screen.availableGeometry())
        window.showMaximized()  # the projector and the laptop both want every pixel
    try:
        return app.exec()
    finally:
        reporter.uninstall()


def _render_screenshots(window, path: str | None, demo: bool, language: str, folder: Path,
                        size: tuple[int, int] | None, scratch: str | None) -> int:
    """``--screenshots``: every page of the demo or of ``path`` as PNG into ``folder``; the exit code."""
    from PySide6.QtCore import QSize

    from workshop_app.store import LoadError, load_workshop
    from workshop_app.ui.screenshots import render_screenshots

    try:
        if demo:
            from workshop_app.store.demo import load_demo

            window.set_workshop(load_demo(language), None)
        elif path:
            try:
                window.set_workshop(load_workshop(path), path)
            except LoadError as exc:
                print(i18n._("Cannot open {path}:").format(path=path), file=sys.stderr)
                for problem in exc.problems:
                    print(f"  {problem}", file=sys.stderr)
                return 2
        written = render_screenshots(window, folder, QSize(*size) if size else None)
        for file in written:
            print(file)
        window.doc.undo_stack.setClean()
        window.close()
    finally:
        if scratch is not None:
            import shutil

            shutil.rmtree(scratch, ignore_errors=True)
    return 0
