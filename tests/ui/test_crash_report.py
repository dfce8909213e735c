"""An unexpected error in the running window is logged, the work is kept, and the window says so."""

from __future__ import annotations

import logging
import stat
import sys

from PySide6.QtCore import QTimer

from workshop_app.model import UpdateItem
from workshop_app.store.recovery import read_recovery
from workshop_app.ui.window.crash_report import CrashReporter, log, start_logging


def test_an_error_in_a_slot_is_logged_kept_and_said_without_a_modal_box(window, qtbot, boxes):
    path = start_logging()
    assert path is not None and path.parent.name == "logs"
    reporter = CrashReporter(window, path)
    reporter.install()
    try:
        assert window.doc.push(UpdateItem("meta", None, {"title": "Work before the error"}))
        window.safekeeper.writer.discard()  # as if the last copy had not been written yet

        def broken_slot():
            raise ZeroDivisionError("a bug, not the user's fault")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: "Something went wrong" in window.message_bar.current_text(), timeout=3000)
    finally:
        reporter.uninstall()
        for handler in list(log.handlers):
            handler.flush()
            handler.close()
            log.removeHandler(handler)
    shown = window.message_bar.current_text()
    assert "ZeroDivisionError" in shown and str(path) in shown
    assert boxes.shown == []  # no box in front of the room
    logged = path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug, not the user's fault" in logged and "Traceback" in logged
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # tracebacks may quote workshop text
    assert read_recovery(window.safekeeper.writer.path).doc.meta.title == "Work before the error"
    assert sys.excepthook is not reporter.excepthook
    assert log.level in (logging.INFO, logging.DEBUG)
