"""The document controller: one open workshop, its file, its undo stack.

Every change goes through :meth:`Document.push`, which wraps a model
``Operation`` in a :class:`OperationCommand` (orange-canvas-core style: the
command's redo/undo call the operation's apply/revert). Pages never touch the
model directly; they listen to :attr:`Document.changed` and refresh. "Unsaved"
is ``not undo_stack.isClean()``, so undoing back to the saved state is clean.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_app.i18n import _, current_language
from workshop_app.model import Batch, ModelError, Operation, Workshop
from workshop_app.store.disk import DiskStamp
from workshop_app.store.recovery import PendingText
from workshop_app.store.saving import SaveOutcome, save_file, save_target

log = logging.getLogger(__name__)


class OperationCommand(QUndoCommand):
    """One undoable edit: redo applies the operation, undo reverts it.

    :meth:`Document.push` applies the operation first (so a refusal never
    reaches the stack); the stack's immediate ``redo()`` on push is skipped.
    Commands with a ``merge_key`` merge with the previous command of the same
    key (used for the running timebox, so time records do not flood the stack).
    """

    MERGE_ID = 1

    def __init__(self, doc: Document, operation: Operation, text: str, merge_key: str | None = None):
        super().__init__(text)
        self.doc, self.operations, self.merge_key = doc, [operation], merge_key
        self._applied = True

    def id(self) -> int:  # Qt override
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt override
        if not isinstance(other, OperationCommand) or other.merge_key != self.merge_key:
            return False
        self.operations.extend(other.operations)
        return True

    def redo(self) -> None:
        if self._applied:  # first redo right after push: already applied
            self._applied = False
            return
        for op in self.operations:
            op.apply(self.doc.workshop)
        self.doc._changed_by(self.operations[-1])

    def undo(self) -> None:
        for op in reversed(self.operations):
            op.revert(self.doc.workshop)
        self.doc._changed_by(self.operations[0])


def blank_workshop() -> Workshop:
    """A new workshop whose minutes default to the language the facilitator works in."""
    workshop = Workshop()
    workshop.meta.language = current_language()
    return workshop


class Document(QObject):
    """The open workshop: model, path, undo stack and read-only flag.

    Signals
        ``changed(op)``      after every command, undo and redo (op: the Operation)
        ``replaced()``       another workshop was opened or created (stack cleared)
        ``path_changed(str)``  the file path changed (save as, open)
        ``modified_changed(bool)``  unsaved state flipped
        ``read_only_changed(bool)``
        ``refused(str)``     an edit was refused; the text says why, for the user
        ``cautioned(str)``   an edit was made, but the user should look at it (e.g. more dots than the room has)
        ``pending_changed()``  text typed into a field but not yet entered changed (see :attr:`pending`)
        ``scenario_changed()``  the pages began or stopped editing a what-if scenario (see :meth:`show_scenario`)

    ``after_change`` is a plain list of callables ``hook(document)`` run after
    every committed edit, undo and redo (the recovery feature writes its copy
    there). A failing hook is logged and never breaks editing.
    """

    changed = Signal(object)
    replaced = Signal()
    path_changed = Signal(str)
    modified_changed = Signal(bool)
    read_only_changed = Signal(bool)
    refused = Signal(str)
    cautioned = Signal(str)
    pending_changed = Signal()
    scenario_changed = Signal()

    def __init__(self, workshop: Workshop | None = None, path: str | Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.workshop = workshop if workshop is not None else blank_workshop()
        self.path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self._read_only = False
        self._revision = 0  # counts changes of the workshop: edits, undo, redo, another workshop
        self._views: list = []
        self._views_key: tuple[int, str] | None = None
        #: the findings of the state after the last edit, when the edit analysed it anyway (vanished_by)
        self._primed: tuple[int, str, list] | None = None
        self.after_change: list[Callable[[Document], None]] = []
        self.disk_stamp: DiskStamp | None = None  # what this window last read from or wrote to ``path``
        #: Text typed into a field and not yet entered, by (collection, item id, field): kept in the
        #: recovery copy so a crash mid-typing loses nothing, without an undo step per keystroke.
        self.pending: dict[tuple[str, str | None, str], PendingText] = {}
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        #: while a what-if scenario is edited: today's workshop and undo stack, put aside (:meth:`show_scenario`)
        self._today: tuple[Workshop, QUndoStack] | None = None
        self._recorded: Callable[[], Workshop] | None = None
        self.scenario_name = ""

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- state ---------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._read_only

    @read_only.setter
    def read_only(self, value: bool) -> None:
        if bool(value) != self._read_only:
            self._read_only = bool(value)
            self.read_only_changed.emit(self._read_only)

    @property
    def is_modified(self) -> bool:
        if self._today is not None:
            return not self._today[1].isClean() or not self.undo_stack.isClean()
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The name for the title bar: the workshop's title, else the file name, else 'Untitled'."""
        if self._today is not None:
            return _("What if: {name} — not agreed").format(name=self.scenario_name) + " · " + self._title()
        return self._title()

    def _title(self) -> str:
        if self.workshop.meta.title.strip():
            return self.workshop.meta.title.strip()
        if self.path is not None:
            return self.path.name
        return _("Untitled workshop")

    # -- editing -------------------------------------------------------------
    def refused_as_read_only(self) -> bool:
        """True (and ``refused``) in a read-only workshop: edits, undo and redo all change it."""
        if self._read_only:
            self.refused.emit(_("This workshop is open read-only; the change was not made."))
        return self._read_only

    def push(self, operation: Operation, text: str | None = None, merge_key: str | None = None) -> bool:
        """Apply ``operation`` as one undoable command; False (and ``refused``) if it cannot be.

        The operation is applied before it goes on the stack, so a
        :class:`ModelError` leaves both the document and the stack untouched.
        """
        if self.refused_as_read_only():
            return False
        before = self._before_vanishing()
        try:
            operation.apply(self.workshop)
        except ModelError as exc:
            self.refused.emit(_("The change was not made: {reason}").format(reason=exc.translated(_)))
            return False
        text = text or operation.label or _("Edit")
        stored = self._with_vanished_by(operation, before)
        command = OperationCommand(self, stored, text, merge_key)
        self.undo_stack.push(command)
        self._changed_by(operation)
        return True

    def push_today(self, operation: Operation, text: str | None = None) -> bool:
        """:meth:`push`, but into today's workshop and onto today's stack also while a scenario is edited.

        For what arrives from outside (the room's phones): it belongs to the
        workshop itself, and a scenario is replayed onto today when it is
        compared or adopted, so today may change under it. The scenario's
        working copy gets the same change, outside the scenario's own edits,
        so the two still differ only by what the scenario tries. Undone, like
        any step of today's stack, once the facilitator is back in today's workshop.
        """
        if self._today is None:
            return self.push(operation, text)
        if self.refused_as_read_only():
            return False
        today, stack = self._today
        try:
            operation.apply(today)
        except ModelError as exc:
            self.refused.emit(_("The change was not made: {reason}").format(reason=exc.translated(_)))
            return False
        try:
            copy.deepcopy(operation).apply(self.workshop)  # its own objects: the copy may be edited apart
        except ModelError:
            log.warning("the scenario's copy did not take %s", operation.label)
        stack.push(OperationCommand(self, operation, text or operation.label or _("Edit")))
        self._changed_by(operation)
        return True

    @property
    def revision(self) -> int:
        """Counts the workshop's changes (edits, undo, redo, another workshop): a key for what is derived from it."""
        return self._revision

    def last_command(self) -> tuple[QUndoStack, int, QUndoCommand] | None:
        """Where the command the last successful :meth:`push` made sits: (stack, position, command)."""
        stack = self.undo_stack
        position = stack.index() - 1
        command = stack.command(position) if position >= 0 else None
        return (stack, position, command) if command is not None else None

    @staticmethod
    def applied(place: tuple[QUndoStack, int, QUndoCommand]) -> bool | None:
        """Whether the command at ``place`` (from :meth:`last_command`) is done (True) or undone (False).

        None once it is off its stack: undone and then replaced by another
        edit, or gone with the stack when another workshop was opened.
        """
        stack, position, command = place
        try:
            if position >= stack.count() or stack.command(position) is not command:
                return None
            return position < stack.index()
        except RuntimeError:  # the stack itself was deleted
            return None

    def _before_vanishing(self) -> tuple[set[str], Workshop] | None:
        """What the ``vanished_by`` note needs from before an edit: None unless the room took up a finding.

        Only then can a finding the room cares about vanish, so only then is
        the workshop analysed around the edit — and the state before is not
        analysed again when the views of it are at hand. The snapshot copies
        the lists (a removed link or element is still named) and shares the rest.
        """
        from workshop_app.analysis.vanished import taken_up_detected

        if not taken_up_detected(self.workshop):
            return None
        doc, lang = self.workshop, current_language()
        if self._views_key == (self._revision, lang):
            ids = {v.id for v in self._views if not v.resolved_by_change}
        else:
            from workshop_app.analysis import find_conflicts

            ids = {f.id for f in find_conflicts(doc, lang)}
        return ids, doc.model_copy(update={"elements": list(doc.elements), "links": list(doc.links)})

    def _with_vanished_by(self, operation: Operation, before: tuple[set[str], Workshop] | None) -> Operation:
        """``operation`` and, in the same undoable step, the notes of taken-up findings it made vanish.

        The findings after the edit are kept for :meth:`conflict_views`, so the
        edit costs one analysis more than without taken-up findings, not two.
        """
        if before is None:
            return operation
        from workshop_app.analysis import find_conflicts
        from workshop_app.analysis.vanished import vanish_operation_from

        lang = current_language()
        try:
            findings = find_conflicts(self.workshop, lang)
            notes = vanish_operation_from(*before, self.workshop, operation, lang, after_findings=findings)
            notes.apply(self.workshop)
        except Exception:  # a note must never break editing
            log.exception("recording why a finding vanished failed")
            return operation
        self._primed = (self._revision + 1, lang, findings)  # the state _changed_by is about to announce
        return Batch([operation, notes], label=operation.label) if notes.operations else operation

    def conflict_views(self, lang: str) -> list:
        """The conflicts of the current state, analysed once per change and language.

        The page, the wrap-up summary, the projector and the vote dialog all
        ask after the same edit; on a large workshop one analysis is a sizeable
        part of the 30 ms an edit may take. Callers must not change the list.
        """
        key = (self._revision, lang)
        if self._views_key != key:
            from workshop_app.analysis import conflict_views

            primed = self._primed
            findings = primed[2] if primed is not None and primed[:2] == key else None
            self._views, self._views_key = conflict_views(self.workshop, lang, findings=findings), key
            self._primed = None
        return self._views

    def _changed_by(self, operation: Operation) -> None:
        self._revision += 1  # before anyone hears of it: the analysis above is stale now
        self.changed.emit(operation)
        for hook in list(self.after_change):
            try:
                hook(self)
            except Exception:  # a hook must never break editing
                log.exception("after_change hook failed")

    # -- what-if scenario (workshop_app/ui/whatif/) -------------------------------------------------------
    @property
    def in_scenario(self) -> bool:
        return self._today is not None

    @property
    def today(self) -> Workshop:
        """The workshop itself, also while the pages edit a scenario's working copy (``workshop`` then)."""
        return self._today[0] if self._today is not None else self.workshop

    @property
    def today_stack(self) -> QUndoStack:
        return self._today[1] if self._today is not None else self.undo_stack

    @property
    def recorded(self) -> Workshop:
        """What the file and the recovery copy hold: today, with the scenario being edited kept in its list."""
        return self._recorded() if self._recorded is not None else self.today

    def show_scenario(self, name: str, copy: Workshop, stack: QUndoStack, recorded: Callable[[], Workshop]) -> None:
        """Let every page edit ``copy`` on its own ``stack`` (a Document mode: widgets keep their Document).

        Today's workshop and stack are put aside untouched until :meth:`show_today`; ``recorded``
        gives the workshop to save with the scenario's current edits in it.
        """
        if self._today is None:
            self._today = (self.workshop, self.undo_stack)
        self.workshop, self.undo_stack, self.scenario_name, self._recorded = copy, stack, name, recorded
        self._scenario_switched()

    def show_today(self) -> None:
        """Back to today's workshop and undo stack, exactly as they were put aside."""
        if self._today is None:
            return
        (self.workshop, self.undo_stack), self._today, self._recorded = self._today, None, None
        self.scenario_name = ""
        self._scenario_switched()

    def _scenario_switched(self) -> None:
        self._revision += 1
        self._primed = None
        self.scenario_changed.emit()
        self.changed.emit(None)
        self.modified_changed.emit(self.is_modified)

    # -- typing not yet entered ---------------------------------------------
    def note_pending(self, typed: PendingText) -> None:
        """Remember what is typed in a field until it is entered (or the field shows the model again)."""
        key = (typed.collection, typed.item_id, typed.field)
        if self.pending.get(key) != typed:
            self.pending[key] = typed
            self.pending_changed.emit()

    def clear_pending(self, collection: str, item_id: str | None, field: str) -> None:
        if self.pending.pop((collection, item_id, field), None) is not None:
            self.pending_changed.emit()

    # -- files ---------------------------------------------------------------
    def replace(self, workshop: Workshop, path: str | Path | None, stamp: DiskStamp | None = None) -> None:
        """Show another workshop: new model, new path, empty and clean undo stack."""
        if self._today is not None:  # a scenario being edited goes with the workshop it was made on
            self.undo_stack = self._today[1]
            self._today, self._recorded, self.scenario_name = None, None, ""
            self.scenario_changed.emit()
        self.workshop = workshop
        self._revision += 1
        self.path = Path(path) if path else None
        self.disk_stamp = stamp if path else None
        if self.pending:
            self.pending.clear()
            self.pending_changed.emit()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.read_only = False
        self.replaced.emit()
        self.path_changed.emit(str(self.path or ""))
        self.modified_changed.emit(False)

    def save(self, path: str | Path | None = None, overwrite: bool = False,
             replace_read_only: bool = False) -> SaveOutcome:
        """Write the workshop atomically (see :func:`workshop_app.store.saving.save_file`).

        Saving to the file this window read or wrote compares it with what is
        on disk now, unless ``overwrite``. Raises SaveRefused or OSError (the
        caller tells the user); nothing changes here then.
        """
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no path to save to")
        same_file = self.path is not None and save_target(target) == save_target(self.path)
        expected = self.disk_stamp if same_file and not overwrite else None
        outcome = save_file(self.recorded, target, keep_backup=True, expected=expected,
                            replace_read_only=replace_read_only)
        changed_path = target != self.path
        self.path = target
        self.disk_stamp = outcome.stamp
        self.undo_stack.setClean()
        if self._today is not None:
            self._today[1].setClean()
        if changed_path:
            self.path_changed.emit(str(target))
        return outcome
