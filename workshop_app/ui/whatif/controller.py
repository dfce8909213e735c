"""Scenario mode of a window: start, open, leave, adopt and drop what-if scenarios.

Design (a Document *mode*, not a second Document): every page, form and
table keeps the one :class:`~workshop_app.ui.document.Document` it was built
with. In scenario mode the Document's ``workshop`` is a deep copy of today's
with the scenario applied and its ``undo_stack`` a stack of its own
(:meth:`Document.show_scenario`), so every edit on any page stays an
undoable command — on the scenario's stack — and today's workshop and stack
lie aside untouched until the room adopts. Leaving stores the scenario's
edits (a diff against today, :func:`make_scenario`) in today's list of
scenarios as one undoable step; saving and the recovery copy meanwhile
write today's workshop with the scenario's current edits in that list
(``Document.recorded``). Adopting applies the edits to today's workshop,
records a decision and marks the scenario adopted — one undoable step.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workshop_app.i18n import N_, _, current_language
from workshop_app.model import AddItem, Batch, Decision, Scenario, Workshop, new_id
from workshop_app.model.scenario_edits import (
    AddScenario,
    RemoveScenario,
    ReplaceScenario,
    SkippedEdit,
    fingerprint,
    make_scenario,
    replay,
    working_copy,
)
from workshop_app.ui.widgets.plain import menu_text

if TYPE_CHECKING:
    from workshop_app.analysis.scenario_diff import FindingsDiff, ScenarioOutcome
    from workshop_app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

#: The fields of a scenario that are its edits (what "changed since it was stored" compares).
EDIT_FIELDS = {"added_elements", "removed_elements", "added_links", "removed_links", "added_conflicts", "changes"}


@dataclass
class Session:
    """The scenario being edited: its working copy and own undo stack, and what did not fit when it opened."""

    scenario_id: str
    name: str
    copy: Workshop
    stack: QUndoStack
    skipped: list[SkippedEdit]
    today_views: list  # today's conflict views, analysed once when the scenario opened


#: What a scenario does not keep, by the words the question uses (the agenda's time records are left out:
#: the timebox writes them to today's workshop again at its next record).
UNKEPT = {"meta": N_("the workshop's details"), "participants": N_("participants"), "decisions": N_("decisions"),
          "actions": N_("action items"), "pilot": N_("the pilot"), "parking_lot": N_("the parking lot"),
          "alignment": N_("the alignment check"), "follow_up": N_("the follow-up review")}


def unkept_changes(today: Workshop, copy: Workshop) -> list[str]:
    """The parts of the workshop edited in the scenario's copy that a scenario does not keep (its edits cover
    elements, links, conflict records and thresholds): leaving or adopting it discards these edits."""
    return [_(words) for name, words in UNKEPT.items() if getattr(today, name) != getattr(copy, name)]


def same_edits(a: Scenario, b: Scenario) -> bool:
    return a.model_dump(include=EDIT_FIELDS) == b.model_dump(include=EDIT_FIELDS)


def stored(doc: Workshop, scenario_id: str) -> Scenario | None:
    return next((s for s in doc.scenarios if s.id == scenario_id), None)


def adopt_operation(today: Workshop, scenario: Scenario, outcome_diff: FindingsDiff, lang: str) -> Batch:
    """Apply ``scenario`` to ``today``, record the decision, mark it adopted with its before/after: one step."""
    vanished = [f.title for f in outcome_diff.vanished]
    appeared = [f.title for f in outcome_diff.appeared]
    parts = []
    if vanished:
        parts.append(_("Findings that vanish: {titles}").format(titles="; ".join(vanished)))
    if appeared:
        parts.append(_("New findings: {titles}").format(titles="; ".join(appeared)))
    decision = Decision(id=new_id("decision"), text=_("Adopted scenario “{name}”").format(name=scenario.name),
                        rationale=". ".join(parts), date=today.meta.date or date.today())
    adopted = scenario.model_copy(update={"adopted": True, "vanished": vanished, "appeared": appeared})
    return Batch([replay(scenario, today).operation, AddItem("decisions", decision), ReplaceScenario(adopted)],
                 label=_("Adopt scenario “{name}”").format(name=scenario.name))


class WhatIf(QObject):
    """The window's scenarios: one per window, found with :func:`what_if`."""

    #: a scenario was started, opened, left, adopted or dropped (the bar, the compare panel, the projector)
    switched = Signal()

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("what_if")
        self.window = window
        self.doc = window.doc
        self.session: Session | None = None
        self._wired: QUndoStack | None = None
        from workshop_app.ui.whatif.banner import install_banner

        self.banner = install_banner(window)
        self.doc.replaced.connect(self._forget)

    # -- reading -----------------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.session is not None

    def scenarios(self) -> list[Scenario]:
        """Today's stored scenarios (the one being edited with its edits so far)."""
        return list(self.doc.recorded.scenarios)

    def current_scenario(self) -> Scenario | None:
        """The scenario being edited as it would be stored now."""
        s = self.session
        if s is None:
            return None
        today = self.doc.today
        kept = stored(today, s.scenario_id)
        if kept is not None and s.stack.index() == 0:  # nothing edited: keep it as stored, misfits and all
            return kept
        return make_scenario(s.scenario_id, s.name, today, s.copy)

    def diff(self, lang: str | None = None) -> FindingsDiff | None:
        """Today's findings against the scenario's, from the views the pages share (no extra analysis)."""
        from workshop_app.analysis.scenario_diff import diff_findings

        if self.session is None:
            return None
        lang = lang or current_language()
        return diff_findings(_findings(self.session.today_views), _findings(self.doc.conflict_views(lang)))

    def outcome(self, scenario: Scenario, lang: str | None = None) -> ScenarioOutcome:
        """A stored scenario replayed onto today (for comparing several and for adopting)."""
        from workshop_app.analysis.scenario_diff import scenario_outcome

        return scenario_outcome(self.doc.today, scenario, lang or current_language())

    # -- switching ---------------------------------------------------------------------------------------
    def start(self, name: str) -> bool:
        """"Try a change…": a new, empty scenario on a copy of today; the pages edit it from now on."""
        if self.doc.refused_as_read_only():
            return False
        self.leave()
        name = name.strip() or _("Scenario {n}").format(n=len(self.doc.today.scenarios) + 1)
        self._enter(Scenario(id=new_id("scenario"), name=name, base=fingerprint(self.doc.today)))
        return True

    def open(self, scenario_id: str) -> list[SkippedEdit]:
        """Edit a stored scenario again: replayed onto today; returns its edits that no longer fit."""
        if self.session is not None and self.session.scenario_id == scenario_id:
            return self.session.skipped
        if self.doc.refused_as_read_only():
            return []
        self.leave()
        scenario = stored(self.doc.today, scenario_id)
        if scenario is None or scenario.adopted:
            return []
        return self._enter(scenario)

    def _enter(self, scenario: Scenario) -> list[SkippedEdit]:
        self.window.commit_pending()
        from workshop_app.analysis import conflict_views

        lang = current_language()
        today = self.doc.workshop
        copy, skipped = working_copy(scenario, today)
        stack = QUndoStack(self)
        views = conflict_views(today, lang) if self.doc.in_scenario else self.doc.conflict_views(lang)
        self.session = Session(scenario.id, scenario.name, copy, stack, skipped, list(views))
        self.doc.show_scenario(scenario.name, copy, stack, self._recorded)
        self._wire_undo(stack)
        stack.indexChanged.connect(lambda _i: self._edited())
        self.banner.show_scenario(scenario.name)
        self.switched.emit()
        return skipped

    def leave(self) -> bool:
        """Back to today exactly as it was; the scenario's edits are kept in today's list (one undoable step)."""
        s = self.session
        if s is None or not self.confirm_unkept():
            return False
        saved = self.doc.today_stack.isClean() and s.stack.isClean()  # a save in scenario mode wrote it already
        op = self._close_keeping()
        if op is not None and self.doc.push(op, _("Keep the scenario “{name}”").format(name=s.name)) and saved:
            self.doc.undo_stack.setClean()
        self.switched.emit()
        return True

    def confirm_unkept(self) -> bool:
        """Ask before edits the scenario does not keep (a decision typed while trying a change) are discarded."""
        s = self.session
        if s is None:
            return True
        self.window.commit_pending()
        lost = unkept_changes(self.doc.today, s.copy)
        if not lost:
            return True
        from PySide6.QtWidgets import QMessageBox

        from workshop_app.ui.widgets.plain import literal

        answer = QMessageBox.question(
            self.window, _("What if"),
            literal(_("A scenario keeps changes to entries, links, conflicts and thresholds only. What you changed "
                      "in {parts} during the scenario will be discarded. Go back to today anyway?").format(
                          parts=", ".join(lost))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _close_keeping(self) -> AddScenario | ReplaceScenario | None:
        """Leave scenario mode; the operation that keeps its edits in today's list (None: nothing new)."""
        s = self.session
        if s is None:
            return None
        self.window.commit_pending()
        current = self.current_scenario()
        self._close()
        kept = stored(self.doc.workshop, s.scenario_id)
        if current is not None and kept is None:
            return AddScenario(current)
        if current is not None and kept is not None and not same_edits(current, kept):
            return ReplaceScenario(current)
        return None

    def drop(self, scenario_id: str | None = None) -> bool:
        """Drop a scenario: the workshop itself stays exactly as it is (a stored one leaves the list, undoably)."""
        s = self.session
        scenario_id = scenario_id or (s.scenario_id if s else None)
        if scenario_id is None:
            return False
        if s is not None and s.scenario_id == scenario_id:
            self._close()
        done = True
        if stored(self.doc.workshop, scenario_id) is not None:
            name = stored(self.doc.workshop, scenario_id).name  # type: ignore[union-attr]
            done = self.doc.push(RemoveScenario(scenario_id), _("Drop the scenario “{name}”").format(name=name))
        self.switched.emit()
        return done

    def adopt(self, scenario_id: str | None = None) -> bool:
        """Apply the scenario to the workshop, record the decision: one undoable step (Undo restores exactly)."""
        s = self.session
        scenario_id = scenario_id or (s.scenario_id if s else None)
        if scenario_id is None or self.doc.refused_as_read_only():
            return False
        if s is not None and s.scenario_id == scenario_id and not self.confirm_unkept():
            return False
        keep = self._close_keeping() if s is not None and s.scenario_id == scenario_id else None
        if s is not None and keep is None:
            self.leave()  # another scenario was open: kept as a step of its own
        scenario = stored(self.doc.workshop, scenario_id) if keep is None else keep.scenario
        if scenario is None or scenario.adopted:
            self.switched.emit()
            return False
        lang = current_language()
        outcome = self.outcome(scenario, lang)
        adopt = adopt_operation(self.doc.workshop, scenario, outcome.diff, lang)
        operation = adopt if keep is None else Batch([keep, adopt], label=adopt.label)  # still one step
        done = self.doc.push(operation)
        self.switched.emit()
        return done

    def _close(self) -> None:
        """Leave scenario mode without storing anything."""
        s, self.session = self.session, None
        if s is None:
            return
        self.doc.show_today()
        self._wire_undo(self.doc.undo_stack)
        self.banner.show_today()
        s.stack.setParent(None)
        s.stack.deleteLater()

    def _forget(self) -> None:
        """Another workshop was opened: the Document left scenario mode itself."""
        if self.session is not None:
            self.session = None
            self._wire_undo(self.doc.undo_stack)
            self.banner.show_today()
            self.switched.emit()

    # -- plumbing ----------------------------------------------------------------------------------------
    def _recorded(self) -> Workshop:
        today = self.doc.today
        current = self.current_scenario()
        if current is None:
            return today
        scenarios = [current if x.id == current.id else x for x in today.scenarios]
        if all(x.id != current.id for x in today.scenarios):
            scenarios.append(current)
        return today.model_copy(update={"scenarios": scenarios})

    def _edited(self) -> None:
        """After each scenario edit, undo and redo: the recovery copy keeps the scenario too."""
        try:
            self.window.safekeeper.write_recovery(self.doc)
        except RuntimeError:  # the window is going away
            return
        self.switched.emit()

    def _wire_undo(self, stack: QUndoStack) -> None:
        """Edit → Undo/Redo follow the stack the pages edit on (the window wired today's itself at start)."""
        if self._wired is not None:
            for signal in _stack_signals(self._wired):
                with contextlib.suppress(RuntimeError, TypeError):  # already gone with its stack
                    signal.disconnect(self._sync_undo)
            self._wired = None
        if self.session is not None:
            for signal in _stack_signals(stack):
                signal.connect(self._sync_undo)
            self._wired = stack
        self._sync_undo()

    def _sync_undo(self, *_args: object) -> None:
        stack, commands = self.doc.undo_stack, self.window.commands
        commands.undo.setEnabled(stack.canUndo())
        commands.redo.setEnabled(stack.canRedo())
        undo, redo = stack.undoText(), stack.redoText()
        commands.undo.setText(_("&Undo {what}").format(what=menu_text(undo)).strip() if undo else _("&Undo"))
        commands.redo.setText(_("&Redo {what}").format(what=menu_text(redo)).strip() if redo else _("&Redo"))


def _stack_signals(stack: QUndoStack) -> tuple:
    return stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged


def _findings(views: list) -> list:
    """The views that are findings of the state (not records of ones that went away)."""
    return [v for v in views if not v.resolved_by_change]


def what_if(window: MainWindow) -> WhatIf:
    """The window's scenario controller, made on first use."""
    found = window.findChild(WhatIf, "what_if")
    return found if found is not None else WhatIf(window)
