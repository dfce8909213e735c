"""Keeping edits quick on large workshops, where the room would notice a stall.

Two costs would otherwise land in the middle of an edit:

* Python's full garbage collection walks every tracked object; with a large
  workshop and matplotlib loaded that is ~150,000 objects and 70–100 ms, at
  an arbitrary keystroke. After a workshop is loaded (and after the heavy
  libraries arrive) the long-lived objects are collected once and frozen
  (``gc.freeze``), so later collections only walk what edits create.
* The first visit of the Conflicts page would import matplotlib and networkx
  (about a second). They are imported on a background thread once the
  window has painted for the first time instead — not earlier: the thread
  holds the GIL for much of that second, and started with the window it
  made the first paint ~100 ms later (benchmarks/bench_startup.py). Another
  thread that wants one of those packages meanwhile waits for the preload
  (:mod:`workshop_app.ui.window.import_guard`); Python's import locks alone let it
  meet a half-imported matplotlib.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from workshop_app.ui.window import import_guard

if TYPE_CHECKING:
    from workshop_app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

#: Imported in the background: what the graph, the charts and the analysis need.
PRELOAD = ("networkx", "matplotlib.figure", "matplotlib.backends.backend_agg", "matplotlib.patches",
           "matplotlib.path", "matplotlib.ticker")
#: Packages the preload imports (directly or through them): nobody else starts one of them meanwhile.
PRELOAD_PACKAGES = ("networkx", "matplotlib", "mpl_toolkits", "numpy", "PIL", "kiwisolver", "pyparsing", "cycler",
                    "dateutil", "fontTools", "contourpy", "packaging", "scipy")
SETTLE_AFTER_MS = 1500  # after a load: the user is reading, not typing yet
PRELOAD_LATEST_MS = 3000  # a window that is not painted by then still gets its libraries in time
_preload_started = False


class Responsiveness(QObject):
    """Freezes long-lived objects after loads and preloads the graph libraries."""

    preloaded = Signal()

    def __init__(self, window: MainWindow, preload: bool = True):
        super().__init__(window)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_AFTER_MS)
        self._timer.timeout.connect(settle)
        window.doc.replaced.connect(self._timer.start)
        self.preloaded.connect(self._timer.start)  # queued: emitted from the preload thread
        self._timer.start()
        self._window = window
        if preload and not _preload_started:
            window.installEventFilter(self)  # the preload starts after the window's first paint,
            QTimer.singleShot(PRELOAD_LATEST_MS, self, self._start_preload)  # or at the latest then (unshown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._start_preload)  # once this paint has reached the screen
        return False

    def _start_preload(self) -> None:
        global _preload_started
        if not _preload_started:
            _preload_started = True
            self._preload()

    def _preload(self) -> None:
        import_guard.preload(PRELOAD, PRELOAD_PACKAGES, done=self._preloaded)

    def _preloaded(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nothing left to settle
            self.preloaded.emit()


def settle() -> None:
    """Collect what is garbage now and freeze the rest out of future full collections."""
    gc.unfreeze()  # let objects frozen earlier (an old workshop) be collected if they died
    gc.collect()
    gc.freeze()
