"""The questions safe-keeping asks: file locked or marked open elsewhere, read-only, changed on disk,
a failed save, a recovery copy to restore. Every text is plain (file names, titles and host names are data).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_app.i18n import N_, _, current_language
from workshop_app.locale_format import format_datetime, quote
from workshop_app.model import Workshop
from workshop_app.model.diff import differences
from workshop_app.store import LoadError, load_workshop
from workshop_app.store.lock import LockOwner
from workshop_app.store.recovery import Recovered
from workshop_app.store.saving import ChangedOnDisk, ReadOnlyFile
from workshop_app.ui.widgets.plain import shown

Button = QMessageBox.StandardButton

COLLECTION_NAMES = {
    "meta": N_("workshop details"), "agenda": N_("agenda"), "pilot": N_("pilot"),
    "participants": N_("participants"), "elements": N_("entries"), "links": N_("links"),
    "conflicts": N_("conflicts"), "decisions": N_("decisions"), "actions": N_("actions"),
    "parking_lot": N_("parking lot"), "analysis": N_("analysis thresholds"),
    "alignment_statements": N_("alignment check statements"), "alignment_rounds": N_("alignment check rounds"),
    "alignment_responses": N_("alignment check responses"), "alignment_tallies": N_("alignment check tallies"),
}


def choose(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, informative: str,
           answers: dict[QMessageBox.StandardButton, tuple[str, str]], default: QMessageBox.StandardButton,
           cancel: bool = True) -> str:
    """Ask in plain text with buttons that say what they do: ``answers`` maps a button to (its label, the
    answer's name); returns that name, or "cancel" for Cancel, Escape or a closed box."""
    buttons = Button.Cancel if cancel else Button.NoButton
    for button in answers:
        buttons |= button
    box = QMessageBox(icon, title, shown(text), buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(shown(informative))
    for button, (label, _name) in answers.items():
        box.button(button).setText(label)
    box.setDefaultButton(default)
    chosen = box.exec()
    return next((name for button, (_label, name) in answers.items() if button == chosen), "cancel")


def ask_take_over(parent: QWidget, path: Path, owner: LockOwner) -> bool:
    return choose(parent, QMessageBox.Icon.Question, _("Workshop marked as open"),
                  _("“{name}” is marked as open by Tandem on the computer “{host}” (since {since}).").format(
                      name=path.name, host=owner.host, since=short_time(owner.since)),
                  _("If that is this computer under an earlier name, or Tandem is no longer open there, take "
                    "the file over. Otherwise two windows could overwrite each other's work."),
                  {Button.Yes: (_("Take it over"), "take"), Button.No: (_("Leave it"), "leave")},
                  Button.No, cancel=False) == "take"


def ask_about_locked(parent: QWidget, path: Path, owner: LockOwner) -> str:
    """'read_only', 'copy' or 'cancel' for a file another Tandem has open."""
    return choose(parent, QMessageBox.Icon.Warning, _("Workshop already open"),
                  _("“{name}” is open in another Tandem window (since {since}).").format(
                      name=path.name, since=short_time(owner.since)),
                  _("Two windows saving one file would overwrite each other's work. "
                    "Open it read-only, or open a copy that you save under another name."),
                  {Button.Yes: (_("Open read-only"), "read_only"), Button.No: (_("Open a copy"), "copy")},
                  Button.Yes)


def ask_read_only(parent: QWidget, exc: ReadOnlyFile) -> str:
    """'replace', 'save_as' or 'cancel' for a file marked read-only."""
    return choose(parent, QMessageBox.Icon.Warning, _("File is read-only"), str(exc),
                  _("Someone may have protected it on purpose. Replace it anyway, or save under another name?"),
                  {Button.Yes: (_("Replace it"), "replace"), Button.Save: (_("Save as…"), "save_as")},
                  Button.Save)


def ask_changed_on_disk(parent: QWidget, path: Path, exc: ChangedOnDisk) -> str:
    """'reload', 'save_as', 'overwrite' or 'cancel' for a file someone saved meanwhile."""
    return choose(parent, QMessageBox.Icon.Warning, _("File changed on disk"), str(exc),
                  _("Someone else (or another program) saved it meanwhile. Saving now would overwrite their "
                    "changes. Reload their version (yours are dropped), save yours under another name, or "
                    "overwrite theirs?"),
                  {Button.Open: (_("Reload"), "reload"), Button.Save: (_("Save as…"), "save_as"),
                   Button.Yes: (_("Overwrite"), "overwrite")},
                  Button.Save)


def offer_save_as(parent: QWidget, path: Path, reason: str, recovery_kept: bool) -> bool:
    """After a failed save: say what happened, what is kept, and offer Save as."""
    if recovery_kept:
        kept = _("The previous file is unchanged, the workshop stays open with its changes, "
                 "and the recovery copy is kept. Save it somewhere else?")
    else:
        kept = _("The previous file is unchanged and the workshop stays open with its changes, but no "
                 "recovery copy could be written either: keep Tandem open and save it somewhere else.")
    return choose(parent, QMessageBox.Icon.Critical, _("Cannot save"),
                  _("The workshop could not be saved to “{path}”: {reason}").format(path=path, reason=reason),
                  kept, {Button.Save: (_("Save as…"), "save_as")}, Button.Save) == "save_as"


def ask_restore(parent: QWidget, recovered: Recovered) -> str:
    """'restore', 'later' or 'discard' for a recovery copy a crash left behind."""
    doc = recovered.doc
    assert doc is not None
    name = doc.meta.title or (recovered.source_path.name if recovered.source_path else _("Untitled workshop"))
    when = format_datetime(recovered.written_at, current_language(), seconds=True) if recovered.written_at else "?"
    return choose(parent, QMessageBox.Icon.Warning, _("Restore unsaved work?"),
                  _("Tandem did not close properly. A recovery copy of “{name}” was written at {when}.")
                  .format(name=name, when=when), describe_recovery(recovered),
                  {Button.Yes: (_("Restore"), "restore"), Button.No: (_("Ask again next time"), "later"),
                   Button.Discard: (_("Discard the copy"), "discard")}, Button.Yes, cancel=False)


def confirm_discard(parent: QWidget) -> bool:
    answer = plain_box(parent, QMessageBox.Icon.Question, _("Discard the recovery copy?"),
                        _("The unsaved changes in the recovery copy will be gone for good."),
                        buttons=Button.Yes | Button.No, default=Button.No)
    return answer == Button.Yes


def plain_box(parent, icon: QMessageBox.Icon, title: str, text: str, informative: str = "",
               buttons: QMessageBox.StandardButton = Button.Ok, default: QMessageBox.StandardButton = Button.Ok):
    """A message box whose texts are shown as plain text (file names and titles are data, never markup)."""
    box = QMessageBox(icon, title, shown(text), buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(shown(informative))
    box.setDefaultButton(default)
    return box.exec()


def short_time(iso: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(iso), current_language())
    except ValueError:
        return iso or "?"


def describe_recovery(recovered: Recovered) -> str:
    """How the recovery copy differs from the saved file, in a few plain lines."""
    path = recovered.source_path
    lines = []
    if recovered.elsewhere and recovered.owner is not None:
        lines.append(_("It was written on the computer “{host}” (or by this one under an earlier name).")
                     .format(host=recovered.owner.host))
    if recovered.pending:
        lines.append(_("Typed but not yet entered: {fields}").format(
            fields=", ".join(quote(p.label or p.field, current_language()) for p in recovered.pending)))
    if path is None:
        lines.append(_("The workshop had never been saved; the recovery copy is the only copy."))
        return "\n".join(lines)
    lines.append(_("Saved file: {path}").format(path=path))
    try:
        saved: Workshop | None = load_workshop(path)
        stamp = format_datetime(datetime.fromtimestamp(os.stat(path).st_mtime), current_language(), seconds=True)
        lines.append(_("saved at {when}").format(when=stamp))
    except (LoadError, OSError):
        saved = None
        lines.append(_("The saved file cannot be read any more; the recovery copy may be the only good copy."))
    if saved is not None and recovered.doc is not None:
        changes = differences(saved, recovered.doc)
        if not changes:
            lines.append(_("The recovery copy has the same content as the saved file."))
        for change in changes[:8]:
            parts = []
            if change.added:
                parts.append(_("{n} added").format(n=len(change.added)))
            if change.removed:
                parts.append(_("{n} removed").format(n=len(change.removed)))
            if change.changed:
                parts.append(_("{n} changed").format(n=len(change.changed)))
            examples = ", ".join(quote(t[:40], current_language())
                                 for t in (change.added + change.changed + change.removed)[:3])
            name = _(COLLECTION_NAMES.get(change.collection, change.collection))
            lines.append(f"• {name}: {', '.join(parts)}" + (f" ({examples})" if examples else ""))
    return "\n".join(lines)
