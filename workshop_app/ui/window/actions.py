"""Every QAction of the main window, its shortcut, and the menus built from them.

Kept apart from the window so later features (presentation mode on F5,
recovery) add their actions here without reshuffling the window code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from workshop_app.i18n import _
from workshop_app.model import Phase
from workshop_app.ui.widgets.labels import phase_name

if TYPE_CHECKING:
    from workshop_app.ui.window.main_window import MainWindow

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    new: QAction
    open: QAction
    open_demo: QAction
    save: QAction
    save_as: QAction
    export_minutes: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    delete: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    full_screen: QAction
    next_phase: QAction
    previous_phase: QAction
    timer_toggle: QAction
    timer_extend: QAction
    phase_done: QAction
    alignment: QAction
    shortcuts_help: QAction
    about: QAction
    phases: list[QAction] = field(default_factory=list)
    languages: dict[str, QAction] = field(default_factory=dict)
    recent_menu: QMenu | None = None
    room_link: QAction | None = None  # checkable: the Room link server runs (ui/room/entry.py)
    room_window: QAction | None = None


def _action(window: MainWindow, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
    action = QAction(text, window)
    keys = [QKeySequence(k) for k in shortcuts]
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work in full screen without the menu bar
    return action


def build_actions(w: MainWindow) -> Actions:
    a = Actions(
        new=_action(w, _("&New workshop"), w.new_workshop, [Key.New]),
        open=_action(w, _("&Open…"), w.open_dialog, [Key.Open]),
        open_demo=_action(w, _("Open &demo workshop"), w.open_demo),
        save=_action(w, _("&Save"), w.save, [Key.Save]),
        save_as=_action(w, _("Save &as…"), w.save_as, ["Ctrl+Shift+S"]),
        export_minutes=_action(w, _("&Export minutes…"), w.export_minutes, ["Ctrl+E"]),
        quit=_action(w, _("&Quit"), w.close, ["Ctrl+Q"]),
        undo=_action(w, _("&Undo"), w.undo, [Key.Undo]),
        redo=_action(w, _("&Redo"), w.redo, ["Ctrl+Shift+Z", "Ctrl+Y"]),
        delete=_action(w, _("&Delete"), w.delete_selected, [Key.Delete]),
        zoom_in=_action(w, _("Zoom &in"), w.zoom_in, ["Ctrl++", "Ctrl+="]),
        zoom_out=_action(w, _("Zoom &out"), w.zoom_out, ["Ctrl+-"]),
        zoom_reset=_action(w, _("&Actual size"), w.zoom_reset, ["Ctrl+0"]),
        full_screen=_action(w, _("&Full screen"), w.toggle_full_screen, ["F11"]),
        next_phase=_action(w, _("&Next phase"), lambda: w.step_phase(+1), ["Ctrl+PgDown"]),
        previous_phase=_action(w, _("&Previous phase"), lambda: w.step_phase(-1), ["Ctrl+PgUp"]),
        timer_toggle=_action(w, _("&Start or pause the timebox"), w.toggle_timer, ["F9"]),
        timer_extend=_action(w, _("Add &five minutes"), w.extend_timer, ["Shift+F9"]),
        phase_done=_action(w, _("&Mark phase as done"), w.toggle_phase_done, ["Ctrl+D"]),
        alignment=_action(w, _("&Alignment check…"), w.open_alignment, ["Ctrl+Shift+A"],
                          _("Both sides score the same statements; the room sees each side's stage and the gaps")),
        shortcuts_help=_action(w, _("&Keyboard shortcuts"), w.show_shortcuts, ["F1"]),
        about=_action(w, _("&About Tandem"), w.show_about),
    )
    a.room_link = _action(w, _("&Room link on"), lambda: import_module("workshop_app.ui.room.entry").toggle_room_link(w),
                          (), _("Participants join from their phones on the room's network: cards, dot votes, the alignment check"))
    a.room_window = _action(w, _("Room link &window…"), lambda: import_module("workshop_app.ui.room.entry").open_room_link(w),
                            ["Ctrl+Shift+L"], _("Joining, the cards sent from phones, and voting rounds"))
    a.room_link.setCheckable(True)
    a.full_screen.setCheckable(True)
    a.phase_done.setCheckable(True)
    a.undo.setEnabled(False)
    a.redo.setEnabled(False)
    for number, phase in enumerate(Phase, start=1):
        action = _action(w, f"&{number}  {phase_name(phase)}", lambda p=phase: w.go_to_phase(p), [f"Ctrl+{number}"])
        action.setCheckable(True)
        a.phases.append(action)
    group = QActionGroup(w)
    for action in a.phases:
        group.addAction(action)
    return a


def _follow_up():
    """The follow-up commands (ui/window/follow_up.py), imported when first used."""
    from workshop_app.ui.window import follow_up

    return follow_up


def build_menus(w: MainWindow, a: Actions, bar: QMenuBar) -> None:
    file_menu = bar.addMenu(_("&File"))
    file_menu.addActions([a.new, a.open])
    a.recent_menu = file_menu.addMenu(_("Open &recent"))
    a.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addAction(a.open_demo)
    file_menu.addAction(_action(w, _("New &follow-up workshop…"), lambda: _follow_up().new_follow_up(w),
                                tip=_("A new workshop from an earlier one: review what moved since")))
    file_menu.addAction(_action(w, _("Open d&emo follow-up"), lambda: _follow_up().open_follow_up_demo(w)))
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as])
    file_menu.addSeparator()
    file_menu.addAction(a.export_minutes)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit_menu = bar.addMenu(_("&Edit"))
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(a.delete)

    view_menu = bar.addMenu(_("&View"))
    view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
    view_menu.addSeparator()
    view_menu.addAction(a.full_screen)
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(_("&Language"))
    group = QActionGroup(w)
    # the languages in their own names, so a facilitator finds theirs whatever the UI language
    for code, name in (("system", _("System default")), ("de", "Deutsch"), ("en", "English")):
        action = QAction(name, w)
        action.setCheckable(True)
        action.triggered.connect(lambda _c=False, c=code: w.choose_language(c))
        group.addAction(action)
        language_menu.addAction(action)
        a.languages[code] = action

    phase_menu = bar.addMenu(_("&Phase"))
    phase_menu.addActions(a.phases)
    phase_menu.addSeparator()
    phase_menu.addActions([a.previous_phase, a.next_phase])
    phase_menu.addSeparator()
    phase_menu.addActions([a.timer_toggle, a.timer_extend, a.phase_done])
    phase_menu.addSeparator()
    phase_menu.addAction(a.alignment)
    phase_menu.addAction(_action(w, _("What &moved? (follow-up review)…"), lambda: _follow_up().show_review(w),
                                 ["Ctrl+Shift+R"]))
    w.doc.replaced.connect(lambda: w.doc.workshop.follow_up is not None and _follow_up().offer_review(w))
    phase_menu.addActions([x for x in (a.room_link, a.room_window) if x is not None])

    help_menu = bar.addMenu(_("&Help"))
    help_menu.addActions([a.shortcuts_help, a.about])

    # F5, the audience window and View → Projector (ui/projector/presentation.py); made before the menus
    w.presenter.add_menus(view_menu, phase_menu, before=language_menu.menuAction())
