"""The projector's actions, menu entries and keys, and the guard that keeps letters for typing.

Keys follow presentation software: F5 presents, Esc leaves, B blanks the
wall, F freezes it. The single-letter keys (B, F, R, V) are window shortcuts
so they work on the laptop while the audience window shows the room; the
:class:`TypingGuard` lets a letter reach a text field, an editable cell or a
list being searched instead, so typing "Budget" never blanks the projector.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from workshop_app.i18n import _
from workshop_app.ui.widgets.plain import plain_tooltip

if TYPE_CHECKING:
    from workshop_app.ui.projector.presentation import Presenter

#: Keys that are plain letters (with or without Shift) and so may collide with typing.
LETTER_KEYS = {Qt.Key.Key_B, Qt.Key.Key_F, Qt.Key.Key_R, Qt.Key.Key_V}


@dataclass
class PresentationActions:
    present: QAction
    audience: QAction
    blank: QAction
    freeze: QAction
    results: QAction
    reveal_next: QAction
    reveal_all: QAction
    toggle_hidden: QAction
    hide_all: QAction
    larger: QAction
    smaller: QAction
    voting: QAction
    leave: QAction
    screens: QMenu | None = None


def _action(owner: QWidget, text: str, slot: Callable[[], object], keys: tuple[str, ...] = (), tip: str = "",
            checkable: bool = False) -> QAction:
    action = QAction(text, owner)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(plain_tooltip(tip))
    action.setCheckable(checkable)
    if checkable:
        action.triggered.connect(lambda checked: slot(checked))  # type: ignore[call-arg]
    else:
        action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)  # window shortcuts: they work in full screen, without the menu bar
    return action


def build_presentation_actions(p: Presenter, owner: QWidget) -> PresentationActions:
    a = PresentationActions(
        present=_action(owner, _("&Presentation mode"), p.set_presenting, ("F5",),
                        _("Full screen in large type for the room; Esc leaves"), checkable=True),
        audience=_action(owner, _("Present on &second screen"), p.set_audience, ("Shift+F5",),
                         _("A read-only audience window on the other screen; this screen keeps the editor"),
                         checkable=True),
        blank=_action(owner, _("&Blank the audience view"), p.set_blank, ("B",),
                      _("Black screen for the room (B again brings it back)"), checkable=True),
        freeze=_action(owner, _("&Freeze the audience view"), p.set_frozen, ("F",),
                       _("The room keeps seeing this picture while you prepare (F again follows you again)"),
                       checkable=True),
        results=_action(owner, _("Show dot-vote &results"), p.set_results, ("V",),
                        _("The room sees the dot-vote chart instead of the conflicts list"), checkable=True),
        reveal_next=_action(owner, _("&Reveal next entry"), p.reveal_next, ("R",),
                            _("Show the selected hidden entry, or the next hidden one of this phase")),
        reveal_all=_action(owner, _("Reveal &all entries of this phase"), p.reveal_all, ("Shift+R",)),
        toggle_hidden=_action(owner, _("&Hide or reveal the selected entry"), p.toggle_hidden, ("Ctrl+H",)),
        hide_all=_action(owner, _("Hide all entries of this phase"), p.hide_all, (),
                         _("Prepare: the room sees them only when you reveal them")),
        larger=_action(owner, _("&Larger type on the projector"), lambda: p.scale_step(+1)),
        smaller=_action(owner, _("&Smaller type on the projector"), lambda: p.scale_step(-1)),
        voting=_action(owner, _("&Dot voting…"), p.open_voting, ("Ctrl+Shift+D",),
                       _("Dots per participant, votes per person or typed in, results on the projector")),
        leave=_action(owner, _("Leave presentation mode"), lambda: p.set_presenting(False), ("Esc",)),
    )
    a.leave.setEnabled(False)  # Esc belongs to dialogs and editors unless presenting
    return a


def fill_menus(p: Presenter, a: PresentationActions, view_menu: QMenu, phase_menu: QMenu | None,
               before: QAction | None = None) -> None:
    """View → Presentation mode, Present on second screen, Projector ▸ …; Phase → Dot voting…"""
    for action in (a.present, a.audience):
        view_menu.insertAction(before, action) if before is not None else view_menu.addAction(action)
    projector = QMenu(_("&Projector"), view_menu)
    projector.setObjectName("projector_menu")
    projector.addActions([a.blank, a.freeze, a.results])
    projector.addSeparator()
    projector.addActions([a.reveal_next, a.reveal_all, a.toggle_hidden, a.hide_all])
    projector.addSeparator()
    projector.addActions([a.larger, a.smaller])
    a.screens = projector.addMenu(_("Audience &screen"))
    a.screens.aboutToShow.connect(p.fill_screen_menu)
    if before is not None:
        view_menu.insertMenu(before, projector)
        view_menu.insertSeparator(before)
    else:
        view_menu.addMenu(projector)
    if phase_menu is not None:
        phase_menu.addSeparator()
        phase_menu.addAction(a.voting)


def shortcut_rows() -> list[tuple[str, str]]:
    """The projector's keys for Help → Keyboard shortcuts."""
    return [
        ("F5 / Esc", _("Presentation mode on / off")),
        ("Shift+F5", _("Audience window on the second screen")),
        ("B / F", _("Blank / freeze the audience view (when not typing)")),
        ("R / Shift+R", _("Reveal the next / all hidden entries")),
        ("Ctrl+H", _("Hide or reveal the selected entry")),
        ("V", _("Dot-vote results on the projector")),
        ("Ctrl+Shift+D", _("Dot voting")),
        (_("In presentation mode"), _("↑ ↓ entries · ← → side · Tab category · PgUp/PgDn phase · Ctrl+↑/↓ dots · "
                                      "Ctrl+Plus/Minus type size")),
    ]


def takes_typing(widget: QObject | None) -> bool:
    """Would a typed letter go into ``widget`` (a field, an editable cell, a searchable list)?"""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, (QAbstractSpinBox, QComboBox)):
        return True
    if isinstance(widget, QAbstractItemView):
        if widget.state() == QAbstractItemView.State.EditingState:
            return True
        index = widget.currentIndex()
        typing_edits = bool(widget.editTriggers() & QAbstractItemView.EditTrigger.AnyKeyPressed)
        return typing_edits and index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
    return False


class TypingGuard(QObject):
    """Application event filter: a letter shortcut yields to the widget the letter is typed into."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.NoModifier
            if plain and event.key() in LETTER_KEYS and takes_typing(watched):
                event.accept()  # the widget gets the key; the shortcut does not fire
        return False
