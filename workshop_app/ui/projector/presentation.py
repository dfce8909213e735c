"""Presentation mode and the audience window: what the room sees, and the facilitator's controls for it.

One :class:`Presenter` per main window. It

* turns **presentation mode** (F5) on and off: the window goes full screen
  and shows the projector view (large type, projector theme, no editing
  chrome; phase, progress and timebox on top) in place of the editor; Esc
  brings the editor back exactly as it was;
* opens the **audience window** (Shift+F5) on another screen, read-only,
  while this screen keeps the full editor;
* keeps both following the facilitator's phase, inventory category and
  selection (:class:`Stage`), applies **blank** (B), **freeze** (F) and the
  dot-vote **results** chart (V);
* hides and **reveals** entries (R, Shift+R, Ctrl+H) as undoable edits;
* remembers the audience screen and the type scale in the settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from workshop_app.i18n import _, current_language, ngettext
from workshop_app.model import Phase
from workshop_app.ui.projector import reveal
from workshop_app.ui.projector.audience_content import Stage
from workshop_app.ui.projector.present_actions import TypingGuard, build_presentation_actions, fill_menus
from workshop_app.ui.projector.stage import SelectionTracker, category, step_category, step_entry, switch_list
from workshop_app.ui.widgets.plain import PlainLabel
from workshop_app.ui.widgets.theme import DEFAULT_SCALE, SCALE_STEPS, nearest_scale_index

if TYPE_CHECKING:
    from workshop_app.ui.projector.audience import AudienceWindow
    from workshop_app.ui.projector.audience_view import AudienceView
    from workshop_app.ui.window.main_window import MainWindow

SCALE_KEY = "presentation/scale"
SCREEN_KEY = "presentation/screen"


def available_screens() -> list[QScreen]:
    """The connected screens (a seam for tests that need one screen on a two-screen test platform)."""
    return list(QGuiApplication.screens())


def stored_scale(settings) -> float:
    try:
        value = float(settings.value(SCALE_KEY, DEFAULT_SCALE))
    except (TypeError, ValueError):
        return DEFAULT_SCALE
    return SCALE_STEPS[nearest_scale_index(value)]


class Presenter(QObject):
    """The projector side of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.doc, self.clock, self.settings = window.doc, window.clock, window.settings
        self.scale = stored_scale(self.settings)
        self.blank = self.frozen = self.results = False
        self.alignment_round: str | None = None  # an alignment round on the wall instead of the phase
        self.alignment_revealed = False
        self.withheld: tuple[tuple[str, int], ...] = ()  # dots recorded, not yet revealed (Room link)
        self.surface: AudienceView | None = None
        self.audience: AudienceWindow | None = None
        self.voting = None
        self._editor: QWidget | None = None
        self._audience_on = ""  # the name of the screen the audience window was put on
        self._restore: dict = {}
        self.stage = Stage()
        self.tracker = SelectionTracker(self.update_stage, self)
        self.actions = build_presentation_actions(self, window)
        self.status = PlainLabel()
        self.status.setObjectName("projector_status")
        self.status.hide()
        self._guard = TypingGuard(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._guard)
            app.screenAdded.connect(self._screens_changed)  # bound methods: disconnected with the window
            app.screenRemoved.connect(self._screens_changed)
        window.phase_shown.connect(self._phase_shown)
        self.doc.replaced.connect(lambda: self.show_alignment(None))  # another workshop: its phase, not a round
        self._screens_changed()

    def add_menus(self, view_menu: QMenu, phase_menu: QMenu | None = None, before: QAction | None = None) -> None:
        """Called by ``actions.build_menus``: the View and Phase menu entries."""
        fill_menus(self, self.actions, view_menu, phase_menu, before)
        self.window.statusBar().addPermanentWidget(self.status)

    # -- following the facilitator ----------------------------------------------
    @property
    def presenting(self) -> bool:
        return self._editor is not None

    def views(self) -> list[AudienceView]:
        """The projector views on screen now: the presentation surface and/or the audience window."""
        shown = []
        if self.presenting and self.surface is not None:
            shown.append(self.surface)
        if self.audience is not None and self.audience.isVisible():
            shown.append(self.audience.view)
        return shown

    def current_stage(self) -> Stage:
        phase = self.window.current_phase or Phase.SETUP
        page = self.window.pages.get(phase)
        return Stage(phase, category(page), self.tracker.selected(page), self.results and phase == Phase.CONFLICTS,
                     self.alignment_round, self.alignment_revealed, self.withheld)

    def withhold(self, dots: Mapping[str, int]) -> None:
        """Leave these dots (conflict id → dots, recorded already) off every projector until called with {}."""
        withheld = tuple(sorted((cid, n) for cid, n in dots.items() if n > 0))
        if withheld != self.withheld:
            self.withheld = withheld
            self.update_stage()

    # -- the alignment check on the wall ---------------------------------------------
    def show_alignment(self, round_id: str | None) -> None:
        """Put an alignment round on the projector (None: back to the phase); its results start hidden."""
        if round_id != self.alignment_round:
            self.alignment_round = round_id
            self.alignment_revealed = False
        self.update_stage()

    def reveal_alignment(self, on: bool = True) -> None:
        """Let the room see the round's results (or hide them again)."""
        self.alignment_revealed = bool(on and self.alignment_round)
        self.update_stage()

    def update_stage(self) -> None:
        self.stage = self.current_stage()
        for view in self.views():
            view.set_stage(self.stage)

    def _phase_shown(self, phase: Phase) -> None:
        page = self.window.pages.get(Phase(phase))
        if page is not None:
            self.tracker.watch(page)
        self.update_stage()

    def _configure(self, view: AudienceView) -> None:
        view.set_scale(self.scale)
        view.set_stage(self.stage)
        view.set_blank(self.blank)
        view.set_frozen(self.frozen)

    # -- presentation mode -------------------------------------------------------
    def set_presenting(self, on: bool = True) -> None:
        if on and not self.presenting:
            self._enter()
        elif not on and self.presenting:
            self._leave()
        self.actions.present.setChecked(self.presenting)
        self.actions.leave.setEnabled(self.presenting)

    def _enter(self) -> None:
        from workshop_app.ui.projector.audience_view import AudienceView

        w = self.window
        w.commit_pending()
        self._restore = {"full": w.isFullScreen(), "max": w.isMaximized(), "geometry": w.saveGeometry(),
                         "menu": w.menuBar().isVisible(), "status": w.statusBar().isVisible()}
        if self.surface is None:
            self.surface = AudienceView(self.doc, self.clock, interactive=True)
            self.surface.setObjectName("presentation_surface")
            self.surface.on_key = self._surface_key
        self._editor = w.takeCentralWidget()
        self._editor.setParent(w)  # kept by the window while it is off screen: never a loose top-level widget
        w.setCentralWidget(self.surface)
        self.surface.show()
        w.menuBar().hide()
        w.statusBar().hide()
        for action in (w.commands.zoom_in, w.commands.zoom_out, w.commands.zoom_reset):
            action.setEnabled(False)  # Ctrl+Plus/Minus size the projector type instead
        self.update_stage()
        self._configure(self.surface)
        w.showFullScreen()
        w.commands.full_screen.setChecked(True)
        self.surface.setFocus()

    def _leave(self) -> None:
        w, restore = self.window, self._restore
        surface = w.takeCentralWidget()
        surface.hide()
        surface.setParent(w)  # kept for the next time, owned by the window (closed and deleted with it)
        w.setCentralWidget(self._editor)
        self._editor.show()
        self._editor = None
        w.menuBar().setVisible(restore.get("menu", True))
        w.statusBar().setVisible(restore.get("status", True))
        for action in (w.commands.zoom_in, w.commands.zoom_out, w.commands.zoom_reset):
            action.setEnabled(True)
        if restore.get("full"):
            w.showFullScreen()
        elif restore.get("max"):
            w.showNormal()
            w.showMaximized()
        else:
            w.showNormal()
            w.restoreGeometry(restore.get("geometry"))
        w.commands.full_screen.setChecked(w.isFullScreen())
        page = w.current_page()
        if page is not None:
            page.focus_first()

    def _surface_key(self, event: QKeyEvent) -> bool:
        """Keys of presentation mode (the editor is not on screen, so nothing here is typing)."""
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        w, k = self.window, Qt.Key
        page = w.current_page()
        if ctrl and key in (k.Key_Up, k.Key_Down):
            return page is not None and page.vote(+1 if key == k.Key_Up else -1)
        if ctrl and key in (k.Key_Plus, k.Key_Equal, k.Key_Minus, k.Key_0):
            self.scale_step({k.Key_Plus: 1, k.Key_Equal: 1, k.Key_Minus: -1}.get(key, 0))
            return True
        if key in (k.Key_Up, k.Key_Down):
            step_entry(self.tracker.active_list(page), -1 if key == k.Key_Up else 1)
        elif key in (k.Key_Left, k.Key_Right):
            switch_list(self.tracker, page, -1 if key == k.Key_Left else 1)
        elif key in (k.Key_Tab, k.Key_Backtab):
            step_category(page, -1 if key == k.Key_Backtab else 1)
        elif key in (k.Key_PageDown, k.Key_PageUp):  # what a presenter's clicker sends
            w.step_phase(1 if key == k.Key_PageDown else -1)
        elif key == k.Key_Period:  # the "black screen" button of many clickers
            self.actions.blank.trigger()
        else:
            return False
        self.update_stage()
        return True

    # -- the audience window -----------------------------------------------------
    def audience_screen(self) -> QScreen | None:
        """Where the audience window goes: the remembered screen if connected, else another one; None with one screen."""
        screens = available_screens()
        own = self.window.screen()
        others = [s for s in screens if s is not own]
        if len(screens) < 2 or not others:
            return None
        stored = str(self.settings.value(SCREEN_KEY, "") or "")
        return next((s for s in others if s.name() == stored), others[0])

    def set_audience(self, on: bool = True) -> None:
        if on:
            self.open_audience()
        elif self.audience is not None:
            self.audience.hide()
            self._audience_closed()

    def open_audience(self, screen: QScreen | None = None) -> bool:
        from workshop_app.ui.projector.audience import AudienceWindow

        screen = screen or self.audience_screen()
        if screen is None:
            self.actions.audience.setChecked(False)
            self._tell(_("Only one screen is connected. Use presentation mode (F5) on this screen, "
                         "or connect the projector as a second screen."))
            return False
        if self.audience is None:
            self.audience = AudienceWindow(self.doc, self.clock, self.window)
            self.audience.closed.connect(self._audience_closed)
        self.update_stage()
        self._configure(self.audience.view)
        self.audience.show_on(screen)
        self._audience_on = screen.name()
        self.settings.setValue(SCREEN_KEY, screen.name())
        self.actions.audience.setChecked(True)
        self._update_status()
        self._tell(_("The audience view is on “{screen}”.").format(screen=screen.name()))
        return True

    def _audience_closed(self) -> None:
        self.actions.audience.setChecked(False)
        self._update_status()

    def _screens_changed(self, _screen: QScreen | None = None) -> None:
        screens = available_screens()
        # Qt moves the windows of a disconnected screen to another one: never let the audience view
        # land on top of the facilitator's editor
        gone = self._audience_on not in {s.name() for s in screens}
        if self.audience is not None and self.audience.isVisible() and (gone or self.audience.screen() is self.window.screen()):
            self.audience.hide()
            self._audience_closed()
            self._tell(_("The projector screen was disconnected; the audience window is closed."))
        self.actions.audience.setEnabled(len(screens) > 1 or self.actions.audience.isChecked())

    def fill_screen_menu(self) -> None:
        menu = self.actions.screens
        assert menu is not None
        menu.clear()
        group = QActionGroup(menu)
        chosen = self.audience_screen()
        own = self.window.screen()
        for screen in available_screens():
            size = screen.geometry().size()
            action = menu.addAction(f"{screen.name()} — {size.width()} × {size.height()}")
            action.setCheckable(True)
            action.setChecked(screen is chosen)
            action.setEnabled(screen is not own)
            if screen is own:
                action.setText(action.text() + "  " + _("(this window)"))
            group.addAction(action)
            action.triggered.connect(lambda _c=False, s=screen: self.choose_screen(s))

    def choose_screen(self, screen: QScreen) -> None:
        self.settings.setValue(SCREEN_KEY, screen.name())
        if self.audience is not None and self.audience.isVisible():
            self.audience.show_on(screen)
            self._audience_on = screen.name()

    # -- what the room sees ------------------------------------------------------
    def set_blank(self, on: bool = True) -> None:
        self.blank = on
        self.actions.blank.setChecked(on)
        for view in self.views():
            view.set_blank(on)
        self._update_status()

    def set_frozen(self, on: bool = True) -> None:
        if on and not self.frozen:
            self.update_stage()  # freeze what the room sees now, not a moment ago
        self.frozen = on
        self.actions.freeze.setChecked(on)
        for view in self.views():
            view.set_frozen(on)
        self._update_status()

    def set_results(self, on: bool = True) -> None:
        self.results = on
        self.actions.results.setChecked(on)
        self.update_stage()
        if on and self.window.current_phase != Phase.CONFLICTS:
            self._tell(_("The results chart shows in the Conflicts phase."))

    def set_scale(self, scale: float) -> None:
        self.scale = SCALE_STEPS[nearest_scale_index(scale)]
        self.settings.setValue(SCALE_KEY, self.scale)
        for view in self.views():
            view.set_scale(self.scale)
        self._tell(_("Projector type {percent} %").format(percent=round(self.scale * 100)))

    def scale_step(self, step: int) -> None:
        """One step larger (+1) or smaller (−1) on the wall; 0 goes back to the default 1.6×."""
        if step == 0:
            self.set_scale(DEFAULT_SCALE)
            return
        index = min(max(nearest_scale_index(self.scale) + step, 0), len(SCALE_STEPS) - 1)
        self.set_scale(SCALE_STEPS[index])

    def _update_status(self) -> None:
        if self.audience is None or not self.audience.isVisible():
            self.status.hide()
            return
        state = {"blank": _("Projector: BLANK"), "frozen": _("Projector: FROZEN")}.get(self.audience.view.showing(),
                                                                                         _("Projector: live"))
        self.status.setText(state)
        self.status.show()

    def _tell(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    # -- hiding and revealing ------------------------------------------------------
    def _conflict_views(self, phase: Phase) -> list | None:
        if phase not in (Phase.CONFLICTS, Phase.WRAPUP):
            return None
        return self.doc.conflict_views(current_language())

    def _push_hide(self, targets: list, hidden: bool, text: str) -> bool:
        self.window.commit_pending()
        op = reveal.hide_operation(self.doc.workshop, targets, hidden, current_language())
        if op is None:
            return False
        return self.doc.push(op, text)

    def reveal_next(self) -> bool:
        stage = self.current_stage()
        target = reveal.next_to_reveal(self.doc.workshop, stage, self._conflict_views(stage.phase))
        if target is None:
            self._tell(_("Nothing is hidden in this phase."))
            return False
        return self._push_hide([target], False, _("Reveal “{title}”").format(title=target.title))

    def reveal_all(self) -> bool:
        stage = self.current_stage()
        targets = [t for t in reveal.phase_targets(self.doc.workshop, stage, self._conflict_views(stage.phase)) if t.hidden]
        if not targets:
            self._tell(_("Nothing is hidden in this phase."))
            return False
        text = ngettext("Reveal {n} entry", "Reveal {n} entries", len(targets)).format(n=len(targets))
        return self._push_hide(targets, False, text)

    def hide_all(self) -> bool:
        stage = self.current_stage()
        targets = [t for t in reveal.phase_targets(self.doc.workshop, stage, self._conflict_views(stage.phase))
                   if not t.own_flag]
        if not targets:
            self._tell(_("Everything in this phase is hidden already."))
            return False
        text = ngettext("Hide {n} entry from the audience", "Hide {n} entries from the audience",
                        len(targets)).format(n=len(targets))
        return self._push_hide(targets, True, text)

    def toggle_hidden(self) -> bool:
        stage = self.current_stage()
        target = reveal.target_for(self.doc.workshop, stage.selected, self._conflict_views(stage.phase))
        if target is None:
            self._tell(_("Select an inventory entry, goal, conflict, channel or belief to hide or reveal it."))
            return False
        if target.hidden:
            return self._push_hide([target], False, _("Reveal “{title}”").format(title=target.title))
        return self._push_hide([target], True, _("Hide “{title}” from the audience").format(title=target.title))

    # -- voting -------------------------------------------------------------------
    def open_voting(self) -> None:
        from workshop_app.ui.projector.voting import VotingDialog

        self.window.commit_pending()
        if self.voting is None:
            self.voting = VotingDialog(self.doc, self.actions.results, self.window)
        self.voting.refresh()
        self.voting.show()
        self.voting.raise_()
        self.voting.activateWindow()
