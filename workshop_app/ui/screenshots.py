"""``--screenshots DIR``: every phase page as ``DIR/NN-<phase>.png`` for review and docs.

Then the projector pictures (presentation mode and the audience window, see
:mod:`workshop_app.ui.projector.present_shots`).

Renders the real window (so headers, navigator and timebox are in the
picture) at 1600×900, or the size asked for (``--size 1366x768``), without showing it on screen; works with the
``offscreen`` platform.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from workshop_app.model import Phase

SIZE = QSize(1600, 900)


def render_screenshots(window, folder: Path, size: QSize | None = None) -> list[Path]:
    """Write one PNG per phase; returns the files written (raises OSError if the folder cannot be made)."""
    size = size or SIZE
    folder.mkdir(parents=True, exist_ok=True)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(size)
    window.show()
    written = []
    for number, phase in enumerate(Phase, start=1):
        window.go_to_phase(phase, focus=False)
        page = window.page(phase)
        page.select_initial()
        for _round in range(3):  # let layouts and lazy widgets settle
            QApplication.processEvents()
        target = folder / f"{number:02d}-{phase.value}.png"
        if not window.grab().save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    from workshop_app.ui.projector.present_shots import render_presentation

    written += render_presentation(window, folder)  # what the room sees (20-…, 21-…, 30-…)
    return written
