"""The keyboard reference shown by Help → Keyboard shortcuts (F1)."""

from __future__ import annotations

from html import escape

from workshop_app.i18n import _


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
    from workshop_app.ui.present_actions import shortcut_rows

    rows += shortcut_rows()  # presentation mode and the projector
    body = "".join(f"<tr><td style='padding-right:18px'><b>{escape(k)}</b></td><td>{escape(t)}</td></tr>" for k, t in rows)
    return f"<table cellspacing='4'>{body}</table>"
