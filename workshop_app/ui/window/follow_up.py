"""The window's follow-up commands: start a follow-up from an earlier file, open the follow-up demo, the review.

Functions taking the main window (wired in ``ui/window/actions.py``), so the
window's own module stays as it is and start-up does not import any of this.
A new follow-up opens as an unsaved new document (no file yet, and marked
unsaved, so closing asks to save it); the earlier file is only read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from workshop_app.i18n import _

if TYPE_CHECKING:
    from workshop_app.model import Workshop
    from workshop_app.ui.pages.review import ReviewWindow
    from workshop_app.ui.window.main_window import MainWindow


def review_window(window: MainWindow) -> ReviewWindow:
    """The window's review window, made on first use (a child of the main window)."""
    from workshop_app.ui.pages.review import ReviewWindow

    found = window.findChild(ReviewWindow, "review_window")
    return found if isinstance(found, ReviewWindow) else ReviewWindow(window.doc, window)


def show_review(window: MainWindow) -> None:
    """Phase ▸ What moved?: the review of a follow-up (for any other workshop it says how to start one)."""
    review = review_window(window)
    review.show()
    review.raise_()
    review.activateWindow()


def offer_review(window: MainWindow) -> None:
    """A follow-up was opened: it starts with its review, so the review comes up beside the phases."""
    if window.doc.workshop.follow_up is not None and window.isVisible():
        show_review(window)


def _open_as_new(window: MainWindow, workshop: Workshop) -> None:
    window.set_workshop(workshop, None)
    window.doc.undo_stack.resetClean()  # nothing of it is saved yet: closing asks, as for any unsaved change
    show_review(window)


def new_follow_up(window: MainWindow) -> bool:
    """File ▸ New follow-up workshop…: choose the earlier file; the follow-up opens unsaved."""
    if not window.maybe_save():
        return False
    path, _filter = QFileDialog.getOpenFileName(window, _("Earlier workshop to follow up"), window.last_folder(),
                                                window._file_filter())
    if not path:
        return False
    return start_follow_up(window, Path(path))


def start_follow_up(window: MainWindow, path: Path) -> bool:
    """Make the follow-up of the workshop in ``path`` and open it; problems of the file are shown, nothing written."""
    from workshop_app.analysis.then_now import conflict_snapshot
    from workshop_app.store import LoadError
    from workshop_app.store.follow_up import carry_over, read_earlier

    try:
        earlier, reference = read_earlier(path)
    except LoadError as exc:
        window.show_load_problems(path, exc)
        return False
    _open_as_new(window, carry_over(earlier, reference, conflict_snapshot(earlier), today=date.today()))
    window.statusBar().showMessage(_("Follow-up of {name}: review what moved, then save it under a new name.")
                                   .format(name=path.name), 8000)
    return True


def open_follow_up_demo(window: MainWindow) -> bool:
    """File ▸ Open demo follow-up: the demo workshop three months later, its review filled in."""
    def load(lang: str):
        from workshop_app.store.demo_follow_up import load_follow_up_demo

        return load_follow_up_demo(lang)

    return window.open_built_in(load)
