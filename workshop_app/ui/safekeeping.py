"""Nothing is ever lost: recovery copies, crash restore, file locks, safe saving.

The :class:`Safekeeper` sits beside the main window. After every committed
edit (the document's ``after_change`` hook) it writes the recovery copy; when
the document is saved or closed cleanly it removes it. On start it offers
what a crash left behind. It also holds the lock of the open file, so a
second Tandem opening the same file is told and may open it read-only or as
a copy instead.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from workshop_app.i18n import N_, _, current_language
from workshop_app.locale_format import format_datetime, quote
from workshop_app.model import Workshop
from workshop_app.model.diff import differences
from workshop_app.store import LoadError, load_workshop
from workshop_app.store.backup import prune_backups
from workshop_app.store.lock import FileLock, LockOwner
from workshop_app.store.recovery import Recovered, RecoveryWriter, orphaned_recoveries

if TYPE_CHECKING:
    from workshop_app.ui.document import Document
    from workshop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
Button = QMessageBox.StandardButton

COLLECTION_NAMES = {
    "meta": N_("workshop details"), "agenda": N_("agenda"), "pilot": N_("pilot"),
    "participants": N_("participants"), "elements": N_("entries"), "links": N_("links"),
    "conflicts": N_("conflicts"), "decisions": N_("decisions"), "actions": N_("actions"),
    "parking_lot": N_("parking lot"),
}


class Safekeeper(QObject):
    """Recovery copy and file lock of the window's open workshop."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.writer = RecoveryWriter()
        self.lock: FileLock | None = None
        self.newer_version: int | None = None  # the open file is of a newer schema: never save it
        self._warned = False
        doc = window.doc
        doc.after_change.append(self.write_recovery)
        doc.modified_changed.connect(self._on_modified_changed)
        doc.replaced.connect(self._on_replaced)

    # -- recovery copy -----------------------------------------------------------
    def write_recovery(self, doc: Document) -> None:
        """Write the recovery copy after an edit; a failure warns once and never blocks editing."""
        if not doc.is_modified:
            self.writer.discard()
            return
        try:
            self.writer.write(doc.workshop, doc.path)
        except OSError as exc:
            log.warning("recovery copy not written: %s", exc)
            if not self._warned:
                self._warned = True
                self.window.statusBar().showMessage(
                    _("Warning: the recovery copy cannot be written ({reason}). Save your work now.")
                    .format(reason=exc.strerror or exc), 15000)
        else:
            self._warned = False

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:  # saved, or undone back to the saved state
            self.writer.discard()

    def _on_replaced(self) -> None:
        self.writer.discard()
        self.newer_version = None

    def clean_exit(self) -> None:
        """The window closes with nothing unsaved the user wants: remove copy and lock."""
        self.writer.discard()
        self.release_lock()

    # -- locks -------------------------------------------------------------------
    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def take_lock(self, path: Path) -> LockOwner | None:
        """Lock ``path`` for this window; returns the other live owner if there is one."""
        if self.lock is not None and self.lock.doc_path == path and self.lock.held:
            return None
        lock = FileLock(path)
        try:
            owner = lock.acquire()
        except OSError as exc:  # a lock we cannot write protects nothing, but must not block work
            log.warning("lock not taken: %s", exc)
            return None
        if owner is None:
            self.release_lock()
            self.lock = lock
        return owner

    def ask_about_locked(self, path: Path, owner: LockOwner) -> str:
        """'read_only', 'copy' or 'cancel' for a file another Tandem has open."""
        box = QMessageBox(QMessageBox.Icon.Warning, _("Workshop already open"),
                          _("“{name}” is open in another Tandem window (since {since}).").format(
                              name=path.name, since=_short_time(owner.since)),
                          Button.Yes | Button.No | Button.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(_("Two windows saving one file would overwrite each other's work. "
                                 "Open it read-only, or open a copy that you save under another name."))
        box.button(Button.Yes).setText(_("Open read-only"))
        box.button(Button.No).setText(_("Open a copy"))
        box.setDefaultButton(Button.Yes)
        answer = box.exec()
        return {Button.Yes: "read_only", Button.No: "copy"}.get(answer, "cancel")

    # -- opening -----------------------------------------------------------------
    def open(self, path: Path) -> bool:
        """Open ``path`` with every guard: lock, newer schema, bad file. True if it is shown."""
        try:
            workshop = load_workshop(path)
            newer = None
        except LoadError as exc:
            if exc.newer_version is None:
                raise
            workshop = load_workshop(path, allow_newer=True)  # may raise: then it cannot be shown at all
            newer = exc.newer_version
        mode = "edit"
        owner = self.take_lock(path) if newer is None else None
        if owner is not None:
            mode = self.ask_about_locked(path, owner)
            if mode == "cancel":
                return False
        if mode != "edit" or newer is not None:
            self.release_lock()  # this window does not write the file, so it holds no lock on it
        self.window.set_workshop(workshop, None if mode == "copy" else path)
        if mode == "read_only" or newer is not None:
            self.window.doc.read_only = True
        self.newer_version = newer
        if newer is not None:
            QMessageBox.information(
                self.window, _("Opened read-only"),
                _("“{name}” was written by a newer Tandem (file format version {version}). It is open "
                  "read-only and will not be saved in this version's older format, so nothing in it is lost.")
                .format(name=path.name, version=newer))
        elif mode == "copy":
            self.window.statusBar().showMessage(_("Opened a copy of {name}; save it under a new name.")
                                                .format(name=path.name), 8000)
        return True

    def may_save_to(self, path: Path) -> bool:
        """Refuse saving a newer-schema file, or over a file another Tandem has open."""
        if self.newer_version is not None:
            QMessageBox.warning(self.window, _("Cannot save"),
                                _("This workshop comes from a newer Tandem (file format version {version}). "
                                  "Saving it here would lose what this version does not know. Export the "
                                  "minutes instead, or open it with the newer Tandem.")
                                .format(version=self.newer_version))
            return False
        owner = self.take_lock(path)
        if owner is not None:
            QMessageBox.warning(self.window, _("Cannot save"),
                                _("“{name}” is open in another Tandem window. Save under another name.")
                                .format(name=path.name))
            return False
        return True

    def offer_save_as(self, path: Path, reason: str) -> bool:
        """After a failed save: say what happened, that nothing is lost, and offer Save as."""
        box = QMessageBox(QMessageBox.Icon.Critical, _("Cannot save"),
                          _("The workshop could not be saved to “{path}”: {reason}").format(path=path, reason=reason),
                          Button.Save | Button.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(_("The previous file is unchanged, the workshop stays open with its changes, "
                                 "and the recovery copy is kept. Save it somewhere else?"))
        box.button(Button.Save).setText(_("Save as…"))
        box.setDefaultButton(Button.Save)
        return box.exec() == Button.Save

    # -- after a crash -------------------------------------------------------------
    def offer_recoveries(self) -> bool:
        """Offer each recovery copy a crash left behind; True if one was restored."""
        try:
            prune_backups()
            found = orphaned_recoveries()
        except OSError as exc:
            log.warning("recovery folder not readable: %s", exc)
            return False
        restored = False
        for recovered in found:
            if recovered.doc is None:
                log.warning("damaged recovery file %s: %s", recovered.path, recovered.problems)
                continue
            if restored:  # one workshop per window: keep the others for the next start
                continue
            answer = self._ask_restore(recovered)
            if answer == Button.Yes:
                self._restore(recovered)
                restored = True
            elif answer == Button.Discard and self._confirm_discard():
                recovered.discard()
        return restored

    def _ask_restore(self, recovered: Recovered) -> Button:
        doc = recovered.doc
        assert doc is not None
        name = doc.meta.title or (recovered.source_path.name if recovered.source_path else _("Untitled workshop"))
        when = format_datetime(recovered.written_at, current_language(), seconds=True) if recovered.written_at else "?"
        box = QMessageBox(QMessageBox.Icon.Warning, _("Restore unsaved work?"),
                          _("Tandem did not close properly. A recovery copy of “{name}” was written at {when}.")
                          .format(name=name, when=when), Button.Yes | Button.No | Button.Discard, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(describe_recovery(recovered))
        box.button(Button.Yes).setText(_("Restore"))
        box.button(Button.No).setText(_("Ask again next time"))
        box.button(Button.Discard).setText(_("Discard the copy"))
        box.setDefaultButton(Button.Yes)
        return box.exec()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(self.window, _("Discard the recovery copy?"),
                                      _("The unsaved changes in the recovery copy will be gone for good."),
                                      Button.Yes | Button.No, Button.No)
        return answer == Button.Yes

    def _restore(self, recovered: Recovered) -> None:
        """Show the recovered workshop as unsaved work on its original file; then drop the old copy."""
        assert recovered.doc is not None
        path = recovered.source_path
        if path is not None and self.take_lock(path) is not None:
            path = None  # the file is open elsewhere now: restore as an untitled copy
        self.window.set_workshop(recovered.doc, path)
        self.window.doc.undo_stack.resetClean()  # differs from the file: unsaved until saved
        self.write_recovery(self.window.doc)  # our own copy first, then the old one may go
        recovered.discard()


def _short_time(iso: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(iso), current_language())
    except ValueError:
        return iso or "?"


def describe_recovery(recovered: Recovered) -> str:
    """How the recovery copy differs from the saved file, in a few plain lines."""
    path = recovered.source_path
    if path is None:
        return _("The workshop had never been saved; the recovery copy is the only copy.")
    lines = [_("Saved file: {path}").format(path=path)]
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
