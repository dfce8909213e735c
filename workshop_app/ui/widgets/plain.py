"""User text is data, never markup: one place for how the UI shows it.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) for
labels, message boxes and tooltips. A title such as ``<a href="file:///…">``
would then become a live link, ``<img src=x>`` a broken-image icon and
``<table>`` a layout. Everything that shows text a person typed or a file
name goes through these helpers instead:

- :func:`shown` — control characters (ESC, BEL, NUL, BS, …) as visible
  symbols, so they neither garble a widget nor vanish silently;
- :func:`plain_tooltip` — a tooltip (widget, item or item model) that shows
  its text literally; :func:`literal` the same for ``QMessageBox.warning``
  and the other static boxes, whose text format Qt guesses too;
  :func:`escaped` for HTML built on purpose (all Qt-free, in
  :mod:`workshop_app.display_text`);
- :class:`PlainLabel` / :func:`make_plain` — a label that never interprets
  its text and never opens links (also for a ``QMessageBox`` built by hand:
  ``setTextFormat(Qt.TextFormat.PlainText)``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.display_text import escaped, literal, menu_text, plain_tooltip, shown

__all__ = ["PlainLabel", "escaped", "literal", "make_plain", "menu_text", "plain_tooltip", "shown"]


def make_plain(label: QLabel) -> QLabel:
    """Make an existing label show its text literally and never open links."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


class PlainLabel(QLabel):
    """A label for text that may come from a person or a file: shown literally, controls visible."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        make_plain(self)
        self.setText(text)

    def setText(self, text: str) -> None:  # Qt override: every caller gets the same treatment
        super().setText(shown(text))
