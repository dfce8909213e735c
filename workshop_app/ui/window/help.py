"""The keyboard reference shown by Help → Keyboard shortcuts (F1)."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from workshop_app.i18n import _, current_language


def shortcuts_text() -> str:
    rows = [
        ("Ctrl+1 … Ctrl+7", _("Go to phase 1 … 7")),
        ("Ctrl+PgDown / Ctrl+PgUp", _("Next / previous phase")),
        ("Tab / Shift+Tab", _("Next / previous field")),
        ("Enter", _("Add the typed entry; commit a field")),
        ("F2", _("Edit the selected cell in place")),
        ("Alt+Up / Alt+Down", _("Move the selected entry up or down")),
        ("Insert", _("Jump from a list to its add field")),
        ("Ctrl+Tab / Ctrl+Shift+Tab", _("Next / previous inventory category")),
        ("Ctrl+Up / Ctrl+Down", _("One dot more / less for the selected conflict")),
        ("Del", _("Delete the selected entry")),
        ("Ctrl+Z / Ctrl+Shift+Z", _("Undo / redo")),
        ("F9 / Shift+F9", _("Start or pause the timebox / add five minutes")),
        ("Ctrl+D", _("Mark the phase as done")),
        ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", _("Larger / smaller / normal type")),
        ("F11", _("Full screen")),
        ("Ctrl+S / Ctrl+O / Ctrl+N", _("Save / open / new workshop")),
        ("Ctrl+E", _("Export minutes")),
    ]
    from workshop_app.ui.projector.present_actions import shortcut_rows

    rows += shortcut_rows()  # presentation mode and the projector
    body = "".join(f"<tr><td style='padding-right:18px'><b>{escape(key_names(k))}</b></td><td>{escape(t)}</td></tr>"
                   for k, t in rows)
    return f"<table cellspacing='4'>{body}</table>"


def key_names(keys: str) -> str:
    """``Ctrl+S / Ctrl+O`` as the keyboard in the UI language labels it (``Strg+S / Strg+O`` in German).

    English keeps the names written above (they match the README); other
    languages get Qt's own, translated names, so the reference reads like the menus.
    """
    if current_language() == "en":
        return keys
    from PySide6.QtGui import QKeySequence

    def native(part: str) -> str:
        portable = part.replace("Plus", "+").replace("Minus", "-")
        sequence = QKeySequence(portable, QKeySequence.SequenceFormat.PortableText)
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText) if sequence.count() == 1 else ""
        return text or part

    return "".join(native(part) if part.strip() and part not in (" / ", " … ") else part
                   for part in re.split(r"( / | … )", keys))


class ShortcutsDialog(QDialog):
    """The keyboard reference: scrolls, fits the screen, closes with Esc or F1."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.text = QTextBrowser()
        self.text.setObjectName("shortcuts_text")
        self.text.setOpenLinks(False)
        self.text.setHtml(shortcuts_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._sized = False

    def showEvent(self, event) -> None:
        """Sized when first shown, from the fonts the window's style gives it, so no line is cut."""
        if not self._sized:
            self._sized = True
            self._fit_to_text()
        super().showEvent(event)

    def _fit_to_text(self) -> None:
        """As large as the whole reference (up to most of the screen); beyond that it scrolls.

        Measured before the style sheet's font reached the text, the height came
        out a line short and the last line was cut. The text is measured with the
        polished font at the width its viewport will have, and the frame around
        it is taken from the dialog's own layout, not guessed.
        """
        self.ensurePolished()
        self.text.ensurePolished()
        self.text.document().setDefaultFont(self.text.font())
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        room = screen.availableGeometry()
        document = self.text.document()
        document.setTextWidth(min(760, room.width() * 0.8))
        text_width = int(document.idealWidth()) + 8
        scroll_width = self.text.verticalScrollBar().sizeHint().width()
        frame = 2 * self.text.frameWidth()
        margins = self.layout().contentsMargins()
        width = min(text_width + frame + scroll_width + margins.left() + margins.right(), int(room.width() * 0.8))
        document.setTextWidth(width - frame - scroll_width - margins.left() - margins.right())
        text_height = int(document.size().height() + 0.999) + frame + 4
        others = self.layout().sizeHint().height() - self.text.sizeHint().height()
        self.resize(width, min(text_height + others, int(room.height() * 0.85)))
