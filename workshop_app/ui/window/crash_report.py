"""Unexpected errors are reported, not lost: a log file, the recovery copy, a short message.

Once the window is up, an exception that nobody caught (in a slot, a timer,
a paint) would otherwise print a traceback to a terminal the facilitator
never sees — or, started from a desktop launcher, vanish. Instead it is
written with its traceback to a rotating log in the user's private data
folder (the traceback may quote workshop text, so the log is private too),
the recovery copy is written at once, and the window says in one line what
happened and where the log is, without a modal box in front of the room.
Qt's own warnings go to the same log. ``tandem --debug`` logs more.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from workshop_app.i18n import _

if TYPE_CHECKING:
    from workshop_app.ui.window.main_window import MainWindow

log = logging.getLogger("workshop_app")
LOG_NAME = "tandem.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


def log_path() -> Path | None:
    """Where the log is written, or None when the data folder cannot be used."""
    from workshop_app.store.private_files import private_dir

    try:
        return private_dir("logs") / LOG_NAME
    except OSError:
        return None


def start_logging(debug: bool = False) -> Path | None:
    """Log Tandem's messages (warnings and up, everything with ``debug``) to the rotating file; its path."""
    path = log_path()
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    if path is None:
        return None
    try:
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                       encoding="utf-8", errors="backslashreplace")
        path.chmod(0o600)
    except OSError:
        return None
    handler.setLevel(logging.DEBUG if debug else logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    return path


class CrashReporter:
    """Installed once per GUI run: ``sys.excepthook``, ``threading.excepthook`` and Qt's message handler."""

    def __init__(self, window: MainWindow, path: Path | None):
        self.window = window
        self.path = path
        self._previous = sys.excepthook
        self._reporting = False

    def install(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        sys.excepthook = self._previous
        threading.excepthook = threading.__excepthook__
        qInstallMessageHandler(None)

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, value, tb)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        if self._reporting or not self.window.is_ready():  # reporting one already, or still the window's
            return  # shell (no work to keep, no message bar yet): the log has it
        self._reporting = True
        try:
            self._keep_work()
            self._tell(value)
        except Exception:
            log.exception("the error could not be shown")
        finally:
            self._reporting = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        log.error("unexpected error in thread %s", getattr(args.thread, "name", "?"),
                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    def _keep_work(self) -> None:
        safekeeper = self.window.safekeeper
        safekeeper.write_recovery(self.window.doc)

    def _tell(self, value: BaseException) -> None:
        where = str(self.path) if self.path else _("(no log file: the data folder cannot be used)")
        what = type(value).__name__
        self.window.message_bar.show_refusal(
            _("Something went wrong inside Tandem ({what}). Your work is kept; the details are in {log}.")
            .format(what=what, log=where))

    def _qt_message(self, mode, context, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
                 QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
        if "propagateSizeHints" in message:  # the offscreen and some Wayland platforms say this at every start
            level = logging.DEBUG
        logging.getLogger("workshop_app.qt").log(level, "%s", message)
