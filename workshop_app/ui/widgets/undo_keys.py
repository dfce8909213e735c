"""Undo and redo in a window of its own beside the main window (the alignment check, the review).

The main window's shortcuts do not reach a separate window, so each such window
gets the same two keys, working on the workshop's one undo stack, refused
like the main window's when the workshop is open read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from workshop_app.ui.document import Document


def add_undo_keys(window: QWidget, doc: Document, commit: Callable[[], None] | None = None) -> None:
    """The platform's undo and redo keys in ``window``; ``commit`` first writes back a value still being typed."""

    def step(undo: bool) -> None:
        if commit is not None:
            commit()
        if not doc.refused_as_read_only():
            if undo:
                doc.undo_stack.undo()
            else:
                doc.undo_stack.redo()

    for keys, undo in ((QKeySequence.StandardKey.Undo, True), (QKeySequence.StandardKey.Redo, False)):
        action = QAction(window)
        action.setShortcuts(keys)  # every binding of the platform (redo: Ctrl+Y and Ctrl+Shift+Z), as the main window
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, u=undo: step(u))
        window.addAction(action)
