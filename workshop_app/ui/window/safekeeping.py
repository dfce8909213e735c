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
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from workshop_app.i18n import _, current_language, ngettext
from workshop_app.model import Batch, Operation, UpdateItem
from workshop_app.store import LoadError
from workshop_app.store.backup import prune_backups
from workshop_app.store.disk import DiskStamp, remove_leftover_temps
from workshop_app.store.document_file import open_workshop
from workshop_app.store.lock import FileLock, LockOwner
from workshop_app.store.private_files import DataFolderProblem
from workshop_app.store.recovery import PendingText, Recovered, RecoveryWriter, recovery_dir, scan_recoveries
from workshop_app.store.saving import ChangedOnDisk, ReadOnlyFile, SaveRefused
from workshop_app.ui.window import questions

if TYPE_CHECKING:
    from workshop_app.ui.document import Document
    from workshop_app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)
#: The base of restored work from a copy that does not say what it was based on: differs from any file.
UNKNOWN_BASE = DiskStamp(-1, 0, "")

#: Typing that pauses this long reaches the recovery copy (no undo step per keystroke, no write per key).
PENDING_DELAY_MS = 800



class Safekeeper(QObject):
    """Recovery copy and file lock of the window's open workshop."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.writer = RecoveryWriter()
        self.lock: FileLock | None = None
        self.newer_version: int | None = None  # the open file is of a newer schema: never save it
        self._warned = False
        self.folder_problem: str | None = None  # why recovery copies cannot be kept, once known
        doc = window.doc
        # After the stack has moved: an undo or redo right after a save is judged by the new index,
        # not by the state inside the command (which still looks clean).
        doc.undo_stack.indexChanged.connect(self._on_index_changed)
        doc.modified_changed.connect(self._on_modified_changed)
        doc.replaced.connect(self._on_replaced)
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(PENDING_DELAY_MS)
        self._pending_timer.timeout.connect(lambda: self._on_index_changed(-1))
        doc.pending_changed.connect(self._pending_timer.start)

    def _on_index_changed(self, _index: int) -> None:
        try:
            self.write_recovery(self.window.doc)
        except RuntimeError:  # the window is being destroyed: its stack empties itself
            return

    # -- recovery copy -----------------------------------------------------------
    def write_recovery(self, doc: Document) -> None:
        """Write the recovery copy after an edit or a pause in typing; a failure warns and never blocks editing."""
        self._pending_timer.stop()
        if not doc.is_modified and not doc.pending:
            self.writer.discard()
            return
        try:
            self.writer.write(doc.recorded, doc.path, list(doc.pending.values()), doc.disk_stamp)
        except Exception as exc:  # full disk, unusable folder, text that cannot be written: say so, keep editing
            log.warning("recovery copy not written: %s", exc)
            if isinstance(exc, DataFolderProblem):
                self.folder_problem = str(exc)
            if not self._warned:
                self._warned = True
                reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror else None) or str(exc)
                self.window.statusBar().showMessage(
                    _("Warning: the recovery copy cannot be written ({reason}). Save your work now.")
                    .format(reason=reason), 15000)
        else:
            self._warned = False

    @property
    def recovery_kept(self) -> bool:
        """Whether a recovery copy of the current state is on disk (what a message may promise)."""
        return self.writer.written

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified and not self.window.doc.pending:  # saved, or undone back to the saved state
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
        """Lock ``path`` for this window; returns the other owner if one may still run.

        A lock written under another host name (this laptop renamed, or a
        home folder shared by two computers) cannot be checked from here:
        the user is asked, and may take the file over.
        """
        if self.lock is not None and self.lock.doc_path == path and self.lock.held:
            return None
        try:
            lock = FileLock(path)
            owner = lock.acquire()
            if owner is not None and owner.elsewhere and questions.ask_take_over(self.window, path, owner):
                lock.take_over()
                owner = None
        except OSError as exc:  # a lock we cannot write protects nothing, but must not block work
            log.warning("lock not taken: %s", exc)
            return None
        if owner is None:
            self.release_lock()
            self.lock = lock
        return owner

    # -- opening -----------------------------------------------------------------
    def open(self, path: Path) -> bool:
        """Open ``path`` with every guard: lock, newer schema, bad file. True if it is shown."""
        try:
            workshop, stamp = open_workshop(path)
            newer = None
        except LoadError as exc:
            if exc.newer_version is None:
                raise
            workshop, stamp = open_workshop(path, allow_newer=True)  # may raise: then it cannot be shown at all
            newer = exc.newer_version
        mode = "edit"
        owner = self.take_lock(path) if newer is None else None
        if owner is not None:
            mode = questions.ask_about_locked(self.window, path, owner)
            if mode == "cancel":
                return False
        if mode != "edit" or newer is not None:
            self.release_lock()  # this window does not write the file, so it holds no lock on it
        held = self.lock is not None and self.lock.held
        remove_leftover_temps(path.parent, own_file=path if held else None)  # a save killed half-way
        self.window.set_workshop(workshop, None if mode == "copy" else path, stamp)
        if mode == "read_only" or newer is not None:
            self.window.doc.read_only = True
        self.newer_version = newer
        if newer is not None:
            questions.plain_box(self.window, QMessageBox.Icon.Information, _("Opened read-only"),
                       _("“{name}” was written by a newer Tandem (file format version {version}). It is open "
                         "read-only and will not be saved in this version's older format, so nothing in it is "
                         "lost.").format(name=path.name, version=newer))
        elif mode == "copy":
            self.window.statusBar().showMessage(_("Opened a copy of {name}; save it under a new name.")
                                                .format(name=path.name), 8000)
        return True

    def may_save_to(self, path: Path) -> bool:
        """Refuse saving a newer-schema file, or over a file another Tandem has open."""
        if self.newer_version is not None:
            questions.plain_box(self.window, QMessageBox.Icon.Warning, _("Cannot save"),
                       _("This workshop comes from a newer Tandem (file format version {version}). "
                         "Saving it here would lose what this version does not know. Export the "
                         "minutes instead, or open it with the newer Tandem.").format(version=self.newer_version))
            return False
        owner = self.take_lock(path)
        if owner is not None:
            questions.plain_box(self.window, QMessageBox.Icon.Warning, _("Cannot save"),
                       _("“{name}” is open in another Tandem window. Save under another name.").format(name=path.name))
            return False
        return True

    # -- saving --------------------------------------------------------------------
    def save_to(self, path: Path) -> str:
        """Save with every guard; 'saved', 'save_as' (the user wants another name), 'reloaded' or 'cancel'.

        Every failure is said in plain words — a read-only file, a file changed
        on disk, a full disk, text that cannot be written — and nothing is
        lost: the previous file stays as it was, the workshop stays open.
        """
        overwrite = replace_read_only = False
        doc = self.window.doc
        while True:
            try:
                outcome = doc.save(path, overwrite=overwrite, replace_read_only=replace_read_only)
            except ReadOnlyFile as exc:
                answer = questions.ask_read_only(self.window, exc)
                if answer != "replace":
                    return answer
                replace_read_only = True
                continue
            except ChangedOnDisk as exc:
                answer = questions.ask_changed_on_disk(self.window, path, exc)
                if answer == "reload":
                    self._reload(path)
                    return "reloaded"
                if answer != "overwrite":
                    return answer
                overwrite = True
                continue
            except SaveRefused as exc:
                return "save_as" if self.offer_save_as(path, str(exc)) else "cancel"
            except OSError as exc:
                return "save_as" if self.offer_save_as(path, exc.strerror or str(exc)) else "cancel"
            except Exception as exc:  # whatever else: said, never swallowed, never a traceback
                log.exception("save failed")
                return "save_as" if self.offer_save_as(path, str(exc) or type(exc).__name__) else "cancel"
            if outcome.backup_problem:
                self.window.message_bar.show_refusal(
                    _("Saved. The previous version could not be kept as a backup ({reason}).")
                    .format(reason=outcome.backup_problem))
            return "saved"

    def _reload(self, path: Path) -> None:
        """Show the version on disk, dropping this window's changes (the user chose so)."""
        try:
            workshop, stamp = open_workshop(path)
        except LoadError as exc:
            self.window.show_load_problems(path, exc)
            return
        self.window.set_workshop(workshop, path, stamp)

    def offer_save_as(self, path: Path, reason: str) -> bool:
        """After a failed save: say what happened, what is really kept, and offer Save as."""
        return questions.offer_save_as(self.window, path, reason, self.recovery_kept)

    # -- after a crash -------------------------------------------------------------
    def offer_recoveries(self) -> bool:
        """Offer each recovery copy a crash left behind; True if one was restored.

        Whatever the folder holds is said: copies of Tandem windows that still
        run, and files that are not the user's (never used), are reported.
        """
        try:
            recovery_dir()
        except DataFolderProblem as exc:
            self.folder_problem = str(exc)
            questions.plain_box(self.window, QMessageBox.Icon.Warning, _("No recovery copies"),
                       _("Tandem cannot keep recovery copies of your work: {reason}").format(reason=exc),
                       _("You can keep working, but nothing protects unsaved changes against a crash: "
                         "save often until this is fixed."))
            return False
        try:
            prune_backups()
        except OSError as exc:
            log.warning("backups not pruned: %s", exc)
        try:
            scan = scan_recoveries()
        except OSError as exc:
            log.warning("recovery folder not readable: %s", exc)
            return False
        notes = []
        if scan.running:
            notes.append(ngettext("Another Tandem window that is still open keeps a recovery copy; it is left "
                                  "alone.", "{n} other Tandem windows that are still open keep recovery copies; "
                                  "they are left alone.", scan.running).format(n=scan.running))
        notes += [_("Not used: {reason}").format(reason=reason) for reason in scan.refused]
        damaged = [r for r in scan.orphaned if r.doc is None]
        for recovered in damaged:
            log.warning("damaged recovery file %s: %s", recovered.path, recovered.problems)
            notes.append(_("A recovery copy cannot be read and is kept for inspection: {path}").format(
                path=recovered.path))
        if notes:
            self.window.message_bar.show_refusal(" ".join(notes))
        restored = False
        for recovered in scan.orphaned:
            if recovered.doc is None:
                continue
            if restored:  # one workshop per window: keep the others for the next start
                continue
            answer = questions.ask_restore(self.window, recovered)
            if answer == "restore":
                self._restore(recovered)
                restored = True
            elif answer == "discard" and questions.confirm_discard(self.window):
                recovered.discard()
        return restored

    def _restore(self, recovered: Recovered) -> None:
        """Show the recovered workshop as unsaved work on its original file; then drop the old copy.

        Text that was typed but not entered is entered now, one undoable
        change per field, so the facilitator sees it and can undo it.
        """
        assert recovered.doc is not None
        path = recovered.source_path
        if path is not None and self.take_lock(path) is not None:
            path = None  # the file is open elsewhere now: restore as an untitled copy
        # Saving compares the file with what the lost work was based on, so a save made since
        # (a colleague's) is not overwritten without a question; a copy of an older version knows
        # no base, and then the file counts as changed.
        stamp = (recovered.disk_stamp or UNKNOWN_BASE) if path is not None and path.exists() else None
        self.window.set_workshop(recovered.doc, path, stamp)
        doc = self.window.doc
        doc.undo_stack.resetClean()  # differs from the file: unsaved until saved
        unplaced = [typed for typed in recovered.pending if not self._enter_typed(typed)]
        self.write_recovery(doc)  # our own copy first, then the old one may go
        if unplaced:  # nothing typed is dropped: what found no place is shown to be copied
            questions.plain_box(self.window, QMessageBox.Icon.Warning, _("Typed text"),
                                _("This text was being typed when Tandem stopped, but its entry is gone:"),
                                "\n\n".join(f"{t.label or t.field}: {t.text}" for t in unplaced))
        if self.writer.written:
            recovered.discard()
        else:  # our copy could not be written: the old one stays the only protection
            self.window.message_bar.show_refusal(
                _("The restored work has no new recovery copy yet; the old one is kept. Save your work now."))

    def _enter_typed(self, typed: PendingText) -> bool:
        """Enter text that was typed but not entered, where the page would have put it."""
        doc = self.window.doc
        item_id = None if typed.collection in ("meta", "pilot") else typed.item_id
        operation: Operation = UpdateItem(typed.collection, item_id, {typed.field: typed.text})
        if typed.collection == "conflicts" and item_id is not None:
            from workshop_app.analysis import record_operation

            record = next((c for c in doc.workshop.conflicts if c.id == item_id), None)
            if typed.field == "explanation" and record is not None and record.link_id:
                operation = UpdateItem("links", record.link_id, {"reason": typed.text})  # a declared conflict's reason
            elif record is None:  # a detected conflict the room had not touched yet: its record first
                operation = Batch([record_operation(doc.workshop, [item_id], current_language()), operation])
        if doc.push(operation, _("Change {field}").format(field=typed.label or typed.field)):
            return True
        log.warning("typed text for %s.%s not restored", typed.collection, typed.field)
        return False


